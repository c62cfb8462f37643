// The stream at volume (issue 3): on a fixture of 10,000 people, 500 spaces (one holding
// everyone), 1,000,000 posts and 3,000,000 reactions —
// - the home feed's first page (20 hydrated posts) under load, against a bare route
//   returning the same bytes;
// - post creation latency, in the company-wide space and in a small one;
// - live delivery delay from the moment a post is sent to the moment each of 5,000
//   connected WebSocket clients in the company-wide space has it, against a bare `ws`
//   server broadcasting the same message;
// - server memory per idle WebSocket connection, against the bare `ws` server.
// STREAM_BENCH_POSTS (and _USERS, _CLIENTS) shrink the fixture for a quick run.
import fs from 'node:fs';
import autocannon from 'autocannon';
import WebSocket from 'ws';
import { buildBenchDatabase } from '../fixtures/build.ts';
import { load } from '../lib/load.ts';
import {
  type BenchDatabase,
  freshDatabase,
  type Running,
  startCeiling,
  startProcess,
  startTrame,
} from '../lib/processes.ts';
import { writeResult } from '../lib/results.ts';
import { percentile } from '../lib/stats.ts';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** Resident memory of a process and its children (tsx runs the server in a child node). */
function rssKb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  let total = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    for (const child of children ? children.split(' ') : []) total += rssKb(Number(child));
  }
  return total;
}

/** How many people read their home feed in turn during the load. */
const READERS = 1000;

const cookie = (token: string) => `trame_session=${token}; trame_csrf=bench-csrf-token`;

/** Post creation at a steady rate, each request from the next member in turn (posting is
 * limited per account, as it should be for people). */
const POSTS_PER_SECOND = 100;
async function postLatency(url: string, tokens: string[], spaceId: string, durationSeconds: number) {
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url: `${url}/api/v1/posts`,
      connections: 4,
      duration,
      overallRate: POSTS_PER_SECOND,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            headers: {
              ...req.headers,
              cookie: cookie(tokens[next++ % tokens.length]!),
              'x-csrf-token': 'bench-csrf-token',
              'content-type': 'application/json',
              origin: url,
            },
            body: JSON.stringify({ spaceId, body: 'Point d’étape du banc d’essai #sujet1' }),
          }),
        },
      ],
    });
  // Two seconds first, as for the feed: the latency measured is the steady one, not the
  // first statements prepared and the first pages of the indexes read from disk.
  await run(2);
  const result = await run(durationSeconds);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

interface Clients {
  /** Resolves with each client's delay (ms since `sentAt`) once all have seen `id`, or at the timeout. */
  delays(id: string, sentAt: number, timeoutMs?: number): Promise<number[]>;
  close(): void;
}

async function connectClients(
  wsUrl: string,
  tokens: string[],
  origin: string,
  idOf: (message: { type?: string; postId?: string }) => string | undefined,
): Promise<Clients> {
  // Receive times per message id: a message may arrive before the sender learns its id.
  const received = new Map<string, number[]>();
  const waiters = new Map<string, () => void>();
  const sockets: WebSocket[] = [];
  const onMessage = (data: WebSocket.RawData) => {
    const at = performance.now();
    const id = idOf(JSON.parse(String(data)));
    if (!id) return;
    const times = received.get(id) ?? [];
    times.push(at);
    received.set(id, times);
    if (times.length === tokens.length) waiters.get(id)?.();
  };
  for (let i = 0; i < tokens.length; i += 200) {
    await Promise.all(
      tokens.slice(i, i + 200).map(
        (token) =>
          new Promise<void>((resolve, reject) => {
            const ws = new WebSocket(wsUrl, { headers: { cookie: cookie(token), origin } });
            ws.once('open', () => resolve());
            ws.once('error', reject);
            ws.on('message', onMessage);
            sockets.push(ws);
          }),
      ),
    );
  }
  return {
    delays(id, sentAt, timeoutMs = 10_000) {
      return new Promise((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(id);
          const times = received.get(id) ?? [];
          received.delete(id);
          resolve(times.map((t) => t - sentAt));
        };
        const timer = setTimeout(finish, timeoutMs);
        waiters.set(id, finish);
        if ((received.get(id)?.length ?? 0) === tokens.length) finish();
      });
    },
    close() {
      for (const ws of sockets) ws.terminate();
    },
  };
}

/** Sends `rounds` messages one after another and collects every client's delay. */
async function deliveryRounds(clients: Clients, count: number, send: () => Promise<string>, rounds: number) {
  const all: number[] = [];
  const last: number[] = [];
  let missed = 0;
  for (let r = 0; r < rounds; r++) {
    const sentAt = performance.now();
    const id = await send();
    const delays = await clients.delays(id, sentAt);
    missed += count - delays.length;
    all.push(...delays);
    if (delays.length) last.push(Math.max(...delays));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    p50Ms: percentile(all, 50),
    p99Ms: percentile(all, 99),
    lastClientP99Ms: percentile(last, 99),
    missedDeliveries: missed,
  };
}

async function measureLive(
  target: Running & { wsUrl: string },
  tokens: string[],
  send: () => Promise<string>,
  idOf: (message: { type?: string; postId?: string }) => string | undefined,
  rounds: number,
) {
  const before = rssKb(target.child.pid);
  const clients = await connectClients(target.wsUrl, tokens, target.url, idOf);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = rssKb(target.child.pid);
  try {
    const delivery = await deliveryRounds(clients, tokens.length, send, rounds);
    return { ...delivery, memoryPerConnectionKb: Number(((after - before) / tokens.length).toFixed(1)) };
  } finally {
    clients.close();
  }
}

export async function stream(database: BenchDatabase) {
  const fixture = {
    users: num('STREAM_BENCH_USERS', 10_000),
    spaces: 500,
    posts: num('STREAM_BENCH_POSTS', 1_000_000),
    reactionsPerPost: 3,
    days: 365,
    sessions: num('STREAM_BENCH_CLIENTS', 5_000),
  };
  const durationSeconds = num('STREAM_BENCH_SECONDS', 10);
  const rounds = 20;
  const db = await freshDatabase(database);
  try {
    console.log(`Building the ${database} fixture…`);
    const built = await buildBenchDatabase(db.env, fixture);
    const reader = built.sessions[0]!;
    const readers = built.sessions.slice(0, READERS).map((s) => ({ cookie: cookie(s.token) }));
    // The same load with the in-process caches off: every request reads the database, as
    // a person's first visit after a change does.
    const uncachedServer = await startTrame({
      ...db.env,
      HOME_FEED_CACHE_ENTRIES: '0',
      SESSION_CACHE_ENTRIES: '0',
    });
    let uncached: Awaited<ReturnType<typeof load>>;
    try {
      const url = `${uncachedServer.url}/api/v1/feed?limit=20`;
      await load({ url, rotate: readers, durationSeconds: 2 });
      uncached = await load({ url, rotate: readers, durationSeconds });
    } finally {
      await uncachedServer.stop();
    }
    const trame = await startTrame(db.env);
    let feed: Awaited<ReturnType<typeof load>>;
    let bytes: number;
    let postBig: Awaited<ReturnType<typeof postLatency>>;
    let postSmall: Awaited<ReturnType<typeof postLatency>>;
    let live: Awaited<ReturnType<typeof measureLive>>;
    try {
      // Many people in turn, each opening their home page: first the visit that fills their
      // cache entry, then the measured load, where most answers come from memory.
      const feedUrl = `${trame.url}/api/v1/feed?limit=20`;
      const first = await fetch(feedUrl, { headers: { cookie: cookie(reader.token) } });
      if (first.status !== 200) throw new Error(`home feed answered ${first.status}: ${await first.text()}`);
      bytes = (await first.text()).length;
      for (let i = 0; i < readers.length; i += 10) {
        await Promise.all(
          readers.slice(i, i + 10).map((h) => fetch(feedUrl, { headers: h }).then((r) => r.text())),
        );
      }
      feed = await load({ url: feedUrl, rotate: readers, durationSeconds });
      postBig = await postLatency(
        trame.url,
        built.sessions.map((x) => x.token),
        built.bigSpaceId,
        durationSeconds,
      );
      postSmall = await postLatency(
        trame.url,
        built.smallSpaceSessions.map((x) => x.token),
        built.smallSpaceId,
        durationSeconds,
      );
    } finally {
      await trame.stop();
    }
    // A fresh server for the sockets, so its memory before and after reads connections only
    // (not garbage left by the load above).
    const fresh = await startTrame(db.env);
    try {
      live = await measureLive(
        { ...fresh, wsUrl: `${fresh.url.replace('http', 'ws')}/api/v1/live` },
        built.sessions.map((s) => s.token),
        async () => {
          const res = await fetch(`${fresh.url}/api/v1/posts`, {
            method: 'POST',
            headers: {
              cookie: cookie(reader.token),
              'x-csrf-token': 'bench-csrf-token',
              'content-type': 'application/json',
              origin: fresh.url,
            },
            body: JSON.stringify({ spaceId: built.bigSpaceId, body: 'Annonce en direct pour tout le monde' }),
          });
          if (res.status !== 201) throw new Error(`post answered ${res.status}: ${await res.text()}`);
          return ((await res.json()) as { id: string }).id;
        },
        (m) => (m.type === 'post' ? m.postId : undefined),
        rounds,
      );
    } finally {
      await fresh.stop();
    }

    const bare = await startCeiling(bytes);
    let ceilingFeed: Awaited<ReturnType<typeof load>>;
    try {
      await load({ url: `${bare.url}/ceiling`, durationSeconds: 2 });
      ceilingFeed = await load({ url: `${bare.url}/ceiling`, durationSeconds });
    } finally {
      await bare.stop();
    }
    const bareWs = await startProcess('bench/lib/ceiling-ws.ts', { PAYLOAD_BYTES: '150' }, '/');
    let ceilingLive: Awaited<ReturnType<typeof measureLive>>;
    try {
      ceilingLive = await measureLive(
        { ...bareWs, wsUrl: `${bareWs.url.replace('http', 'ws')}/live` },
        built.sessions.map((s) => s.token),
        async () => {
          const res = await fetch(`${bareWs.url}/send`, { method: 'POST' });
          return ((await res.json()) as { id: string }).id;
        },
        (m) => (m.type === 'post' ? m.postId : undefined),
        rounds,
      );
    } finally {
      await bareWs.stop();
    }

    if (
      feed.errors ||
      feed.non2xx ||
      uncached.errors ||
      uncached.non2xx ||
      postBig.non2xx ||
      postSmall.non2xx
    ) {
      throw new Error(`errors under load: ${JSON.stringify({ feed, postBig, postSmall })}`);
    }
    return writeResult({
      scenario: 'stream',
      database,
      fixture: {
        ...fixture,
        buildMs: built.buildMs,
        feedPageBytes: bytes,
        feedReaders: READERS,
        connections: 10,
        durationSeconds,
      },
      figures: {
        'home feed req/s': feed.requestsPerSecond,
        'home feed p50 ms': feed.p50Ms,
        'home feed p99 ms': feed.p99Ms,
        'home feed ratio to ceiling (req/s)': Number(
          (feed.requestsPerSecond / ceilingFeed.requestsPerSecond).toFixed(3),
        ),
        'home feed req/s, caches off': uncached.requestsPerSecond,
        'home feed p50 ms, caches off': uncached.p50Ms,
        'home feed p99 ms, caches off': uncached.p99Ms,
        'post creation p50 ms (10,000-member space)': postBig.p50Ms,
        'post creation p99 ms (10,000-member space)': postBig.p99Ms,
        'post creation p99 ms (small space)': postSmall.p99Ms,
        'post creation rate (req/s, steady)': postBig.requestsPerSecond,
        [`live delivery p50 ms (${fixture.sessions} clients)`]: live.p50Ms,
        [`live delivery p99 ms (${fixture.sessions} clients)`]: live.p99Ms,
        'live delivery p99 of the last client ms': live.lastClientP99Ms,
        'live missed deliveries': live.missedDeliveries,
        'memory per idle WebSocket KiB': live.memoryPerConnectionKb,
      },
      ceiling: {
        'bare route req/s': ceilingFeed.requestsPerSecond,
        'bare route p99 ms': ceilingFeed.p99Ms,
        'bare ws delivery p50 ms': ceilingLive.p50Ms,
        'bare ws delivery p99 ms': ceilingLive.p99Ms,
        'bare ws missed deliveries': ceilingLive.missedDeliveries,
        'bare ws memory per idle connection KiB': ceilingLive.memoryPerConnectionKb,
      },
      notes: [
        'Load generator, WebSocket clients and server share this 2-core machine; read the ratios.',
        'Delivery delay counts from the moment the post request is sent, so it includes post creation.',
        `The home feed is read by ${READERS} people in turn, each once before the load; "caches off" is the same load on a server with HOME_FEED_CACHE_ENTRIES=0 and SESSION_CACHE_ENTRIES=0.`,
      ],
    });
  } finally {
    await db.drop();
  }
}
