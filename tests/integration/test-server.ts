/** Starts the real app over a fresh store of the engine under test (tests/fixtures/engine.ts) seeded from seed/data, on a free loopback port. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from '../../server/app.js';
import type { GraphStore } from '../../server/db/graph-store.js';
import { createLogger } from '../../server/logger.js';
import { seedStore } from '../../server/services/seed-service.js';
import { createTestStore } from '../fixtures/engine.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface TestServer {
  url: string;
  store: GraphStore;
  close(): Promise<void>;
}

export async function startTestServer(
  options: { staticDir?: string; corsOrigins?: string[]; rateLimitPerMinute?: number; readToken?: string; adminToken?: string } = {},
): Promise<TestServer> {
  const store = await createTestStore();
  await seedStore(store, path.join(ROOT, 'seed', 'data'));
  const { app } = createApp({ store, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), ...options });
  return serveOnLoopback(app, store);
}

/** Serves `app` on a free loopback port; closing stops the server (dropping kept-alive connections) and closes `store`. */
export async function serveOnLoopback(app: ReturnType<typeof createApp>['app'], store: GraphStore): Promise<TestServer> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

/** GET `path` and return status, headers and parsed JSON body. */
export async function getJson(base: string, p: string): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(base + p);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (e.g. the HTML page): keep the text.
  }
  return { status: res.status, headers: res.headers, body };
}
