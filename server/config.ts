/**
 * Configuration: the only reader of `process.env`. Parsed once with zod; a
 * missing or malformed setting stops start-up with a list of every problem.
 */
import path from 'node:path';
import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
/** A bearer token: long, and without whitespace (the server reads `Authorization: Bearer <token>` as one word). */
const token = z
  .string()
  .min(16, 'must be at least 16 characters')
  .regex(/^\S+$/, 'must not contain spaces, tabs or line breaks: a token is read as one word, so this one could never authenticate');

const envSchema = z
  .object({
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
    HOST: z.preprocess(emptyToUndefined, z.string().min(1).default('127.0.0.1')),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().min(1).default('./data')),
    NEO4J_URI: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must start with neo4j://, neo4j+s://, bolt:// or bolt+s://')
        .optional(),
    ),
    NEO4J_USER: z.preprocess(emptyToUndefined, z.string().default('neo4j')),
    NEO4J_PASSWORD: optionalString,
    NEO4J_DATABASE: optionalString,
    ADMIN_TOKEN: z.preprocess(emptyToUndefined, token.optional()),
    READ_TOKEN: z.preprocess(emptyToUndefined, token.optional()),
    CORS_ORIGINS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
        .pipe(z.array(z.url({ message: 'must be a comma-separated list of origins like https://hr.example.com' })))
        .default([]),
    ),
    RATE_LIMIT_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(600)),
    QUERY_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(600_000).default(5000)),
    QUERY_ROW_LIMIT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(1000)),
    DATA_VERSION_CHECK_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(50).max(60_000).default(1000)),
    QUERY_WORKERS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(16).default(2)),
    QUERY_MEMORY_MB: z.preprocess(emptyToUndefined, z.coerce.number().int().min(640).max(65_536).default(1024)),
    QUERY_RESULT_BYTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(8 * 1024 * 1024)),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.NEO4J_URI && !env.NEO4J_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['NEO4J_PASSWORD'], message: 'is required when NEO4J_URI is set' });
    }
    if (env.READ_TOKEN && env.READ_TOKEN === env.ADMIN_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['READ_TOKEN'], message: 'must differ from ADMIN_TOKEN: with the same value every reader would be an admin' });
    }
  });

/** Which graph engine to use and how to reach it. */
export type EngineConfig =
  | { engine: 'kuzu'; path: string }
  | { engine: 'neo4j'; uri: string; user: string; password: string; database: string | undefined };

/** Limits on user Cypher runs. */
export interface QueryLimitsConfig {
  /** A run is stopped after this many milliseconds. */
  timeoutMs: number;
  /** At most this many rows come back (the response says when there were more). */
  rowLimit: number;
  /** Kùzu only: sandbox processes, i.e. user queries that can run at the same time. */
  workers: number;
  /** Kùzu only: memory of each sandbox process in MiB (an OS limit); worst case = memoryMb × workers. */
  memoryMb: number;
  /** A result whose rows come to more than about this many bytes (as JSON) fails with 413 instead. */
  resultBytes: number;
}

/** The validated application configuration. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  store: EngineConfig;
  adminToken: string | undefined;
  /** When set, every API read (but health and readiness) needs this token or the admin token. */
  readToken: string | undefined;
  /** Origins allowed to call the API from a browser; empty = CORS off. */
  corsOrigins: string[];
  /** Requests per minute per client on the expensive endpoints; 0 = no limit. */
  rateLimitPerMinute: number;
  /** Limits on every saved-query and ad hoc Cypher run, and (Kùzu) how many can run at once. */
  queries: QueryLimitsConfig;
  /** How often the snapshot asks the store for its data version, so writes by other instances show (ms). */
  versionCheckMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Thrown when the environment is invalid; the message lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses configuration from an environment object (default: `process.env`).
 * @throws ConfigError listing every invalid or missing setting
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const store: EngineConfig = e.NEO4J_URI
    ? { engine: 'neo4j', uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD ?? '', database: e.NEO4J_DATABASE }
    : { engine: 'kuzu', path: path.join(dataDir, 'rolepath.kuzu') };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    store,
    adminToken: e.ADMIN_TOKEN,
    readToken: e.READ_TOKEN,
    corsOrigins: e.CORS_ORIGINS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    queries: {
      timeoutMs: e.QUERY_TIMEOUT_MS,
      rowLimit: e.QUERY_ROW_LIMIT,
      workers: e.QUERY_WORKERS,
      memoryMb: e.QUERY_MEMORY_MB,
      resultBytes: e.QUERY_RESULT_BYTES,
    },
    versionCheckMs: e.DATA_VERSION_CHECK_MS,
    logLevel: e.LOG_LEVEL,
  };
}
