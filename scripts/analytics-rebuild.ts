// npm run analytics:rebuild — recompute every analytics roll-up from the activity log in the
// configured database (after a change of definitions, or to repair them), in batches of
// days; says how many days it rebuilt and how long it took.
import { ConfigError, loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { rebuildRollups } from '../server/modules/analytics/rollups/refresh.ts';

try {
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  try {
    const started = Date.now();
    const result = await rebuildRollups(database.db, new Date());
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Analytics rebuilt: ${result.days} days in ${seconds} s.`);
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? `Cannot rebuild: ${error.message}` : error);
  process.exit(1);
}
