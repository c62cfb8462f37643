// Every setting Trame reads from the environment, validated once at start.
// Nothing else in the code base reads process.env: the parsed Config is passed down.
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const ROLES = ['web', 'worker'] as const;

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `a whole number ≥ ${min}`).max(max, `a whole number ≤ ${max}`));

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], 'true or false')
  .transform((v) => ['true', '1', 'yes'].includes(v));

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

// Each entry: environment variable → schema, default (as the string a user would type) and meaning.
// The README's configuration table is written from this list; keep them in step.
const spec = {
  PORT: { schema: int(0, 65535), default: '8080', doc: 'HTTP port to listen on.' },
  HOST: { schema: z.string().min(1), default: '0.0.0.0', doc: 'Interface to listen on.' },
  PUBLIC_URL: {
    schema: url(['http:', 'https:']),
    default: '',
    doc: 'Address people use to reach Trame; used in emails and to decide secure cookies. Default http://localhost:PORT.',
  },
  DATA_DIR: {
    schema: z.string().min(1),
    default: './data',
    doc: 'Where the embedded database and files live.',
  },
  DATABASE_URL: {
    schema: url(['postgres:', 'postgresql:']).optional(),
    default: undefined,
    doc: 'PostgreSQL connection string. When set, Trame uses PostgreSQL instead of the embedded database.',
  },
  DATABASE_POOL_SIZE: { schema: int(1, 200), default: '10', doc: 'PostgreSQL connections per process.' },
  REDIS_URL: {
    schema: url(['redis:', 'rediss:']).optional(),
    default: undefined,
    doc: 'Redis connection string. When set, rate-limit counters and live updates are shared by every Trame process.',
  },
  SMTP_URL: {
    schema: url(['smtp:', 'smtps:']).optional(),
    default: undefined,
    doc: 'Outgoing mail server, e.g. smtp://user:pass@mail.example.com:587. When unset, mail is only kept in the admin outbox.',
  },
  MAIL_FROM: {
    schema: z.string().min(3),
    default: 'Trame <no-reply@localhost>',
    doc: 'Sender of outgoing mail.',
  },
  SESSION_IDLE_MINUTES: {
    schema: int(5, 60 * 24 * 90),
    default: '720',
    doc: 'A session ends after this many minutes without a request.',
  },
  SESSION_ABSOLUTE_DAYS: {
    schema: int(1, 365),
    default: '30',
    doc: 'A session ends this many days after sign-in, whatever its use.',
  },
  SESSION_CACHE_ENTRIES: {
    schema: int(0, 1_000_000),
    default: '20000',
    doc: 'Signed-in sessions each process keeps in memory (dropped the moment the database reports a change to them; 0 turns the cache off).',
  },
  HOME_FEED_CACHE_ENTRIES: {
    schema: int(0, 1_000_000),
    default: '5000',
    doc: "First pages of people's home feeds each process keeps in memory, about 15 KB each (dropped the moment the database reports a change they show; 0 turns the cache off).",
  },
  SETUP_TOKEN: {
    schema: z.string().min(12, 'at least 12 characters').optional(),
    default: undefined,
    doc: 'When set, the first-run setup asks for this token, so only the operator can claim a new instance.',
  },
  TRUST_PROXY: {
    schema: bool,
    default: 'false',
    doc: 'Trust X-Forwarded-* headers (set when Trame runs behind a reverse proxy or load balancer).',
  },
  ROLES: {
    schema: z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim()))
      .pipe(z.array(z.enum(ROLES, `a comma-separated list of ${ROLES.join(', ')}`)).min(1)),
    default: 'web,worker',
    doc: 'What this process does: web (HTTP API and app), worker (background jobs such as mail).',
  },
  LOG_LEVEL: {
    schema: z.enum(LOG_LEVELS, `one of ${LOG_LEVELS.join(', ')}`),
    default: 'info',
    doc: 'Log verbosity.',
  },
  ANALYTICS_CURRENCY: {
    schema: z
      .string()
      .transform((v) => v.trim().toUpperCase())
      .pipe(
        z
          .string()
          .refine(
            (v) => /^[A-Z]{3}$/.test(v) && Intl.supportedValuesOf('currency').includes(v),
            'an ISO 4217 currency code such as EUR, USD or GBP',
          ),
      ),
    default: 'EUR',
    doc: 'Currency of the analytics ROI estimate (the cost of an hour and the amounts saved), as an ISO 4217 code.',
  },
  FILES_DIR: {
    schema: z.string().min(1).optional(),
    default: undefined,
    doc: 'Where uploaded files are stored. Default DATA_DIR/files.',
  },
  MAX_UPLOAD_MB: {
    schema: int(1, 1024),
    default: '20',
    doc: 'Largest file a person may attach, in megabytes.',
  },
  OUTBOUND_ALLOW_HOSTS: {
    schema: z.string().transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
    default: '',
    doc: 'Comma-separated host names or addresses that link previews may fetch even though they are private (an intranet). Everything private is refused otherwise.',
  },
  RETENTION_HOUR_UTC: {
    schema: int(0, 23),
    default: '3',
    doc: 'Hour of the day (UTC) at which the daily retention job deletes expired posts.',
  },
  SSO_ALLOW_PRIVATE_ISSUER: {
    schema: bool,
    default: 'false',
    doc: "Let single sign-on reach the configured OpenID provider's host even though it is on a private network (only that host; everything else private stays refused).",
  },
  SSO_BREAK_GLASS: {
    schema: bool,
    default: 'false',
    doc: 'Ignore "single sign-on required" so employees can sign in with their password again (for when the identity provider is down; restart without it once it is back).',
  },
  // care: email
  CARE_SMTP_PORT: {
    schema: int(0, 65535).optional(),
    default: undefined,
    doc: 'Port of the SMTP listener that receives customer mail for the email channels of customer care (25 when Trame is the MX itself). Unset: no listener. Runs in the process with the web role.',
  },
  CARE_SMTP_HOST: {
    schema: z.string().min(1),
    default: '0.0.0.0',
    doc: 'Interface the customer-care SMTP listener listens on (127.0.0.1 when a mail relay on the same machine hands mail over).',
  },
  CARE_SMTP_MAX_MB: {
    schema: int(1, 100),
    default: '10',
    doc: 'Largest customer email the SMTP listener accepts, in megabytes (larger ones are refused with 552).',
  },
  CARE_SMTP_TLS_CERT: {
    schema: z.string().min(1).optional(),
    default: undefined,
    doc: 'PEM certificate file the SMTP listener offers with STARTTLS (with CARE_SMTP_TLS_KEY). Unset: no STARTTLS.',
  },
  CARE_SMTP_TLS_KEY: {
    schema: z.string().min(1).optional(),
    default: undefined,
    doc: 'PEM private key file of CARE_SMTP_TLS_CERT.',
  },
  WEB_DIST_DIR: {
    schema: z.string().min(1),
    default: './web/dist',
    doc: 'Built web app served by the server.',
  },
} as const;

type Spec = typeof spec;
type Parsed = { [K in keyof Spec]: z.output<Spec[K]['schema']> };

export type Config = Omit<Parsed, 'PUBLIC_URL' | 'FILES_DIR'> & {
  PUBLIC_URL: string;
  FILES_DIR: string;
  /** Cookies get the Secure flag and __Host- prefix when the public address is https. */
  secureCookies: boolean;
  databaseKind: 'pglite' | 'postgres';
};

export class ConfigError extends Error {}

export function configDocs(): { name: string; default: string | undefined; doc: string }[] {
  return Object.entries(spec).map(([name, s]) => ({ name, default: s.default, doc: s.doc }));
}

/** Parse an environment. Throws ConfigError with one line naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(spec)) {
    const raw = env[name] === '' ? undefined : env[name];
    const value = raw ?? s.default;
    if (value === undefined || (value === '' && name === 'PUBLIC_URL')) {
      out[name] = undefined;
      continue;
    }
    const parsed = (s.schema as z.ZodType).safeParse(value);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'an invalid value';
      throw new ConfigError(`Invalid ${name}=${JSON.stringify(raw)}: expected ${message}.`);
    }
    out[name] = parsed.data;
  }
  const parsed = out as Parsed;
  const publicUrl = (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, '');
  return {
    ...parsed,
    PUBLIC_URL: publicUrl,
    DATA_DIR: path.resolve(cwd, parsed.DATA_DIR),
    WEB_DIST_DIR: path.resolve(cwd, parsed.WEB_DIST_DIR),
    FILES_DIR: path.resolve(cwd, parsed.FILES_DIR ?? path.join(parsed.DATA_DIR, 'files')),
    secureCookies: publicUrl.startsWith('https:'),
    databaseKind: parsed.DATABASE_URL ? 'postgres' : 'pglite',
  };
}
