import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { createContext } from '../../server/context.ts';
import { DataDirLockedError, openDatabase } from '../../server/db/database.ts';
import { migrations, SchemaTooNewError } from '../../server/db/migrate.ts';
import { createTestDatabase } from '../helpers/postgres.ts';
import { testDatabaseKind } from '../helpers/server.ts';

describe('database start-up checks', () => {
  it('applies every migration once and refuses a database migrated by a newer Trame', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trame-newer-'));
    const pgDatabase = testDatabaseKind() === 'postgres' ? await createTestDatabase() : null;
    try {
      const config = loadConfig({
        DATA_DIR: dir,
        ROLES: 'web',
        ...(pgDatabase ? { DATABASE_URL: pgDatabase.url } : {}),
      });
      const first = await createContext(config, { logger: pino({ level: 'silent' }) });
      const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
        first.ctx.db,
      );
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-01-from-the-future', '2099-01-01')`.execute(
        first.ctx.db,
      );
      await first.close();
      const second = createContext(config, { logger: pino({ level: 'silent' }) });
      await expect(second).rejects.toThrow(SchemaTooNewError);
      await expect(second).rejects.toThrow(/newer version of Trame.*2099-01-01-01-from-the-future/);
    } finally {
      await pgDatabase?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a second process away from an embedded data directory in use, and releases it on close', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trame-lock-'));
    try {
      const config = loadConfig({ DATA_DIR: dir });
      const first = await openDatabase(config);
      await expect(openDatabase(config)).rejects.toThrow(DataDirLockedError);
      // A lock left by a process that died does not block anyone.
      await first.close();
      fs.writeFileSync(path.join(dir, 'trame.lock'), '999999');
      const second = await openDatabase(config);
      await second.close();
      expect(fs.existsSync(path.join(dir, 'trame.lock'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps data on disk across restarts of the embedded database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trame-disk-'));
    try {
      const config = loadConfig({ DATA_DIR: dir, ROLES: 'web', LOG_LEVEL: 'silent' });
      const one = await createContext(config, { logger: pino({ level: 'silent' }) });
      await one.ctx.db
        .insertInto('departments')
        .values({ id: '01a20000-0000-7000-8000-0000000000aa', name: 'Ventes', created_at: new Date() })
        .execute();
      await one.close();
      const two = await createContext(config, { logger: pino({ level: 'silent' }) });
      const rows = await two.ctx.db.selectFrom('departments').select('name').execute();
      await two.close();
      expect(rows).toEqual([{ name: 'Ventes' }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
