// Single sign-on with OpenID Connect: the provider settings (one row), the identities
// that link a person to a provider's subject, and the sign-ins in progress.
//
// A sign-in in progress keeps only hashes of its state, nonce and browser binding, so a
// copy of the table cannot complete anyone's sign-in; the PKCE verifier is kept as is
// (it must be sent to the provider) and dies with the row after ten minutes or one use.
// The client secret is kept as is too: it is sent to the provider at every sign-in.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sso_settings (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      issuer text,
      client_id text,
      client_secret text,
      button_label text NOT NULL DEFAULT '',
      allow_create boolean NOT NULL DEFAULT false,
      required boolean NOT NULL DEFAULT false,
      tested_issuer text,
      tested_at timestamptz,
      updated_at timestamptz NOT NULL,
      updated_by uuid REFERENCES users (id) ON DELETE SET NULL
    );

    CREATE TABLE user_identities (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      issuer text NOT NULL,
      subject text NOT NULL,
      email text,
      created_at timestamptz NOT NULL,
      last_used_at timestamptz NOT NULL,
      UNIQUE (issuer, subject)
    );
    CREATE INDEX user_identities_user_idx ON user_identities (user_id);

    CREATE TABLE sso_logins (
      id uuid PRIMARY KEY,
      state_hash text NOT NULL UNIQUE,
      browser_hash text NOT NULL,
      nonce_hash text NOT NULL,
      code_verifier text NOT NULL,
      return_to text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX sso_logins_expires_idx ON sso_logins (expires_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE sso_logins;
    DROP TABLE user_identities;
    DROP TABLE sso_settings;
  `.execute(db);
}
