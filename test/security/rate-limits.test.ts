import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { limits } from '../../server/modules/auth/rate-limits.ts';
import { buildUser, PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';

describe('brute force is limited', () => {
  const t = useServer();

  it('locks an account after repeated failures, even for the right password, without revealing it exists', async () => {
    await setUpOrganisation(t.server);
    const victim = await buildUser(t.server);
    const limit = limits.signInPerAccount.limit;
    for (let i = 0; i < limit; i++) {
      // Each attempt from a different address: the per-account limit must hold on its own.
      const res = await t.server
        .client()
        .call(api.signIn, { body: { email: victim.email, password: `guess ${i}` } });
      expect(res.status).toBe(401);
    }
    const blocked = await t.server
      .client()
      .call(api.signIn, { body: { email: victim.email, password: PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.setCookies.some((c) => c.startsWith('trame_session='))).toBe(false);

    // An unknown address is limited the same way, with the same answer.
    for (let i = 0; i < limit; i++) {
      await t.server
        .client()
        .call(api.signIn, { body: { email: 'nobody-here@example.test', password: `guess ${i}` } });
    }
    const unknown = await t.server
      .client()
      .call(api.signIn, { body: { email: 'nobody-here@example.test', password: 'x' } });
    expect(unknown.status).toBe(429);
    expect(Object.keys(unknown.body.error)).toEqual(Object.keys(blocked.body.error));

    // The window passes: the right password works again.
    t.server.clock.advance(limits.signInPerAccount.windowSeconds * 1000 + 1000);
    const later = await t.server
      .client()
      .call(api.signIn, { body: { email: victim.email, password: PASSWORD } });
    expect(later.status).toBe(200);
  });

  it('limits one address trying many accounts', async () => {
    const attacker = t.server.client({ ip: '203.0.113.66' });
    const limit = limits.signInPerIp.limit;
    for (let i = 0; i < limit; i++) {
      const res = await attacker.call(api.signIn, {
        body: { email: `target${i}@example.test`, password: 'password guess' },
      });
      expect(res.status).toBe(401);
    }
    const res = await attacker.call(api.signIn, {
      body: { email: 'one-more@example.test', password: 'password guess' },
    });
    expect(res.status).toBe(429);
    // Someone else is not affected.
    const user = await buildUser(t.server);
    expect(
      (await t.server.client().call(api.signIn, { body: { email: user.email, password: PASSWORD } })).status,
    ).toBe(200);
  });

  it('limits password reset requests per address, identically for unknown addresses', async () => {
    const user = await buildUser(t.server);
    const statuses = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i <= limits.resetPerAccount.limit; i++) {
        out.push((await t.server.client().call(api.requestPasswordReset, { body: { email } })).status);
      }
      return out;
    };
    const known = await statuses(user.email);
    const unknown = await statuses('ghost-reset@example.test');
    expect(known).toEqual([...Array(limits.resetPerAccount.limit).fill(202), 429]);
    expect(unknown).toEqual(known);
  });

  it('limits invitations per administrator', async () => {
    const { client } = await setUpOrganisation(t.server);
    // Use most of the allowance directly in the limiter, then cross the line through the API.
    const actor = (await client.call(api.getMe)).body.id;
    for (let i = 0; i < limits.invitePerAccount.limit - 1; i++)
      await t.server.ctx.limiter.hit(limits.invitePerAccount, actor);
    expect(
      (await client.call(api.createInvitation, { body: { email: 'last-one@example.test', locale: 'en' } }))
        .status,
    ).toBe(201);
    const over = await client.call(api.createInvitation, {
      body: { email: 'too-many@example.test', locale: 'en' },
    });
    expect(over.status).toBe(429);
    const rows = await t.server.ctx.db
      .selectFrom('invitations')
      .select('email')
      .where('email', '=', 'too-many@example.test')
      .execute();
    expect(rows).toEqual([]);
  });

  it('limits guessing of invitation and reset links per address', async () => {
    const guesser = t.server.client({ ip: '203.0.113.99' });
    for (let i = 0; i < limits.linkTokenPerIp.limit; i++) {
      const res = await guesser.call(api.previewInvitation, {
        body: { token: `guess-token-number-${i}-xxxxxxxx` },
      });
      expect(res.status).toBe(400);
    }
    const res = await guesser.call(api.completePasswordReset, {
      body: { token: 'guess-token-number-last-xxxxxxxx', newPassword: 'a fine new passphrase' },
    });
    expect(res.status).toBe(429);
  });
});
