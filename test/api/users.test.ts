import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { caughtUp } from '../../server/platform/transaction.ts';
import { buildUser, PASSWORD, setUpOrganisation, signIn } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';

describe('account administration', () => {
  const t = useServer();

  it('lists accounts by name with filters, for administrators only', async () => {
    const { client } = await setUpOrganisation(t.server);
    await buildUser(t.server, { name: 'Zoé Lefèvre' });
    await buildUser(t.server, { name: 'Bruno Garnier', role: 'guest' });
    await buildUser(t.server, { name: 'Amélie Roux', status: 'deactivated' });
    const all = await client.call(api.listUsers, { query: { limit: 100 } });
    const names = all.body.items.map((u: { name: string }) => u.name);
    expect(names).toEqual(
      [...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    expect(
      (await client.call(api.listUsers, { query: { role: 'guest' } })).body.items.map(
        (u: { name: string }) => u.name,
      ),
    ).toEqual(['Bruno Garnier']);
    expect((await client.call(api.listUsers, { query: { status: 'deactivated' } })).body.items[0].name).toBe(
      'Amélie Roux',
    );
    expect((await client.call(api.listUsers, { query: { q: 'lefè' } })).body.items[0].name).toBe(
      'Zoé Lefèvre',
    );
    // LIKE wildcards in the search are taken literally
    expect((await client.call(api.listUsers, { query: { q: '%' } })).body.items).toEqual([]);

    const member = await signIn(t.server, await buildUser(t.server));
    expect((await member.call(api.listUsers)).status).toBe(403);
  });

  it('changes a role, with before and after in the audit log', async () => {
    const { client } = await setUpOrganisation(t.server);
    const user = await buildUser(t.server);
    const res = await client.call(api.changeRole, { params: { id: user.id }, body: { role: 'admin' } });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('admin');
    const audit = await client.call(api.listAudit, {
      query: { action: 'user.role_changed', targetId: user.id },
    });
    expect(audit.body.items[0]).toMatchObject({ before: { role: 'member' }, after: { role: 'admin' } });
    const promoted = await signIn(t.server, user);
    expect((await promoted.call(api.listUsers)).status).toBe(200);
  });

  it('takes effect at the next request of the person whose role changed', async () => {
    const { client } = await setUpOrganisation(t.server);
    const user = await buildUser(t.server, { role: 'admin' });
    const session = await signIn(t.server, user);
    expect((await session.call(api.listUsers)).status).toBe(200);
    await client.call(api.changeRole, { params: { id: user.id }, body: { role: 'member' } });
    expect((await session.call(api.listUsers)).status).toBe(403);
  });

  it('refuses to change oneself and to remove the last administrator', async () => {
    const { client, admin } = await setUpOrganisation(t.server);
    const self = await client.call(api.changeRole, { params: { id: admin.id }, body: { role: 'member' } });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('cannot_change_self');
    const selfDeactivate = await client.call(api.deactivateUser, { params: { id: admin.id } });
    expect(selfDeactivate.body.error.code).toBe('cannot_change_self');
  });

  it('never leaves the organisation without an administrator, even when two demote each other at once', async () => {
    // Start from exactly two active administrators.
    const admins = await t.server.ctx.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .execute();
    await t.server.ctx.db
      .updateTable('users')
      .set({ role: 'member' })
      .where(
        'id',
        'in',
        admins.map((a) => a.id),
      )
      .execute();
    await caughtUp(t.server.ctx);
    const a = await buildUser(t.server, { role: 'admin' });
    const b = await buildUser(t.server, { role: 'admin' });
    const [ca, cb] = await Promise.all([signIn(t.server, a), signIn(t.server, b)]);
    const results = await Promise.all([
      ca.call(api.changeRole, { params: { id: b.id }, body: { role: 'member' } }),
      cb.call(api.changeRole, { params: { id: a.id }, body: { role: 'member' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
    const left = await t.server.ctx.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('status', '=', 'active')
      .execute();
    expect(left).toHaveLength(1);
  });

  it('deactivates: sessions end at once, sign-in is refused; reactivates', async () => {
    const { client } = await setUpOrganisation(t.server);
    const user = await buildUser(t.server);
    const session = await signIn(t.server, user);
    const res = await client.call(api.deactivateUser, { params: { id: user.id } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('deactivated');
    const refused = await session.call(api.getMe);
    expect(refused.status).toBe(401);
    const again = await t.server
      .client()
      .call(api.signIn, { body: { email: user.email, password: PASSWORD } });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('invalid_credentials');
    const audit = await client.call(api.listAudit, {
      query: { action: 'user.deactivated', targetId: user.id },
    });
    expect(audit.body.items[0]).toMatchObject({
      before: { status: 'active' },
      after: { status: 'deactivated' },
      details: { sessionsEnded: 1 },
    });

    const back = await client.call(api.reactivateUser, { params: { id: user.id } });
    expect(back.body.status).toBe('active');
    await signIn(t.server, user);
  });

  it('answers 404 for an unknown account and 400 for a malformed id', async () => {
    const { client } = await setUpOrganisation(t.server);
    const missing = await client.call(api.deactivateUser, {
      params: { id: '01a20000-0000-7000-8000-000000000000' },
    });
    expect(missing.status).toBe(404);
    const malformed = await client.call(api.deactivateUser, { params: { id: 'abc' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.issues[0].field).toBe('id');
  });
});

describe('people directory', () => {
  const t = useServer();

  it('shows active colleagues with department and site, never guests or deactivated accounts', async () => {
    const { client } = await setUpOrganisation(t.server);
    const now = t.server.clock.now();
    await t.server.ctx.db
      .insertInto('departments')
      .values({ id: '01a20000-0000-7000-8000-00000000d001', name: 'Finance', created_at: now })
      .execute();
    await t.server.ctx.db
      .insertInto('sites')
      .values({ id: '01a20000-0000-7000-8000-00000000s001'.replace('s', 'a'), name: 'Lyon', created_at: now })
      .execute();
    const colleague = await buildUser(t.server, { name: 'Hugo Bernard' });
    await t.server.ctx.db
      .updateTable('users')
      .set({
        department_id: '01a20000-0000-7000-8000-00000000d001',
        site_id: '01a20000-0000-7000-8000-00000000a001',
        job_title: 'Contrôleur de gestion',
      })
      .where('id', '=', colleague.id)
      .execute();
    await buildUser(t.server, { name: 'Gina Guest', role: 'guest' });
    await buildUser(t.server, { name: 'Dora Gone', status: 'deactivated' });

    const people = await client.call(api.listPeople, { query: { limit: 100 } });
    const names = people.body.items.map((p: { name: string }) => p.name);
    expect(names).toContain('Hugo Bernard');
    expect(names).not.toContain('Gina Guest');
    expect(names).not.toContain('Dora Gone');
    const hugo = people.body.items.find((p: { name: string }) => p.name === 'Hugo Bernard');
    expect(hugo).toMatchObject({
      jobTitle: 'Contrôleur de gestion',
      department: { name: 'Finance' },
      site: { name: 'Lyon' },
    });
    expect(hugo).not.toHaveProperty('role');

    const byDepartment = await client.call(api.listPeople, {
      query: { departmentId: '01a20000-0000-7000-8000-00000000d001' },
    });
    expect(byDepartment.body.items.map((p: { name: string }) => p.name)).toEqual(['Hugo Bernard']);
    const directory = await client.call(api.getDirectory);
    expect(directory.body).toEqual({
      departments: [{ id: '01a20000-0000-7000-8000-00000000d001', name: 'Finance' }],
      sites: [{ id: '01a20000-0000-7000-8000-00000000a001', name: 'Lyon' }],
    });
  });

  it('is closed to guests', async () => {
    await setUpOrganisation(t.server);
    const guest = await signIn(t.server, await buildUser(t.server, { role: 'guest' }));
    expect((await guest.call(api.listPeople)).status).toBe(403);
    expect((await guest.call(api.getDirectory)).status).toBe(403);
  });

  it('pages by name without gaps or duplicates', async () => {
    const { client } = await setUpOrganisation(t.server);
    for (const name of ['Anne', 'anne', 'Anne', 'Bea', 'Céline', 'Dan']) await buildUser(t.server, { name });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await client.call(api.listPeople, { query: { limit: 2, cursor } });
      seen.push(...res.body.items.map((p: { id: string }) => p.id));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    const all = await client.call(api.listPeople, { query: { limit: 100 } });
    expect(seen).toEqual(all.body.items.map((p: { id: string }) => p.id));
    const bad = await client.call(api.listPeople, { query: { cursor: 'garbage!' } });
    expect(bad.status).toBe(400);
  });
});
