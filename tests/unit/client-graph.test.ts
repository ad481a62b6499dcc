/** Graph element logic without a DOM: route → edges, family positions and tethers, fitting, role names. */
import { describe, expect, it } from 'vitest';
import { countEdgesAtLeast, indexEdgesByPair, maxEdgeCount, routeEdgeIds, toElements } from '../../client/src/graph/elements.js';
import { degrees, familyPositions, fitViewport } from '../../client/src/graph/positions.js';
import { RoleDirectory } from '../../client/src/graph/role-directory.js';
import { familyTethers } from '../../client/src/graph/tethers.js';
import type { GraphResponse } from '../../server/contract/api.js';

const edge = (id: string, source: string, target: string, count = 1, dataset = 'articles') => ({
  data: { id, source, target, count, probability: 0.5, kind: 'move' as const, dataset, skills: [], evidence: [] },
});
const graph: GraphResponse = {
  elements: {
    nodes: [
      { data: { id: 'cs', label: 'Customer support', labelJa: 'カスタマーサービス', family: 'customer-support' } },
      { data: { id: 'qa', label: 'QA', labelJa: '品質保証', family: 'engineering' } },
      { data: { id: 'pm', label: 'Product manager', labelJa: 'プロダクトマネージャー', family: 'engineering' } },
    ],
    edges: [edge('e1', 'cs', 'qa', 3), edge('e2', 'qa', 'pm'), edge('e3', 'qa', 'pm', 2, 'other'), edge('e4', 'cs', 'ghost')],
  },
};

describe('client graph elements', () => {
  it('drops edges to roles the graph does not hold', () => {
    expect(toElements(graph).map((e) => e.data.id)).toEqual(['cs', 'qa', 'pm', 'e1', 'e2', 'e3']);
  });

  it('maps each move of a route to every edge drawn for it', () => {
    const index = indexEdgesByPair(graph.elements.edges.map((e) => e.data));
    expect(routeEdgeIds(index, ['cs', 'qa', 'pm'])).toEqual([['e1'], ['e2', 'e3']]);
    expect(routeEdgeIds(index, ['pm', 'cs'])).toEqual([[]]);
    expect(routeEdgeIds(index, ['cs'])).toEqual([]);
  });

  it('finds the top of the count scale and counts what a minimum keeps', () => {
    const edges = graph.elements.edges.map((e) => e.data);
    expect(maxEdgeCount(edges)).toBe(3);
    expect(maxEdgeCount([])).toBe(1);
    expect(countEdgesAtLeast(edges, 2)).toBe(2);
  });
});

describe('client family positions', () => {
  const nodes = Array.from({ length: 60 }, (_, i) => ({ id: `r${i}`, family: ['customer-support', 'engineering', 'management'][i % 3]! }));

  it('keeps each family closer to itself than to the other families', () => {
    const pos = familyPositions(nodes);
    const centre = (f: string) => {
      const ps = nodes.filter((n) => n.family === f).map((n) => pos.get(n.id)!);
      return { x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length };
    };
    const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
    for (const n of nodes) {
      const own = dist(pos.get(n.id)!, centre(n.family));
      for (const f of ['customer-support', 'engineering', 'management'].filter((x) => x !== n.family)) expect(own).toBeLessThan(dist(pos.get(n.id)!, centre(f)));
    }
  });

  it('is deterministic, puts hubs in the middle of their disc and follows the screen shape', () => {
    const deg = new Map([['r3', 10]]);
    expect(familyPositions(nodes, deg)).toEqual(familyPositions(nodes, deg));
    const tall = familyPositions(nodes, deg, { aspect: 2 });
    const xs = [...tall.values()].map((p) => p.x);
    const ys = [...tall.values()].map((p) => p.y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(Math.max(...xs) - Math.min(...xs));
    expect(degrees([{ source: 'a', target: 'b' }, { source: 'a', target: 'c' }])).toEqual(new Map([['a', 2], ['b', 1], ['c', 1]]));
  });

  it('fits points into a viewport', () => {
    const { zoom, pan } = fitViewport([{ x: -100, y: 0 }, { x: 100, y: 50 }], 440, 300, 20);
    expect(zoom).toBe(2);
    expect(pan).toEqual({ x: 220, y: 100 });
  });

  it('tethers each role to the best-connected role of its family', () => {
    const tethers = familyTethers(nodes.slice(0, 6), new Map([['r4', 3]]));
    expect(tethers.map((t) => `${t.data.source}>${t.data.target}`)).toEqual(['r4>r1', 'r0>r3', 'r2>r5']);
    expect(tethers.every((t) => t.data.tether === true)).toBe(true);
  });
});

describe('client role directory', () => {
  const dir = RoleDirectory.fromGraph(graph);

  it('names roles in either language and keeps unknown ids as they are', () => {
    expect(dir.name('pm', 'ja')).toBe('プロダクトマネージャー');
    expect(dir.name('pm', 'en')).toBe('Product manager');
    expect(dir.name('nobody', 'en')).toBe('nobody');
  });

  it('resolves typed names and ids, folding case and width', () => {
    expect(dir.resolve('product MANAGER')).toBe('pm');
    expect(dir.resolve('ＱＡ')).toBe('qa');
    expect(dir.resolve(' 品質保証 ')).toBe('qa');
    expect(dir.resolve('cs')).toBe('cs');
    expect(dir.resolve('Product manger')).toBeNull();
  });
});

describe('client layout stretch', () => {
  it('pulls a wide layout apart vertically to fit a tall screen, by at most the limit', async () => {
    const { stretchToAspect } = await import('../../client/src/graph/positions.js');
    const wide = new Map([['a', { x: 0, y: 0 }], ['b', { x: 200, y: 100 }]]);
    expect(stretchToAspect(wide, 1)).toEqual(new Map([['a', { x: 0, y: -30 }], ['b', { x: 200, y: 130 }]]));
    expect(stretchToAspect(wide, 0.5)).toEqual(wide);
    const tall = stretchToAspect(new Map([['a', { x: 0, y: 0 }], ['b', { x: 10, y: 100 }]]), 1, 2);
    expect(tall.get('b')!.x - tall.get('a')!.x).toBe(20);
  });
});
