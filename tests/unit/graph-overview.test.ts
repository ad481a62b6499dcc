/**
 * The overview of a large graph (client/src/graph/overview.ts), checked
 * against sums and sets computed here from the raw moves.
 */
import { describe, expect, it } from 'vitest';
import type { GraphEdgeData, GraphNodeData } from '../../server/contract/api.js';
import { edgeId } from '../../server/contract/api.js';
import { groupDiscs, groupKey, Overview, type OverviewState } from '../../client/src/graph/overview.js';
import { keepDiscs } from '../../client/src/graph/overview-layer.js';
import { generateRoleGraph } from '../bench/generate-graph.js';

const g = generateRoleGraph({ roles: 300, edgesPerRole: 3, seed: 11 });
const roles: GraphNodeData[] = g.roles.map((r, i) => ({ id: r.id, label: r.name, labelJa: r.nameJa, family: r.family, ...(i % 3 === 0 ? { group: `dept-${i % 4}` } : {}) }));
const moves: GraphEdgeData[] = g.transitions.map((t) => ({
  id: edgeId({ from: t.from, to: t.to, dataset: 'generated' }),
  source: t.from,
  target: t.to,
  count: t.count,
  probability: t.probability,
  kind: t.kind,
  dataset: 'generated',
  skills: t.skills,
  evidence: [],
}));
const keyOf = new Map(roles.map((r) => [r.id, groupKey(r)]));
const state = (s: Partial<OverviewState> = {}): OverviewState => ({ open: new Set(), detail: new Set(), only: null, minCount: 1, ...s });
const ov = new Overview(roles, moves, { hubs: 10 });

describe('Overview', () => {
  it('groups roles by their imported group, else their family, and counts them', () => {
    const expected = new Map<string, number>();
    for (const r of roles) expected.set(keyOf.get(r.id)!, (expected.get(keyOf.get(r.id)!) ?? 0) + 1);
    expect(new Map(ov.groups.map((x) => [x.key, x.roles.length]))).toEqual(expected);
    expect([...expected.keys()].some((k) => k.startsWith('dept-'))).toBe(true);
    const scene = ov.scene(state());
    for (const x of ov.groups) expect(scene.nodes.get(x.id)?.data.roles).toBe(x.roles.length);
  });

  it('starts from the groups, the summed moves between them and the most connected roles', () => {
    const degree = new Map<string, number>();
    for (const m of moves) for (const e of [m.source, m.target]) degree.set(e, (degree.get(e) ?? 0) + 1);
    const top = [...degree].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, 10).map(([id]) => id);
    expect(ov.hubs).toEqual(top);
    const scene = ov.scene(state());
    expect([...scene.nodes.keys()].filter((id) => !id.startsWith('group:')).sort()).toEqual([...top].sort());
    // Summed moves: one per ordered pair of different groups, their counts the sum of the moves between them.
    const sums = new Map<string, number>();
    for (const m of moves) {
      const [a, b] = [keyOf.get(m.source)!, keyOf.get(m.target)!];
      if (a !== b) sums.set(`group:${a}>group:${b}`, (sums.get(`group:${a}>group:${b}`) ?? 0) + m.count);
    }
    const aggregates = [...scene.edges.values()].filter((e) => e.data.aggregate);
    expect(new Map(aggregates.map((e) => [`${e.data.source}>${e.data.target}`, e.data.count]))).toEqual(sums);
    // Real moves only between roles drawn.
    const real = [...scene.edges.values()].filter((e) => !e.data.aggregate).map((e) => e.data.id).sort();
    expect(real).toEqual(moves.filter((m) => top.includes(m.source) && top.includes(m.target)).map((m) => m.id).sort());
  });

  it('draws an open group’s roles and the moves among the roles drawn', () => {
    const group = ov.groups[0]!;
    const scene = ov.scene(state({ open: new Set([group.key]) }));
    for (const id of group.roles) expect(scene.nodes.has(id)).toBe(true);
    expect(scene.nodes.get(group.id)?.classes).toContain('group-open');
    const drawn = new Set([...group.roles, ...ov.hubs]);
    expect(scene.nodes.size).toBe(ov.groups.length + drawn.size);
    const real = [...scene.edges.values()].filter((e) => !e.data.aggregate).map((e) => e.data.id).sort();
    expect(real).toEqual(moves.filter((m) => drawn.has(m.source) && drawn.has(m.target)).map((m) => m.id).sort());
  });

  it('draws detail roles whatever their group, and a focused neighbourhood alone', () => {
    const role = roles.find((r) => !ov.hubs.includes(r.id))!.id;
    const hood = ov.closedNeighbourhood(role);
    const expected = new Set([role, ...moves.filter((m) => m.source === role).map((m) => m.target), ...moves.filter((m) => m.target === role).map((m) => m.source)]);
    expect(hood).toEqual(expected);
    const detail = ov.scene(state({ detail: hood }));
    for (const id of hood) expect(detail.nodes.has(id)).toBe(true);
    for (const m of moves.filter((x) => x.source === role || x.target === role)) expect(detail.edges.has(m.id)).toBe(true);
    const only = ov.scene(state({ only: hood }));
    expect([...only.nodes.keys()].sort()).toEqual([...hood].sort());
    expect([...only.edges.values()].every((e) => hood.has(e.data.source) && hood.has(e.data.target))).toBe(true);
  });

  it('leaves out moves under the minimum count, from the roles and from the sums', () => {
    const min = 5;
    const scene = ov.scene(state({ minCount: min, open: new Set(ov.groups.map((x) => x.key)) }));
    const real = [...scene.edges.values()].filter((e) => !e.data.aggregate);
    expect(real.map((e) => e.data.id).sort()).toEqual(moves.filter((m) => m.count >= min).map((m) => m.id).sort());
    const total = [...scene.edges.values()].filter((e) => e.data.aggregate).reduce((a, e) => a + Number(e.data.count), 0);
    expect(total).toBe(moves.filter((m) => m.count >= min && keyOf.get(m.source) !== keyOf.get(m.target)).reduce((a, m) => a + m.count, 0));
    expect(ov.movesAtLeast(min)).toBe(moves.filter((m) => m.count >= min).length);
  });

  it('puts each group’s disc where its roles are', () => {
    const positions = new Map(roles.map((r, i) => [r.id, { x: (keyOf.get(r.id)!.length * 1000) + (i % 7), y: i % 5 }]));
    const discs = groupDiscs(ov.groups, positions);
    for (const x of ov.groups) {
      const ps = x.roles.map((id) => positions.get(id)!);
      const cx = ps.reduce((a, p) => a + p.x, 0) / ps.length;
      expect(discs.get(x.id)!.x).toBeCloseTo(cx, 6);
    }
  });
});

describe('keepDiscs (re-layout of an overview)', () => {
  it('fits each group’s laid-out roles back into its disc, keeping their arrangement', () => {
    const before = new Map(roles.map((r, i) => [r.id, { x: (ov.groups.findIndex((x) => x.key === keyOf.get(r.id)) * 500) + (i % 9) * 10, y: (i % 11) * 10 }]));
    const discs = groupDiscs(ov.groups, before);
    // A layout that piled every group in the middle, each at its own scale.
    const placed = new Map(roles.map((r, i) => [r.id, { x: (i % 13) * 3, y: (i % 17) * 5 }]));
    const after = keepDiscs(placed, ov, discs);
    const again = groupDiscs(ov.groups, after);
    for (const x of ov.groups) {
      const [want, got] = [discs.get(x.id)!, again.get(x.id)!];
      expect(got.x).toBeCloseTo(want.x, 6);
      expect(got.y).toBeCloseTo(want.y, 6);
      expect(got.r).toBeCloseTo(want.r, 6);
    }
    // Within a group, one scale and one shift: distance ratios are kept.
    const [a, b, c] = ov.groups[0]!.roles;
    const d = (m: ReadonlyMap<string, { x: number; y: number }>, p: string, q: string) => Math.hypot(m.get(p)!.x - m.get(q)!.x, m.get(p)!.y - m.get(q)!.y);
    expect(d(after, a!, b!) / d(after, a!, c!)).toBeCloseTo(d(placed, a!, b!) / d(placed, a!, c!), 6);
  });
});
