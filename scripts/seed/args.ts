// Arguments of `npm run seed:demo`: a pure function, so its errors are tested without a database.
export interface SeedArgs {
  users: number;
  reset: boolean;
}

export const MAX_USERS = 100_000;
export const DEFAULT_USERS = 200;

export class SeedArgsError extends Error {}

export function parseSeedArgs(argv: string[]): SeedArgs {
  const args: SeedArgs = { users: DEFAULT_USERS, reset: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--reset') args.reset = true;
    else if (arg === '--users' || arg.startsWith('--users=')) {
      const raw = arg.includes('=') ? arg.slice('--users='.length) : argv[++i];
      const value = Number(raw);
      if (raw === undefined || !/^\d+$/.test(raw) || value < 10 || value > MAX_USERS) {
        throw new SeedArgsError(
          `--users expects a whole number from 10 to ${MAX_USERS}, got ${raw === undefined ? 'nothing' : `"${raw}"`}.`,
        );
      }
      args.users = value;
    } else {
      throw new SeedArgsError(`Unknown argument "${arg}". Usage: npm run seed:demo -- [--users N] [--reset]`);
    }
  }
  return args;
}
