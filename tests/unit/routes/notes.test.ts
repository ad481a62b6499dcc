import { describe, expect, it } from 'vitest';
import { buildCompactGraph } from '../../../server/services/routes/compact-graph.js';
import { findRoutes } from '../../../server/services/routes/route-finder.js';
import type { RouteQuery } from '../../../server/services/routes/types.js';
import { buildHistory, buildRoles, edges } from './builders.js';

const roles = buildRoles(['a', 'b', 'c', 'd', 'e', 'm', 'product-manager', 'v', 'lonely'], {
  m: 'management',
  'product-manager': 'profit-centre',
  lonely: 'bizops',
});
// a>b>c>d (counts 1), a>product-manager>e (count 5), a>m>e, d>v, lonely>a.
const graph = buildCompactGraph(
  roles,
  edges('a>b', 'b>c', 'c>d', 'a>product-manager:5', 'product-manager>e:5', 'a>m', 'm>e', 'd>v', 'lonely>a'),
  [buildHistory(['a', 'b', 'c', 'd']), buildHistory(['a', 'product-manager', 'e'])],
);
const note = (query: Partial<RouteQuery> & { from: string; to: string }, mode: RouteQuery['mode'] = 'fewest') => {
  const r = findRoutes(graph, { mode, ...query });
  expect(r.routes).toEqual([]);
  return r.note;
};

describe('notes say which limit cut the routes off', () => {
  it('is empty when routes are found', () => {
    expect(findRoutes(graph, { from: 'a', to: 'd', mode: 'fewest' }).note).toBe('');
  });

  it('no route at all', () => {
    expect(note({ from: 'd', to: 'a' })).toBe('No route from d to a in the graph: no chain of recorded moves leads there.');
    expect(note({ from: 'd', to: 'a' }, 'likely')).toMatch(/in the graph/);
  });

  it('maxHops', () => {
    expect(note({ from: 'a', to: 'd', maxHops: 2 })).toBe('No route within 2 moves; the shortest route has 3 moves — raise maxHops.');
    expect(note({ from: 'a', to: 'd', maxHops: 1 }, 'likely')).toMatch(/^No route within 1 move; the shortest route has 3 moves/);
  });

  it('avoid', () => {
    expect(note({ from: 'a', to: 'e', avoid: ['product-manager', 'm'] })).toBe(
      'Every route passes through an avoided role: product manager.',
    );
  });

  it('families (intermediate role and endpoint)', () => {
    expect(note({ from: 'a', to: 'e', families: ['engineering'] })).toBe(
      'No route whose roles are all in families engineering; the shortest one also needs product manager (profit-centre).',
    );
    expect(note({ from: 'lonely', to: 'b', families: ['engineering'] })).toBe(
      'The start role lonely is in family bizops, which is not among the allowed families (engineering); families apply to every role of a route, endpoints included.',
    );
  });

  it('minCount', () => {
    expect(note({ from: 'a', to: 'd', minCount: 3 })).toBe(
      'No route using transitions seen at least 3 times (the best one has a move seen 1 time).',
    );
  });

  it('via', () => {
    expect(note({ from: 'a', to: 'e', via: 'b' })).toBe('No route through via role b (there are routes that skip it).');
  });

  it('several limits, each enough on its own', () => {
    expect(note({ from: 'a', to: 'e', avoid: ['product-manager'], families: ['engineering', 'profit-centre'] })).toBe(
      'Every route passes through an avoided role: product manager. ' +
        'No route whose roles are all in families engineering, profit-centre; the shortest one also needs m (management).',
    );
  });

  it('limits that only cut everything off together', () => {
    // Both ways to e pass roles that are avoided AND outside the families: lifting one limit leaves the other.
    expect(note({ from: 'a', to: 'e', avoid: ['product-manager', 'm'], families: ['engineering'] })).toBe(
      'No route satisfies all the constraints together (maxHops 6; avoid product manager, m; families engineering); lifting any single one is not enough.',
    );
    expect(note({ from: 'a', to: 'd', maxHops: 2, minCount: 2 })).toBe(
      'No route satisfies all the constraints together (maxHops 2; minCount 2); lifting any single one is not enough.',
    );
  });

  it('beyond the maximum maxHops', () => {
    const ids = Array.from({ length: 13 }, (_, i) => `n${i}`);
    const chain = buildCompactGraph(buildRoles(ids), edges(...ids.slice(1).map((id, i) => `${ids[i]}>${id}`)), []);
    expect(findRoutes(chain, { from: 'n0', to: 'n12', mode: 'fewest', maxHops: 10 }).note).toBe(
      'No route within 10 moves; the shortest route has 12 moves, more than the maximum maxHops of 10.',
    );
  });

  it('travelled: no history, and constraints on travelled routes', () => {
    expect(note({ from: 'a', to: 'm' }, 'travelled')).toBe(
      'No stored career history goes from a to m, so there is no travelled route (travelled mode does not guess from the transition graph).',
    );
    expect(note({ from: 'a', to: 'd', maxHops: 2 }, 'travelled')).toBe(
      'No travelled route within 2 moves; the shortest travelled route has 3 moves — raise maxHops.',
    );
    expect(note({ from: 'a', to: 'e', avoid: ['product-manager'] }, 'travelled')).toBe(
      'Every travelled route passes through an avoided role: product manager.',
    );
    expect(note({ from: 'a', to: 'd', via: 'product-manager' }, 'travelled')).toMatch(/^No travelled route through via role product manager/);
    expect(note({ from: 'a', to: 'd', families: ['management'] }, 'travelled')).toMatch(/^The start role a is in family engineering/);
    expect(note({ from: 'a', to: 'd', minCount: 2 }, 'travelled')).toMatch(/^No travelled route using transitions seen at least 2 times/);
  });

  it('says when the search budget ran out', () => {
    const r = findRoutes(graph, { from: 'a', to: 'd', mode: 'fewest' }, { budget: 1 });
    expect(r.routes).toEqual([]);
    expect(r.note).toMatch(/limit of partial routes/);
  });

  it('says the same in Japanese, naming roles by their Japanese names', () => {
    const ja = (query: Partial<RouteQuery> & { from: string; to: string }, mode: RouteQuery['mode'] = 'fewest') =>
      findRoutes(graph, { mode, ...query, lang: 'ja' }).note;
    expect(ja({ from: 'd', to: 'a' })).toBe('職種 d から 職種 a へのルートはありません。記録された移動をどうつないでもたどり着けません。');
    expect(ja({ from: 'a', to: 'd', maxHops: 2 })).toBe('2 回の移動以内のルートはありません。最短のルートは3 回の移動です。最大移動回数を増やしてください。');
    expect(ja({ from: 'a', to: 'e', avoid: ['product-manager', 'm'] })).toBe('どのルートも除外した職種を通ります: 職種 product-manager。');
    expect(ja({ from: 'lonely', to: 'b', families: ['engineering'] })).toMatch(/^出発の職種 職種 lonely はファミリー「BizOps」に属し/);
    expect(ja({ from: 'a', to: 'm' }, 'travelled')).toMatch(/^職種 a から 職種 m へ進んだキャリア履歴が記録されていない/);
    for (const note of [ja({ from: 'a', to: 'd', minCount: 3 }), ja({ from: 'a', to: 'e', via: 'b' })]) expect(note).not.toMatch(/[a-z]{4,}/);
  });
});
