// How long from `node` starting to the first answer: on a new database (migrations run)
// and on an existing one. Ceiling: a bare Fastify server started the same way.
import { type BenchDatabase, freshDatabase, startCeiling, startTrame } from '../lib/processes.ts';
import { writeResult } from '../lib/results.ts';

export async function startup(database: BenchDatabase) {
  const db = await freshDatabase(database);
  try {
    const first = await startTrame(db.env);
    await first.stop();
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const again = await startTrame(db.env);
      runs.push(again.readyMs);
      await again.stop();
    }
    const ceilings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const bare = await startCeiling(100);
      ceilings.push(bare.readyMs);
      await bare.stop();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return writeResult({
      scenario: 'startup',
      database,
      fixture: { database: 'new, then existing (3 starts)' },
      figures: {
        'first start, new database (ms)': Math.round(first.readyMs),
        'start, existing database, median of 3 (ms)': Math.round(median(runs)),
      },
      ceiling: { 'start, existing database, median of 3 (ms)': Math.round(median(ceilings)) },
      notes: [
        'Time from spawning the process to the first 200 from /readyz (ceiling: bare Fastify route), tsx included.',
      ],
    });
  } finally {
    await db.drop();
  }
}
