// A script cannot flood a space: posting is limited per account, and the limit lifts
// with time. (Comments, reactions and uploads have their own, larger budgets.) Searching,
// the one read that can cost many rows, has a budget too.
import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { SEARCH_PER_ACCOUNT } from '../../server/modules/search/routes.ts';
import { writeLimits } from '../../server/modules/stream/rate-limits.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { person } from '../helpers/stream-fixtures.ts';

describe('write limits', () => {
  const t = useServer({ worker: false });

  it('refuses posts past the per-minute budget, for that account only, until time passes', async () => {
    await setUpOrganisation(t.server);
    const flooder = await person(t.server);
    const colleague = await person(t.server);
    const budget = writeLimits.postPerAccount.limit;
    for (let i = 0; i < budget; i++) {
      const ok = await flooder.client.call(api.createPost, { body: { body: `Message ${i}` } });
      expect(ok.status).toBe(201);
    }
    const refused = await flooder.client.call(api.createPost, { body: { body: 'One too many' } });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await colleague.client.call(api.createPost, { body: { body: 'Still fine' } })).status).toBe(201);
    t.server.clock.offsetMs += 61_000;
    expect((await flooder.client.call(api.createPost, { body: { body: 'Later' } })).status).toBe(201);
  });

  it('refuses searches past the per-minute budget, for that account only', async () => {
    const searcher = await person(t.server);
    const colleague = await person(t.server);
    for (let i = 0; i < SEARCH_PER_ACCOUNT.limit; i++) {
      const ok = await searcher.client.call(api.search, { query: { q: `mot${i}` } });
      expect(ok.status).toBe(200);
    }
    const refused = await searcher.client.call(api.search, { query: { q: 'encore' } });
    expect(refused.status).toBe(429);
    expect((await colleague.client.call(api.search, { query: { q: 'encore' } })).status).toBe(200);
  });
});
