// Customer care under load (issue 7): a connector posts 200 inbound messages a second to its
// signed webhook for one minute — one message per request, new threads and answers in
// existing ones, and one message in fifty delivered twice — while agents work the inbox:
// they page through it (the figure measured), open conversations and write notes.
// Afterwards the database must hold every message exactly once. The inbox list is also
// measured alone before the ingest, and compared with a bare route answering the same bytes.
// CARE_BENCH_CONVERSATIONS, _USERS, _RATE, _SECONDS shrink it for a quick run.
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { buildCareFixture } from '../fixtures/care.ts';
import { openBenchDatabase } from '../fixtures/organisation.ts';
import { type LoadResult, load } from '../lib/load.ts';
import { type BenchDatabase, freshDatabase, startCeiling, startTrame } from '../lib/processes.ts';
import { writeResult } from '../lib/results.ts';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CSRF = 'bench-csrf-token';
const cookie = (token: string) => `trame_session=${token}; trame_csrf=${CSRF}`;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1));
}

/** The connector's side of the documented signature (docs/care.md), written independently. */
function sign(secret: string, body: string): string {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

interface IngestOutcome {
  sent: number;
  duplicatesSent: number;
  failed: number;
  latencies: number[];
  seconds: number;
  errors: string[];
}

/** Sends `rate` messages a second for `seconds`, on schedule, whatever the answers take. */
async function ingest(url: string, channelId: string, secret: string, rate: number, seconds: number) {
  const outcome: IngestOutcome = {
    sent: 0,
    duplicatesSent: 0,
    failed: 0,
    latencies: [],
    seconds: 0,
    errors: [],
  };
  const target = `${url}/api/v1/care/connectors/${channelId}/messages`;
  const inFlight = new Set<Promise<void>>();
  const post = (i: number) => {
    const thread = Math.floor(i / 3);
    const body = JSON.stringify({
      messages: [
        {
          id: `bench-live-${i}`,
          threadId: `bench-live-thread-${thread}`,
          threadTitle: `Question n° ${thread}`,
          author: { id: `live-${thread}`, name: `Client ${thread}` },
          text:
            i % 3 === 0
              ? `Bonjour, ma commande ${thread} n’est pas arrivée.`
              : `Toujours rien pour ${thread} ?`,
        },
      ],
    });
    const started = performance.now();
    const request = fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-trame-signature': sign(secret, body) },
      body,
    })
      .then(async (res) => {
        await res.arrayBuffer();
        if (res.status !== 200 && res.status !== 201) {
          outcome.failed++;
          if (outcome.errors.length < 5) outcome.errors.push(`${res.status}`);
        } else outcome.latencies.push(performance.now() - started);
      })
      .catch((error: Error) => {
        outcome.failed++;
        if (outcome.errors.length < 5) outcome.errors.push(error.message);
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };
  const begun = performance.now();
  const total = rate * seconds;
  let i = 0;
  while (i < total) {
    // Catch up to where the schedule says we should be, then sleep a little.
    const due = Math.min(total, Math.floor(((performance.now() - begun) / 1000) * rate));
    for (; i < due; i++) {
      post(i);
      outcome.sent++;
      if (i % 50 === 49) {
        // The connector retries: the same message again, a moment later.
        const again = i;
        setTimeout(() => post(again), 500);
        outcome.duplicatesSent++;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await new Promise((resolve) => setTimeout(resolve, 600));
  await Promise.all([...inFlight]);
  outcome.seconds = (performance.now() - begun) / 1000;
  return outcome;
}

/** Agents at work besides paging: open a conversation and write a note, about twice a second. */
async function agentsWork(url: string, tokens: string[], stop: () => boolean) {
  let done = 0;
  let failed = 0;
  let n = 0;
  while (!stop()) {
    const token = tokens[n++ % tokens.length]!;
    const headers = { cookie: cookie(token), 'x-csrf-token': CSRF, origin: url };
    const list = await fetch(`${url}/api/v1/care/conversations?status=open&limit=10`, { headers });
    const page = (await list.json()) as { items: { id: string }[] };
    const id = page.items[n % Math.max(1, page.items.length)]?.id;
    if (id) {
      const detail = await fetch(`${url}/api/v1/care/conversations/${id}`, { headers });
      await detail.arrayBuffer();
      const note = await fetch(`${url}/api/v1/care/conversations/${id}/notes`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'Vu, je regarde avec le transporteur.' }),
      });
      await note.arrayBuffer();
      if (detail.status === 200 && note.status === 201) done++;
      else failed++;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { done, failed };
}

export async function care(database: BenchDatabase) {
  const fixture = {
    users: num('CARE_BENCH_USERS', 2000),
    agents: 20,
    conversations: num('CARE_BENCH_CONVERSATIONS', 100_000),
  };
  const rate = num('CARE_BENCH_RATE', 200);
  const seconds = num('CARE_BENCH_SECONDS', 60);
  const db = await freshDatabase(database);
  try {
    console.log(`Building the ${database} fixture…`);
    const built = await buildCareFixture(db.env, fixture);
    const readers = built.agents.map((a) => ({ cookie: cookie(a.token) }));
    const figures: Record<string, number> = {};
    let bytes = 0;
    let during: LoadResult;
    let outcome: IngestOutcome;
    let work: { done: number; failed: number };
    const trame = await startTrame(db.env);
    try {
      const inbox = `${trame.url}/api/v1/care/conversations?status=open&limit=25`;
      const lists = {
        'open conversations': inbox,
        'mine, open': `${trame.url}/api/v1/care/conversations?status=open&assignee=me&limit=25`,
        'one tag': `${trame.url}/api/v1/care/conversations?tag=livraison&limit=25`,
      };
      for (const [label, url] of Object.entries(lists)) {
        const first = await fetch(url, { headers: readers[0] });
        const text = await first.text();
        if (first.status !== 200) throw new Error(`${label}: ${first.status} ${text}`);
        bytes = Math.max(bytes, text.length);
        await load({ url, rotate: readers, connections: 4, durationSeconds: 2 });
        const alone = await load({ url, rotate: readers, connections: 4, durationSeconds: 10 });
        if (alone.errors || alone.non2xx)
          throw new Error(`${label}: errors under load ${JSON.stringify(alone)}`);
        figures[`inbox list, ${label}, alone p50 ms`] = alone.p50Ms;
        figures[`inbox list, ${label}, alone p99 ms`] = alone.p99Ms;
      }
      console.log(`Ingesting ${rate} messages a second for ${seconds} s while agents work…`);
      let stopped = false;
      const agents = agentsWork(
        trame.url,
        built.agents.map((a) => a.token),
        () => stopped,
      );
      const paging = load({ url: inbox, rotate: readers, connections: 4, durationSeconds: seconds });
      outcome = await ingest(trame.url, built.channelId, built.secret, rate, seconds);
      during = await paging;
      stopped = true;
      work = await agents;
    } finally {
      await trame.stop();
    }
    // Every message exactly once: counted in the database itself.
    const handle = await openBenchDatabase(db.env, 2);
    let stored: number;
    let distinct: number;
    let threads: number;
    try {
      const counts = await sql<{ stored: number; distinct: number; threads: number }>`
        SELECT count(*)::int AS stored, count(DISTINCT external_id)::int AS distinct,
          (SELECT count(*)::int FROM care_conversations WHERE external_thread_id LIKE 'bench-live-thread-%') AS threads
        FROM care_messages WHERE external_id LIKE 'bench-live-%'`.execute(handle.db);
      ({ stored, distinct, threads } = counts.rows[0]!);
    } finally {
      await handle.close();
    }
    figures['inbox list during ingest p50 ms'] = during.p50Ms;
    figures['inbox list during ingest p99 ms'] = during.p99Ms;
    figures['inbox list during ingest, pages/s'] = during.requestsPerSecond;
    figures['inbox list during ingest, errors'] = during.errors + during.non2xx;
    figures['messages sent'] = outcome.sent;
    figures['duplicate deliveries sent'] = outcome.duplicatesSent;
    figures['webhook requests failed'] = outcome.failed;
    figures['messages stored'] = stored;
    figures['messages stored twice'] = stored - distinct;
    figures['messages lost'] = outcome.sent - distinct;
    figures['conversations opened'] = threads;
    figures['ingest achieved, messages/s'] = Math.round(outcome.sent / outcome.seconds);
    figures['webhook p50 ms'] = percentile(outcome.latencies, 50);
    figures['webhook p99 ms'] = percentile(outcome.latencies, 99);
    figures['agent actions done (open + note)'] = work.done;
    figures['agent actions failed'] = work.failed;
    if (outcome.errors.length) console.warn(`Webhook errors (first ones): ${outcome.errors.join(', ')}`);

    const bare = await startCeiling(bytes);
    let ceiling: LoadResult;
    try {
      await load({ url: `${bare.url}/ceiling`, connections: 4, durationSeconds: 2 });
      ceiling = await load({ url: `${bare.url}/ceiling`, connections: 4, durationSeconds: 10 });
    } finally {
      await bare.stop();
    }
    return writeResult({
      scenario: 'care',
      database,
      fixture: { ...fixture, buildMs: built.buildMs, rate, seconds, listConnections: 4, pageSize: 25 },
      figures,
      ceiling: { 'bare route p50 ms': ceiling.p50Ms, 'bare route p99 ms': ceiling.p99Ms },
      notes: [
        'Load generator, webhook sender and server share this 2-core machine.',
        'One message per webhook request, signed; every third message opens a thread, the others answer in it; one in fifty is delivered again 0.5 s later.',
        'Target (issue 7): no message lost or duplicated, inbox list p99 ≤ 100 ms on PostgreSQL during the ingest.',
      ],
    });
  } finally {
    await db.drop();
  }
}
