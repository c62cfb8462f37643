// The ambassadors' tracked link, GET /r/{code}: one statement finds the link of a published,
// current kit and writes the click, then a 302 to the kit's target with UTM parameters. It is
// compared with a bare Fastify route on this machine. Clicks come from many addresses (each
// address has its own budget of 120 a minute), as they do from the public networks.
import { sql } from 'kysely';
import { newId } from '../../server/platform/ids.ts';
import { createBenchOrganisation, openBenchDatabase } from '../fixtures/organisation.ts';
import { load } from '../lib/load.ts';
import { type BenchDatabase, freshDatabase, startCeiling, startTrame } from '../lib/processes.ts';
import { writeResult } from '../lib/results.ts';

const LINKS = 1000;
const ADDRESSES = 4000;

async function buildFixture(env: Record<string, string>) {
  const handle = await openBenchDatabase(env, 2);
  try {
    const db = handle.db;
    const now = new Date();
    await createBenchOrganisation(db, LINKS, now);
    const kit = newId();
    await sql`
      INSERT INTO ambassador_kits (id, slug, title, texts, target_url, starts_at, ends_at, status,
        created_at, updated_at, published_at)
      VALUES (${kit}, 'lancement-aurore', 'Lancement Aurore', ${JSON.stringify({ generic: 'Découvrez Aurore' })},
        'https://www.lumen.example/aurore', ${new Date(now.getTime() - 86_400_000)},
        ${new Date(now.getTime() + 30 * 86_400_000)}, 'published', ${now}, ${now}, ${now})`.execute(db);
    const rows = await sql<{ code: string }>`
      INSERT INTO ambassador_links (code, kit_id, network, user_id, shares, created_at)
      SELECT 'bench' || lpad(row_number() OVER ()::text, 7, '0'), ${kit}, 'linkedin', id, 1, ${now}
      FROM users RETURNING code`.execute(db);
    return rows.rows.map((r) => r.code);
  } finally {
    await handle.close();
  }
}

async function clicksStored(env: Record<string, string>): Promise<number> {
  const handle = await openBenchDatabase(env, 1);
  try {
    const row = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ambassador_clicks`.execute(
      handle.db,
    );
    return Number(row.rows[0]!.n);
  } finally {
    await handle.close();
  }
}

export async function redirect(database: BenchDatabase, durationSeconds = 10) {
  const db = await freshDatabase(database);
  try {
    const codes = await buildFixture(db.env);
    // One address per request in turn, so no address reaches its budget during the run.
    const rotate = Array.from({ length: ADDRESSES }, (_, i) => ({
      'x-forwarded-for': `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    }));
    const trame = await startTrame({ ...db.env, TRUST_PROXY: 'true' });
    let figures: Awaited<ReturnType<typeof load>>;
    let status = 0;
    let location = '';
    try {
      const first = await fetch(`${trame.url}/r/${codes[0]}`, { redirect: 'manual' });
      status = first.status;
      location = first.headers.get('location') ?? '';
      if (status !== 302) throw new Error(`/r/{code} answered ${status}: ${await first.text()}`);
      // autocannon reads one address: the links differ only by code, and each click is an
      // index lookup by primary key, so one code stands for all of them.
      const url = `${trame.url}/r/${codes[1]}`;
      await load({ url, rotate, connections: 10, durationSeconds: 2 }); // warm-up
      figures = await load({ url, rotate, connections: 10, durationSeconds });
    } finally {
      await trame.stop();
    }
    const stored = await clicksStored(db.env);
    const bare = await startCeiling(0);
    let ceiling: Awaited<ReturnType<typeof load>>;
    try {
      await load({ url: `${bare.url}/ceiling`, durationSeconds: 2 });
      ceiling = await load({ url: `${bare.url}/ceiling`, durationSeconds });
    } finally {
      await bare.stop();
    }
    if (figures.errors) throw new Error(`errors under load: ${JSON.stringify(figures)}`);
    return writeResult({
      scenario: 'redirect',
      database,
      fixture: {
        links: LINKS,
        addresses: ADDRESSES,
        connections: 10,
        durationSeconds,
        firstLocation: location,
      },
      figures: {
        'redirect p50 ms': figures.p50Ms,
        'redirect p99 ms': figures.p99Ms,
        'redirects/s': figures.requestsPerSecond,
        // autocannon counts a 302 as "not 2xx": every answer should be one.
        'answers other than 2xx (302 expected)': figures.non2xx,
        'clicks stored': stored,
        'ratio to ceiling (req/s)': Number(
          (figures.requestsPerSecond / ceiling.requestsPerSecond).toFixed(3),
        ),
      },
      ceiling: { ...ceiling },
      notes: [
        'Load generator and server share this 2-core machine; read the ratio, not the absolute numbers.',
        'Target (issue 8): p99 ≤ 5 ms on PostgreSQL.',
      ],
    });
  } finally {
    await db.drop();
  }
}
