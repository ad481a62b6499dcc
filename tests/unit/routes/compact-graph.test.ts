import { describe, expect, it } from 'vitest';
import { buildCompactGraph, findEdge } from '../../../server/services/routes/compact-graph.js';
import { findRoutes } from '../../../server/services/routes/route-finder.js';
import { buildHistory, buildRoles, buildTransition, edges } from './builders.js';

const evidence = (quote: string) => ({ source: 'article', quote, gloss: quote });

describe('buildCompactGraph', () => {
  it('indexes roles in id order and stores edges sorted by target (CSR)', () => {
    const g = buildCompactGraph(buildRoles(['c', 'a', 'b']), edges('c>b', 'c>a', 'a>c'), []);
    expect(g.ids).toEqual(['a', 'b', 'c']);
    expect(g.indexOf.get('c')).toBe(2);
    expect([...g.offsets]).toEqual([0, 1, 1, 3]);
    expect([...g.targets]).toEqual([2, 0, 1]);
    expect([...g.sources]).toEqual([0, 2, 2]);
    expect(findEdge(g, 2, 1)).toBe(2);
    expect(findEdge(g, 1, 2)).toBe(-1);
    // Reverse CSR: edges entering a, b, c.
    expect([...g.revOffsets]).toEqual([0, 1, 2, 3]);
    expect([...g.revEdges].map((e) => g.sources[e])).toEqual([2, 2, 0]);
  });

  it('merges a pair held by several datasets: counts summed, probability recomputed over merged counts', () => {
    const transitions = [
      buildTransition({ from: 'a', to: 'b', dataset: 'x', count: 2, probability: 0.4, skills: ['sql'], evidence: [evidence('one')] }),
      buildTransition({ from: 'a', to: 'c', dataset: 'x', count: 5, probability: 0.6 }),
      buildTransition({ from: 'a', to: 'b', dataset: 'y', count: 3, probability: 1, skills: ['sql', 'python'], evidence: [evidence('two')] }),
    ];
    const g = buildCompactGraph(buildRoles(['a', 'b', 'c']), transitions, []);
    expect(g.edgeCount).toBe(2);
    const ab = findEdge(g, 0, 1);
    expect(g.counts[ab]).toBe(5);
    expect(g.probabilities[ab]).toBeCloseTo(0.5, 12);
    expect(g.costs[ab]).toBeCloseTo(Math.log(2), 12);
    expect(g.probabilities[findEdge(g, 0, 2)]).toBeCloseTo(0.5, 12);

    const route = findRoutes(g, { from: 'a', to: 'b', mode: 'fewest' }).routes[0]!;
    expect(route.steps[0]).toEqual({
      from: 'a',
      to: 'b',
      count: 5,
      probability: 0.5,
      kinds: ['move'],
      skills: ['sql', 'python'],
      evidence: [evidence('one'), evidence('two')],
    });
  });

  it('gives a lone outgoing move probability 1 and cost 0', () => {
    const g = buildCompactGraph(buildRoles(['a', 'b']), edges('a>b:7'), []);
    expect(g.probabilities[0]).toBe(1);
    expect(Object.is(g.costs[0], 0)).toBe(true);
  });

  it('skips transitions with unknown roles, self-loops and non-positive counts', () => {
    const g = buildCompactGraph(buildRoles(['a', 'b']), edges('a>b', 'a>ghost', 'b>b', 'b>a:0'), []);
    expect(g.edgeCount).toBe(1);
    expect(g.skippedTransitions).toBe(3);
  });

  it('keeps the first of duplicate role ids', () => {
    const roles = [...buildRoles(['a']), { ...buildRoles(['a'])[0]!, name: 'second' }];
    const g = buildCompactGraph(roles, [], []);
    expect(g.nodeCount).toBe(1);
    expect(g.roles[0]!.name).toBe('a');
  });

  it('indexes histories by role, once per history even when a role repeats', () => {
    const g = buildCompactGraph(buildRoles(['a', 'b', 'c']), [], [buildHistory(['a', 'b', 'a']), buildHistory(['c', 'a', 'x'])]);
    const t = g.travel;
    const list = (r: number) => [...t.roleHistories.slice(t.roleHistoryOffsets[r]!, t.roleHistoryOffsets[r + 1]!)];
    expect(list(0)).toEqual([0, 1]);
    expect(list(1)).toEqual([0]);
    expect(list(2)).toEqual([1]);
    expect([...t.historyRoles]).toEqual([0, 1, 0, 2, 0, -1]);
  });
});
