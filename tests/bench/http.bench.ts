/**
 * The cost of one request (issue 14, item 4): round trips over loopback with
 * Node's own `fetch` (one connection kept alive, one request at a time) against
 * a bare Node HTTP server and against rolepath's whole app, both in one child
 * process (tests/bench/http-server.ts), in the same run; plus the route search
 * alone in this process, so that route − bare − search is our HTTP stack.
 * rolepath runs as in production: access log at info, request ids, security
 * headers, compression, the rate limiter (its limit out of reach).
 *
 * BENCH_HTTP_BASELINE=/path/to/another/checkout adds the same rows for that
 * checkout's app, measured in turn with ours (before/after in one run);
 * BENCH_HTTP_ROOT=/path runs "ours" from another checkout too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { routeQuery } from '../../server/contract/routes.js';
import { makeSnapshot } from '../../server/services/graph-snapshot.js';
import { RouteService } from '../../server/services/route-service.js';
import { generateRoleGraph } from './generate-graph.js';
import { summarise, time, type BenchRow } from './harness.js';

const N = Number(process.env.BENCH_HTTP_N ?? 2000);
const ROUNDS = 5;

interface Servers {
  bare: string;
  app: string;
  child: ChildProcess;
}

/** Starts tests/bench/http-server.ts (optionally over another checkout) and waits for its URLs. */
async function startServers(root?: string): Promise<Servers> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'http-server.ts')], {
    env: { ...process.env, ...(root ? { ROLEPATH_ROOT: root } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  return { ...(JSON.parse(first) as { bare: string; app: string }), child };
}

const stop = (s: Servers) => new Promise<void>((resolve) => (s.child.exitCode !== null ? resolve() : (s.child.once('exit', () => resolve()), s.child.kill('SIGTERM'))));

/** Route queries over the generated graph: deterministic pairs of distinct roles, fewest and likely in turn, API defaults otherwise (k=3). */
function routeQueries(ids: readonly string[], count: number): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const modes = ['fewest', 'likely'];
  for (let i = 0; out.length < count; i++) {
    const from = ids[(i * 7919) % ids.length]!;
    const to = ids[(i * 104729 + 13) % ids.length]!;
    if (from !== to) out.push({ from, to, mode: modes[out.length % modes.length]! });
  }
  return out;
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function httpBench(): Promise<BenchRow[]> {
  const generated = generateRoleGraph({ roles: 1000, edgesPerRole: 20, histories: 5000, seed: 7 });
  const queries = routeQueries(
    generated.roles.map((r) => r.id),
    300,
  );
  const routePaths = queries.map((q) => `/api/routes?${new URLSearchParams(q)}`);
  const service = new RouteService({ get: async () => snapshot });
  const snapshot = makeSnapshot(1, generated.roles, generated.transitions, generated.histories);
  await service.graph();

  const baseline = process.env.BENCH_HTTP_BASELINE;
  const ours = await startServers(process.env.BENCH_HTTP_ROOT);
  const theirs = baseline ? await startServers(path.resolve(baseline)) : undefined;
  const get = (base: string, paths: readonly string[]) => {
    let i = 0;
    return async () => {
      const p = paths[i++ % paths.length]!;
      const res = await fetch(base + p);
      await res.arrayBuffer();
      if (res.status >= 500 || (p.startsWith('/api/routes') && res.status !== 200)) throw new Error(`${res.status} from ${p}`);
    };
  };
  const samples: Record<string, number[]> = {};
  const add = (key: string, ms: number[]) => (samples[key] ??= []).push(...ms);
  try {
    // Interleaved rounds, so load from elsewhere on the machine falls on every row alike.
    for (let r = 0; r < ROUNDS; r++) {
      const n = Math.ceil(N / ROUNDS);
      add('bare', await time(get(ours.bare, ['/']), n, 100));
      let q = 0;
      add('search', await time(() => service.find(routeQuery.parse(queries[q++ % queries.length])), n, 50));
      for (const [label, s] of [['', ours], ['baseline ', theirs]] as const) {
        if (!s) continue;
        add(`${label}404`, await time(get(s.app, ['/api/nope']), n, 100));
        add(`${label}route`, await time(get(s.app, routePaths), n, 100));
      }
    }
  } finally {
    await stop(ours);
    if (theirs) await stop(theirs);
  }
  const bare = p50(samples.bare!);
  const search = p50(samples.search!);
  const over = (ms: number[], minus: number, what: string) => `${(p50(ms) - minus).toFixed(3)} ms over ${what}`;
  const rows: BenchRow[] = [
    summarise('http', 'loopback fetch: bare Node server (trivial JSON)', samples.bare!),
    summarise('http', 'route search alone, 1,000 roles (in process, same queries)', samples.search!),
  ];
  for (const label of ['', 'baseline '] as const) {
    if (!samples[`${label}404`]) continue;
    const who = label ? `baseline (${baseline})` : 'rolepath';
    rows.push(
      summarise('http', `loopback fetch: ${who} 404 (/api/nope)`, samples[`${label}404`]!, undefined, over(samples[`${label}404`]!, bare, 'bare')),
      summarise(
        'http',
        `loopback fetch: ${who} route, 1,000 roles (fewest/likely, k=3)`,
        samples[`${label}route`]!,
        label ? undefined : { ms: 1, on: 'p50' },
        `${over(samples[`${label}route`]!, bare + search, 'bare + search')} (the HTTP stack)`,
      ),
    );
  }
  return rows;
}
