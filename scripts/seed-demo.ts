// npm run seed:demo [-- --users N] [--reset] — fills the configured database (DATA_DIR or
// DATABASE_URL) with the demo organisation and prints how to sign in.
import { ConfigError, loadConfig } from '../server/config.ts';
import { createContext } from '../server/context.ts';
import { DataDirLockedError } from '../server/db/database.ts';
import { SchemaTooNewError } from '../server/db/migrate.ts';
import { parseSeedArgs, SeedArgsError } from './seed/args.ts';
import { AlreadySeededError, seedDemo, wipeDatabase } from './seed/index.ts';

try {
  const args = parseSeedArgs(process.argv.slice(2));
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ROLES: 'web' });
  const { ctx, close } = await createContext(config);
  try {
    if (args.reset) await wipeDatabase(ctx);
    const s = await seedDemo(ctx, { users: args.users });
    console.log(`
Demo organisation "${s.organisation}" is ready (${(s.elapsedMs / 1000).toFixed(1)} s):
  ${s.users} people, ${s.departments} departments, ${s.sites} sites, ${s.invitations} invitations in the outbox
  ${s.spaces} spaces, ${s.posts} posts, ${s.comments} comments, ${s.reactions} reactions

Open ${config.PUBLIC_URL} and sign in:
  administrator  ${s.admin.email}
  password       ${s.admin.password}

Every other demo account (see Admin → People) uses the password ${s.demoPassword}
These passwords are shown only now.`);
  } finally {
    await close();
  }
} catch (error) {
  if (
    error instanceof SeedArgsError ||
    error instanceof AlreadySeededError ||
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof SchemaTooNewError
  ) {
    console.error(`seed:demo: ${error.message}`);
  } else {
    console.error('seed:demo failed:', error);
  }
  process.exit(1);
}
