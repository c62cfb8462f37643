// The isolation matrix: every route of /api/openapi.json (so a new route is covered without
// editing this file) × seven actors × real ids of every kind from spaces A, B, E and F.
// Each space's things carry canaries; no answer to an actor may contain a canary of a space
// that actor does not belong to. Writes aimed at forbidden things are refused and change
// no row. On the WebSocket, no event about a forbidden space reaches an actor.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { DASHBOARDS } from '../../common/schemas/analytics.ts';
import {
  ACTORS,
  type ActorKey,
  buildIsolationWorld,
  forbiddenCanaries,
  type IsolationWorld,
  inPool,
  READERS,
  readableBy,
  SPACES,
  type SpaceKey,
} from '../helpers/isolation-world.ts';
import { openLive } from '../helpers/live.ts';
import { fillPath, type JsonSchema, type Operation, operationsOf } from '../helpers/openapi.ts';
import { useServer } from '../helpers/server.ts';
import { changedTables, snapshotTables } from '../helpers/snapshot.ts';
import { post } from '../helpers/stream-fixtures.ts';

interface Value {
  value: string;
  /** The space the thing lives in; null for what belongs to no space (a person, a tag). */
  space: SpaceKey | null;
}

const perSpace = (world: IsolationWorld, pick: (s: IsolationWorld['spaces'][SpaceKey]) => string[]) =>
  SPACES.flatMap((space) => pick(world.spaces[space]).map((value) => ({ value, space })));
const loose = (values: string[]): Value[] => values.map((value) => ({ value, space: null }));

/** The kinds of id a route's `{id}` names, by the collection in front of it. */
const ID_KINDS: [RegExp, (w: IsolationWorld) => Value[]][] = [
  [/^\/api\/v1\/posts\/\{id\}/, (w) => perSpace(w, (s) => s.posts)],
  [/^\/api\/v1\/comments\/\{id\}/, (w) => perSpace(w, (s) => s.comments)],
  [/^\/api\/v1\/events\/\{id\}/, (w) => perSpace(w, (s) => s.events)],
  [/^\/api\/v1\/pages\/\{id\}/, (w) => perSpace(w, (s) => s.pages)],
  [/^\/api\/v1\/attachments\/\{id\}/, (w) => perSpace(w, (s) => s.files)],
  [/^\/api\/v1\/(people|users)\/\{id\}/, (w) => loose(w.userIds)],
  [/^\/api\/v1\/invitations\/\{id\}/, (w) => loose(w.invitations)],
  [/^\/api\/v1\/admin\/outbox\/\{id\}/, (w) => loose(w.outbox)],
  [/^\/api\/v1\/admin\/content-rules\/\{id\}/, (w) => loose(w.contentRules)],
  [/^\/api\/v1\/admin\/retention\/holds\/\{id\}/, (w) => loose(w.legalHolds)],
  [/^\/api\/v1\/me\/personal-data\/exports\/\{id\}/, (w) => loose(w.exports)],
  [/^\/api\/v1\/moderation\/cases\/\{id\}/, (w) => perSpace(w, (s) => s.cases)],
  [/^\/api\/v1\/moderation\/pending\/\{id\}/, (w) => perSpace(w, (s) => s.pending)],
  [/\/guest-invitations\/\{id\}/, (w) => perSpace(w, (s) => s.guestInvitations)],
  [/^\/api\/v1\/analytics\/cohorts\/\{id\}/, (w) => perSpace(w, (s) => s.cohorts)],
  [/^\/api\/v1\/admin\/users\/\{id\}/, (w) => loose(w.userIds)],
  // ideas
  [/^\/api\/v1\/idea-campaigns\/\{id\}/, (w) => perSpace(w, (s) => s.ideaCampaigns)],
  [/^\/api\/v1\/ideas\/\{id\}/, (w) => perSpace(w, (s) => s.ideas)],
  // care: inbox
  [/^\/api\/v1\/care\/(conversations|canned-replies|views)\/\{id\}/, (w) => loose(w.careInbox)],
  // care: insight
  [/^\/api\/v1\/care\/messages\/\{id\}/, (w) => loose(w.careMessages)],
  [/^\/api\/v1\/care\/alerts\/\{id\}/, (w) => loose(w.careAlerts)],
  // care: channels
  [/^\/api\/v1\/care\/admin\/channels\/\{id\}/, (w) => loose(w.careChannels)],
  [/^\/api\/v1\/care\/admin\/teams\/\{id\}/, (w) => loose(w.careTeams)],
  [/^\/api\/v1\/care\/admin\/sla-targets\/\{id\}/, (w) => loose(w.careSlaTargets)],
  [/^\/api\/v1\/care\/admin\/agents\/\{id\}/, (w) => loose(w.userIds)],
  // ambassadors
  [/^\/api\/v1\/ambassadors\/kits\/\{id\}/, (w) => loose(w.ambassadorKits)],
];

/** Path parameters other than `{id}`, by name. */
const PARAM_KINDS: Record<string, (w: IsolationWorld, actor: ActorKey) => Value[]> = {
  space: (w) => [...perSpace(w, (s) => [s.id]), ...perSpace(w, (s) => [s.slug])],
  userId: (w) => loose(w.userIds),
  requestId: (w) => perSpace(w, (s) => s.requests),
  // A tag is everyone's word: following it is open, its feed shows only what one may read.
  tag: (w) => loose(SPACES.map((s) => w.spaces[s].tag)),
  number: () => loose(['1']),
  key: (w) => loose(w.skillKeys),
  token: (w, actor) => loose([w.actors[actor].calendarToken]),
  // A dashboard's name: every dashboard, each filtered by every space through the query.
  name: () => loose([...DASHBOARDS]),
  // care: feeds — the connector webhook's channel; it answers 401 unless signed, to anyone.
  channelId: () => loose([NOWHERE]),
  // care: channels — the web widget's public key.
  publicKey: (w) => loose(w.careWidgetKeys),
};

/** Query parameters worth varying, by name; others keep their defaults. */
const QUERY_KINDS: Record<string, (w: IsolationWorld) => Value[]> = {
  q: (w) => perSpace(w, (s) => [s.canaries[0]!]),
  space: (w) => perSpace(w, (s) => [s.id]),
  spaceId: (w) => perSpace(w, (s) => [s.id]),
  tag: (w) => perSpace(w, (s) => [s.tag]),
};

/** Body fields that point at things, by name. */
const BODY_REFS: Record<string, (s: IsolationWorld['spaces'][SpaceKey]) => string> = {
  spaceId: (s) => s.id,
  sharedPostId: (s) => s.posts[0]!,
  attachmentIds: (s) => s.files[0]!,
  optionIds: (s) => s.pollOptions[0]!,
  commentId: (s) => s.comments[0]!,
  // A cohort of spaces: one may only put in spaces one may read.
  memberIds: (s) => s.id,
};

/**
 * Writes that a non-member may make by design, left out of "refused": asking to join a
 * private space creates a request its owners decide on.
 */
const OPEN_TO_NON_MEMBERS = new Set(['joinSpace']);

/**
 * Governance an administrator does about any space by design, without reading what it holds:
 * content rules and their preview (counts only, examples from readable places), retention
 * rules and legal holds, pre-moderation, and bringing guests into an external space. Every
 * other actor must still be refused these.
 */
const ADMIN_GOVERNANCE = new Set([
  'createContentRule',
  'previewContentRule',
  'setRetentionRule',
  'removeRetentionRule',
  'previewRetentionRule',
  'placeLegalHold',
  'setSpacePremoderation',
  'inviteGuest',
  'revokeGuestInvitation',
  // Cohorts are the analytics readers' own lists: an administrator may delete one that holds a
  // space they cannot read (it is never named to them), but not put such a space in one.
  'deleteCohort',
]);

/**
 * Writes that answer 2xx to a non-member as a no-op: leaving a space one is not in answers
 * the space's card, which GET /spaces/{space} shows that person anyway (a secret space is
 * not found). The row snapshot proves nothing changed.
 */
const NO_OP_FOR_NON_MEMBERS = new Set(['leaveSpace']);

/** An id that names nothing: a write that answers the same for it learns nothing. */
const NOWHERE = '0190a000-0000-7000-8000-00000000dead';

function pathValues(op: Operation, name: string, world: IsolationWorld, actor: ActorKey): Value[] {
  if (name === 'id') {
    const kind = ID_KINDS.find(([pattern]) => pattern.test(op.path));
    if (!kind)
      throw new Error(
        `${op.method} ${op.path}: the isolation world does not know what {id} names here. ` +
          'Teach it (ID_KINDS in test/security/isolation-matrix.test.ts, resources in test/helpers/isolation-world.ts).',
      );
    return kind[1](world);
  }
  const kind = PARAM_KINDS[name];
  if (!kind)
    throw new Error(
      `${op.method} ${op.path}: the isolation world cannot fill {${name}}. ` +
        'Teach it (PARAM_KINDS in test/security/isolation-matrix.test.ts, resources in test/helpers/isolation-world.ts).',
    );
  return kind(world, actor);
}

/** Every combination of path values (a cartesian product; routes have one or two). */
function pathFills(op: Operation, world: IsolationWorld, actor: ActorKey): Record<string, Value>[] {
  let fills: Record<string, Value>[] = [{}];
  for (const p of op.parameters.filter((p) => p.in === 'path')) {
    const values = pathValues(op, p.name, world, actor);
    fills = fills.flatMap((f) => values.map((v) => ({ ...f, [p.name]: v })));
  }
  return fills;
}

/** A body that passes the schema as far as it can, pointing at a thing of `space`. */
function bodyFor(schema: JsonSchema | undefined, world: IsolationWorld, space: SpaceKey, name = ''): unknown {
  if (!schema) return undefined;
  const ref = BODY_REFS[name];
  const option = schema.anyOf ?? schema.oneOf;
  if (option)
    return bodyFor(option.find((o: JsonSchema) => o.type !== 'null') ?? option[0], world, space, name);
  if (schema.enum) return schema.enum[0];
  if ('const' in schema) return schema.const;
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries<JsonSchema>(schema.properties ?? {}))
        if ((schema.required ?? []).includes(key) || BODY_REFS[key])
          out[key] = bodyFor(value, world, space, key);
      return out;
    }
    case 'array':
      if (ref) return [ref(world.spaces[space])];
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, (_, i) =>
        bodyFor(schema.items, world, space, `${name}${i}`),
      );
    case 'string':
      if (ref) return ref(world.spaces[space]);
      if (schema.format === 'uuid') return world.spaces[space].posts[0];
      if (schema.format === 'date-time')
        return new Date(Date.now() + (/end/i.test(name) ? 2 : 1) * 86_400_000).toISOString();
      if (schema.format === 'email') return 'someone@example.test';
      return 'Texte'.padEnd(Math.max(5, schema.minLength ?? 0), 'x');
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      return 'Texte';
  }
}

/** The space a body points at, if it points at any. */
const bodyPointsAt = (schema: JsonSchema | undefined) =>
  Object.keys(schema?.properties ?? {}).some((key) => BODY_REFS[key]);

const leaked = (text: string, canaries: string[]) => {
  const lower = text.toLowerCase();
  return canaries.filter((c) => lower.includes(c.toLowerCase()));
};

describe('isolation matrix', () => {
  const t = useServer({ worker: false });
  let world: IsolationWorld;
  let operations: Operation[];

  beforeAll(async () => {
    world = await buildIsolationWorld(t.server);
    // Analytics read roll-ups: bring them up to date, so dashboards name the world's spaces
    // (and have to hide them from whoever may not read them).
    const refreshed = await world.actors.admin.client.call(api.refreshAnalytics);
    expect(refreshed.status, refreshed.text).toBe(200);
    await t.server.ctx.db.updateTable('organisation').set({ analytics_min_group: 1 }).execute();
    operations = await operationsOf(world.actors.owner.client);
  }, 120_000);

  it('fills every path parameter of every route with real ids, or says what to teach the world', () => {
    const problems: string[] = [];
    for (const op of operations) {
      try {
        pathFills(op, world, 'owner');
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows no actor a canary of a space they do not belong to, on any read route', async () => {
    const reads = operations.filter((o) => o.method === 'GET');
    const findings: string[] = [];
    const seen = new Map<string, number>();
    for (const actor of ACTORS) {
      const forbidden = forbiddenCanaries(world, actor);
      const client = world.actors[actor].client;
      const tasks: (() => Promise<void>)[] = [];
      for (const op of reads) {
        const variants: Record<string, string>[] = [{}];
        for (const p of op.parameters.filter((p) => p.in === 'query'))
          for (const v of QUERY_KINDS[p.name]?.(world) ?? []) variants.push({ [p.name]: v.value });
        for (const fill of pathFills(op, world, actor)) {
          const path = fillPath(
            op.path,
            Object.fromEntries(Object.entries(fill).map(([k, v]) => [k, v.value])),
          );
          for (const query of variants) {
            const url = Object.keys(query).length > 0 ? `${path}?${new URLSearchParams(query)}` : path;
            tasks.push(async () => {
              const res = await client.get(url);
              seen.set(op.operationId, (seen.get(op.operationId) ?? 0) + 1);
              if (res.status >= 500) findings.push(`${actor} GET ${url}: ${res.status}`);
              const found = leaked(res.text, forbidden);
              if (found.length > 0)
                findings.push(`${actor} GET ${url} (${op.operationId}) shows ${found.join(', ')}`);
            });
          }
        }
      }
      await inPool(tasks, 6);
    }
    expect(findings).toEqual([]);
    expect(reads.filter((o) => !seen.has(o.operationId)).map((o) => o.operationId)).toEqual([]);
  }, 600_000);

  it('lets each reader see their own space (the matrix is not vacuous)', async () => {
    for (const space of SPACES)
      for (const actor of ACTORS) {
        const res = await world.actors[actor].client.call(api.getPost, {
          params: { id: world.spaces[space].posts[0]! },
        });
        const allowed = READERS[space].includes(actor);
        expect({ space, actor, status: res.status }).toEqual({
          space,
          actor,
          status: allowed ? 200 : res.status,
        });
        if (allowed) expect(res.text).toContain(world.spaces[space].canaries[0]);
        else expect([401, 403, 404]).toContain(res.status);
      }
  });

  it('refuses every write aimed at a forbidden space, and changes no row', async () => {
    const writes = operations.filter((o) => o.method !== 'GET' && !OPEN_TO_NON_MEMBERS.has(o.operationId));
    const before = await snapshotTables(t.server.ctx.db);
    const findings: string[] = [];
    const tried = new Set<string>();
    for (const actor of ACTORS) {
      // A fresh minute: the write budget must not be what refuses.
      t.server.clock.offsetMs += 61_000;
      const forbiddenSpaces = SPACES.filter((s) => !READERS[s].includes(actor));
      const client = world.actors[actor].client;
      const tasks: (() => Promise<void>)[] = [];
      for (const op of writes) {
        if (actor === 'admin' && ADMIN_GOVERNANCE.has(op.operationId)) continue;
        const fills = pathFills(op, world, actor).filter((fill) => {
          const spaces = Object.values(fill).map((v) => v.space);
          return (
            spaces.some((s) => s && forbiddenSpaces.includes(s)) &&
            !spaces.some((s) => s && !forbiddenSpaces.includes(s))
          );
        });
        const hasPathParams = op.parameters.some((p) => p.in === 'path');
        // One target per space and kind is enough for a write.
        const targets = hasPathParams
          ? [
              ...new Map(
                fills.map((f) => [
                  Object.values(f)
                    .map((v) => v.space)
                    .join(),
                  f,
                ]),
              ).values(),
            ]
          : bodyPointsAt(op.body)
            ? forbiddenSpaces.map((s) => ({ _: { value: '', space: s } as Value }))
            : [];
        for (const fill of targets) {
          const space = Object.values(fill).find((v) => v.space)!.space!;
          const path = fillPath(
            op.path,
            Object.fromEntries(Object.entries(fill).map(([k, v]) => [k, v.value])),
          );
          const body = bodyFor(op.body, world, space);
          tasks.push(async () => {
            tried.add(op.operationId);
            const res = await client.request(op.method, path, { body });
            let accepted = res.status < 400;
            if (accepted && NO_OP_FOR_NON_MEMBERS.has(op.operationId)) accepted = false;
            if (accepted) {
              // Removing something of one's own that is not there (a bookmark, a vote) may
              // answer 2xx, if it answers exactly that for an id that names nothing.
              const nowhere = fillPath(
                op.path,
                Object.fromEntries(Object.entries(fill).map(([k, v]) => [k, v.space ? NOWHERE : v.value])),
              );
              const control = await client.request(op.method, nowhere, { body });
              accepted = control.status !== res.status || control.text !== res.text;
            }
            if (accepted || res.status >= 500 || res.status === 429)
              findings.push(
                `${actor} ${op.method} ${path} (${op.operationId}, space ${space}): ${res.status} ${res.text.slice(0, 200)}`,
              );
            const found = leaked(res.text, forbiddenCanaries(world, actor));
            if (found.length > 0) findings.push(`${actor} ${op.method} ${path} shows ${found.join(', ')}`);
          });
        }
      }
      await inPool(tasks, 6);
    }
    expect(findings).toEqual([]);
    expect(tried.size).toBeGreaterThan(30);
    expect(changedTables(before, await snapshotTables(t.server.ctx.db))).toEqual([]);
  }, 600_000);

  it('sends no live event about a forbidden space to anyone, and refuses the deactivated', async () => {
    await expect(openLive(world.actors.deactivated.client)).rejects.toThrow(/401|refused/);
    const live = {} as Record<ActorKey, Awaited<ReturnType<typeof openLive>>>;
    for (const actor of ACTORS.filter((a) => a !== 'deactivated'))
      live[actor] = await openLive(world.actors[actor].client);
    const ids = {} as Record<SpaceKey, string[]>;
    for (const space of SPACES) {
      const s = world.spaces[space];
      const fresh = await post(world.actors.owner.client, s.id, `En direct ${s.canaries[0]}`);
      const member = READERS[space].find((a) => a !== 'owner')!;
      const comment = await world.actors[member].client.call(api.createComment, {
        params: { id: fresh.id },
        body: { body: 'Vu' },
      });
      expect(comment.status).toBe(201);
      const reacted = await world.actors.owner.client.call(api.reactToPost, {
        params: { id: s.posts[0]! },
        body: { kind: 'like' },
      });
      expect(reacted.status).toBeLessThan(300);
      ids[space] = [s.id, fresh.id, comment.body.id, ...s.posts, ...s.comments];
    }
    // Readers hear of their space's new post within a second: the socket works.
    for (const space of SPACES)
      for (const actor of READERS[space])
        await live[actor].next((m) => m.type === 'post' && m.spaceId === world.spaces[space].id, 1000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const findings: string[] = [];
    for (const actor of ACTORS.filter((a) => a !== 'deactivated')) {
      const text = JSON.stringify(live[actor].messages);
      for (const space of SPACES.filter((s) => !readableBy(actor).includes(s)))
        for (const id of ids[space])
          if (text.includes(id)) findings.push(`${actor} heard of ${id} in ${space}`);
      live[actor].close();
    }
    expect(findings).toEqual([]);
  });
});
