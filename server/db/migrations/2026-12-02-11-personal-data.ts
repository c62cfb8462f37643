// Personal data: a person's downloadable archives, and erasure. An archive is a row (its
// state and where its file lies) that lives seven days. An erased account keeps its row,
// so what it wrote can stay attributed to "a former employee"; `erased_at` says it can
// never come back. The organisation chooses once what erasure does with content.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE users ADD COLUMN erased_at timestamptz;
    ALTER TABLE organisation ADD COLUMN erasure_content text NOT NULL DEFAULT 'keep'
      CHECK (erasure_content IN ('keep', 'delete'));

    CREATE TABLE personal_data_exports (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status IN ('pending', 'ready', 'failed')),
      locale text NOT NULL CHECK (locale IN ('fr', 'en')),
      storage_key text,
      size_bytes bigint,
      created_at timestamptz NOT NULL,
      ready_at timestamptz,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX personal_data_exports_user_idx ON personal_data_exports (user_id, created_at DESC);
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP TABLE personal_data_exports;
    ALTER TABLE organisation DROP COLUMN erasure_content;
    ALTER TABLE users DROP COLUMN erased_at;
  `)
    .execute(db);
}
