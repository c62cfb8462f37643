// npm run seed:demo [-- --users N] [--reset] — fills the configured database (DATA_DIR or
// DATABASE_URL, as the server) with the demo organisation and prints how to sign in.
import { ConfigError, loadConfig } from '../server/config.ts';
import { createContext } from '../server/context.ts';
import { DataDirLockedError } from '../server/db/database.ts';
import { SchemaTooNewError } from '../server/db/migrate.ts';
import { parseSeedArgs, SeedArgsError } from './seed/args.ts';
import { AlreadySeededError, seedDemo } from './seed/index.ts';
import { formatSummary } from './seed/summary.ts';

const started = performance.now();
try {
  const args = parseSeedArgs(process.argv.slice(2));
  // The web role only: no worker competing for the database while it is being filled.
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ROLES: 'web' });
  const { ctx, close } = await createContext(config);
  try {
    const summary = await seedDemo(ctx, { users: args.users, reset: args.reset });
    console.log(
      formatSummary(summary, { publicUrl: config.PUBLIC_URL, elapsedMs: performance.now() - started }),
    );
  } finally {
    await close();
  }
} catch (error) {
  const expected = [SeedArgsError, AlreadySeededError, ConfigError, DataDirLockedError, SchemaTooNewError];
  if (expected.some((kind) => error instanceof kind)) {
    console.error(`seed:demo: ${(error as Error).message}`);
  } else {
    console.error('seed:demo failed:', error);
  }
  process.exit(1);
}
