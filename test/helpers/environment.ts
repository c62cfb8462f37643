// What the machine offers the tests: a PostgreSQL server and a Chromium binary.
// Outside CI a missing one skips its half with a clear message; with CI=true it fails.
import { execFileSync } from 'node:child_process';
import pg from 'pg';

export const isCI = ['true', '1'].includes(process.env.CI ?? '');

export const POSTGRES_ADMIN_URL =
  process.env.TRAME_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function postgresReachable(): Promise<{ ok: boolean; reason?: string }> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  } finally {
    await client.end().catch(() => {});
  }
}

export function chromiumPath(): string | null {
  if (process.env.TRAME_CHROMIUM) return process.env.TRAME_CHROMIUM;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || null;
    } catch {
      // try the next name
    }
  }
  return null;
}
