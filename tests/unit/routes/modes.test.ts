import { describe, expect, it } from 'vitest';
import { buildCompactGraph } from '../../../server/services/routes/compact-graph.js';
import { findRoutes } from '../../../server/services/routes/route-finder.js';
import type { RouteQuery } from '../../../server/services/routes/types.js';
import { buildHistory, buildRoles, edges } from './builders.js';
import type { Transition } from '../../../server/contract/graph-data.js';

const paths = (graphEdges: Transition[], query: Omit<RouteQuery, 'mode'> & { mode?: RouteQuery['mode'] }, ids?: string[]) => {
  const roleIds = ids ?? [...new Set(graphEdges.flatMap((e) => [e.from, e.to]))];
  const g = buildCompactGraph(buildRoles(roleIds), graphEdges, []);
  return findRoutes(g, { mode: 'fewest', ...query }).routes.map((r) => r.roles.join('>'));
};

describe('fewest', () => {
  it('returns every route tied on moves, most likely first', () => {
    const g = edges('a>b:3', 'a>c:1', 'b>d', 'c>d');
    expect(paths(g, { from: 'a', to: 'd' })).toEqual(['a>b>d', 'a>c>d']);
    expect(paths(g, { from: 'a', to: 'd', k: 1 })).toEqual(['a>b>d']);
  });

  it('breaks exact ties by role ids', () => {
    expect(paths(edges('a>c', 'a>b', 'c>d', 'b>d'), { from: 'a', to: 'd' })).toEqual(['a>b>d', 'a>c>d']);
  });

  it('puts the fewest-move route first even when unlikely, then alternatives by moves', () => {
    const g = edges('a>d:1', 'a>b:50', 'b>d:1', 'a>c:49', 'c>e', 'e>d');
    expect(paths(g, { from: 'a', to: 'd', k: 5 })).toEqual(['a>d', 'a>b>d', 'a>c>e>d']);
  });

  it('never returns a route with a loop', () => {
    const g = edges('a>b', 'b>a', 'b>c', 'c>b', 'c>d');
    expect(paths(g, { from: 'a', to: 'd', k: 10 })).toEqual(['a>b>c>d']);
  });
});

describe('likely', () => {
  it('maximises the product of probabilities, alternatives in decreasing probability', () => {
    // p(a>d) = 0.1, p(a>b>d) = 0.9 · 1.
    const g = edges('a>d:1', 'a>b:9', 'b>d:1');
    expect(paths(g, { from: 'a', to: 'd', mode: 'likely', k: 2 })).toEqual(['a>b>d', 'a>d']);
    expect(paths(g, { from: 'a', to: 'd', mode: 'fewest', k: 1 })).toEqual(['a>d']);
  });

  it('prefers fewer moves, then role ids, among equally likely routes', () => {
    // a>d has p = 1/2; a>b>c>d has p = 1/2 · 1 · 1.
    const g = edges('a>d', 'a>b', 'b>c', 'c>d');
    const g2 = buildCompactGraph(buildRoles(['a', 'b', 'c', 'd']), g, []);
    const r = findRoutes(g2, { from: 'a', to: 'd', mode: 'likely' }).routes;
    expect(r.map((x) => x.roles.join('>'))).toEqual(['a>d', 'a>b>c>d']);
    expect(r[0]!.probability).toBeCloseTo(0.5, 12);
    expect(r[1]!.probability).toBeCloseTo(0.5, 12);
  });

  it('reports probability as the product of step probabilities and travellers as null', () => {
    const g = buildCompactGraph(buildRoles(['a', 'b', 'c', 'd']), edges('a>b:1', 'a>c:3', 'b>d', 'c>d:1', 'c>a:1'), []);
    const [best] = findRoutes(g, { from: 'a', to: 'd', mode: 'likely', k: 1 }).routes;
    expect(best!.roles).toEqual(['a', 'c', 'd']);
    expect(best!.probability).toBeCloseTo(0.75 * 0.5, 12);
    expect(best!.steps.map((s) => s.probability)).toEqual([0.75, 0.5]);
    expect(best!.travellers).toBeNull();
    expect(best!.hops).toBe(2);
  });
});

describe('likely: probabilities equal up to rounding', () => {
  // Products equal in exact arithmetic give −ln p sums a few ulps apart; ties must still be
  // ordered by moves, then role ids (regressions found by the property tests).
  const history = (...roles: string[]) => roles.slice(1).map((to, i) => `${roles[i]}>${to}`);
  it('keeps the shorter of two tied routes', () => {
    const g = edges('r1>r5', 'r0>r3:3', 'r3>r0', 'r1>r4:2', 'r5>r4', 'r1>r0', ...history('r3', 'r5', 'r0', 'r1'),
      ...history('r1', 'r3', 'r5', 'r2', 'r4', 'r1', 'r4', 'r1', 'r0'));
    expect(paths(g, { from: 'r1', to: 'r4', mode: 'likely', k: 2 })).toEqual(['r1>r4', 'r1>r5>r4']);
  });
  it('breaks a three-way tie at the k boundary by moves, then role ids', () => {
    const g = edges('r3>r0', 'r3>r1', 'r5>r4', 'r5>r1', 'r1>r2', 'r5>r0', 'r1>r3', ...history('r5', 'r4', 'r3', 'r5', 'r3', 'r2'),
      ...history('r3', 'r4', 'r1', 'r4'), ...history('r4', 'r2', 'r5', 'r4', 'r5', 'r0'), ...history('r4', 'r3', 'r2', 'r0'));
    const got = paths(g, { from: 'r5', to: 'r2', mode: 'likely', k: 8 });
    expect(got.slice(6)).toEqual(['r5>r1>r4>r2', 'r5>r4>r1>r3>r2']);
  });
});

describe('constraints (fewest and likely)', () => {
  const g = edges('a>b:5', 'b>d:5', 'a>c:1', 'c>d:1', 'a>e:1', 'e>f', 'f>d');
  it('maxHops drops longer routes', () => {
    expect(paths(g, { from: 'a', to: 'd', k: 5, maxHops: 2 })).toEqual(['a>b>d', 'a>c>d']);
  });
  it('avoid removes every route through an avoided role', () => {
    expect(paths(g, { from: 'a', to: 'd', k: 5, avoid: ['b', 'f'] })).toEqual(['a>c>d']);
  });
  it('minCount ignores rare transitions', () => {
    expect(paths(g, { from: 'a', to: 'd', k: 5, minCount: 2 })).toEqual(['a>b>d']);
  });
  it('via forces the route through a role', () => {
    expect(paths(g, { from: 'a', to: 'd', k: 5, via: 'e' })).toEqual(['a>e>f>d']);
    expect(paths(g, { from: 'a', to: 'd', k: 5, via: 'c', mode: 'likely' })).toEqual(['a>c>d']);
  });
  it('via keeps the two halves disjoint (no role twice)', () => {
    // The only walk through v is a>x>v>x>d, which repeats x.
    const g2 = edges('a>x', 'x>v', 'v>x', 'x>d');
    expect(paths(g2, { from: 'a', to: 'd', via: 'v' })).toEqual([]);
    expect(paths(g2, { from: 'a', to: 'd', via: 'v', mode: 'likely' })).toEqual([]);
    // With a second way back it works, and the end role may not appear before via.
    const g3 = edges('a>x', 'x>v', 'v>y', 'y>d', 'x>d', 'd>v');
    expect(paths(g3, { from: 'a', to: 'd', via: 'v', k: 5 })).toEqual(['a>x>v>y>d']);
  });
  it('families applies to every role, endpoints included', () => {
    const roles = buildRoles(['a', 'b', 'c', 'd'], { c: 'management', d: 'engineering' });
    const graph = buildCompactGraph(roles, edges('a>b', 'b>d', 'a>c', 'c>d'), []);
    const found = (families: string[], from = 'a') =>
      findRoutes(graph, { from, to: 'd', mode: 'fewest', k: 5, families }).routes.map((r) => r.roles.join('>'));
    expect(found(['engineering'])).toEqual(['a>b>d']);
    expect(found(['engineering', 'management'])).toEqual(['a>b>d', 'a>c>d']);
    expect(found(['management'])).toEqual([]);
    // An empty list means no restriction.
    expect(found([])).toEqual(['a>b>d', 'a>c>d']);
  });
});

describe('travelled', () => {
  const roles = buildRoles(['a', 'b', 'c', 'd', 'x', 'y', 'z']);
  const graphEdges = edges('a>b', 'b>c', 'a>d', 'd>c', 'x>a', 'a>x', 'x>b', 'a>y', 'y>z', 'z>y', 'y>c', 'c>a', 'z>c');
  const travelled = (histories: string[][], query: Partial<RouteQuery> = {}) => {
    const g = buildCompactGraph(roles, graphEdges, histories.map((h) => buildHistory(h)));
    return findRoutes(g, { from: 'a', to: 'c', mode: 'travelled', k: 10, ...query });
  };
  const summary = (r: ReturnType<typeof travelled>) => r.routes.map((x) => `${x.roles.join('>')}×${x.travellers}`);

  it('ranks routes by the number of histories that took them exactly', () => {
    const r = travelled([['a', 'b', 'c'], ['x', 'a', 'b', 'c', 'd'], ['a', 'd', 'c'], ['a', 'b', 'c']]);
    expect(summary(r)).toEqual(['a>b>c×3', 'a>d>c×1']);
    expect(r.note).toBe('');
  });

  it('uses the first A and the first B after it, loop-erasing returns', () => {
    // first a … first later c is a x a b c; the return to a cuts the detour → a b c.
    expect(summary(travelled([['a', 'x', 'a', 'b', 'c', 'a', 'd', 'c']]))).toEqual(['a>b>c×1']);
    // a y z y c: the return to y cuts z → a y c.
    expect(summary(travelled([['a', 'y', 'z', 'y', 'c']]))).toEqual(['a>y>c×1']);
    // a c before the a: ignored; the route starts at the first a.
    expect(summary(travelled([['c', 'a', 'd', 'c']]))).toEqual(['a>d>c×1']);
  });

  it('ignores histories without A before B and slices through unknown roles', () => {
    const r = travelled([['c', 'a'], ['a', 'b'], ['a', 'ghost', 'c']]);
    expect(r.routes).toEqual([]);
    expect(r.note).toMatch(/No stored career history goes from a to c/);
  });

  it('applies the constraints to travelled routes too', () => {
    const hist = [['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'd', 'c'], ['a', 'y', 'z', 'c']];
    expect(summary(travelled(hist, { avoid: ['b'] }))).toEqual(['a>d>c×1', 'a>y>z>c×1']);
    expect(summary(travelled(hist, { via: 'd' }))).toEqual(['a>d>c×1']);
    expect(summary(travelled(hist, { maxHops: 2, k: 1 }))).toEqual(['a>b>c×2']);
  });

  it('breaks equal traveller counts by probability', () => {
    // a has 4 moves out, each 1/4; b>c is 1/1, d>c 1/1, y>c 1/2.
    const r = travelled([['a', 'y', 'c'], ['a', 'd', 'c']]);
    expect(summary(r)).toEqual(['a>d>c×1', 'a>y>c×1']);
  });

  it('counts a move missing from the transition graph as count 0 (kept only with minCount 0)', () => {
    const r = travelled([['a', 'z', 'c']]);
    expect(r.routes).toEqual([]);
    expect(r.note).toMatch(/seen at least 1 times/);
    const kept = travelled([['a', 'z', 'c']], { minCount: 0 });
    expect(kept.routes[0]!.steps[0]).toMatchObject({ from: 'a', to: 'z', count: 0, probability: 0 });
    expect(kept.routes[0]!.probability).toBe(0);
  });
});
