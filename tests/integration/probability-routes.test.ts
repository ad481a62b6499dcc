/**
 * Issue 14, item 1, "done when": a probability-only transition table of published shape — 500
 * occupations, about 15,000 moves, each occupation's shares adding up to at most 1, long-tailed (many
 * tiny shares, a few large ones; a few popular destinations) — generated here, imported through the CLI
 * (`npm run import`, through the running server), and then `likely` and `fewest` routes of the server
 * agree with an independent computation written in this file (a breadth-first search, and a hop-bounded
 * max-product relaxation, Bellman–Ford style — not the server's Dijkstra) on more than 100 pairs, with
 * k > 1 and an `avoid` constraint on some of them. Runs on the engine under test (TEST_ENGINE).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rng } from '../fixtures/import-data.js';
import { runScript, spawnServer, type SpawnedServer } from '../fixtures/spawn-server.js';

const TOKEN = 'probability-routes-admin-token-0123456789';
const ROLES = 500;
const MAX_HOPS = 6;

interface Table {
  csv: string;
  /** Role id (what --create-roles makes of the code) by index. */
  ids: string[];
  /** Outgoing moves by role index: target index → probability as written. */
  out: Map<number, number>[];
  moves: number;
}

/**
 * A published-looking mobility table: occupation codes and names; per occupation 5–60 destinations drawn
 * with a preference for a few popular ones, shares from a heavy-tailed (Pareto) draw, normalised to a
 * total between 0.35 and 0.99 (the rest stayed or left the table), written to 6 significant digits
 * like a published table; a few occupations have no recorded moves out.
 */
function generateTable(seed: number): Table {
  const random = rng(seed);
  const code = (i: number) => `OCC-${String(i + 1).padStart(4, '0')}`;
  const ids = Array.from({ length: ROLES }, (_, i) => code(i).toLowerCase());
  // Popularity: Zipf-like weights over a shuffled order, sampled by a cumulative table.
  const order = ids.map((_, i) => i).sort(() => random() - 0.5);
  const popularity = new Float64Array(ROLES);
  order.forEach((role, rank) => (popularity[role] = 1 / (rank + 1) ** 0.8));
  const cumulative = new Float64Array(ROLES);
  let acc = 0;
  for (let i = 0; i < ROLES; i++) cumulative[i] = acc += popularity[i]!;
  const draw = () => {
    const x = random() * acc;
    let lo = 0;
    let hi = ROLES - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const rows = ['from_code,from_name,to_code,to_name,probability'];
  const out: Map<number, number>[] = [];
  let moves = 0;
  for (let from = 0; from < ROLES; from++) {
    const moveMap = new Map<number, number>();
    out.push(moveMap);
    if (random() < 0.02) continue;
    const degree = 5 + Math.floor(random() * 56);
    const targets = new Set<number>();
    while (targets.size < degree) {
      const to = draw();
      if (to !== from) targets.add(to);
    }
    const weights = [...targets].map(() => 1 / (1 - random()) ** 1.6 - 0.999);
    const total = 0.35 + random() * 0.64;
    const sum = weights.reduce((a, b) => a + b, 0);
    [...targets].forEach((to, i) => {
      const written = Number(((weights[i]! / sum) * total).toPrecision(6));
      if (written <= 0) return;
      moveMap.set(to, written);
      rows.push(`${code(from)},Occupation ${from + 1},${code(to)},Occupation ${to + 1},${written}`);
      moves++;
    });
  }
  return { csv: rows.join('\n') + '\n', ids, out, moves };
}

/** Moves (hops) of the shortest route, by breadth-first search; -1 when none within `maxHops` (optionally avoiding a role). */
function bfsHops(t: Table, from: number, to: number, maxHops: number, avoid = -1): number {
  const depth = new Int32Array(ROLES).fill(-1);
  depth[from] = 0;
  let frontier = [from];
  for (let d = 1; d <= maxHops && frontier.length; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (const v of t.out[u]!.keys()) {
        if (depth[v] !== -1 || v === avoid) continue;
        if (v === to) return d;
        depth[v] = d;
        next.push(v);
      }
    }
    frontier = next;
  }
  return -1;
}

/** Among the routes of fewest moves, the highest product of probabilities (fewest routes come most likely first): layer by layer. */
function bestShortest(t: Table, from: number, to: number, maxHops: number): number {
  const seen = new Uint8Array(ROLES);
  seen[from] = 1;
  let layer = new Map<number, number>([[from, 1]]);
  for (let d = 1; d <= maxHops && layer.size; d++) {
    const next = new Map<number, number>();
    for (const [u, pu] of layer) {
      for (const [v, p] of t.out[u]!) {
        if (seen[v]) continue;
        next.set(v, Math.max(next.get(v) ?? 0, pu * p));
      }
    }
    if (next.has(to)) return next.get(to)!;
    for (const v of next.keys()) seen[v] = 1;
    layer = next;
  }
  return 0;
}

/**
 * The highest product of probabilities over routes of at most `maxHops` moves (0 when none): best[h][v] =
 * max over u of best[h-1][u] · p(u→v). It ranges over walks, but a walk's loop only multiplies by shares
 * ≤ 1, so the best walk is as good as the best simple route.
 */
function maxProduct(t: Table, from: number, to: number, maxHops: number, avoid = -1): number {
  let best = new Float64Array(ROLES);
  best[from] = 1;
  let answer = 0;
  for (let h = 1; h <= maxHops; h++) {
    const next = new Float64Array(ROLES);
    for (let u = 0; u < ROLES; u++) {
      const bu = best[u]!;
      if (bu === 0) continue;
      for (const [v, p] of t.out[u]!) {
        if (v === avoid || v === from) continue;
        const x = bu * p;
        if (x > next[v]!) next[v] = x;
      }
    }
    best = next;
    answer = Math.max(answer, best[to]!);
  }
  return answer;
}

/** The product of the table's probabilities along a route of ids, checking every move is in the table. */
function productOf(t: Table, roles: string[]): number {
  const index = new Map(t.ids.map((id, i) => [id, i]));
  let p = 1;
  for (let i = 0; i + 1 < roles.length; i++) {
    const q = t.out[index.get(roles[i]!)!]?.get(index.get(roles[i + 1]!)!);
    expect(q, `${roles[i]}→${roles[i + 1]} is in the table`).toBeDefined();
    p *= q!;
  }
  return p;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(a, b);

describe('a probability-only mobility table imported through the CLI', () => {
  let server: SpawnedServer;
  let table: Table;
  let cliOutput: string;

  beforeAll(async () => {
    table = generateTable(14);
    const dir = await mkdtemp(path.join(tmpdir(), 'rolepath-probability-'));
    const file = path.join(dir, 'mobility.csv');
    await writeFile(file, table.csv);
    server = await spawnServer({ ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0' });
    const env = { PORT: new URL(server.url).port, DATA_DIR: server.dataDir, HOST: '127.0.0.1', ADMIN_TOKEN: TOKEN };
    const run = await runScript('server/cli/import.ts', [file, '--kind', 'transitions', '--dataset', 'mobility', '--create-roles'], env);
    cliOutput = run.output;
    expect(run.code, run.output).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  const get = async (p: string) => {
    const res = await fetch(server.url + p);
    return { status: res.status, body: (await res.json()) as any };
  };

  it('is of published shape, and is recorded as a probability dataset with nothing suppressed', async () => {
    expect(table.moves).toBeGreaterThan(14_000);
    expect(table.moves).toBeLessThan(16_500);
    const all = table.out.flatMap((m) => [...m.values()]);
    expect(all.filter((p) => p < 0.005).length / all.length).toBeGreaterThan(0.5);
    expect(Math.max(...all)).toBeGreaterThan(0.3);
    for (const m of table.out) expect([...m.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);

    expect(cliOutput).toContain('through the running server');
    expect(cliOutput).toContain(`transitions: ${table.moves.toLocaleString('en-US')} kept; unit: probability`);
    expect(cliOutput).toMatch(/carries no counts of people: there is nothing for the privacy threshold \(k = 5\) to protect/);
    expect(cliOutput).toMatch(/the moves out of \d+ of \d+ roles add up to less than 1/);
    const { body } = await get('/api/datasets');
    expect(body.datasets.find((d: any) => d.name === 'mobility')).toMatchObject({ unit: 'probability', kind: 'transitions', transitions: table.moves, suppressedTransitions: 0 });
    expect(body.default).toEqual(['articles']);
    const mix = await get('/api/routes?from=occ-0001&to=occ-0002&datasets=articles,mobility');
    expect(mix.status).toBe(400);
    expect(mix.body.error.message).toContain('"articles" (accounts), "mobility" (probability) cannot be combined');
  });

  it('answers likely and fewest routes that agree with a separate BFS and max-product search on at least 100 pairs', async () => {
    const random = rng(99);
    let agreed = 0;
    let withRoutes = 0;
    const started = performance.now();
    for (let n = 0; n < 120; n++) {
      const a = Math.floor(random() * ROLES);
      let b = Math.floor(random() * ROLES);
      if (b === a) b = (b + 1) % ROLES;
      const [from, to] = [table.ids[a]!, table.ids[b]!];
      const hops = bfsHops(table, a, b, MAX_HOPS);
      const best = maxProduct(table, a, b, MAX_HOPS);
      const k = n % 10 === 0 ? 3 : 1;
      const q = `from=${from}&to=${to}&datasets=mobility&maxHops=${MAX_HOPS}&k=${k}`;
      const [fewest, likely] = await Promise.all([get(`/api/routes?${q}&mode=fewest`), get(`/api/routes?${q}&mode=likely`)]);
      expect(fewest.status, JSON.stringify(fewest.body)).toBe(200);
      expect(likely.status, JSON.stringify(likely.body)).toBe(200);
      expect(likely.body.datasets).toMatchObject({ used: ['mobility'], unit: 'probability' });
      if (hops < 0) {
        expect(fewest.body.routes, `${from}→${to}`).toEqual([]);
        expect(likely.body.routes, `${from}→${to}`).toEqual([]);
        expect(best).toBe(0);
        agreed++;
        continue;
      }
      withRoutes++;
      const f = fewest.body.routes[0];
      const l = likely.body.routes[0];
      expect(f.hops, `fewest ${from}→${to}`).toBe(hops);
      expect(close(f.probability, bestShortest(table, a, b, MAX_HOPS)), `fewest ${from}→${to}: the most likely of the shortest`).toBe(true);
      expect(close(l.probability, best), `likely ${from}→${to}: ${l.probability} vs ${best}`).toBe(true);
      // The routes are made of the table's moves, with the table's own probabilities (no counts: 0).
      expect(close(productOf(table, l.roles), l.probability)).toBe(true);
      expect(close(productOf(table, f.roles), f.probability)).toBe(true);
      expect(l.steps.every((s: any) => s.count === 0)).toBe(true);
      if (k > 1) {
        const ps = likely.body.routes.map((r: any) => r.probability);
        expect(ps).toEqual([...ps].sort((x, y) => y - x));
        expect(likely.body.routes.length).toBeGreaterThan(1);
      }
      // A constraint: avoiding the best route's first intermediate role gives the best route without it.
      if (n % 8 === 0 && l.roles.length > 2) {
        const avoided = table.ids.indexOf(l.roles[1]);
        const res = await get(`/api/routes?${q}&mode=likely&avoid=${l.roles[1]}`);
        const expected = maxProduct(table, a, b, MAX_HOPS, avoided);
        if (expected === 0) expect(res.body.routes).toEqual([]);
        else {
          expect(close(res.body.routes[0].probability, expected)).toBe(true);
          expect(res.body.routes[0].roles).not.toContain(l.roles[1]);
          expect(res.body.routes[0].hops).toBeGreaterThanOrEqual(bfsHops(table, a, b, MAX_HOPS, avoided));
        }
      }
      agreed++;
    }
    // And from an occupation with no recorded moves out: no route, in both modes.
    const sinks = table.out.map((m, i) => (m.size === 0 ? i : -1)).filter((i) => i >= 0);
    expect(sinks.length).toBeGreaterThan(0);
    for (const sink of sinks.slice(0, 3)) {
      for (const mode of ['fewest', 'likely']) {
        const res = await get(`/api/routes?from=${table.ids[sink]}&to=${table.ids[(sink + 1) % ROLES]}&datasets=mobility&mode=${mode}`);
        expect(res.body.routes).toEqual([]);
        expect(res.body.noRoute).not.toBeNull();
      }
    }
    expect(agreed).toBe(120);
    expect(withRoutes).toBeGreaterThanOrEqual(100);
    // Every answer comes from the server's snapshot: the whole check stays well within CI time.
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 120_000);
});
