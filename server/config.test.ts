import { describe, expect, it } from 'vitest';
import { ConfigError, configDocs, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults: embedded database in ./data on port 8080', () => {
    const config = loadConfig({}, '/srv/trame');
    expect(config).toMatchObject({
      PORT: 8080,
      DATA_DIR: '/srv/trame/data',
      databaseKind: 'pglite',
      PUBLIC_URL: 'http://localhost:8080',
      secureCookies: false,
      ROLES: ['web', 'worker'],
      SESSION_IDLE_MINUTES: 720,
      SESSION_ABSOLUTE_DAYS: 30,
      TRUST_PROXY: false,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('switches to PostgreSQL and secure cookies when told', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/trame',
      PUBLIC_URL: 'https://social.example.com/',
      TRUST_PROXY: 'yes',
      ROLES: 'worker',
    });
    expect(config).toMatchObject({
      databaseKind: 'postgres',
      PUBLIC_URL: 'https://social.example.com',
      secureCookies: true,
      TRUST_PROXY: true,
      ROLES: ['worker'],
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'Invalid PORT="eighty": expected a whole number between 0 and 65535.'],
    [{ PORT: '70000' }, 'Invalid PORT="70000": expected a whole number ≤ 65535.'],
    [
      { DATABASE_URL: 'mysql://x' },
      'Invalid DATABASE_URL="mysql://x": expected a URL starting with postgres:// or postgresql://.',
    ],
    [
      { LOG_LEVEL: 'loud' },
      'Invalid LOG_LEVEL="loud": expected one of fatal, error, warn, info, debug, trace, silent.',
    ],
    [{ SESSION_IDLE_MINUTES: '1' }, 'Invalid SESSION_IDLE_MINUTES="1": expected a whole number ≥ 5.'],
    [{ TRUST_PROXY: 'maybe' }, 'Invalid TRUST_PROXY="maybe": expected true or false.'],
    [{ ROLES: 'web,cron' }, 'Invalid ROLES="web,cron": expected a comma-separated list of web, worker.'],
    [
      { ANALYTICS_CURRENCY: 'EURO' },
      'Invalid ANALYTICS_CURRENCY="EURO": expected an ISO 4217 currency code such as EUR, USD or GBP.',
    ],
    [
      { SMTP_URL: 'mail.example.com' },
      'Invalid SMTP_URL="mail.example.com": expected a URL starting with smtp:// or smtps://.',
    ],
  ])('stops on %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the currency of the ROI estimate as an ISO code, EUR by default', () => {
    expect(loadConfig({}).ANALYTICS_CURRENCY).toBe('EUR');
    expect(loadConfig({ ANALYTICS_CURRENCY: ' chf ' }).ANALYTICS_CURRENCY).toBe('CHF');
  });

  it('documents every variable', () => {
    const names = configDocs().map((d) => d.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'PORT',
        'DATA_DIR',
        'DATABASE_URL',
        'REDIS_URL',
        'PUBLIC_URL',
        'SMTP_URL',
        'LOG_LEVEL',
      ]),
    );
    for (const d of configDocs()) expect(d.doc.length).toBeGreaterThan(10);
  });
});

describe('README', () => {
  it('documents every setting in its configuration table', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const { name } of configDocs()) expect(readme).toContain(`| \`${name}\` |`);
  });
});
