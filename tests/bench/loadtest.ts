/**
 * `npm run loadtest`: autocannon against the real server (server/main.ts as a
 * child process on loopback), on the seed graph and on a generated 1,000-role
 * graph. Bounded in time: per graph, a 20 s route-only run and a 60 s mixed run.
 * Reports route throughput and latency, errors, and the server's memory over
 * the mixed run; prints a table and writes tests/bench/results/loadtest-latest.json.
 *
 * autocannon reports p97.5, not p95; we hold p97.5 to the p95 target, which is
 * the stricter test.
 */
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { KuzuGraphStore } from '../../server/db/kuzu/kuzu-store.js';
import { generateRoleGraph } from './generate-graph.js';
import { spawnServer, type SpawnedServer } from '../fixtures/spawn-server.js';
import { printTable, writeResults, type BenchRow } from './harness.js';

const ROUTE_SECONDS = Number(process.env.LOADTEST_ROUTE_SECONDS ?? 20);
const MIXED_SECONDS = Number(process.env.LOADTEST_MIXED_SECONDS ?? 60);
const CONNECTIONS = 10;

/** Server RSS in MB, read from /proc (Linux). */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function cycle<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

async function run(url: string, seconds: number, paths: () => string) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => ({ ...req, path: paths() }),
      },
    ],
  });
}

async function scenario(name: string, server: SpawnedServer, roleIds: string[], pid: number): Promise<{ rows: BenchRow[]; memory: number[] }> {
  const has = async (p: string) => (await fetch(server.url + p)).ok;
  const savedQueries = await has('/api/queries');
  const pairs: string[] = [];
  const modes = ['fewest', 'likely', 'travelled'];
  for (let i = 0; pairs.length < 300; i++) {
    const a = roleIds[(i * 7919) % roleIds.length]!;
    const b = roleIds[(i * 104729 + 13) % roleIds.length]!;
    if (a !== b) pairs.push(`/api/routes?from=${a}&to=${b}&mode=${modes[i % 3]}&k=3`);
  }
  const routeOnly = await run(server.url, ROUTE_SECONDS, cycle(pairs));

  // The mix: mostly routes, then role pages, searches, saved queries (when present) and the whole graph.
  const mix: string[] = [];
  for (let i = 0; i < 100; i++) {
    const role = roleIds[(i * 31) % roleIds.length]!;
    if (i < 60) mix.push(pairs[i]!);
    else if (i < 75) mix.push(`/api/roles/${role}`);
    else if (i < 85) mix.push(`/api/roles?q=${encodeURIComponent(role.slice(0, 4))}`);
    else if (i < 95) mix.push(savedQueries ? `/api/queries` : '/api/health');
    else if (i < 97) mix.push('/api/graph');
    else mix.push('/api/health');
  }
  const memory: number[] = [await rssMb(pid)];
  const sampler = setInterval(() => void rssMb(pid).then((m) => memory.push(m)), 5000);
  const mixed = await run(server.url, MIXED_SECONDS, cycle(mix));
  clearInterval(sampler);
  memory.push(await rssMb(pid));

  const errors = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;
  // Flat memory: the last third of the samples is within 15 % of the middle third (the first third is warm-up).
  const third = Math.max(1, Math.floor(memory.length / 3));
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const middle = avg(memory.slice(third, 2 * third));
  const last = avg(memory.slice(-third));
  const growth = (last - middle) / middle;
  const row = (label: string, r: autocannon.Result, extra: Partial<BenchRow>): BenchRow => ({
    suite: 'loadtest',
    name: `${name}: ${label}`,
    n: r.requests.total,
    p50: r.latency.p50,
    p95: r.latency.p97_5,
    max: r.latency.max,
    ...extra,
  });
  const rows = [
    row(`routes only, ${ROUTE_SECONDS}s (p95 column = p97.5)`, routeOnly, {
      target: 50,
      targetOn: 'p95',
      pass: routeOnly.latency.p97_5 <= 50 && routeOnly.requests.average >= 500 && errors(routeOnly) === 0,
      note: `${Math.round(routeOnly.requests.average)} req/s (target ≥ 500), ${errors(routeOnly)} errors`,
    }),
    row(`mixed, ${MIXED_SECONDS}s (p95 column = p97.5)`, mixed, {
      pass: errors(mixed) === 0 && growth < 0.15,
      note: `${Math.round(mixed.requests.average)} req/s, ${errors(mixed)} errors, RSS ${memory.map((m) => m.toFixed(0)).join('→')} MB (last third ${(growth * 100).toFixed(1)}% vs middle)`,
    }),
  ];
  return { rows, memory };
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const env = { RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn' };

  const seedServer = await spawnServer(env);
  try {
    const roles = ((await (await fetch(`${seedServer.url}/api/roles?limit=500`)).json()) as { roles: { id: string }[] }).roles.map((r) => r.id);
    rows.push(...(await scenario('seed graph', seedServer, roles, seedServer.pid)).rows);
  } finally {
    await seedServer.stop();
  }

  const dataDir = await mkdtemp(path.join(tmpdir(), 'rolepath-load-'));
  const generated = generateRoleGraph({ roles: 1000, edgesPerRole: 20, histories: 5000, seed: 7 });
  const store = new KuzuGraphStore({ path: path.join(dataDir, 'rolepath.kuzu') });
  await store.init();
  await store.writeGraph({ dataset: 'generated', ...generated });
  await store.close();
  const genServer = await spawnServer({ ...env, DATA_DIR: dataDir });
  try {
    rows.push(...(await scenario('generated 1,000 roles', genServer, generated.roles.map((r) => r.id), genServer.pid)).rows);
  } finally {
    await genServer.stop();
  }

  printTable(rows);
  console.log(`\nwrote ${await writeResults('loadtest', rows, { connections: CONNECTIONS, logLevel: 'warn', rateLimit: 'off' })}`);
}

await main();
