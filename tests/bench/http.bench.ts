/**
 * The cost of one request (issue 14, item 4): round trips over loopback with
 * Node's own `fetch` (one connection, kept alive, one request at a time),
 * against a bare Node HTTP server and against rolepath's whole app in the same
 * run, so the difference is our middleware stack. rolepath runs as in
 * production: access log at info (written to /dev/null), request ids,
 * security headers, the rate limiter on the route endpoint (its limit raised
 * so the bench is never refused), compression. Client and servers share this
 * one process, as the figures did.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from '../../server/app.js';
import { KuzuGraphStore } from '../../server/db/kuzu/kuzu-store.js';
import { generateRoleGraph } from './generate-graph.js';
import { summarise, time, type BenchRow } from './harness.js';

const N = Number(process.env.BENCH_HTTP_N ?? 2000);

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Route queries over the generated graph: deterministic pairs of distinct roles, modes in turn. */
function routePaths(ids: readonly string[], count: number): string[] {
  const out: string[] = [];
  const modes = ['fewest', 'likely'];
  for (let i = 0; out.length < count; i++) {
    const a = ids[(i * 7919) % ids.length]!;
    const b = ids[(i * 104729 + 13) % ids.length]!;
    if (a !== b) out.push(`/api/routes?from=${a}&to=${b}&mode=${modes[i % modes.length]}`);
  }
  return out;
}

export async function httpBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"ok":true}');
  });
  const bareUrl = await listen(bare);

  const generated = generateRoleGraph({ roles: 1000, edgesPerRole: 20, histories: 5000, seed: 7 });
  const store = new KuzuGraphStore({ path: ':memory:' });
  await store.init();
  await store.writeGraph({ dataset: 'generated', ...generated });
  const logger = pino({ level: 'info', base: { app: 'rolepath' } }, pino.destination({ dest: '/dev/null', sync: true }));
  const { app, snapshots } = createApp({ store, logger, rateLimitPerMinute: 1_000_000_000 });
  await snapshots.get();
  const appServer = createServer(app);
  const appUrl = await listen(appServer);

  const get = (base: string, paths: readonly string[]) => {
    let i = 0;
    return async () => {
      const res = await fetch(base + paths[i++ % paths.length]!);
      await res.arrayBuffer();
      if (res.status >= 500) throw new Error(`${res.status} from ${paths[(i - 1) % paths.length]}`);
    };
  };
  const routes = routePaths(
    generated.roles.map((r) => r.id),
    300,
  );
  try {
    // Interleaved rounds, so a burst of load from elsewhere on the machine hits every row alike.
    const samples: Record<string, number[]> = { bare: [], notFound: [], route: [], health: [] };
    const rounds = 4;
    for (let r = 0; r < rounds; r++) {
      samples.bare!.push(...(await time(get(bareUrl, ['/']), N / rounds, 100)));
      samples.notFound!.push(...(await time(get(appUrl, ['/api/nope']), N / rounds, 100)));
      samples.route!.push(...(await time(get(appUrl, routes), N / rounds, 100)));
    }
    const bareRow = summarise('http', 'loopback fetch: bare Node server (trivial JSON)', samples.bare!);
    const nf = summarise('http', 'loopback fetch: rolepath 404 (/api/nope)', samples.notFound!);
    const route = summarise('http', 'loopback fetch: rolepath route, 1,000 roles (fewest/likely)', samples.route!, { ms: 1, on: 'p50' });
    nf.note = `${(nf.p50 - bareRow.p50).toFixed(3)} ms over bare`;
    route.note = `${(route.p50 - bareRow.p50).toFixed(3)} ms over bare`;
    rows.push(bareRow, nf, route);
  } finally {
    await close(appServer);
    await close(bare);
    await store.close();
  }
  return rows;
}
