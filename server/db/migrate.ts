// Runs the migrations this code knows, and refuses a database that a newer Trame has
// already migrated (its schema may hold things this code would misread or damage).
import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Db } from './database.ts';
import * as foundation from './migrations/2026-11-22-01-foundation.ts';
import * as spacesAndStream from './migrations/2026-11-23-01-spaces-and-stream.ts';
import * as feedIndexes from './migrations/2026-11-23-02-feed-indexes.ts';
import * as changeNotifications from './migrations/2026-12-02-01-change-notifications.ts';
import * as questions from './migrations/2026-12-02-02-questions.ts';
import * as events from './migrations/2026-12-02-03-events.ts';
import * as knowledge from './migrations/2026-12-02-04-knowledge.ts';
import * as search from './migrations/2026-12-02-05-search.ts';
import * as people from './migrations/2026-12-02-06-people.ts';
import * as auditChain from './migrations/2026-12-02-07-audit-chain.ts';
import * as externalSpaces from './migrations/2026-12-02-08-external-spaces.ts';
import * as sso from './migrations/2026-12-02-09-sso.ts';
import * as moderation from './migrations/2026-12-02-10-moderation.ts';
import * as personalData from './migrations/2026-12-02-11-personal-data.ts';
import * as retention from './migrations/2026-12-02-12-retention.ts';
import * as contentRules from './migrations/2026-12-02-13-content-rules.ts';
import * as analytics from './migrations/2026-12-02-14-analytics.ts';
import * as care from './migrations/2026-12-03-01-care.ts';
import * as analyticsScale from './migrations/2026-12-03-20-analytics-scale.ts';
import * as careInbox from './migrations/2026-12-03-21-care-inbox.ts';
import * as careInsight from './migrations/2026-12-03-22-care-insight.ts';
import * as ideas from './migrations/2026-12-03-30-ideas.ts';
import * as ambassadors from './migrations/2026-12-03-31-ambassadors.ts';
import * as analyticsCoarse from './migrations/2026-12-03-40-analytics-coarse-rollups.ts';
import * as ideaAttachments from './migrations/2026-12-03-41-idea-attachments.ts';
import * as ambassadorManagers from './migrations/2026-12-03-42-ambassador-managers.ts';
import * as analyticsDomains from './migrations/2026-12-03-43-analytics-domains.ts';
import * as careIdeas from './migrations/2026-12-03-44-care-ideas.ts';
import * as analyticsReads from './migrations/2026-12-03-45-analytics-reads.ts';
import * as analyticsClicks from './migrations/2026-12-03-46-analytics-clicks.ts';
import * as analyticsKnowledgeDays from './migrations/2026-12-03-47-analytics-knowledge-days.ts';
import * as analyticsGroupActive from './migrations/2026-12-03-48-analytics-group-active.ts';
import * as analyticsShares from './migrations/2026-12-03-49-analytics-shares.ts';
import * as careCovering from './migrations/2026-12-03-50-care-covering.ts';
import * as analyticsAskers from './migrations/2026-12-04-51-analytics-askers.ts';
import * as analyticsInteractionStats from './migrations/2026-12-04-52-analytics-interaction-stats.ts';
import * as analyticsPersonWeeks from './migrations/2026-12-04-53-analytics-person-weeks.ts';
import * as careChannelCreated from './migrations/2026-12-04-54-care-channel-created.ts';
import * as analyticsMonthDays from './migrations/2026-12-04-55-analytics-month-days.ts';

// Listed explicitly, in order: no directory scanning, so bundling and tests see the same set.
export const migrations: Record<string, Migration> = {
  '2026-11-22-01-foundation': foundation,
  '2026-11-23-01-spaces-and-stream': spacesAndStream,
  '2026-11-23-02-feed-indexes': feedIndexes,
  '2026-12-02-01-change-notifications': changeNotifications,
  '2026-12-02-02-questions': questions,
  '2026-12-02-03-events': events,
  '2026-12-02-04-knowledge': knowledge,
  '2026-12-02-05-search': search,
  '2026-12-02-06-people': people,
  '2026-12-02-07-audit-chain': auditChain,
  '2026-12-02-08-external-spaces': externalSpaces,
  '2026-12-02-09-sso': sso,
  '2026-12-02-10-moderation': moderation,
  '2026-12-02-11-personal-data': personalData,
  '2026-12-02-12-retention': retention,
  '2026-12-02-13-content-rules': contentRules,
  '2026-12-02-14-analytics': analytics,
  '2026-12-03-01-care': care,
  '2026-12-03-20-analytics-scale': analyticsScale,
  // Named after analytics-scale, which databases may already have run: the migrator refuses
  // a new name sorting before one it applied.
  '2026-12-03-21-care-inbox': careInbox,
  '2026-12-03-22-care-insight': careInsight,
  '2026-12-03-30-ideas': ideas,
  '2026-12-03-31-ambassadors': ambassadors,
  '2026-12-03-40-analytics-coarse-rollups': analyticsCoarse,
  '2026-12-03-41-idea-attachments': ideaAttachments,
  '2026-12-03-42-ambassador-managers': ambassadorManagers,
  '2026-12-03-43-analytics-domains': analyticsDomains,
  '2026-12-03-44-care-ideas': careIdeas,
  '2026-12-03-45-analytics-reads': analyticsReads,
  '2026-12-03-46-analytics-clicks': analyticsClicks,
  '2026-12-03-47-analytics-knowledge-days': analyticsKnowledgeDays,
  '2026-12-03-48-analytics-group-active': analyticsGroupActive,
  '2026-12-03-49-analytics-shares': analyticsShares,
  '2026-12-03-50-care-covering': careCovering,
  '2026-12-04-51-analytics-askers': analyticsAskers,
  '2026-12-04-52-analytics-interaction-stats': analyticsInteractionStats,
  '2026-12-04-53-analytics-person-weeks': analyticsPersonWeeks,
  '2026-12-04-54-care-channel-created': careChannelCreated,
  '2026-12-04-55-analytics-month-days': analyticsMonthDays,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export class SchemaTooNewError extends Error {}

export async function assertSchemaNotNewer(db: Db): Promise<void> {
  const exists = await sql<{ exists: boolean }>`
    SELECT to_regclass('public.kysely_migration') IS NOT NULL AS exists`.execute(db);
  if (!exists.rows[0]?.exists) return;
  const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  const unknown = applied.rows.map((r) => r.name).filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new SchemaTooNewError(
      `The database was migrated by a newer version of Trame (unknown migration ${unknown.join(', ')}). ` +
        'Run that version, or restore a backup taken before the upgrade.',
    );
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  await assertSchemaNotNewer(db);
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
