import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { buildUser, setUpOrganisation, signIn } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';

describe('audit log', () => {
  const t = useServer();

  it('filters by action, actor and time, and pages without gaps', async () => {
    const { client, admin } = await setUpOrganisation(t.server);
    for (let i = 0; i < 5; i++)
      await client.call(api.createInvitation, { body: { email: `audit${i}@example.test`, locale: 'en' } });
    const invitations = await client.call(api.listAudit, { query: { action: 'invitation.created' } });
    expect(invitations.body.items).toHaveLength(5);
    expect(invitations.body.items.map((e: { target: { label: string } }) => e.target.label)).toEqual([
      'audit4@example.test',
      'audit3@example.test',
      'audit2@example.test',
      'audit1@example.test',
      'audit0@example.test',
    ]);
    const byActor = await client.call(api.listAudit, { query: { actorId: admin.id, limit: 100 } });
    expect(byActor.body.items.every((e: { actor: { id: string } }) => e.actor.id === admin.id)).toBe(true);

    const future = new Date(t.server.clock.now().getTime() + 60_000).toISOString();
    expect((await client.call(api.listAudit, { query: { from: future } })).body.items).toEqual([]);
    expect((await client.call(api.listAudit, { query: { to: future } })).body.items.length).toBeGreaterThan(
      5,
    );

    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.call(api.listAudit, { query: { limit: 2, cursor } });
      seen.push(...page.body.items.map((e: { id: number }) => e.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);

    const bad = await client.call(api.listAudit, { query: { action: 'made.up' } });
    expect(bad.status).toBe(400);
  });

  it('is append-only: the database refuses to change or delete a record', async () => {
    await setUpOrganisation(t.server);
    await expect(sql`UPDATE audit_log SET action = 'forged'`.execute(t.server.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log`.execute(t.server.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.server.ctx.db)).rejects.toThrow(/append-only/);
  });

  it('is for administrators only, like the outbox', async () => {
    await setUpOrganisation(t.server);
    const member = await signIn(t.server, await buildUser(t.server));
    expect((await member.call(api.listAudit)).status).toBe(403);
    expect((await member.call(api.listOutbox)).status).toBe(403);
    const anyMail = await t.server.ctx.db.selectFrom('mail_outbox').select('id').executeTakeFirstOrThrow();
    const read = await member.call(api.getOutboxMessage, { params: { id: anyMail.id } });
    expect(read.status).toBe(403);
    expect(read.text).not.toContain('token=');
  });
});

describe('OpenAPI document', () => {
  const t = useServer();

  it('describes every endpoint of the API with its access rule', async () => {
    const res = await t.server.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const operations = Object.entries(
      res.body.paths as Record<string, Record<string, { operationId: string; 'x-trame-access': string }>>,
    ).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, ...op })));
    const expected = Object.values(api)
      .map((e) => e.operationId)
      .sort();
    expect(operations.map((o) => o.operationId).sort()).toEqual(expected);
    const signIn = operations.find((o) => o.operationId === 'signIn')!;
    expect(signIn['x-trame-access']).toBe('public');
    expect(res.body.paths['/api/v1/users/{id}/role'].post.parameters[0]).toMatchObject({
      name: 'id',
      in: 'path',
      required: true,
    });
    expect(
      res.body.paths['/api/v1/auth/sign-in'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['email', 'password']);
  });
});
