// Opens the database Trame runs on: embedded PGlite in DATA_DIR, or PostgreSQL when
// DATABASE_URL is set. Both are reached through the same Kysely instance and SQL.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { PGliteDialect } from './pglite-driver.ts';
import { PreparedClient } from './prepared-client.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
/** The database, or a transaction on it: what read functions accept. */
export type AnyDb = Db | Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * Receive notifications on a channel; `onLive` says when listening starts and when it
   * is lost (PostgreSQL reconnects by itself). Returns how to stop.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onLive: (live: boolean) => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// Counts and identities come back as bigint (int8); every one of ours fits in a JS number.
const INT8 = 20;
pg.types.setTypeParser(INT8, (v) => Number(v));

export interface OpenOptions {
  /** PGlite only: keep the database in memory (tests). */
  inMemory?: boolean;
}

export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'DATABASE_POOL_SIZE'>,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    const pool = new pg.Pool({
      connectionString: config.DATABASE_URL,
      max: config.DATABASE_POOL_SIZE,
      Client: PreparedClient,
      // No JIT compilation: it costs the larger reads (the analytics dashboards' aggregates)
      // a few hundred milliseconds of compiling to save a few of running.
      options: '-c jit=off',
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = config.DATABASE_URL;
    return {
      db,
      kind: 'postgres',
      listen: (channel, onPayload, onLive) => listenPostgres(url, channel, onPayload, onLive),
      close: () => db.destroy(),
    };
  }
  let unlock = () => {};
  let dataDir: string | undefined;
  if (!options.inMemory) {
    fs.mkdirSync(config.DATA_DIR, { recursive: true });
    unlock = lockDataDir(config.DATA_DIR);
    dataDir = path.join(config.DATA_DIR, 'pgdata');
  }
  try {
    const pglite = await PGlite.create(dataDir, {
      parsers: { [types.INT8]: (v: string) => Number(v) },
      // Search ignores accents (migration 2026-12-02-05).
      extensions: { unaccent },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      kind: 'pglite',
      // In-process: notifications are delivered while the COMMIT that sends them runs.
      listen: async (channel, onPayload, onLive) => {
        const stop = await pglite.listen(channel, onPayload);
        onLive(true);
        return async () => {
          onLive(false);
          await stop();
        };
      },
      close: async () => {
        await db.destroy();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * A connection of its own that LISTENs (a pooled one would be handed to queries). When it
 * drops, listeners hear `onLive(false)` at once and it reconnects every second.
 */
async function listenPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onLive: (live: boolean) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    const lost = () => {
      if (client !== c) return;
      client = null;
      onLive(false);
      c.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(), 1000);
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    try {
      client = c;
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      if (client === c) onLive(true);
    } catch {
      lost();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = null;
    onLive(false);
    await c?.end().catch(() => {});
  };
}

export class DataDirLockedError extends Error {}

/**
 * The embedded database is one process's files: a second process opening the same
 * directory would corrupt it. A lock file holding our pid keeps a second one out.
 */
const lockedHere = new Set<string>();

function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'trame.lock');
  if (lockedHere.has(file)) {
    throw new DataDirLockedError(`The embedded database in ${dir} is already open in this process.`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      lockedHere.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        lockedHere.delete(file);
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(
          `Another Trame process (pid ${pid}) is using the embedded database in ${dir}. ` +
            'Stop it first, or set DATABASE_URL to run several processes on PostgreSQL.',
        );
      }
      fs.unlinkSync(file); // stale lock from a process that died
    }
  }
  throw new DataDirLockedError(`Could not lock ${dir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function ping(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
