// The care figures, defined once: what /care/insight reports and what the analytics `care`
// dashboard shows are these same measures, over conversations `c` opened in a range (by
// `c.created_at`, the index care_conversations_created) and inbound messages `m` received in
// a range (by `m.created_at`, the partial index care_messages_inbound_created).
import { sql } from 'kysely';
import { NEGATIVE_THRESHOLD } from './sentiment.ts';

// date_part, not extract: extract gives numeric since PostgreSQL 14, and sorting 100,000
// numerics for a median costs several times the same doubles.
/** Minutes from a conversation's opening to its first reply (null: not answered yet). */
export const FIRST_RESPONSE_MINUTES = sql`date_part('epoch', c.first_response_at - c.created_at) / 60`;
/** Minutes from a conversation's opening to its resolution (null: not resolved). */
export const RESOLUTION_MINUTES = sql`date_part('epoch', c.resolved_at - c.created_at) / 60`;

/**
 * Over conversations `c`: how many opened (`conversations`), resolved, and how many missed
 * their first-response (`frb`) and resolution (`rb`) targets (the SLA job's `*_breached_at`).
 */
export const CONVERSATION_COUNTS = sql`count(*)::int AS conversations,
  (count(*) FILTER (WHERE c.resolved_at IS NOT NULL))::int AS resolved,
  (count(*) FILTER (WHERE c.first_response_breached_at IS NOT NULL))::int AS frb,
  (count(*) FILTER (WHERE c.resolution_breached_at IS NOT NULL))::int AS rb`;

/** Over conversations `c`: the median minutes to the first response (`frt`). */
export const FIRST_RESPONSE_MEDIAN = sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${FIRST_RESPONSE_MINUTES})
    FILTER (WHERE c.first_response_at IS NOT NULL) AS frt`;

/**
 * Over conversations `c`: the counts (CONVERSATION_COUNTS), the median minutes to the first
 * response (`frt`) and to resolution (`rt`). Medians sort their values: a grouping that needs
 * only the counts takes CONVERSATION_COUNTS (no sort, a hash of the groups).
 */
export const CONVERSATION_MEASURES = sql`${CONVERSATION_COUNTS}, ${FIRST_RESPONSE_MEDIAN},
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${RESOLUTION_MINUTES})
    FILTER (WHERE c.resolved_at IS NOT NULL) AS rt`;

/**
 * Over inbound messages `m`: how many (`inbound`), how many scored (`scored`), their mean
 * sentiment (`avg`, unscored ones left out) and how many are negative (score ≤ −0.3).
 */
export const MESSAGE_MEASURES = sql`count(*)::int AS inbound,
  count(m.sentiment)::int AS scored,
  avg(m.sentiment) AS avg,
  (count(*) FILTER (WHERE m.sentiment <= ${NEGATIVE_THRESHOLD}))::int AS negative`;
