// Structured logs (pino). Anything that can carry a secret is redacted by path, and
// request bodies are never logged, so passwords and tokens cannot reach the logs.
import pino, { type Logger } from 'pino';
import type { Config } from '../config.ts';

export type { Logger };

export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
];

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({ level: config.LOG_LEVEL, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}
