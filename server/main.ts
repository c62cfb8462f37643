// Boot: config → database (migrated) → context → HTTP server and/or background worker.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createContext } from './context.ts';
import { DataDirLockedError } from './db/database.ts';
import { SchemaTooNewError } from './db/migrate.ts';
// care: email
import { startCareSmtp } from './modules/care/channels/email/listener.ts';

const started = performance.now();

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const { ctx, close } = await createContext(config);
  const app = config.ROLES.includes('web') ? await buildApp(ctx) : null;
  if (app) await app.listen({ port: config.PORT, host: config.HOST });
  // care: email — the SMTP listener is a front door like HTTP: it runs with the web role.
  const careSmtp = app && config.CARE_SMTP_PORT !== undefined ? await startCareSmtp(ctx) : null;
  ctx.jobs?.start();
  ctx.logger.info(
    {
      url: config.PUBLIC_URL,
      database: ctx.dbKind === 'pglite' ? `embedded (${config.DATA_DIR})` : 'postgresql',
      roles: config.ROLES,
      smtp: Boolean(config.SMTP_URL),
      startupMs: Math.round(performance.now() - started),
    },
    app ? `Trame is ready on ${config.PUBLIC_URL}` : 'Trame worker is running',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.logger.info({ signal }, 'shutting down');
    await app?.close();
    await careSmtp?.close();
    await close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Known start-up problems get one clear line; anything else its stack.
  if (
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof SchemaTooNewError
  ) {
    console.error(`Trame cannot start: ${error.message}`);
  } else {
    console.error('Trame failed to start:', error);
  }
  process.exit(1);
});
