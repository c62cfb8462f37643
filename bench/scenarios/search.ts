// Search at volume (issue 4): on the stream fixture (10,000 people, 500 spaces, 1,000,000
// posts), the first page of results (20, with snippets and per-kind counts) for a rare word
// (in 100 posts) and a common one (in every post), newest first and by relevance, plus a
// word being typed (a prefix of the common word). One request at a time: these are the
// latencies a person sees, compared with a bare route answering the same bytes.
// Also: how long after a post is created it is found, how long suggesting experts for a
// question takes, and "who knows about X" for a word in every post and for a declared skill
// (every person has three skills of the demo's trades, with endorsements).
// SEARCH_BENCH_POSTS (and _USERS, _SECONDS) shrink the fixture for a quick run.
import { buildBenchDatabase } from '../fixtures/build.ts';
import { codeWordOf } from '../fixtures/stream.ts';
import { load } from '../lib/load.ts';
import { type BenchDatabase, freshDatabase, startCeiling, startTrame } from '../lib/processes.ts';
import { writeResult } from '../lib/results.ts';
import { percentile } from '../lib/stats.ts';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const cookie = (token: string) => `trame_session=${token}; trame_csrf=bench-csrf-token`;

/** Milliseconds from sending a post to the first search that finds it, `rounds` times. */
async function timeToSearchable(url: string, token: string, spaceId: string, rounds: number) {
  const headers = { cookie: cookie(token), 'x-csrf-token': 'bench-csrf-token', origin: url };
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const word = `banc${Date.now().toString(36)}x${i}`;
    const started = performance.now();
    const res = await fetch(`${url}/api/v1/posts`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ spaceId, body: `Nouveau point ${word}` }),
    });
    if (res.status !== 201) throw new Error(`post answered ${res.status}: ${await res.text()}`);
    for (;;) {
      const found = await fetch(`${url}/api/v1/search?q=${word}`, { headers });
      const page = (await found.json()) as { items: unknown[] };
      if (page.items.length > 0) break;
      if (performance.now() - started > 10_000) throw new Error(`post ${word} not found after 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    times.push(performance.now() - started);
  }
  return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };
}

/**
 * Suggested experts for a question on the fixture's words (a common one and a rare one in
 * the title), one request at a time: they score the 2,000 most recent matching writings.
 */
async function expertLatency(url: string, token: string, spaceId: string, durationSeconds: number) {
  const headers = { cookie: cookie(token), 'x-csrf-token': 'bench-csrf-token', origin: url };
  const res = await fetch(`${url}/api/v1/posts`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      spaceId,
      title: `Qui connaît la livraison du lot ${codeWordOf(4242)} ?`,
      body: 'Besoin d’aide #sujet7',
    }),
  });
  if (res.status !== 201) throw new Error(`question answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const target = `${url}/api/v1/posts/${id}/experts`;
  const first = await fetch(target, { headers });
  if (first.status !== 200) throw new Error(`experts answered ${first.status}: ${await first.text()}`);
  await load({ url: target, headers: { cookie: headers.cookie }, connections: 1, durationSeconds: 2 });
  const result = await load({
    url: target,
    headers: { cookie: headers.cookie },
    connections: 1,
    durationSeconds,
  });
  if (result.errors || result.non2xx) throw new Error(`experts: errors under load ${JSON.stringify(result)}`);
  return result;
}

export async function search(database: BenchDatabase) {
  const fixture = {
    users: num('SEARCH_BENCH_USERS', 10_000),
    spaces: 500,
    posts: num('SEARCH_BENCH_POSTS', 1_000_000),
    reactionsPerPost: 1,
    days: 365,
    sessions: 1000,
  };
  const durationSeconds = num('SEARCH_BENCH_SECONDS', 10);
  const rare = codeWordOf(4242);
  const queries = {
    'rare word, newest first': `q=${rare}&sort=recent`,
    'rare word, by relevance': `q=${rare}&sort=relevance`,
    'common word, newest first': 'q=livraison&sort=recent',
    'common word, by relevance': 'q=livraison&sort=relevance',
    'word being typed (prefix), newest first': 'q=livrai&sort=recent',
  };
  const whoKnows = {
    'who knows, word in every post': 'q=livraison',
    'who knows, a declared skill': 'q=kubernetes',
  };
  const db = await freshDatabase(database);
  try {
    console.log(`Building the ${database} fixture…`);
    const built = await buildBenchDatabase(db.env, fixture);
    const readers = built.sessions.map((s) => ({ cookie: cookie(s.token) }));
    const trame = await startTrame(db.env);
    const figures: Record<string, number> = {};
    const matches: Record<string, string> = {};
    let bytes = 0;
    try {
      const requests = [
        ...Object.entries(queries).map(([label, q]) => [label, `/api/v1/search?${q}&limit=20`] as const),
        ...Object.entries(whoKnows).map(([label, q]) => [label, `/api/v1/expertise?${q}`] as const),
      ];
      for (const [label, path] of requests) {
        const url = `${trame.url}${path}`;
        const first = await fetch(url, { headers: readers[0] });
        const text = await first.text();
        if (first.status !== 200) throw new Error(`${label}: ${first.status} ${text}`);
        const page = JSON.parse(text) as {
          items: unknown[];
          counts?: Record<string, number>;
          countsCapped?: boolean;
        };
        const total = page.counts ? Object.values(page.counts).reduce((a, b) => a + b, 0) : page.items.length;
        matches[label] = page.countsCapped ? `more than ${total - 1}` : String(total);
        bytes = Math.max(bytes, text.length);
        await load({ url, rotate: readers, connections: 1, durationSeconds: 2 });
        const result = await load({ url, rotate: readers, connections: 1, durationSeconds });
        if (result.errors || result.non2xx)
          throw new Error(`${label}: errors under load ${JSON.stringify(result)}`);
        figures[`${label} p50 ms`] = result.p50Ms;
        figures[`${label} p99 ms`] = result.p99Ms;
      }
      const experts = await expertLatency(
        trame.url,
        built.sessions[0]!.token,
        built.bigSpaceId,
        durationSeconds,
      );
      figures['expert suggestion p50 ms'] = experts.p50Ms;
      figures['expert suggestion p99 ms'] = experts.p99Ms;
      const searchable = await timeToSearchable(trame.url, built.sessions[0]!.token, built.bigSpaceId, 20);
      figures['new post searchable after, p50 ms'] = searchable.p50Ms;
      figures['new post searchable after, p99 ms'] = searchable.p99Ms;
    } finally {
      await trame.stop();
    }
    const bare = await startCeiling(bytes);
    let ceiling: Awaited<ReturnType<typeof load>>;
    try {
      await load({ url: `${bare.url}/ceiling`, connections: 1, durationSeconds: 2 });
      ceiling = await load({ url: `${bare.url}/ceiling`, connections: 1, durationSeconds });
    } finally {
      await bare.stop();
    }
    return writeResult({
      scenario: 'search',
      database,
      fixture: {
        ...fixture,
        buildMs: built.buildMs,
        connections: 1,
        durationSeconds,
        rareWord: rare,
        matches,
      },
      figures,
      ceiling: { 'bare route p50 ms': ceiling.p50Ms, 'bare route p99 ms': ceiling.p99Ms },
      notes: [
        'Load generator and server share this 2-core machine; one request at a time, readers in turn.',
        'Each first page carries 20 results with snippets and the per-kind counts (capped at 1,000 matches).',
        'Relevance ranks the 1,000 most recent matches (docs/search.md).',
        '"Who knows" scores matching skills with their endorsements and the 2,000 most recent matching writings (docs/people.md); matches is the number of people returned (at most 20).',
      ],
    });
  } finally {
    await db.drop();
  }
}
