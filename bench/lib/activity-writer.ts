// A steady writer of the activity log, in its own process and connection, for the analytics
// ingest bench: RATE events per second in batches of BATCH rows (one INSERT, one transaction
// each), shaped by the same `activityRow()` the commands write through `recordActivity()`,
// for DURATION seconds. The mix is the commands' (reactions, comments, visits, page reads,
// searches, posts…), by the people in the database, each aimed at someone (target_id).
// Prints "ready" once connected, then one JSON line with what it achieved.
import { sql } from 'kysely';
import { openDatabase } from '../../server/db/database.ts';
import { activityRow } from '../../server/platform/activity.ts';

const rate = Number(process.env.RATE ?? 2000);
const batch = Number(process.env.BATCH ?? 100);
const durationMs = Number(process.env.DURATION ?? 20) * 1000;

const MIX: [verb: string, objectType: string, weight: number][] = [
  ['reaction.set', 'post', 35],
  ['knowledge.page_read', 'knowledge_page', 25],
  ['search.performed', 'search', 15],
  ['comment.created', 'comment', 12],
  ['post.created', 'post', 5],
  ['question.answered', 'comment', 3],
  ['user.visited', 'user', 3],
  ['answer.voted', 'comment', 2],
];
const picks = MIX.flatMap(([verb, objectType, weight]) => Array(weight).fill([verb, objectType]));

const handle = await openDatabase({
  DATABASE_URL: process.env.DATABASE_URL,
  DATA_DIR: '',
  DATABASE_POOL_SIZE: 1,
});
const people = (
  await sql<{ id: string }>`SELECT id FROM users WHERE status = 'active'`.execute(handle.db)
).rows.map((r) => r.id);
const spaces = (await sql<{ id: string }>`SELECT id FROM spaces`.execute(handle.db)).rows.map((r) => r.id);
const any = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;

function row() {
  const [verb, objectType] = any(picks) as [string, string];
  const actorId = any(people);
  const at = new Date();
  const base = activityRow({
    actorId,
    verb,
    objectType,
    objectId: verb === 'user.visited' ? actorId : verb === 'search.performed' ? null : crypto.randomUUID(),
    spaceId: verb === 'user.visited' || verb === 'search.performed' ? null : any(spaces),
    data:
      verb === 'search.performed'
        ? { terms: 'planning', results: 3 }
        : verb === 'reaction.set'
          ? { kind: 'like' }
          : verb.endsWith('answered') || verb === 'comment.created'
            ? { postId: crypto.randomUUID(), reply: false, held: false }
            : null,
    at,
  });
  return { ...base, target_id: verb === 'user.visited' || verb === 'search.performed' ? null : any(people) };
}

console.log('ready');
const batchMs = (1000 * batch) / rate;
const started = performance.now();
const insertMs: number[] = [];
let written = 0;
for (let k = 0; ; k++) {
  // Batch k is due at started + k·batchMs; when behind, the next one goes at once.
  const due = started + k * batchMs;
  if (due - started >= durationMs) break;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const t = performance.now();
  await handle.db
    .insertInto('activity_events')
    .values(Array.from({ length: batch }, row))
    .execute();
  insertMs.push(performance.now() - t);
  written += batch;
}
const seconds = (performance.now() - started) / 1000;
await handle.close();
insertMs.sort((a, b) => a - b);
const pct = (p: number) =>
  Number(insertMs[Math.min(insertMs.length - 1, Math.ceil(p * insertMs.length) - 1)]!.toFixed(1));
console.log(
  JSON.stringify({
    written,
    seconds: Number(seconds.toFixed(2)),
    eventsPerSecond: Math.round(written / seconds),
    batchInsertP50Ms: pct(0.5),
    batchInsertP99Ms: pct(0.99),
  }),
);
