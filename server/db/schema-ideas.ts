// Row types of the ideas tables (migration 2026-12-03-30-ideas); Database includes them.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type IdeaStatus = 'new' | 'under_review' | 'planned' | 'in_progress' | 'shipped' | 'declined';

export interface IdeasDatabase {
  idea_campaigns: {
    id: string;
    space_id: string;
    title: string;
    description: Generated<string>;
    opens_at: Timestamp;
    closes_at: Timestamp;
    criteria: Json<string[]>;
    created_by: string | null;
    created_at: Timestamp;
    /** Set when its owners closed it before its closing date. */
    closed_at: NullableTimestamp;
  };
  ideas: {
    id: string;
    campaign_id: string;
    author_id: string | null;
    title: string;
    description: Generated<string>;
    status: Generated<IdeaStatus>;
    vote_count: Generated<number>;
    score: ColumnType<number | null, number | null | undefined, number | null>;
    merged_into: ColumnType<string | null, string | null | undefined, string | null>;
    created_at: Timestamp;
    decided_at: NullableTimestamp;
  };
  idea_votes: { idea_id: string; user_id: string; created_at: Timestamp };
  idea_followers: { idea_id: string; user_id: string };
  idea_status_changes: {
    id: string;
    idea_id: string;
    actor_id: string | null;
    from_status: IdeaStatus;
    to_status: IdeaStatus;
    explanation: string;
    at: Timestamp;
  };
  idea_evaluations: {
    idea_id: string;
    evaluator_id: string;
    scores: Json<Record<string, number>>;
    note: Generated<string>;
    updated_at: Timestamp;
  };
  idea_comments: {
    id: string;
    idea_id: string;
    author_id: string | null;
    body: string;
    created_at: Timestamp;
  };
}
