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

  it('refuses an item of the wrong kind in any column, naming the column (the columns are checked in one loop each)', () => {
    const compact = encodeCompactGraph(graphOf(20));
    const spoil = <K extends keyof typeof compact.moves>(col: K, bad: unknown) => {
      const items = [...(compact.moves[col] as unknown[])];
      items[3] = bad;
      return compactGraphResponse.safeParse({ ...compact, moves: { ...compact.moves, [col]: items } }).error?.issues[0]?.path;
    };
    expect(spoil('source', 1.5)).toEqual(['moves', 'source']);
    expect(spoil('target', -1)).toEqual(['moves', 'target']);
    expect(spoil('target', '2')).toEqual(['moves', 'target']);
    expect(spoil('count', Number.NaN)).toEqual(['moves', 'count']);
    expect(spoil('count', null)).toEqual(['moves', 'count']);
    expect(spoil('probability', Infinity)).toEqual(['moves', 'probability']);
    expect(spoil('evidence', 0.5)).toEqual(['moves', 'evidence']);
    expect(spoil('skills', [0, -2])).toEqual(['moves', 'skills']);
    expect(spoil('skills', null)).toEqual(['moves', 'skills']);
    expect(spoil('skillsJa', 'x')).toEqual(['moves', 'skillsJa']);
    expect(spoil('skillsJa', null)).toBeUndefined();
    const family = [...compact.roles.family];
    family[0] = -1;
    expect(compactGraphResponse.safeParse({ ...compact, roles: { ...compact.roles, family } }).error?.issues[0]?.path).toEqual(['roles', 'family']);
  });
});
