// npm run bench [-- <scenario>...] [-- --db pglite|postgres] [scenario flags, e.g. --events N]
// Runs each scenario on each database and writes bench/results/<scenario>-<database>.json.
import pg from 'pg';
import { flag, scenarioNames } from './lib/args.ts';
import { type BenchDatabase, POSTGRES_ADMIN_URL } from './lib/processes.ts';
import { analytics } from './scenarios/analytics.ts';
import { care } from './scenarios/care.ts';
import { redirect } from './scenarios/redirect.ts';
import { search } from './scenarios/search.ts';
import { session } from './scenarios/session.ts';
import { startup } from './scenarios/startup.ts';
import { stream } from './scenarios/stream.ts';

const scenarios: Record<string, (db: BenchDatabase) => Promise<unknown>> = {
  startup,
  session,
  stream,
  search,
  analytics,
  care,
  redirect,
};

const onlyDb = flag('--db') as BenchDatabase | undefined;
const names = scenarioNames();
for (const name of names) {
  if (!scenarios[name]) {
    console.error(`Unknown scenario "${name}". Known: ${Object.keys(scenarios).join(', ')}.`);
    process.exit(1);
  }
}

async function postgresUp(): Promise<boolean> {
  const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

const databases: BenchDatabase[] = onlyDb ? [onlyDb] : ['pglite', 'postgres'];
for (const name of names.length ? names : Object.keys(scenarios)) {
  for (const db of databases) {
    if (db === 'postgres' && !(await postgresUp())) {
      console.warn(`Skipping ${name} on PostgreSQL: nothing answers at ${POSTGRES_ADMIN_URL}.`);
      continue;
    }
    await scenarios[name]!(db);
  }
}
