// Starts Trame (the real entry point) or the bare ceiling server as a child process, so
// the load generator in this process does not share an event loop with what it measures.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

export type BenchDatabase = 'pglite' | 'postgres';
export const POSTGRES_ADMIN_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// Below the ephemeral range (32768+), where thousands of WebSocket clients take their ports.
let nextPort = 20_000 + Math.floor(Math.random() * 8000);

export interface Running {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function waitForOk(url: string, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return performance.now() - started;
    if (performance.now() - started > timeoutMs)
      throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function startProcess(
  script: string,
  env: Record<string, string>,
  readyPath: string,
): Promise<Running & { readyMs: number }> {
  const port = nextPort++;
  const spawnedAt = performance.now();
  const child = spawn(tsx, [script], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return waitForOk(url + readyPath).then(() => ({
    url,
    child,
    readyMs: performance.now() - spawnedAt,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  }));
}

export function startTrame(env: Record<string, string>) {
  return startProcess('server/main.ts', env, '/readyz');
}

export function startCeiling(payloadBytes: number) {
  return startProcess('bench/lib/ceiling-server.ts', { PAYLOAD_BYTES: String(payloadBytes) }, '/ceiling');
}

/** A fresh database of the requested kind, and how to get rid of it. */
export async function freshDatabase(
  kind: BenchDatabase,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trame-bench-'));
    return { env: { DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `trame_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
