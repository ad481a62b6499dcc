/**
 * The servers of the HTTP round-trip bench, run as a child process so client
 * and server do not share an event loop (as with `npm start` and a client):
 * a bare Node HTTP server and rolepath's app over a generated 1,000-role graph
 * in an in-memory Kùzu store. Prints one JSON line `{"bare": url, "app": url}`
 * when both listen. `ROLEPATH_ROOT` may point at another checkout of rolepath
 * (e.g. an older commit), to compare two versions in one run.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino } from 'pino';
import type * as AppModule from '../../server/app.js';
import type * as KuzuModule from '../../server/db/kuzu/kuzu-store.js';
import { generateRoleGraph } from './generate-graph.js';

const root = path.resolve(process.env.ROLEPATH_ROOT ?? path.join(import.meta.dirname, '..', '..'));
const { createApp } = (await import(path.join(root, 'server', 'app.ts'))) as typeof AppModule;
const { KuzuGraphStore } = (await import(path.join(root, 'server', 'db', 'kuzu', 'kuzu-store.ts'))) as typeof KuzuModule;

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

const bare = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end('{"ok":true}');
});

const generated = generateRoleGraph({ roles: 1000, edgesPerRole: 20, histories: 5000, seed: 7 });
const store = new KuzuGraphStore({ path: ':memory:' });
await store.init();
await store.writeGraph({ dataset: 'generated', ...generated });
// As in production: the access log at info (to /dev/null here, synchronously, as pino writes to stdout);
// the rate limiter stays in the stack with a limit the bench never reaches.
const logger = pino({ level: 'info', base: { app: 'rolepath' } }, pino.destination({ dest: '/dev/null', sync: true }));
const { app, snapshots } = createApp({ store, logger, rateLimitPerMinute: 1_000_000_000 });
await snapshots.get();
const appServer = createServer(app);
console.log(JSON.stringify({ bare: await listen(bare), app: await listen(appServer) }));
process.on('SIGTERM', () => {
  bare.close();
  appServer.close();
  void store.close().finally(() => process.exit(0));
});
