// Spaces and the stream: spaces and their members, posts (with revisions, tags, mentions,
// links, attachments, polls, acknowledgements), comments, reactions, bookmarks, follows
// and notifications. Counters on posts and spaces are kept in the same transaction as
// the rows they count, so a feed page never has to count.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- People are mentioned by handle (@marie.dupont): derived from the email's local part,
    -- made unique with a number, assigned by the database so every way of creating an
    -- account (setup, invitation, demo data, SSO later) gets one.
    ALTER TABLE users ADD COLUMN handle text;
    CREATE FUNCTION users_assign_handle() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      base text;
      candidate text;
      n integer := 1;
    BEGIN
      IF NEW.handle IS NOT NULL THEN
        RETURN NEW;
      END IF;
      base := left(regexp_replace(regexp_replace(lower(split_part(NEW.email, '@', 1)),
        '[^a-z0-9._-]+', '', 'g'), '^[._-]+|[._-]+$', '', 'g'), 40);
      IF base = '' THEN
        base := 'user';
      END IF;
      candidate := base;
      WHILE EXISTS (SELECT 1 FROM users WHERE handle = candidate) LOOP
        n := n + 1;
        candidate := base || n::text;
      END LOOP;
      NEW.handle := candidate;
      RETURN NEW;
    END;
    $$;
    CREATE TRIGGER users_handle BEFORE INSERT ON users
      FOR EACH ROW EXECUTE FUNCTION users_assign_handle();
    -- Accounts that exist already get theirs the same way, oldest first.
    DO $$
    DECLARE
      r record;
      base text;
      candidate text;
      n integer;
    BEGIN
      FOR r IN SELECT id, email FROM users WHERE handle IS NULL ORDER BY created_at, id LOOP
        base := coalesce(nullif(left(regexp_replace(regexp_replace(lower(split_part(r.email, '@', 1)),
          '[^a-z0-9._-]+', '', 'g'), '^[._-]+|[._-]+$', '', 'g'), 40), ''), 'user');
        candidate := base;
        n := 1;
        WHILE EXISTS (SELECT 1 FROM users WHERE handle = candidate) LOOP
          n := n + 1;
          candidate := base || n::text;
        END LOOP;
        UPDATE users SET handle = candidate WHERE id = r.id;
      END LOOP;
    END;
    $$;
    ALTER TABLE users ALTER COLUMN handle SET NOT NULL;
    CREATE UNIQUE INDEX users_handle_key ON users (handle);

    CREATE TABLE spaces (
      id uuid PRIMARY KEY,
      slug text NOT NULL,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      type text NOT NULL CHECK (type IN ('project', 'team', 'event', 'community', 'pilot')),
      visibility text NOT NULL CHECK (visibility IN ('open', 'private', 'secret')),
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      archived_at timestamptz,
      member_count integer NOT NULL DEFAULT 0,
      CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
    );
    CREATE UNIQUE INDEX spaces_slug_key ON spaces (slug);
    CREATE INDEX spaces_name_idx ON spaces (lower(name), id);

    CREATE TABLE space_members (
      space_id uuid NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('owner', 'moderator', 'member')),
      joined_at timestamptz NOT NULL,
      PRIMARY KEY (space_id, user_id)
    );
    CREATE INDEX space_members_user_idx ON space_members (user_id, space_id);

    -- Join requests (from the person) and invitations (from a space manager), one pending per person.
    CREATE TABLE space_requests (
      id uuid PRIMARY KEY,
      space_id uuid NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('request', 'invitation')),
      status text NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'cancelled')),
      message text,
      created_by uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
      decided_at timestamptz
    );
    CREATE UNIQUE INDEX space_requests_pending_key ON space_requests (space_id, user_id)
      WHERE status = 'pending';
    CREATE INDEX space_requests_user_idx ON space_requests (user_id) WHERE status = 'pending';

    -- A post lives in a space, or on its author's profile when space_id is null.
    CREATE TABLE posts (
      id uuid PRIMARY KEY,
      author_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      space_id uuid REFERENCES spaces (id) ON DELETE CASCADE,
      body text NOT NULL,
      shared_post_id uuid REFERENCES posts (id) ON DELETE SET NULL,
      is_announcement boolean NOT NULL DEFAULT false,
      link_url text,
      created_at timestamptz NOT NULL,
      edited_at timestamptz,
      deleted_at timestamptz,
      deleted_by uuid REFERENCES users (id) ON DELETE SET NULL,
      pinned_at timestamptz,
      comment_count integer NOT NULL DEFAULT 0,
      reaction_counts jsonb NOT NULL DEFAULT '{}',
      ack_count integer NOT NULL DEFAULT 0
    );
    CREATE INDEX posts_space_idx ON posts (space_id, id DESC) WHERE deleted_at IS NULL;
    CREATE INDEX posts_author_idx ON posts (author_id, id DESC) WHERE deleted_at IS NULL;
    CREATE INDEX posts_profile_idx ON posts (id DESC) WHERE space_id IS NULL AND deleted_at IS NULL;
    CREATE INDEX posts_pinned_idx ON posts (space_id, pinned_at DESC) WHERE pinned_at IS NOT NULL;

    CREATE TABLE post_revisions (
      id uuid PRIMARY KEY,
      post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      body text NOT NULL,
      edited_by uuid REFERENCES users (id) ON DELETE SET NULL,
      replaced_at timestamptz NOT NULL
    );
    CREATE INDEX post_revisions_post_idx ON post_revisions (post_id, id);

    CREATE TABLE post_tags (
      tag text NOT NULL CHECK (tag = lower(tag)),
      post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      PRIMARY KEY (tag, post_id)
    );
    CREATE INDEX post_tags_post_idx ON post_tags (post_id);
    CREATE INDEX post_tags_feed_idx ON post_tags (tag, post_id DESC);

    CREATE TABLE post_mentions (
      post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      PRIMARY KEY (post_id, user_id)
    );

    CREATE TABLE link_previews (
      url text PRIMARY KEY,
      status text NOT NULL CHECK (status IN ('pending', 'ready', 'failed')),
      title text,
      description text,
      image_url text,
      site_name text,
      error text,
      fetched_at timestamptz,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE attachments (
      id uuid PRIMARY KEY,
      uploader_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      post_id uuid REFERENCES posts (id) ON DELETE CASCADE,
      file_name text NOT NULL,
      content_type text NOT NULL,
      size_bytes bigint NOT NULL,
      sha256 text NOT NULL,
      storage_key text NOT NULL,
      is_image boolean NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX attachments_post_idx ON attachments (post_id);
    CREATE INDEX attachments_orphan_idx ON attachments (created_at) WHERE post_id IS NULL;

    CREATE TABLE polls (
      post_id uuid PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
      multiple boolean NOT NULL,
      closes_at timestamptz,
      voter_count integer NOT NULL DEFAULT 0
    );
    CREATE TABLE poll_options (
      id uuid PRIMARY KEY,
      post_id uuid NOT NULL REFERENCES polls (post_id) ON DELETE CASCADE,
      position smallint NOT NULL,
      label text NOT NULL,
      vote_count integer NOT NULL DEFAULT 0,
      UNIQUE (post_id, position)
    );
    CREATE TABLE poll_votes (
      post_id uuid NOT NULL REFERENCES polls (post_id) ON DELETE CASCADE,
      option_id uuid NOT NULL REFERENCES poll_options (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      voted_at timestamptz NOT NULL,
      PRIMARY KEY (post_id, user_id, option_id)
    );

    CREATE TABLE announcement_acks (
      post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      acknowledged_at timestamptz NOT NULL,
      PRIMARY KEY (post_id, user_id)
    );

    -- One level of replies: a reply's parent is a top-level comment of the same post.
    CREATE TABLE comments (
      id uuid PRIMARY KEY,
      post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      parent_id uuid REFERENCES comments (id) ON DELETE CASCADE,
      author_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      body text NOT NULL,
      created_at timestamptz NOT NULL,
      edited_at timestamptz,
      deleted_at timestamptz,
      reaction_counts jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX comments_post_idx ON comments (post_id, id);

    CREATE TABLE reactions (
      post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('like', 'celebrate', 'support', 'insightful', 'curious')),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (post_id, user_id)
    );
    CREATE TABLE comment_reactions (
      comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('like', 'celebrate', 'support', 'insightful', 'curious')),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (comment_id, user_id)
    );

    CREATE TABLE bookmarks (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (user_id, post_id)
    );

    CREATE TABLE follows (
      follower_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      followee_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (follower_id, followee_id),
      CHECK (follower_id <> followee_id)
    );
    CREATE INDEX follows_followee_idx ON follows (followee_id);

    CREATE TABLE tag_follows (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      tag text NOT NULL CHECK (tag = lower(tag)),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (user_id, tag)
    );

    CREATE TABLE notifications (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL,
      actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
      space_id uuid REFERENCES spaces (id) ON DELETE CASCADE,
      post_id uuid REFERENCES posts (id) ON DELETE CASCADE,
      comment_id uuid REFERENCES comments (id) ON DELETE CASCADE,
      data jsonb,
      created_at timestamptz NOT NULL,
      read_at timestamptz
    );
    CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
    CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

    -- Only the kinds a person switched off are stored; everything else is on.
    CREATE TABLE notification_mutes (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL,
      PRIMARY KEY (user_id, kind)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE notification_mutes;
    DROP TABLE notifications;
    DROP TABLE tag_follows;
    DROP TABLE follows;
    DROP TABLE bookmarks;
    DROP TABLE comment_reactions;
    DROP TABLE reactions;
    DROP TABLE comments;
    DROP TABLE announcement_acks;
    DROP TABLE poll_votes;
    DROP TABLE poll_options;
    DROP TABLE polls;
    DROP TABLE attachments;
    DROP TABLE link_previews;
    DROP TABLE post_mentions;
    DROP TABLE post_tags;
    DROP TABLE post_revisions;
    DROP TABLE posts;
    DROP TABLE space_requests;
    DROP TABLE space_members;
    DROP TABLE spaces;
    DROP TRIGGER users_handle ON users;
    DROP FUNCTION users_assign_handle();
    ALTER TABLE users DROP COLUMN handle;
  `.execute(db);
}
