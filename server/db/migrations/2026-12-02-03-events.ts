// Events: a date in a space, with a time zone, a place or a link, and who is coming. Readable
// by whoever may read the space. Answers (yes, maybe, no) are counted on the event's row in
// the same transaction. Each person may have a private calendar feed, reached by a token
// stored hashed, like every other secret.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE events (
      id uuid PRIMARY KEY,
      space_id uuid NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '',
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      -- The zone the organiser meant (IANA name): shown with the times, written in the .ics.
      time_zone text NOT NULL,
      location text,
      online_url text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      cancelled_at timestamptz,
      yes_count integer NOT NULL DEFAULT 0,
      maybe_count integer NOT NULL DEFAULT 0,
      no_count integer NOT NULL DEFAULT 0,
      CHECK (ends_at > starts_at)
    );
    CREATE INDEX events_space_idx ON events (space_id, starts_at);
    CREATE INDEX events_starts_idx ON events (starts_at);

    CREATE TABLE event_answers (
      event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      answer text NOT NULL CHECK (answer IN ('yes', 'maybe', 'no')),
      answered_at timestamptz NOT NULL,
      PRIMARY KEY (event_id, user_id)
    );
    CREATE INDEX event_answers_user_idx ON event_answers (user_id, event_id);

    CREATE TABLE calendar_feeds (
      user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL
    );
  `)
    .execute(db);
}
