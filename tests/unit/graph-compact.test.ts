/** The compact graph shape (GET /api/graph?shape=compact): a lossless round trip but for evidence text and probability digits. */
import { describe, expect, it } from 'vitest';
import type { GraphResponse } from '../../server/contract/api.js';
import { compactGraphResponse, decodeCompactGraph, encodeCompactGraph } from '../../server/contract/graph-compact.js';
import { toGraph } from '../../server/services/role-service.js';
import { generateRoleGraph } from '../bench/generate-graph.js';

/** A generated graph as the role service answers it, with Japanese skills on some moves and evidence on others. */
function graphOf(roles: number, datasets = 1): GraphResponse {
  const g = generateRoleGraph({ roles, edgesPerRole: 4, seed: 3, datasets });
  const transitions = g.transitions.map((t, i) => ({
    ...t,
    ...(i % 3 === 0 ? { skillsJa: t.skills.map((s) => `${s}（日本語）`) } : {}),
    evidence: i % 5 === 0 ? [{ source: 'a', quote: 'q', gloss: 'g' }] : [],
  }));
  return toGraph(g.roles, { transitions, usage: { used: ['synthetic-1'], unit: 'accounts', suppressed: { transitions: 0, routes: 0 } } });
}

describe('compact graph', () => {
  it('decodes to the Cytoscape shape: same roles and moves, evidence left to the role pages', () => {
    const graph = graphOf(300, 2);
    const compact = compactGraphResponse.parse(JSON.parse(JSON.stringify(encodeCompactGraph(graph))));
    const back = decodeCompactGraph(compact);
    expect(back.elements.nodes).toEqual(graph.elements.nodes);
    expect(back.datasets).toEqual(graph.datasets);
    expect(back.elements.edges).toHaveLength(graph.elements.edges.length);
    back.elements.edges.forEach((e, i) => {
      const { evidence, probability, ...rest } = graph.elements.edges[i]!.data;
      expect(e.data).toMatchObject(rest);
      expect(e.data.evidence).toEqual([]);
      expect(Math.abs(e.data.probability - probability) / probability).toBeLessThan(1e-5);
      expect(compact.moves.evidence[i]).toBe(evidence.length);
    });
  });

  it('is a fraction of the Cytoscape JSON', () => {
    const graph = graphOf(2000);
    const full = JSON.stringify(graph).length;
    const compact = JSON.stringify(encodeCompactGraph(graph)).length;
    expect(compact).toBeLessThan(full / 3);
  });

  it('refuses columns of different lengths and indexes out of range', () => {
    const compact = encodeCompactGraph(graphOf(20));
    const short = { ...compact, moves: { ...compact.moves, count: compact.moves.count.slice(1) } };
    expect(compactGraphResponse.safeParse(short).error?.issues[0]?.path).toEqual(['moves', 'count']);
    const wild = { ...compact, moves: { ...compact.moves, target: compact.moves.target.map(() => 20) } };
    expect(compactGraphResponse.safeParse(wild).error?.issues[0]?.path).toEqual(['moves', 'target']);
  });
});
