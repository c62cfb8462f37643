// Ambassadors, finished: the "communication manager" grant an administrator gives a colleague
// (they write, publish and archive share kits and read the reach report), and a kit's image
// uploaded into file storage like a profile photo. The image address of the first version is
// dropped: the web app's Content-Security-Policy (img-src 'self') never let it show, and an
// outside image would have told a third party who opened the page.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE users ADD COLUMN communication_manager boolean NOT NULL DEFAULT false;
    ALTER TABLE ambassador_kits DROP COLUMN image_url;
    ALTER TABLE ambassador_kits ADD COLUMN image_key text;
    ALTER TABLE ambassador_kits ADD COLUMN image_type text;
    ALTER TABLE ambassador_kits ADD COLUMN image_updated_at timestamptz;
    CREATE INDEX ambassador_links_user ON ambassador_links (user_id);
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP INDEX ambassador_links_user;
    ALTER TABLE ambassador_kits DROP COLUMN image_updated_at;
    ALTER TABLE ambassador_kits DROP COLUMN image_type;
    ALTER TABLE ambassador_kits DROP COLUMN image_key;
    ALTER TABLE ambassador_kits ADD COLUMN image_url text;
    ALTER TABLE users DROP COLUMN communication_manager;
  `)
    .execute(db);
}
