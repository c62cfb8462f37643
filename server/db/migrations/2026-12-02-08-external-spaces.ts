// External spaces: a space marked external may hold guests (customers, suppliers,
// partners); guests may belong to no other space. The organisation chooses who may create
// external spaces and who may invite guests. An invitation may name the space a guest joins
// on accepting it.
//
// Spaces that already hold guests (as members or invited) become external, so nothing a
// guest sees changes and every internal member now sees the badge.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE spaces ADD COLUMN external boolean NOT NULL DEFAULT false;
    UPDATE spaces SET external = true
      WHERE EXISTS (
        SELECT 1 FROM space_members m JOIN users u ON u.id = m.user_id
        WHERE m.space_id = spaces.id AND u.role = 'guest'
      ) OR EXISTS (
        SELECT 1 FROM space_requests r JOIN users u ON u.id = r.user_id
        WHERE r.space_id = spaces.id AND r.status = 'pending' AND u.role = 'guest'
      );

    ALTER TABLE organisation
      ADD COLUMN external_space_creators text NOT NULL DEFAULT 'admins'
        CHECK (external_space_creators IN ('admins', 'members')),
      ADD COLUMN guest_inviters text NOT NULL DEFAULT 'admins'
        CHECK (guest_inviters IN ('admins', 'managers'));

    ALTER TABLE invitations ADD COLUMN space_id uuid REFERENCES spaces (id) ON DELETE CASCADE;
    CREATE INDEX invitations_space_idx ON invitations (space_id) WHERE space_id IS NOT NULL;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE invitations DROP COLUMN space_id;
    ALTER TABLE organisation DROP COLUMN external_space_creators, DROP COLUMN guest_inviters;
    ALTER TABLE spaces DROP COLUMN external;
  `)
    .execute(db);
}
