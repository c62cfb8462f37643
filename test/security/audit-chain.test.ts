// The audit log is tamper-evident: each record carries the hash of the one before, so a
// record changed or removed by someone who turned the append-only triggers off is found by
// the check (the admin page's button, `npm run audit:verify`). The log exports as CSV, and
// the export is itself recorded.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { buildUser, setUpOrganisation, signIn } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';

/** Setup, then four invitations, on the server the test was given. */
async function withActions(t: { server: Parameters<typeof setUpOrganisation>[0] }) {
  const { client } = await setUpOrganisation(t.server);
  for (let i = 0; i < 4; i++) {
    const res = await client.call(api.createInvitation, {
      body: { email: `chain${i}@example.test`, locale: 'fr' },
    });
    expect(res.status).toBe(201);
  }
  return client;
}

/** What an attacker with database access would do: lift the guard, edit, put it back. */
async function tamper(
  t: { server: Parameters<typeof setUpOrganisation>[0] },
  statement: ReturnType<typeof sql>,
) {
  const db = t.server.ctx.db;
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
  await statement.execute(db);
  await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db);
}

describe('an untouched audit log', () => {
  const t = useServer();
  it('holds when nobody touched it, in the order records were written', async () => {
    const client = await withActions(t);
    const check = await client.call(api.verifyAudit);
    expect(check.status).toBe(200);
    const total = await t.server.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(check.body).toEqual({ valid: true, checked: Number(total.n), brokenId: null });
  });

  it('exports as CSV for administrators, records the export, and refuses everyone else', async () => {
    const client = await withActions(t);
    const res = await client.request('GET', `${api.exportAudit.path}?action=invitation.created`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="trame-audit.csv"/);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,seq,at,action,actor_id,actor,target_type,target_id,target,ip,user_agent,before,after,details,prev_hash,hash',
    );
    // Every record the filter selects, oldest first, each with its place in the chain and both hashes.
    const listed = await client.call(api.listAudit, { query: { action: 'invitation.created', limit: 100 } });
    const ids = listed.body.items.map((e: { id: number }) => String(e.id)).reverse();
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(ids);
    expect(lines.slice(1).every((line) => line.includes(',invitation.created,'))).toBe(true);
    expect(lines.at(-1)).toContain('chain3@example.test');
    expect(lines[1]).toMatch(/,[0-9a-f]{64}$/);

    const recorded = await client.call(api.listAudit, { query: { action: 'audit.exported' } });
    expect(recorded.body.items).toHaveLength(1);
    expect((await client.call(api.verifyAudit)).body.valid).toBe(true);

    const member = await signIn(t.server, await buildUser(t.server));
    expect((await member.request('GET', api.exportAudit.path)).status).toBe(403);
    expect((await member.call(api.verifyAudit)).status).toBe(403);
  });

  it('keeps a spreadsheet from reading a value as a formula', async () => {
    const client = await withActions(t);
    await client.call(api.createInvitation, {
      body: { email: 'x@example.test', locale: 'fr', message: '=1+1' },
    });
    const res = await client.request('GET', api.exportAudit.path);
    expect(res.text).not.toMatch(/(^|,)=1\+1/m);
  });
});

// Each on a database of its own: a broken chain stays broken.
describe('a changed audit record', () => {
  const t = useServer();
  it('finds a record changed after the fact', async () => {
    const client = await withActions(t);
    const target = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('target_label', '=', 'chain2@example.test')
      .executeTakeFirstOrThrow();
    await tamper(
      t,
      sql`UPDATE audit_log SET target_label = 'someone-else@example.test' WHERE id = ${target.id}`,
    );
    const check = await client.call(api.verifyAudit);
    expect(check.body).toMatchObject({ valid: false, brokenId: Number(target.id) });
  });
});

describe('a removed audit record', () => {
  const t = useServer();
  it('finds a record removed, and one whose hash was recomputed to hide a change', async () => {
    const client = await withActions(t);
    const rows = await t.server.ctx.db.selectFrom('audit_log').select(['id', 'seq']).orderBy('seq').execute();
    const victim = rows[2]!;
    await tamper(t, sql`DELETE FROM audit_log WHERE id = ${victim.id}`);
    const removed = await client.call(api.verifyAudit);
    expect(removed.body).toMatchObject({ valid: false, brokenId: Number(rows[3]!.id), checked: 2 });
  });
});
