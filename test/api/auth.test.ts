import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { DAY, MINUTE } from '../../server/platform/clock.ts';
import { hashToken } from '../../server/platform/tokens.ts';
import {
  buildUser,
  drainJobs,
  linkTokenFromOutbox,
  PASSWORD,
  setUpOrganisation,
  signIn,
} from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';

describe('sign-in and sessions', () => {
  const t = useServer();

  it('signs in with the right password and stores only a hash of the session token', async () => {
    await setUpOrganisation(t.server);
    const user = await buildUser(t.server, { email: 'Marc.Petit@Example.test'.toLowerCase() });
    const client = t.server.client();
    const res = await client.call(api.signIn, {
      body: { email: '  MARC.PETIT@example.test ', password: PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, email: user.email, role: 'member' });
    const token = client.cookie('trame_session')!;
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url
    const rows = await t.server.ctx.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await client.call(api.getMe)).body.id).toBe(user.id);
  });

  it('answers a wrong password and an unknown email identically, and audits both', async () => {
    const user = await buildUser(t.server);
    const wrong = await t.server
      .client()
      .call(api.signIn, { body: { email: user.email, password: 'not the password' } });
    const unknown = await t.server
      .client()
      .call(api.signIn, { body: { email: 'nobody@example.test', password: 'whatever it is' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const failures = await t.server.ctx.db
      .selectFrom('audit_log')
      .select(['target_id', 'details'])
      .where('action', '=', 'auth.sign_in_failed')
      .execute();
    expect(failures).toEqual(
      expect.arrayContaining([
        { target_id: user.id, details: { email: user.email, reason: 'wrong_password' } },
        { target_id: null, details: { email: 'nobody@example.test', reason: 'unknown_account' } },
      ]),
    );
  });

  it('rotates the session at sign-in: the earlier token stops working', async () => {
    const user = await buildUser(t.server);
    const client = await signIn(t.server, user);
    const first = client.cookie('trame_session')!;
    const firstCsrf = client.cookie('trame_csrf')!;
    const again = await client.call(api.signIn, { body: { email: user.email, password: PASSWORD } });
    expect(again.status).toBe(200);
    const second = client.cookie('trame_session')!;
    expect(second).not.toBe(first);
    expect(client.cookie('trame_csrf')).not.toBe(firstCsrf);
    const stale = t.server.client();
    stale.cookies.set('trame_session', first);
    expect((await stale.call(api.getMe)).status).toBe(401);
    expect((await client.call(api.getMe)).status).toBe(200);
  });

  it('signs out this session only', async () => {
    const user = await buildUser(t.server);
    const laptop = await signIn(t.server, user);
    const phone = await signIn(t.server, user);
    expect((await laptop.call(api.signOut)).status).toBe(204);
    expect(laptop.cookie('trame_session')).toBeUndefined();
    expect((await laptop.call(api.getMe)).status).toBe(401);
    expect((await phone.call(api.getMe)).status).toBe(200);
  });

  it('signs out everywhere, audited', async () => {
    const user = await buildUser(t.server);
    const laptop = await signIn(t.server, user);
    const phone = await signIn(t.server, user);
    expect((await phone.call(api.signOutEverywhere)).status).toBe(204);
    expect((await laptop.call(api.getMe)).status).toBe(401);
    expect((await phone.call(api.getMe)).status).toBe(401);
    const entry = await t.server.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.sign_out_everywhere')
      .where('actor_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(entry.details).toEqual({ sessionsEnded: 2 });
  });

  it('ends a session after the idle time, even though it is still within its absolute life', async () => {
    const user = await buildUser(t.server);
    const client = await signIn(t.server, user);
    const idle = t.server.ctx.config.SESSION_IDLE_MINUTES * MINUTE;
    t.server.clock.advance(idle - 2 * MINUTE);
    expect((await client.call(api.getMe)).status).toBe(200); // use refreshes the idle timer
    t.server.clock.advance(idle - 2 * MINUTE);
    expect((await client.call(api.getMe)).status).toBe(200);
    t.server.clock.advance(idle + MINUTE);
    const res = await client.call(api.getMe);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect(
      await t.server.ctx.db.selectFrom('sessions').where('user_id', '=', user.id).selectAll().execute(),
    ).toEqual([]);
  });

  it('ends a session at its absolute expiry, however active', async () => {
    const user = await buildUser(t.server);
    const client = await signIn(t.server, user);
    const step = t.server.ctx.config.SESSION_IDLE_MINUTES * MINUTE - MINUTE;
    const life = t.server.ctx.config.SESSION_ABSOLUTE_DAYS * DAY;
    let elapsed = 0;
    while (elapsed + step < life) {
      t.server.clock.advance(step);
      elapsed += step;
      expect((await client.call(api.getMe)).status).toBe(200);
    }
    t.server.clock.advance(life - elapsed + MINUTE);
    expect((await client.call(api.getMe)).status).toBe(401);
  });

  it('updates own name and language', async () => {
    const user = await buildUser(t.server);
    const client = await signIn(t.server, user);
    const res = await client.call(api.updateMe, { body: { name: '  Élodie Martin ', locale: 'fr' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Élodie Martin', locale: 'fr' });
    const empty = await client.call(api.updateMe, { body: {} });
    expect(empty.status).toBe(400);
  });
});

describe('password change and reset', () => {
  const t = useServer();

  it('changes the password: other sessions end, this one stays, the owner is told by mail', async () => {
    await setUpOrganisation(t.server);
    const user = await buildUser(t.server);
    const here = await signIn(t.server, user);
    const elsewhere = await signIn(t.server, user);
    const newPassword = 'a much longer passphrase 2026';
    const res = await here.call(api.changePassword, { body: { currentPassword: PASSWORD, newPassword } });
    expect(res.status).toBe(204);
    expect((await here.call(api.getMe)).status).toBe(200);
    expect((await elsewhere.call(api.getMe)).status).toBe(401);
    const old = await t.server.client().call(api.signIn, { body: { email: user.email, password: PASSWORD } });
    expect(old.status).toBe(401);
    await signIn(t.server, { email: user.email, password: newPassword });
    const mail = await t.server.ctx.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', user.email)
      .where('kind', '=', 'password_changed')
      .executeTakeFirstOrThrow();
    expect(mail.sensitive).toBe(false);
    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'auth.password_changed')
      .where('target_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ otherSessionsEnded: 1 });
  });

  it('refuses a wrong current password and a weak new one, naming the field', async () => {
    const user = await buildUser(t.server);
    const client = await signIn(t.server, user);
    const wrong = await client.call(api.changePassword, {
      body: { currentPassword: 'nope nope nope', newPassword: 'another fine passphrase' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('wrong_password');
    expect(wrong.body.error.details.issues[0].field).toBe('currentPassword');
    const weak = await client.call(api.changePassword, {
      body: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.issues[0]).toMatchObject({ field: 'newPassword', reason: 'too_short' });
    const common = await client.call(api.changePassword, {
      body: { currentPassword: PASSWORD, newPassword: 'motdepasse1' },
    });
    expect(common.body.error.details.issues[0]).toMatchObject({ field: 'newPassword', reason: 'too_common' });
    await signIn(t.server, user); // the password did not change
  });

  it('resets a forgotten password by emailed link, once, ending every session', async () => {
    const user = await buildUser(t.server, { locale: 'fr' });
    const session = await signIn(t.server, user);
    const anonymous = t.server.client();
    const res = await anonymous.call(api.requestPasswordReset, { body: { email: user.email } });
    expect(res.status).toBe(202);
    await drainJobs(t.server);
    const mail = await t.server.ctx.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', user.email)
      .where('kind', '=', 'password_reset')
      .executeTakeFirstOrThrow();
    expect(mail.subject).toMatch(/Réinitialisez/);
    expect(mail.sensitive).toBe(true);
    expect(mail.text_body).toContain(`${t.server.url}/reset-password#token=`);
    const token = await linkTokenFromOutbox(t.server, user.email, 'password_reset');

    const newPassword = 'brand new passphrase for me';
    const done = await anonymous.call(api.completePasswordReset, { body: { token, newPassword } });
    expect(done.status).toBe(204);
    expect((await session.call(api.getMe)).status).toBe(401);
    await signIn(t.server, { email: user.email, password: newPassword });
    const again = await anonymous.call(api.completePasswordReset, {
      body: { token, newPassword: 'yet another passphrase' },
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_token');
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = await t.server.ctx.db.selectFrom('mail_outbox').select('id').execute();
    const known = await buildUser(t.server);
    const a = await t.server
      .client()
      .call(api.requestPasswordReset, { body: { email: 'ghost@example.test' } });
    const b = await t.server.client().call(api.requestPasswordReset, { body: { email: known.email } });
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.text).toBe(b.text);
    await drainJobs(t.server);
    const after = await t.server.ctx.db.selectFrom('mail_outbox').select('to_address').execute();
    const added = after.slice(before.length).map((m) => m.to_address);
    expect(added).toContain(known.email);
    expect(added).not.toContain('ghost@example.test');
  });

  it('expires a reset link after an hour, and a newer link replaces an older one', async () => {
    const user = await buildUser(t.server);
    await t.server.client().call(api.requestPasswordReset, { body: { email: user.email } });
    await drainJobs(t.server);
    const first = await linkTokenFromOutbox(t.server, user.email, 'password_reset');
    await t.server.client().call(api.requestPasswordReset, { body: { email: user.email } });
    await drainJobs(t.server);
    const second = await linkTokenFromOutbox(t.server, user.email, 'password_reset');
    expect(second).not.toBe(first);
    const old = await t.server
      .client()
      .call(api.completePasswordReset, { body: { token: first, newPassword: 'valid passphrase one' } });
    expect(old.body.error.code).toBe('invalid_token');
    t.server.clock.advance(61 * MINUTE);
    const late = await t.server
      .client()
      .call(api.completePasswordReset, { body: { token: second, newPassword: 'valid passphrase two' } });
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('invalid_token');
  });

  it('sends no reset link to a deactivated account', async () => {
    const user = await buildUser(t.server, { status: 'deactivated' });
    await t.server.client().call(api.requestPasswordReset, { body: { email: user.email } });
    await drainJobs(t.server);
    const mails = await t.server.ctx.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('to_address', '=', user.email)
      .execute();
    expect(mails).toEqual([]);
  });
});
