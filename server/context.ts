// AppContext: everything a request, command or job needs — a plain object built once
// at start (and once per test server), passed down explicitly. No DI container.
import { Redis } from 'ioredis';
import type { Transporter } from 'nodemailer';
import type { Config } from './config.ts';
import { type Db, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { jobHandlers, recurringTasks } from './jobs.ts';
import { CHANGES_CHANNEL, ChangeFeed } from './platform/cache/changes.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { Worker } from './platform/jobs/queue.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { createMailer } from './platform/mail/outbox.ts';
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from './platform/rate-limit.ts';
import { type Bus, MemoryBus } from './platform/realtime/bus.ts';
import { RedisBus } from './platform/realtime/redis-bus.ts';
import { LocalStorage } from './platform/storage/local.ts';

export interface AppContext {
  config: Config;
  db: Db;
  dbKind: 'pglite' | 'postgres';
  clock: Clock;
  logger: Logger;
  limiter: RateLimiter;
  mailer: Transporter | null;
  /** Carries live events from commands to WebSocket hubs (in memory, or Redis across processes). */
  bus: Bus;
  /** Uploaded files (a local directory). */
  storage: LocalStorage;
  /** The background worker, when this process has the worker role. */
  jobs: Worker | null;
  /** What the database reports changed, for the in-process caches. */
  changes: ChangeFeed;
  /** Check every response against its schema (tests and development). */
  checkResponses: boolean;
}

export interface ContextOptions {
  clock?: Clock;
  logger?: Logger;
  inMemoryDatabase?: boolean;
  checkResponses?: boolean;
  workerPollMs?: number;
  /** Prefix for Redis keys, so parallel test runs do not share counters. */
  redisPrefix?: string;
}

export async function createContext(
  config: Config,
  options: ContextOptions = {},
): Promise<{ ctx: AppContext; close: () => Promise<void> }> {
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(config, { inMemory: options.inMemoryDatabase });
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  } catch (error) {
    await database.close();
    throw error;
  }
  const changes = new ChangeFeed();
  let stopListening: () => Promise<void>;
  try {
    stopListening = await database.listen(
      CHANGES_CHANNEL,
      (payload) => changes.receive(payload),
      (live) => {
        if (!live && changes.live) logger.warn('change notifications lost: in-process caches bypassed');
        changes.setLive(live);
      },
    );
  } catch (error) {
    await database.close();
    throw error;
  }
  const limiter: RateLimiter = config.REDIS_URL
    ? new RedisRateLimiter(
        new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 }),
        options.redisPrefix,
      )
    : new MemoryRateLimiter(clock);
  const mailer = createMailer(config);
  const ctx: AppContext = {
    config,
    db: database.db,
    dbKind: database.kind,
    clock,
    logger,
    limiter,
    mailer,
    bus: config.REDIS_URL
      ? new RedisBus(config.REDIS_URL, `${options.redisPrefix ?? 'trame:'}live:`, (error) =>
          logger.error({ err: error }, 'redis bus error'),
        )
      : new MemoryBus(),
    storage: new LocalStorage(config.FILES_DIR),
    jobs: null,
    changes,
    checkResponses: options.checkResponses ?? false,
  };
  if (config.ROLES.includes('worker')) {
    ctx.jobs = new Worker(ctx.db, clock, jobHandlers(ctx), logger, options.workerPollMs, recurringTasks(ctx));
  }
  const close = async () => {
    await ctx.jobs?.stop();
    await ctx.bus.close();
    await limiter.close();
    mailer?.close();
    await stopListening();
    await database.close();
  };
  return { ctx, close };
}
