/**
 * Property tests: on many random small graphs (≤ 8 roles, random edges,
 * counts, datasets, histories and constraints) every mode must agree with a
 * brute-force enumeration of all simple paths / all histories.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoleFamily, Transition } from '../../../server/contract/graph-data.js';
import { buildCompactGraph } from '../../../server/services/routes/compact-graph.js';
import { findRoutes } from '../../../server/services/routes/route-finder.js';
import type { RouteResult } from '../../../server/services/routes/types.js';
import { buildHistory, buildRole, buildTransition, close, compareCost, oracleRoutes, reachable } from './builders.js';
import type { OracleQuery, OracleRoute } from './builders.js';

const FAMILIES: RoleFamily[] = ['engineering', 'management', 'bizops'];

/** Mostly `value`, sometimes something drawn from `other`: keeps most queries feasible. */
const mostly = <T, U>(value: T, other: fc.Arbitrary<U>, weight = 3) =>
  fc.oneof({ weight, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: other });

const scenario = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    roleFamilies: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
    edges: fc.array(
      fc.record({
        from: fc.nat(n - 1),
        to: fc.nat(n - 1),
        // Few distinct counts → many equal probabilities → many ties to get right.
        count: fc.constantFrom(1, 1, 2, 3),
        dataset: fc.constantFrom('a', 'b'),
      }),
      { minLength: n, maxLength: 3 * n },
    ),
    // Histories repeat a few career patterns, so several people share routes (travellers > 1, ties).
    historyPool: fc.array(fc.array(fc.nat(n - 1), { minLength: 2, maxLength: 9 }), { minLength: 1, maxLength: 5 }),
    historyPicks: fc.array(fc.nat(4), { maxLength: 14 }),
    historyEdges: mostly(true, fc.constant(false)),
    // Graph style: random counts, all counts 1, or d-regular with counts 1 (every move p = 1/d, so
    // all routes of equal length tie exactly).
    style: fc.constantFrom('random', 'uniform', 'regular'),
    degree: fc.integer({ min: 1, max: 3 }),
    shuffles: fc.array(fc.shuffledSubarray(Array.from({ length: n - 1 }, (_, i) => i + 1), { minLength: n - 1 }), {
      minLength: n,
      maxLength: n,
    }),
    from: fc.nat(n - 1),
    toOffset: fc.integer({ min: 1, max: n - 1 }),
    k: fc.integer({ min: 1, max: 8 }),
    maxHops: mostly(8, fc.integer({ min: 1, max: 7 }), 1),
    avoid: mostly([] as number[], fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 3 })),
    via: mostly(undefined, fc.nat(n - 1)),
    familyFilter: mostly(undefined, fc.subarray(FAMILIES, { minLength: 1 })),
    minCount: mostly(1, fc.integer({ min: 0, max: 4 })),
  }),
);

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function setUp(s: Scenario) {
  const id = (i: number) => `r${i}`;
  const roles = s.roleFamilies.map((f, i) => buildRole({ id: id(i), family: FAMILIES[f]! }));
  const transitions: Transition[] =
    s.style === 'regular'
      ? s.shuffles.flatMap((offsets, u) =>
          offsets.slice(0, s.degree).map((o) => buildTransition({ from: id(u), to: id((u + o) % s.n) })),
        )
      : s.edges.map((e) =>
          buildTransition({ from: id(e.from), to: id(e.to), count: s.style === 'uniform' ? 1 : e.count, dataset: e.dataset }),
        );
  const histories = s.historyPicks.map((p) => buildHistory(s.historyPool[p % s.historyPool.length]!.map(id)));
  if (s.historyEdges && s.style !== 'regular') {
    for (const h of s.historyPool) {
      for (let i = 0; i + 1 < h.length; i++) {
        if (h[i] !== h[i + 1]) transitions.push(buildTransition({ from: id(h[i]!), to: id(h[i + 1]!), dataset: 'h' }));
      }
    }
  }
  const from = s.from;
  const to = (s.from + s.toOffset) % s.n;
  const via = s.via === undefined || s.via === from || s.via === to ? undefined : s.via;
  const avoid = [...new Set(s.avoid)].filter((a) => a !== from && a !== to && a !== via);
  const query = {
    from: id(from),
    to: id(to),
    k: s.k,
    maxHops: s.maxHops,
    avoid: avoid.map(id),
    via: via === undefined ? undefined : id(via),
    families: s.familyFilter,
    minCount: s.minCount,
  };
  return { roles, transitions, histories, query };
}

function check(s: Scenario, mode: OracleQuery['mode']): void {
  const { roles, transitions, histories, query } = setUp(s);
  const graph = buildCompactGraph(roles, transitions, histories);
  const result: RouteResult = findRoutes(graph, { ...query, mode });
  const oracle = oracleRoutes(roles, transitions, histories, { ...query, mode } as OracleQuery);
  const expected = oracle.slice(0, query.k);

  expect(result.routes.length).toBe(expected.length);
  // Same cost at every rank (so the same best cost, and alternatives in non-decreasing cost).
  result.routes.forEach((r, i) => {
    const asOracle: OracleRoute = { roles: r.roles, hops: r.hops, probability: r.probability, travellers: r.travellers };
    expect(compareCost(mode, asOracle, expected[i]!), `rank ${i}`).toBe(0);
    if (i > 0) {
      const prev = result.routes[i - 1]!;
      expect(compareCost(mode, { ...prev }, asOracle)).toBeLessThanOrEqual(0);
    }
    expect(new Set(r.roles).size).toBe(r.roles.length);
    expect(r.hops).toBe(r.roles.length - 1);
    expect(r.hops).toBeLessThanOrEqual(query.maxHops);
    expect(r.roles.some((x) => query.avoid.includes(x))).toBe(false);
    if (query.via) expect(r.roles.slice(1, -1)).toContain(query.via);
    for (const step of r.steps) expect(step.count).toBeGreaterThanOrEqual(query.minCount);
    expect(r.travellers === null).toBe(mode !== 'travelled');
  });
  // Every tie group that fits entirely within k must be returned as a whole.
  const keys = new Set(result.routes.map((r) => r.roles.join('>')));
  for (let i = 0; i < expected.length; ) {
    let j = i + 1;
    while (j < oracle.length && compareCost(mode, oracle[i]!, oracle[j]!) === 0) j++;
    if (j <= query.k) for (const r of oracle.slice(i, j)) expect(keys.has(r.roles.join('>'))).toBe(true);
    i = j;
  }
  // Deterministic order: cost, then role ids — exactly the oracle's top k.
  expect(result.routes.map((r) => r.roles.join('>'))).toEqual(expected.map((r) => r.roles.join('>')));
  for (const [i, r] of result.routes.entries()) {
    expect(close(r.probability, expected[i]!.probability)).toBe(true);
    expect(r.travellers).toBe(expected[i]!.travellers);
  }

  if (result.routes.length > 0) expect(result.note).toBe('');
  else {
    expect(result.note).not.toBe('');
    if (mode !== 'travelled' && !reachable(transitions, query.from, query.to)) expect(result.note).toMatch(/in the graph/);
  }
}

describe('route finder agrees with brute force on random small graphs', () => {
  for (const mode of ['fewest', 'likely', 'travelled'] as const) {
    it(`${mode}`, () => {
      fc.assert(
        fc.property(scenario, (s) => check(s, mode)),
        // ROUTES_PROPERTY_RUNS raises the count for a deeper local soak.
        { numRuns: Number(process.env.ROUTES_PROPERTY_RUNS ?? 1500) },
      );
    });
  }
});
