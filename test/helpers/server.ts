// Starts the real app on a random port against a fresh database — embedded PGlite or a
// new PostgreSQL database, as the vitest project says — and tears it down afterwards.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { type AppContext, createContext } from '../../server/context.ts';
import { OffsetClock } from '../../server/platform/clock.ts';
import { TestClient } from './client.ts';
import { createTestDatabase } from './postgres.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export const testDatabaseKind = (): DatabaseKind =>
  process.env.TRAME_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export interface TestServer {
  url: string;
  ctx: AppContext;
  app: FastifyInstance;
  clock: OffsetClock;
  client(options?: { ip?: string }): TestClient;
  close(): Promise<void>;
}

export interface ServerOptions {
  env?: Record<string, string>;
  /** Run the job worker (mail delivery) in this process; on by default. */
  worker?: boolean;
  /** PostgreSQL only: use this database (another server's) instead of a fresh one. */
  databaseUrl?: string;
  /** Share Redis keys and channels with another server (several processes, one installation). */
  redisPrefix?: string;
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const kind = testDatabaseKind();
  const database = kind === 'postgres' && !options.databaseUrl ? await createTestDatabase() : null;
  const clock = new OffsetClock();
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trame-files-'));
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    TRUST_PROXY: 'true',
    ROLES: options.worker === false ? 'web' : 'web,worker',
    DATA_DIR: '/nonexistent-in-memory',
    FILES_DIR: filesDir,
    ...(database ? { DATABASE_URL: database.url, DATABASE_POOL_SIZE: '4' } : {}),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl, DATABASE_POOL_SIZE: '4' } : {}),
    ...options.env,
  };
  const config = loadConfig(env);
  const { ctx, close } = await createContext(config, {
    clock,
    logger: pino({ level: process.env.TRAME_TEST_LOG ?? 'silent' }),
    inMemoryDatabase: true,
    checkResponses: true,
    workerPollMs: 50,
    redisPrefix: options.redisPrefix ?? `trame:test:${process.pid}:${Math.random().toString(36).slice(2)}:`,
  });
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // Links in emails must point at this server.
  ctx.config.PUBLIC_URL = url;
  ctx.jobs?.start();
  return {
    url,
    ctx,
    app,
    clock,
    client: (o) => new TestClient(url, o),
    close: async () => {
      await app.close();
      await close();
      await database?.drop();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** One server for the whole test file: `const t = useServer();` then `t.server` inside tests. */
export function useServer(options: ServerOptions = {}): { server: TestServer } {
  const handle = {} as { server: TestServer };
  beforeAll(async () => {
    handle.server = await startServer(options);
  });
  afterAll(async () => {
    await handle.server?.close();
  });
  return handle;
}
