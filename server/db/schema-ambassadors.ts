// Row types of the ambassador tables (migration 2026-12-03-31-ambassadors); Database includes them.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export type KitStatus = 'draft' | 'published' | 'archived';

export interface AmbassadorKitTable {
  id: string;
  slug: string;
  title: string;
  texts: Json<Record<string, string>>;
  target_url: string;
  /** The kit's image in file storage and its type; image_updated_at makes its address change with it. */
  image_key: ColumnType<string | null, string | null | undefined, string | null>;
  image_type: ColumnType<string | null, string | null | undefined, string | null>;
  image_updated_at: NullableTimestamp;
  editable: boolean;
  disclosure: boolean;
  department_ids: Json<string[]>;
  site_ids: Json<string[]>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  status: ColumnType<KitStatus, KitStatus | undefined, KitStatus>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: NullableTimestamp;
  archived_at: NullableTimestamp;
}

export interface AmbassadorMemberTable {
  user_id: string;
  opted_in: boolean;
  updated_at: Timestamp;
}

export interface AmbassadorLinkTable {
  code: string;
  kit_id: string;
  network: string;
  user_id: string;
  shares: Generated<number>;
  created_at: Timestamp;
}

export interface AmbassadorClickTable {
  code: string;
  at: Timestamp;
}

export interface AmbassadorSettingsTable {
  id: Generated<number>;
  leaderboard: Generated<boolean>;
}

export interface AmbassadorsDatabase {
  ambassador_kits: AmbassadorKitTable;
  ambassador_members: AmbassadorMemberTable;
  ambassador_links: AmbassadorLinkTable;
  ambassador_clicks: AmbassadorClickTable;
  ambassador_settings: AmbassadorSettingsTable;
}
