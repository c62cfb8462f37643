import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createContext } from '../../server/context.ts';
import { REDACT_PATHS } from '../../server/platform/logger.ts';
import { TestClient } from '../helpers/client.ts';
import { testDatabaseKind } from '../helpers/server.ts';

describe('logs', () => {
  it('carry a request id and never a password, token or cookie', async () => {
    if (testDatabaseKind() !== 'pglite') return; // logging does not depend on the database; once is enough
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const logger = pino({ level: 'trace', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ROLES: 'web', LOG_LEVEL: 'trace' });
    const { ctx, close } = await createContext(config, { logger, inMemoryDatabase: true });
    const app = await buildApp(ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address() as { port: number };
      const client = new TestClient(`http://127.0.0.1:${address.port}`);
      const password = 'very secret passphrase 42';
      await client.call(api.setup, {
        body: { organisationName: 'Acme', name: 'Ada', email: 'ada@acme.test', password, locale: 'en' },
      });
      await client.call(api.signIn, {
        body: { email: 'ada@acme.test', password: 'wrong secret passphrase' },
      });
      await client.call(api.changePassword, {
        body: { currentPassword: password, newPassword: 'another secret phrase 43' },
      });
      const session = client.cookie('trame_session')!;
      const csrf = client.cookie('trame_csrf')!;
      const all = lines.join('\n');
      expect(lines.length).toBeGreaterThan(5);
      for (const secret of [password, 'wrong secret passphrase', 'another secret phrase 43', session, csrf]) {
        expect(all).not.toContain(secret);
      }
      const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.req);
      expect(requestLines.length).toBeGreaterThan(0);
      expect(requestLines.every((l) => typeof l.reqId === 'string')).toBe(true);
    } finally {
      await app.close();
      await close();
    }
  });
});
