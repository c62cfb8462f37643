// The cost of an authenticated API request: GET /api/v1/me with a session cookie (session
// lookup, account check, profile query, presenter) under load, against a bare Fastify route
// returning a body of the same size.
import { load } from '../lib/load.ts';
import { type BenchDatabase, freshDatabase, startCeiling, startTrame } from '../lib/processes.ts';
import { writeResult } from '../lib/results.ts';

async function signedIn(url: string): Promise<{ cookie: string; bytes: number }> {
  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      jar.set(name!, value!);
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  remember(await fetch(`${url}/api/v1/session`));
  const res = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': jar.get('trame_csrf')!, cookie: cookie() },
    body: JSON.stringify({
      organisationName: 'Bench',
      name: 'Bench Admin',
      email: 'bench@example.test',
      password: 'load test passphrase 2026',
      locale: 'en',
    }),
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  remember(res);
  const me = await fetch(`${url}/api/v1/me`, { headers: { cookie: cookie() } });
  return { cookie: cookie(), bytes: (await me.text()).length };
}

export async function session(database: BenchDatabase, durationSeconds = 10) {
  const db = await freshDatabase(database);
  try {
    const trame = await startTrame(db.env);
    let figures: Awaited<ReturnType<typeof load>>;
    let bytes: number;
    try {
      const auth = await signedIn(trame.url);
      bytes = auth.bytes;
      await load({ url: `${trame.url}/api/v1/me`, headers: { cookie: auth.cookie }, durationSeconds: 2 }); // warm-up
      figures = await load({
        url: `${trame.url}/api/v1/me`,
        headers: { cookie: auth.cookie },
        durationSeconds,
      });
    } finally {
      await trame.stop();
    }
    const bare = await startCeiling(bytes);
    let ceiling: Awaited<ReturnType<typeof load>>;
    try {
      await load({ url: `${bare.url}/ceiling`, durationSeconds: 2 });
      ceiling = await load({ url: `${bare.url}/ceiling`, durationSeconds });
    } finally {
      await bare.stop();
    }
    if (figures.errors || figures.non2xx) throw new Error(`errors under load: ${JSON.stringify(figures)}`);
    return writeResult({
      scenario: 'session',
      database,
      fixture: {
        organisation: 1,
        users: 1,
        route: 'GET /api/v1/me',
        responseBytes: bytes,
        connections: 10,
        durationSeconds,
      },
      figures: {
        ...figures,
        'ratio to ceiling (req/s)': Number(
          (figures.requestsPerSecond / ceiling.requestsPerSecond).toFixed(3),
        ),
      },
      ceiling: { ...ceiling },
      notes: [
        'Load generator and server share this 2-core machine; read the ratio, not the absolute numbers.',
      ],
    });
  } finally {
    await db.drop();
  }
}
