// Customer care: channels through which customers write (email, web widget, review feeds,
// connector webhooks), customers and their identities on each channel, conversations with
// status, priority, assignee, team, tags and SLA due times, one timeline of messages (inbound,
// outbound replies and internal notes), canned replies, saved views, SLA targets, teams,
// escalations into internal spaces, alerts, and who has a conversation open right now.
//
// Dedupe is in the schema: a message's external id (a Message-ID, a feed entry's guid, a
// connector's message id) is unique per channel, so a retried delivery never lands twice.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    -- Agents work the inbox; administrators configure channels (and may work the inbox too).
    ALTER TABLE users ADD COLUMN care_agent boolean NOT NULL DEFAULT false;

    CREATE TABLE care_teams (
      id uuid PRIMARY KEY,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      created_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX care_teams_name ON care_teams (lower(name));
    CREATE TABLE care_team_members (
      team_id uuid NOT NULL REFERENCES care_teams (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      PRIMARY KEY (team_id, user_id)
    );

    CREATE TABLE care_channels (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('email', 'widget', 'feed', 'connector')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      enabled boolean NOT NULL DEFAULT true,
      -- Kind-specific settings (addresses, allowed origins, feed URL, connector name…),
      -- validated by the channel's own zod schema before they are written.
      settings jsonb NOT NULL DEFAULT '{}',
      -- A shared secret where the kind needs one (the connector's HMAC key); never presented
      -- after creation except to rotate it.
      secret text,
      -- A public, unguessable key where the kind is addressed from outside (the widget).
      public_key text UNIQUE,
      -- New conversations go to this team by default.
      default_team_id uuid REFERENCES care_teams (id) ON DELETE SET NULL,
      -- Background polling state (feeds).
      polled_at timestamptz,
      poll_state jsonb NOT NULL DEFAULT '{}',
      last_error text,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    -- Targets per channel (NULL: every channel) and priority, in minutes.
    CREATE TABLE care_sla_policies (
      id uuid PRIMARY KEY,
      channel_id uuid REFERENCES care_channels (id) ON DELETE CASCADE,
      priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      first_response_minutes integer NOT NULL CHECK (first_response_minutes > 0),
      resolution_minutes integer NOT NULL CHECK (resolution_minutes > 0),
      -- Warn this many minutes before a target is missed.
      warn_minutes integer NOT NULL DEFAULT 15 CHECK (warn_minutes >= 0)
    );
    CREATE UNIQUE INDEX care_sla_policies_scope
      ON care_sla_policies (coalesce(channel_id, '00000000-0000-0000-0000-000000000000'::uuid), priority);

    -- One person outside the company, however many channels they wrote through.
    CREATE TABLE care_customers (
      id uuid PRIMARY KEY,
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
      email text,
      -- Set when an agent merged this customer into another: the row stays so old links resolve.
      merged_into uuid REFERENCES care_customers (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX care_customers_email ON care_customers (lower(email)) WHERE email IS NOT NULL;
    -- How a customer is known on a channel kind: an email address, a widget visitor, a feed
    -- author, a connector's user id. Unique per kind and value (emails are lower-cased).
    CREATE TABLE care_customer_identities (
      id uuid PRIMARY KEY,
      customer_id uuid NOT NULL REFERENCES care_customers (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('email', 'widget', 'feed', 'connector')),
      value text NOT NULL CHECK (length(value) BETWEEN 1 AND 500),
      created_at timestamptz NOT NULL,
      UNIQUE (kind, value)
    );
    CREATE INDEX care_customer_identities_customer ON care_customer_identities (customer_id);

    CREATE TABLE care_conversations (
      id uuid PRIMARY KEY,
      channel_id uuid NOT NULL REFERENCES care_channels (id) ON DELETE RESTRICT,
      customer_id uuid NOT NULL REFERENCES care_customers (id) ON DELETE RESTRICT,
      subject text NOT NULL DEFAULT '' CHECK (length(subject) <= 300),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'resolved')),
      priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
      team_id uuid REFERENCES care_teams (id) ON DELETE SET NULL,
      tags text[] NOT NULL DEFAULT '{}',
      -- The thread on the channel's side, when the channel has one (a connector's thread id).
      external_thread_id text,
      -- The latest inbound message's sentiment (-1 … 1), as scored or as an agent set it.
      sentiment real,
      message_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      last_message_at timestamptz NOT NULL,
      last_inbound_at timestamptz,
      first_response_at timestamptz,
      resolved_at timestamptz,
      -- SLA due times, set from care_sla_policies when the conversation opens (or reopens,
      -- or its priority changes); *_breached_at once the job found a target missed.
      first_response_due_at timestamptz,
      resolution_due_at timestamptz,
      sla_warned_at timestamptz,
      first_response_breached_at timestamptz,
      resolution_breached_at timestamptz
    );
    CREATE UNIQUE INDEX care_conversations_thread ON care_conversations (channel_id, external_thread_id)
      WHERE external_thread_id IS NOT NULL;
    -- The inbox: newest activity first, per status; filters narrow it further.
    CREATE INDEX care_conversations_inbox ON care_conversations (status, last_message_at DESC, id DESC);
    CREATE INDEX care_conversations_assignee ON care_conversations (assignee_id, status, last_message_at DESC);
    CREATE INDEX care_conversations_customer ON care_conversations (customer_id);
    CREATE INDEX care_conversations_tags ON care_conversations USING gin (tags);
    CREATE INDEX care_conversations_first_due ON care_conversations (first_response_due_at)
      WHERE first_response_at IS NULL AND first_response_due_at IS NOT NULL;
    CREATE INDEX care_conversations_resolution_due ON care_conversations (resolution_due_at)
      WHERE resolved_at IS NULL AND resolution_due_at IS NOT NULL;

    -- The conversation's timeline: what the customer wrote, what agents replied, and internal
    -- notes (never sent, never shown to the customer).
    CREATE TABLE care_messages (
      id uuid PRIMARY KEY,
      conversation_id uuid NOT NULL REFERENCES care_conversations (id) ON DELETE CASCADE,
      channel_id uuid NOT NULL REFERENCES care_channels (id) ON DELETE RESTRICT,
      kind text NOT NULL CHECK (kind IN ('inbound', 'outbound', 'note')),
      author_id uuid REFERENCES users (id) ON DELETE SET NULL,
      body text NOT NULL CHECK (length(body) <= 50000),
      -- The channel's own id of the message (Message-ID, feed guid, connector id): dedupe.
      external_id text,
      sentiment real,
      sentiment_edited_by uuid REFERENCES users (id) ON DELETE SET NULL,
      -- Outbound only: delivery through the channel.
      delivery_status text CHECK (delivery_status IN ('pending', 'sent', 'failed', 'not_applicable')),
      delivery_error text,
      delivered_at timestamptz,
      -- Channel details worth keeping (email headers for threading, feed entry link…).
      metadata jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX care_messages_external ON care_messages (channel_id, external_id)
      WHERE external_id IS NOT NULL;
    CREATE INDEX care_messages_conversation ON care_messages (conversation_id, created_at, id);

    CREATE TABLE care_canned_replies (
      id uuid PRIMARY KEY,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE care_views (
      id uuid PRIMARY KEY,
      owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      filters jsonb NOT NULL,
      shared boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX care_views_owner ON care_views (owner_id);

    -- A question asked inside the company on a customer's behalf: a post in an internal space
    -- (optionally addressed to one expert); the expert's answer comes back as a draft reply.
    CREATE TABLE care_escalations (
      id uuid PRIMARY KEY,
      conversation_id uuid NOT NULL REFERENCES care_conversations (id) ON DELETE CASCADE,
      post_id uuid REFERENCES posts (id) ON DELETE SET NULL,
      space_id uuid REFERENCES spaces (id) ON DELETE SET NULL,
      expert_id uuid REFERENCES users (id) ON DELETE SET NULL,
      requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
      answer_comment_id uuid REFERENCES comments (id) ON DELETE SET NULL,
      draft_body text,
      created_at timestamptz NOT NULL,
      answered_at timestamptz
    );
    CREATE INDEX care_escalations_conversation ON care_escalations (conversation_id);
    CREATE INDEX care_escalations_post ON care_escalations (post_id);

    -- What the care team must look at: a spike of negative messages on a tag or channel.
    CREATE TABLE care_alerts (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('negative_spike')),
      channel_id uuid REFERENCES care_channels (id) ON DELETE CASCADE,
      tag text,
      message_count integer NOT NULL,
      window_start timestamptz NOT NULL,
      window_end timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      acknowledged_by uuid REFERENCES users (id) ON DELETE SET NULL,
      acknowledged_at timestamptz
    );
    CREATE INDEX care_alerts_open ON care_alerts (created_at DESC) WHERE acknowledged_at IS NULL;

    -- Who has a conversation open now (a heartbeat every few seconds): the collision warning.
    CREATE TABLE care_presence (
      conversation_id uuid NOT NULL REFERENCES care_conversations (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      composing boolean NOT NULL DEFAULT false,
      seen_at timestamptz NOT NULL,
      PRIMARY KEY (conversation_id, user_id)
    );
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    DROP TABLE care_presence, care_alerts, care_escalations, care_views, care_canned_replies,
      care_messages, care_conversations, care_customer_identities, care_customers,
      care_sla_policies, care_channels, care_team_members, care_teams;
    ALTER TABLE users DROP COLUMN care_agent;
  `)
    .execute(db);
}
