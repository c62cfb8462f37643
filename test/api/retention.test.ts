// Retention: rules per organisation, space type and space (the most specific wins), legal
// holds that keep what they cover, and the job that deletes expired posts with everything
// attached — rows, files and search entries — and records what it did.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { SpaceType } from '../../server/db/schema.ts';
import { RETENTION_BATCH, RETENTION_JOB, retentionTask } from '../../server/modules/retention/run.ts';
import { DAY, MINUTE } from '../../server/platform/clock.ts';
import { newId } from '../../server/platform/ids.ts';
import { enqueueDueTasks } from '../../server/platform/jobs/schedule.ts';
import { caughtUp } from '../../server/platform/transaction.ts';
import type { TestClient } from '../helpers/client.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { download, makeSpace, person, post, upload } from '../helpers/stream-fixtures.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

describe('retention', () => {
  // Long sessions: the boundary test moves the clock a month forward.
  const t = useServer({ env: { SESSION_IDLE_MINUTES: '129600', SESSION_ABSOLUTE_DAYS: '365' } });
  let admin: TestClient;

  beforeEach(async () => {
    if (!admin) admin = (await setUpOrganisation(t.server)).client;
    // Each test starts from no rules, no holds and no posts.
    const db = t.server.ctx.db;
    await db.deleteFrom('retention_rules').execute();
    await db.deleteFrom('legal_holds').execute();
    await db.deleteFrom('posts').execute();
    await caughtUp(t.server.ctx);
  });

  const spaceOf = async (
    type: SpaceType,
    owner: { id: string },
    name?: string,
    members: { id: string }[] = [],
  ) => {
    const space = await makeSpace(t.server, { visibility: 'open', owner, name, members });
    await t.server.ctx.db.updateTable('spaces').set({ type }).where('id', '=', space.id).execute();
    return space;
  };

  /** Makes a post look written `days` ago (by the server's clock). */
  const age = async (postId: string, days: number) => {
    await t.server.ctx.db
      .updateTable('posts')
      .set({ created_at: new Date(t.server.clock.now().getTime() - days * DAY) })
      .where('id', '=', postId)
      .execute();
  };

  const exists = async (postId: string) =>
    (await t.server.ctx.db.selectFrom('posts').select('id').where('id', '=', postId).executeTakeFirst()) !==
    undefined;

  const setRule = async (body: Record<string, unknown>) => {
    const res = await admin.call(api.setRetentionRule, { body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  /** "Run now" and wait for the run to finish; returns the run as the admin page shows it. */
  const runNow = async () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const res = await admin.call(api.startRetentionRun);
      if (res.status === 409) {
        // The daily schedule started one (the clock moved past its hour): let it finish.
        expect(res.body.error.code).toBe('retention_running');
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      expect(res.body.status).toBe('running');
      for (let i = 0; i < 200; i++) {
        const runs = await admin.call(api.listRetentionRuns);
        const run = runs.body.items.find((r: { id: string }) => r.id === res.body.id);
        if (run.status !== 'running') return run;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('run did not finish');
    }
    throw new Error('could not start a run');
  };

  it('is for administrators only', async () => {
    const member = await person(t.server);
    const anonymous = t.server.client();
    const calls = [
      [api.getRetention, {}],
      [api.setRetentionRule, { body: { scope: 'organisation', keepDays: 30 } }],
      [api.removeRetentionRule, { query: { scope: 'space_type', spaceType: 'event' } }],
      [api.previewRetentionRule, { body: { scope: 'organisation', keepDays: 30 } }],
      [api.listLegalHolds, {}],
      [api.placeLegalHold, { body: { name: 'x', userId: member.id } }],
      [api.listRetentionRuns, {}],
      [api.startRetentionRun, {}],
    ] as const;
    for (const [endpoint, input] of calls) {
      expect((await member.client.call(endpoint, input)).status, endpoint.operationId).toBe(403);
      expect((await anonymous.call(endpoint, input)).status, endpoint.operationId).toBe(401);
    }
    const rules = await t.server.ctx.db.selectFrom('retention_rules').select('key').execute();
    expect(rules).toEqual([]);
    expect(await t.server.ctx.db.selectFrom('legal_holds').select('id').execute()).toEqual([]);
  });

  it('refuses bad rules and holds with the field at fault, changing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ scope: 'organisation', keepDays: 29 }, 'keepDays'],
      [{ scope: 'organisation', keepDays: 36501 }, 'keepDays'],
      [{ scope: 'organisation', keepDays: 45.5 }, 'keepDays'],
      [{ scope: 'space_type', keepDays: 60 }, 'spaceType'],
      [{ scope: 'space_type', spaceType: 'party', keepDays: 60 }, 'spaceType'],
      [{ scope: 'space', keepDays: 60 }, 'spaceId'],
      [{ scope: 'everywhere', keepDays: 60 }, 'scope'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.call(api.setRetentionRule, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
      expect((await admin.call(api.previewRetentionRule, { body })).status).toBe(400);
    }
    const member = await person(t.server);
    const space = await spaceOf('team', member);
    for (const body of [
      { name: 'Both', userId: member.id, spaceId: space.id },
      { name: 'Neither' },
      { name: '', userId: member.id },
    ]) {
      const res = await admin.call(api.placeLegalHold, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const unknownSpace = await admin.call(api.setRetentionRule, {
      body: { scope: 'space', spaceId: '00000000-0000-7000-8000-000000000000', keepDays: 60 },
    });
    expect(unknownSpace.status).toBe(404);
    expect(await t.server.ctx.db.selectFrom('retention_rules').select('key').execute()).toEqual([]);
    expect(await t.server.ctx.db.selectFrom('legal_holds').select('id').execute()).toEqual([]);
  });

  it('applies the most specific rule, previews what it deletes and records the run', async () => {
    const author = await person(t.server);
    const kept = await spaceOf('event', author, 'Salon 2024');
    const plain = await spaceOf('event', author, 'Séminaire');
    const project = await spaceOf('project', author, 'Projet Atlas');
    const inKept = await post(author.client, kept.id, 'Programme du salon');
    const inPlain = await post(author.client, plain.id, 'Navette pour le séminaire');
    const inProject = await post(author.client, project.id, 'Jalon un');
    const oldProfile = await post(author.client, null, 'Bonjour à tous');
    const recentProfile = await post(author.client, null, 'Nouveau badge');
    for (const p of [inKept, inPlain, inProject, recentProfile]) await age(p.id, 100);
    await age(oldProfile.id, 400);

    await setRule({ scope: 'organisation', keepDays: 365 });
    // Preview of the event rule being edited, before it is saved.
    const preview = await admin.call(api.previewRetentionRule, {
      body: { scope: 'space_type', spaceType: 'event', keepDays: 60 },
    });
    expect(preview.body).toEqual({ posts: 2, held: 0 });
    await setRule({ scope: 'space_type', spaceType: 'event', keepDays: 60 });
    const forever = await setRule({ scope: 'space', spaceId: kept.id, keepDays: null });
    expect(forever).toMatchObject({ key: `space:${kept.id}`, keepDays: null, space: { name: 'Salon 2024' } });
    expect(
      (
        await admin.call(api.previewRetentionRule, {
          body: { scope: 'space_type', spaceType: 'event', keepDays: 60 },
        })
      ).body,
    ).toEqual({ posts: 1, held: 0 });
    expect(
      (await admin.call(api.previewRetentionRule, { body: { scope: 'organisation', keepDays: 365 } })).body,
    ).toEqual({ posts: 1, held: 0 });
    expect(
      (await admin.call(api.previewRetentionRule, { body: { scope: 'organisation', keepDays: 90 } })).body,
    ).toEqual({ posts: 3, held: 0 });

    const overview = await admin.call(api.getRetention);
    expect(overview.status).toBe(200);
    expect(overview.body.rules.map((r: { key: string }) => r.key).sort()).toEqual(
      ['organisation', 'type:event', `space:${kept.id}`].sort(),
    );
    expect(overview.body.nextRunAt).toBeTruthy();

    const run = await runNow();
    expect(run).toMatchObject({ status: 'done', trigger: 'manual', deletedPosts: 2, skippedHeld: 0 });
    expect(run.counts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'type:event', spaceId: plain.id, spaceName: 'Séminaire', posts: 1 }),
        expect.objectContaining({ rule: 'organisation', spaceId: null, posts: 1 }),
      ]),
    );
    expect(await exists(inPlain.id)).toBe(false);
    expect(await exists(oldProfile.id)).toBe(false);
    for (const p of [inKept, inProject, recentProfile]) expect(await exists(p.id)).toBe(true);
    expect((await author.client.call(api.getPost, { params: { id: inPlain.id } })).status).toBe(404);

    const changed = await admin.call(api.listAudit, { query: { action: 'retention.rule_changed' } });
    expect(changed.body.items[0]).toMatchObject({
      target: { id: `space:${kept.id}`, label: 'Salon 2024' },
      before: null,
      after: { keepDays: null },
    });
    await setRule({ scope: 'space_type', spaceType: 'event', keepDays: 90 });
    const again = await admin.call(api.listAudit, { query: { action: 'retention.rule_changed' } });
    expect(again.body.items[0]).toMatchObject({ before: { keepDays: 60 }, after: { keepDays: 90 } });
    const applied = await admin.call(api.listAudit, { query: { action: 'retention.applied' } });
    expect(applied.body.items[0]).toMatchObject({
      target: { id: run.id },
      details: { posts: 2, skippedHeld: 0 },
    });

    // Removing the space type's rule lets the organisation's apply again.
    const removed = await admin.call(api.removeRetentionRule, {
      query: { scope: 'space_type', spaceType: 'event' },
    });
    expect(removed.status).toBe(204);
    expect((await admin.call(api.getRetention)).body.rules.map((r: { key: string }) => r.key).sort()).toEqual(
      ['organisation', `space:${kept.id}`].sort(),
    );
  });

  it('deletes a post only once it is older than the rule, as time passes', async () => {
    // Only the runs asked for here: the daily run, due once the clock jumps a month, could
    // otherwise delete the post between the two and leave the second run nothing to do.
    await t.server.ctx.db
      .updateTable('scheduled_tasks')
      .set({ next_run_at: new Date(t.server.clock.now().getTime() + 365 * DAY) })
      .where('name', '=', retentionTask(t.server.ctx.config.RETENTION_HOUR_UTC).name)
      .execute();
    const author = await person(t.server);
    const space = await spaceOf('pilot', author);
    await setRule({ scope: 'space', spaceId: space.id, keepDays: 30 });
    const p = await post(author.client, space.id, 'Retour du pilote');
    t.server.clock.advance(30 * DAY - MINUTE);
    expect((await runNow()).deletedPosts).toBe(0);
    expect(await exists(p.id)).toBe(true);
    t.server.clock.advance(2 * MINUTE);
    expect((await runNow()).deletedPosts).toBe(1);
    expect(await exists(p.id)).toBe(false);
  });

  it('keeps everything forever when the rules say so', async () => {
    const author = await person(t.server);
    const space = await spaceOf('community', author);
    const p = await post(author.client, space.id, 'Souvenirs');
    const q = await post(author.client, null, 'Profil');
    await age(p.id, 10_000);
    await age(q.id, 10_000);
    await setRule({ scope: 'organisation', keepDays: null });
    expect(
      (await admin.call(api.previewRetentionRule, { body: { scope: 'organisation', keepDays: 30 } })).body,
    ).toEqual({ posts: 2, held: 0 });
    expect((await runNow()).deletedPosts).toBe(0);
    expect(await exists(p.id)).toBe(true);
    expect(await exists(q.id)).toBe(true);
  });

  it('keeps the posts and comments of a person under legal hold, until released', async () => {
    const held = await person(t.server, { name: 'Hélène Tenue' });
    const other = await person(t.server);
    const space = await spaceOf('team', other, undefined, [held]);
    const own = await post(held.client, space.id, 'Contrat fournisseur');
    const commented = await post(other.client, space.id, 'Question sur le contrat');
    expect(
      (
        await held.client.call(api.createComment, {
          params: { id: commented.id },
          body: { body: 'Voir annexe' },
        })
      ).status,
    ).toBe(201);
    const unrelated = await post(other.client, space.id, 'Pot de départ');
    for (const p of [own, commented, unrelated]) await age(p.id, 100);
    await setRule({ scope: 'organisation', keepDays: 30 });

    const placed = await admin.call(api.placeLegalHold, {
      body: { name: 'Litige fournisseur', reason: 'Demande du service juridique', userId: held.id },
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      name: 'Litige fournisseur',
      person: { id: held.id, name: 'Hélène Tenue' },
      space: null,
      releasedAt: null,
    });
    expect(placed.body.placedBy).not.toBeNull();
    expect(
      (await admin.call(api.previewRetentionRule, { body: { scope: 'organisation', keepDays: 30 } })).body,
    ).toEqual({ posts: 1, held: 2 });

    const run = await runNow();
    expect(run).toMatchObject({ deletedPosts: 1, skippedHeld: 2 });
    expect(await exists(own.id)).toBe(true);
    expect(await exists(commented.id)).toBe(true);
    expect(await exists(unrelated.id)).toBe(false);

    const released = await admin.call(api.releaseLegalHold, { params: { id: placed.body.id } });
    expect(released.status).toBe(200);
    expect(released.body.releasedAt).not.toBeNull();
    const twice = await admin.call(api.releaseLegalHold, { params: { id: placed.body.id } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('hold_released');
    expect((await runNow()).deletedPosts).toBe(2);
    expect(await exists(own.id)).toBe(false);

    const audit = await admin.call(api.listAudit, { query: { targetId: held.id } });
    expect(
      audit.body.items
        .map((e: { action: string }) => e.action)
        .filter((a: string) => a.startsWith('legal_hold')),
    ).toEqual(['legal_hold.released', 'legal_hold.placed']);
    const holds = await admin.call(api.listLegalHolds);
    expect(holds.body.items[0]).toMatchObject({ id: placed.body.id, releasedBy: { name: 'Alice Admin' } });
  });

  it('keeps a space under legal hold and deletes elsewhere', async () => {
    const author = await person(t.server);
    const heldSpace = await spaceOf('project', author, 'Fusion');
    const otherSpace = await spaceOf('project', author);
    const a = await post(author.client, heldSpace.id, 'Due diligence');
    const b = await post(author.client, otherSpace.id, 'Planning');
    await age(a.id, 200);
    await age(b.id, 200);
    await setRule({ scope: 'space_type', spaceType: 'project', keepDays: 90 });
    const placed = await admin.call(api.placeLegalHold, {
      body: { name: 'Audit fusion', spaceId: heldSpace.id },
    });
    expect(placed.body).toMatchObject({ space: { id: heldSpace.id, name: 'Fusion' }, person: null });
    const run = await runNow();
    expect(run).toMatchObject({ deletedPosts: 1, skippedHeld: 1 });
    expect(run.counts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'type:project', spaceId: heldSpace.id, held: 1 }),
      ]),
    );
    expect(await exists(a.id)).toBe(true);
    expect(await exists(b.id)).toBe(false);
  });

  it('removes comments, reactions, files, notifications and search entries with the post', async () => {
    const author = await person(t.server);
    const reader = await person(t.server);
    const space = await spaceOf('event', author);
    const file = await upload(author.client, 'plan-zephyrin.png', PNG, 'image/png');
    expect(file.status).toBe(201);
    const p = await post(author.client, space.id, 'Plan du zephyrin', { attachmentIds: [file.body.id] });
    const c = await reader.client.call(api.createComment, {
      params: { id: p.id },
      body: { body: 'Merci pour le zephyrin' },
    });
    expect(c.status).toBe(201);
    expect(
      (await reader.client.call(api.reactToPost, { params: { id: p.id }, body: { kind: 'like' } })).status,
    ).toBe(200);
    const key = (
      await t.server.ctx.db
        .selectFrom('attachments')
        .select('storage_key')
        .where('id', '=', file.body.id)
        .executeTakeFirstOrThrow()
    ).storage_key;
    const filePath = path.join(t.server.ctx.config.FILES_DIR, key.slice(0, 2), key);
    expect(fs.existsSync(filePath)).toBe(true);
    const found = await author.client.call(api.search, { query: { q: 'zephyrin' } });
    expect(found.body.items.length).toBeGreaterThanOrEqual(2);
    const notified = await t.server.ctx.db
      .selectFrom('notifications')
      .select('id')
      .where('post_id', '=', p.id)
      .execute();
    expect(notified.length).toBeGreaterThan(0);

    await age(p.id, 800);
    await setRule({ scope: 'space_type', spaceType: 'event', keepDays: 730 });
    const run = await runNow();
    expect(run).toMatchObject({ deletedPosts: 1, deletedComments: 1, deletedFiles: 1 });

    expect(fs.existsSync(filePath)).toBe(false);
    expect((await download(author.client, file.body.url)).status).toBe(404);
    const after = await author.client.call(api.search, { query: { q: 'zephyrin' } });
    expect(after.body.items).toEqual([]);
    const db = t.server.ctx.db;
    expect(await db.selectFrom('comments').select('id').where('post_id', '=', p.id).execute()).toEqual([]);
    expect(await db.selectFrom('reactions').select('user_id').where('post_id', '=', p.id).execute()).toEqual(
      [],
    );
    expect(await db.selectFrom('notifications').select('id').where('post_id', '=', p.id).execute()).toEqual(
      [],
    );
    expect(await db.selectFrom('storage_deletions').select('storage_key').execute()).toEqual([]);
    const mine = await reader.client.call(api.listNotifications);
    expect(JSON.stringify(mine.body)).not.toContain(p.id);
  });

  it('deletes many posts in several bounded batches, all counted in one run', async () => {
    const author = await person(t.server);
    const old = new Date(t.server.clock.now().getTime() - 100 * DAY);
    const count = RETENTION_BATCH * 2 + 7;
    await t.server.ctx.db
      .insertInto('posts')
      .values(
        Array.from({ length: count }, (_, i) => ({
          id: newId(old.getTime() + i),
          author_id: author.id,
          space_id: null,
          body: `Ancien message ${i}`,
          created_at: old,
        })),
      )
      .execute();
    await setRule({ scope: 'organisation', keepDays: 60 });
    const run = await runNow();
    expect(run).toMatchObject({ status: 'done', deletedPosts: count });
    const left = await t.server.ctx.db
      .selectFrom('posts')
      .select('id')
      .where('author_id', '=', author.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('runs once a day, whichever worker finds it due', async () => {
    const author = await person(t.server);
    const p = await post(author.client, null, 'Ancien message');
    await age(p.id, 100);
    await setRule({ scope: 'organisation', keepDays: 30 });
    const db = t.server.ctx.db;
    const task = retentionTask(t.server.ctx.config.RETENTION_HOUR_UTC);
    const runsBefore = new Set(
      (await admin.call(api.listRetentionRuns)).body.items.map((r: { id: string }) => r.id),
    );
    const jobsBefore = await db.selectFrom('jobs').select('id').where('name', '=', RETENTION_JOB).execute();
    await db
      .updateTable('scheduled_tasks')
      .set({ next_run_at: new Date(t.server.clock.now().getTime() - MINUTE) })
      .where('name', '=', task.name)
      .execute();
    // Several workers looking at once (plus this server's own): one job.
    await Promise.all([1, 2, 3].map(() => enqueueDueTasks(db, t.server.clock.now(), [task])));
    const jobsAfter = await db.selectFrom('jobs').select('id').where('name', '=', RETENTION_JOB).execute();
    expect(jobsAfter.length - jobsBefore.length).toBe(1);
    const next = await db
      .selectFrom('scheduled_tasks')
      .select('next_run_at')
      .where('name', '=', task.name)
      .executeTakeFirstOrThrow();
    expect(next.next_run_at.getTime()).toBeGreaterThan(t.server.clock.now().getTime());
    let scheduled: { trigger: string; status: string; deletedPosts: number } | undefined;
    for (let i = 0; i < 200 && !(scheduled && scheduled.status !== 'running'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      const runs = await admin.call(api.listRetentionRuns);
      scheduled = runs.body.items.find(
        (r: { id: string; trigger: string }) => r.trigger === 'schedule' && !runsBefore.has(r.id),
      );
    }
    expect(scheduled).toMatchObject({ trigger: 'schedule', status: 'done', deletedPosts: 1 });
    expect(await exists(p.id)).toBe(false);
  });
});
