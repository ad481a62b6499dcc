/**
 * Roles' groups in the compact graph (issue 14, item 5): a table of distinct
 * groups and an index per role (null for none), sent only when some role has
 * a group, and decoded back onto the role's data as `group`.
 */
import { describe, expect, it } from 'vitest';
import type { GraphResponse } from '../../server/contract/api.js';
import { compactGraphResponse, decodeCompactGraph, encodeCompactGraph } from '../../server/contract/graph-compact.js';

type NodeData = GraphResponse['elements']['nodes'][number]['data'];

const node = (id: string, group?: string): { data: NodeData } => ({
  data: { id, label: id.toUpperCase(), labelJa: `職種${id}`, family: 'bizops', ...(group !== undefined ? { group } : {}) },
});

const graphOf = (nodes: { data: NodeData }[]): GraphResponse => ({
  elements: {
    nodes,
    edges: [{ data: { id: 'a->b@x', source: 'a', target: 'b', count: 1, probability: 1, kind: 'move', dataset: 'x', skills: [], evidence: [] } }],
  },
});

const roundTrip = (g: GraphResponse) => decodeCompactGraph(compactGraphResponse.parse(JSON.parse(JSON.stringify(encodeCompactGraph(g)))));

describe('compact graph: role groups', () => {
  it('sends each distinct group once and an index per role, null where a role has none', () => {
    const graph = graphOf([node('a', '営業本部'), node('b'), node('c', '営業本部'), node('d', 'Platform')]);
    const compact = encodeCompactGraph(graph);
    expect(compact.groups).toEqual(['営業本部', 'Platform']);
    expect(compact.roles.group).toEqual([0, null, 0, 1]);
    const back = roundTrip(graph);
    expect(back.elements.nodes).toEqual(graph.elements.nodes);
    expect(back.elements.nodes[1]!.data).not.toHaveProperty('group');
    expect(back.elements.nodes[3]!.data.group).toBe('Platform');
  });

  it('sends neither the table nor the column when no role has a group', () => {
    const graph = graphOf([node('a'), node('b')]);
    const json = JSON.stringify(encodeCompactGraph(graph));
    expect(json).not.toContain('group');
    expect(roundTrip(graph).elements.nodes).toEqual(graph.elements.nodes);
  });

  it('refuses a group column without its table, of the wrong length, or pointing outside the table', () => {
    const compact = encodeCompactGraph(graphOf([node('a', 'G'), node('b')]));
    const path = (x: unknown) => compactGraphResponse.safeParse(x).error?.issues[0]?.path;
    expect(path({ ...compact, groups: undefined })).toEqual(['roles', 'group']);
    expect(path({ ...compact, roles: { ...compact.roles, group: [0] } })).toEqual(['roles', 'group']);
    expect(path({ ...compact, roles: { ...compact.roles, group: [0, 1] } })).toEqual(['roles', 'group']);
    expect(compactGraphResponse.safeParse(compact).success).toBe(true);
  });
});
