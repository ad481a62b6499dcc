/**
 * Neo4j side by side (issue 11): on a throwaway Neo4j named by BENCH_NEO4J_URI (+ NEO4J_PASSWORD;
 * the suite EMPTIES that database, so it never reads NEO4J_URI), for generated graphs of 1,000 and
 * 10,000 roles:
 * - loading the graph into Neo4j through the store (one import transaction), with the peak memory
 *   of the Neo4j JVM;
 * - rolepath's route API over HTTP (a real server process on that Neo4j) for `fewest` and `likely`;
 * - Neo4j's own path queries over Bolt on the same pairs: `SHORTEST 1` (GQL), `shortestPath`, and
 *   the best weighted route Neo4j Community has without plugins (no GDS/APOC, so no Dijkstra): every
 *   path of up to 3 moves, ranked by -Σ log p, with a 10 s limit per query;
 * - a history import through the CLI into Neo4j (default 1,000,000 people; NEO4J_BENCH_PEOPLE to
 *   change), wall time and the peak RSS of the CLI and of Neo4j.
 * Without BENCH_NEO4J_URI the suite prints one row saying how to run it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Role } from '../../server/contract/graph-data.js';
import { Neo4jGraphStore } from '../../server/db/neo4j/neo4j-store.js';
import { readSeedDir } from '../../server/services/seed-reader.js';
import { writeHistoryCsv } from '../fixtures/import-data.js';
import { spawnServer } from '../fixtures/spawn-server.js';
import { generateRoleGraph, queryPairs } from './generate-graph.js';
import { summarise, time, type BenchRow } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SUITE = 'neo4j';
const SIZES = [
  { roles: 1000, edgesPerRole: 50, pairs: 100 },
  { roles: 10000, edgesPerRole: 30, pairs: 50 },
];

/** Peak resident memory (VmHWM, MB) of the Neo4j JVM listening on `port`, found through its environment. */
function neo4jPeakMb(port: string): number | null {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('Neo4jLauncher')) continue;
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const p = env.find((e) => e.startsWith('NEO4J_PORT='))?.slice(11) ?? '7687';
      if (p !== port) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return hwm ? Math.round(Number(hwm[1]) / 1024) : null;
    } catch {
      // a process that went away, or one we may not read
    }
  }
  return null;
}

function cliImport(file: string, env: Record<string, string>): Promise<{ ms: number; peakMb: number | null; out: string }> {
  const node = [process.execPath, '--import', 'tsx', 'server/cli/import.ts', file, '--kind', 'histories', '--dataset', 'bench-people', '--min-count', '1', '--json'];
  const withTime = existsSync('/usr/bin/time');
  const [cmd, ...rest] = withTime ? ['/usr/bin/time', '-f', 'PEAK_KB=%M', ...node] : node;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd!, rest, { cwd: ROOT, env: { ...process.env, ...env, PORT: '1', LOG_LEVEL: 'silent' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`import CLI exited with ${code}: ${err.slice(-2000)} ${out.slice(0, 1000)}`));
      const kb = /PEAK_KB=(\d+)/.exec(err);
      resolve({ ms: performance.now() - t0, peakMb: kb ? Number(kb[1]) / 1024 : null, out });
    });
  });
}

export async function neo4jBench(): Promise<BenchRow[]> {
  const uri = process.env.BENCH_NEO4J_URI;
  const password = process.env.NEO4J_PASSWORD ?? 'rolepath-dev-password';
  if (!uri) {
    return [{ suite: SUITE, name: 'skipped', n: 0, p50: NaN, p95: NaN, max: NaN, note: 'set BENCH_NEO4J_URI to a throwaway Neo4j (npm run neo4j): this suite empties it' }];
  }
  const port = new URL(uri.replace(/^[a-z+]+:/, 'http:')).port || '7687';
  const settings = { uri, user: process.env.NEO4J_USER || 'neo4j', password };
  const rows: BenchRow[] = [];
  const driver = neo4j.driver(uri, neo4j.auth.basic(settings.user, password));
  try {
    for (const size of SIZES) {
      const label = `${size.roles.toLocaleString('en-US')} roles`;
      const g = generateRoleGraph({ roles: size.roles, edgesPerRole: size.edgesPerRole, seed: 7 });
      const store = new Neo4jGraphStore(settings);
      await store.init();
      await store.dangerouslyDeleteEverything();
      const t0 = performance.now();
      await store.writeImport({
        roles: g.roles,
        dataset: {
          name: 'bench', kind: 'transitions', unit: 'people', minCount: 1, importedAt: new Date().toISOString(), rowsRead: g.transitions.length,
          people: 0, stints: 0, transitions: g.transitions.length, routes: 0, suppressedTransitions: 0, suppressedRoutes: 0,
        } as never,
        transitions: g.transitions.map((t) => ({ ...t, dataset: 'bench', skills: [], skillsJa: undefined, evidence: [] })),
        routes: [],
      });
      const loadMs = performance.now() - t0;
      await store.close();
      rows.push(summarise(SUITE, `load ${label} / ${g.transitions.length.toLocaleString('en-US')} moves into Neo4j`, [loadMs], undefined, `Neo4j peak RSS ${neo4jPeakMb(port) ?? '?'} MB`));

      const qs = queryPairs(size.roles, size.pairs, 424242);
      const server = await spawnServer({ NEO4J_URI: uri, NEO4J_PASSWORD: password, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'silent', DATA_DIR: await mkdtemp(path.join(tmpdir(), 'rolepath-bench-neo4j-')) });
      try {
        for (const mode of ['fewest', 'likely'] as const) {
          let i = 0;
          const ms = await time(async () => {
            const [from, to] = qs[i++ % qs.length]!;
            const res = await fetch(`${server.url}/api/routes?from=${from}&to=${to}&mode=${mode}&k=1&datasets=bench`);
            await res.arrayBuffer();
          }, qs.length, 10);
          rows.push(summarise(SUITE, `rolepath /api/routes ${mode}, ${label} (HTTP)`, ms));
        }
      } finally {
        await server.stop();
      }

      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const own: [string, string][] = [
          ['SHORTEST 1 (GQL)', 'MATCH p = SHORTEST 1 (a:Role {id: $from})-[:TRANSITION]->{1,6}(b:Role {id: $to}) RETURN length(p) AS hops'],
          ['shortestPath', 'MATCH p = shortestPath((a:Role {id: $from})-[:TRANSITION*..6]->(b:Role {id: $to})) RETURN length(p) AS hops'],
          [
            'weighted, paths ≤ 3 moves',
            'MATCH p = (a:Role {id: $from})-[:TRANSITION*1..3]->(b:Role {id: $to}) WITH p, reduce(c = 0.0, r IN relationships(p) | c - log(r.probability)) AS cost RETURN length(p) AS hops ORDER BY cost LIMIT 1',
          ],
        ];
        for (const [name, cypher] of own) {
          let i = 0;
          let timeouts = 0;
          const n = name.startsWith('weighted') ? Math.min(20, qs.length) : qs.length;
          const ms = await time(async () => {
            const [from, to] = qs[i++ % qs.length]!;
            try {
              await session.executeRead((tx) => tx.run(cypher, { from, to }), { timeout: 10_000 });
            } catch {
              timeouts++;
            }
          }, n, 3);
          rows.push(summarise(SUITE, `Neo4j ${name}, ${label} (Bolt)`, ms, undefined, timeouts ? `${timeouts} of ${n + 3} hit the 10 s limit` : undefined));
        }
      } finally {
        await session.close();
      }
    }

    // A history import through the CLI into Neo4j, on top of the seed.
    const people = Number(process.env.NEO4J_BENCH_PEOPLE ?? 1_000_000);
    const work = await mkdtemp(path.join(tmpdir(), 'rolepath-bench-neo4j-import-'));
    try {
      const store = new Neo4jGraphStore(settings);
      await store.init();
      await store.dangerouslyDeleteEverything();
      const seed = await readSeedDir(path.join(ROOT, 'seed', 'data'));
      await store.writeGraph(seed);
      await store.close();
      const file = path.join(work, 'histories.csv');
      writeHistoryCsv(file, seed.roles as Role[], { people, minStints: 3, maxStints: 8, seed: 11 });
      const run = await cliImport(file, { NEO4J_URI: uri, NEO4J_PASSWORD: password });
      rows.push(
        summarise(SUITE, `import ${people.toLocaleString('en-US')} histories into Neo4j (CLI)`, [run.ms], undefined, `CLI peak RSS ${run.peakMb?.toFixed(0) ?? '?'} MB; Neo4j peak RSS ${neo4jPeakMb(port) ?? '?'} MB`),
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  } finally {
    await driver.close();
  }
  return rows;
}
