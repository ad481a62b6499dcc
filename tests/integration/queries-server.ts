/**
 * The real app over a fresh store of the engine under test (tests/fixtures/engine.ts) seeded from seed/data, with
 * the options the saved-query tests need (admin token, query limits), and
 * small HTTP helpers.
 */
import path from 'node:path';
import { createApp, type AppDeps } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import { seedStore } from '../../server/services/seed-service.js';
import { createTestStore } from '../fixtures/engine.js';
import { serveOnLoopback, type TestServer } from './test-server.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export type QueryTestServer = TestServer;

/** Starts the app; `dbPath` (Kùzu) puts the database on disk, `keep` (Neo4j) keeps what the test database holds; either way it is seeded only when empty. */
export async function startQueryServer(
  options: Partial<Pick<AppDeps, 'adminToken' | 'queryLimits'>> & { dbPath?: string; keep?: boolean } = {},
): Promise<QueryTestServer> {
  const store = await createTestStore({ kuzuPath: options.dbPath, keep: options.keep });
  if ((await store.counts()).roles === 0) await seedStore(store, path.join(ROOT, 'seed', 'data'));
  const { app } = createApp({
    store,
    logger: createLogger('silent'),
    rateLimitPerMinute: 0,
    adminToken: 'adminToken' in options ? options.adminToken : ADMIN_TOKEN,
    queryLimits: options.queryLimits ?? { timeoutMs: 5000, rowLimit: 1000 },
  });
  return serveOnLoopback(app, store);
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: any;
  ms: number;
}

/** Sends a request (JSON body unless `text` is given) and parses the JSON answer. */
export async function call(
  base: string,
  method: string,
  p: string,
  { json, text, token }: { json?: unknown; text?: string; token?: string } = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = {};
  if (json !== undefined) headers['content-type'] = 'application/json';
  if (text !== undefined) headers['content-type'] = 'text/plain';
  if (token) headers.authorization = `Bearer ${token}`;
  const started = performance.now();
  const res = await fetch(base + p, { method, headers, body: text ?? (json === undefined ? undefined : JSON.stringify(json)) });
  const raw = await res.text();
  const ms = performance.now() - started;
  let body: unknown = raw;
  try {
    body = raw ? JSON.parse(raw) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body, ms };
}
