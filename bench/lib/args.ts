// Command-line flags after `npm run bench --`: `--db pglite|postgres` and the flags scenarios
// read themselves (e.g. `--events 1000000`); every other word names a scenario.

/** Flags followed by a value. */
const VALUED = new Set(['--db', '--events', '--phases', '--reuse']);

const args = process.argv.slice(2);

/** The value after `--name`, if given. */
export function flag(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Whether `--name` (a flag without value) is given. */
export function has(name: string): boolean {
  return args.includes(name);
}

/** The scenario names: words that are neither flags nor a flag's value. */
export function scenarioNames(): string[] {
  return args.filter((a, i) => !a.startsWith('--') && !(i > 0 && VALUED.has(args[i - 1]!)));
}
