import { describe, expect, it } from 'vitest';
import { historySchema, roleSchema, transitionSchema } from '../../../server/contract/graph-data.js';
import { buildCompactGraph } from '../../../server/services/routes/compact-graph.js';
import { generateRoleGraph } from '../../bench/generate-graph.js';
import { findRoutes } from '../../../server/services/routes/route-finder.js';
import type { RouteQuery } from '../../../server/services/routes/types.js';
import { close, oracleRoutes } from './builders.js';

describe('generateRoleGraph', () => {
  const options = { roles: 60, edgesPerRole: 4, histories: 40, seed: 42, datasets: 2 };

  it('is deterministic for a seed', () => {
    expect(generateRoleGraph(options)).toEqual(generateRoleGraph(options));
    expect(generateRoleGraph({ ...options, seed: 43 })).not.toEqual(generateRoleGraph(options));
  });

  it('produces data the store schemas accept, with per-dataset probabilities', () => {
    const { roles, transitions, histories } = generateRoleGraph(options);
    expect(roles).toHaveLength(60);
    for (const r of roles) roleSchema.parse(r);
    for (const { dataset: _d, probability: _p, ...t } of transitions) transitionSchema.parse(t);
    for (const h of histories) historySchema.parse(h);

    const sums = new Map<string, number>();
    for (const t of transitions) sums.set(`${t.dataset} ${t.from}`, (sums.get(`${t.dataset} ${t.from}`) ?? 0) + t.probability);
    for (const s of sums.values()) expect(s).toBeCloseTo(1, 9);

    // Every role has edgesPerRole distinct targets; some pairs repeat across datasets.
    const pairs = new Set(transitions.map((t) => `${t.from}>${t.to}`));
    expect(pairs.size).toBe(60 * 4);
    expect(transitions.length).toBeGreaterThan(pairs.size);
    // Histories only take stored moves.
    for (const h of histories) for (let i = 0; i + 1 < h.roles.length; i++) expect(pairs.has(`${h.roles[i]}>${h.roles[i + 1]}`)).toBe(true);
  });

  it('caps edgesPerRole at roles - 1', () => {
    const { transitions } = generateRoleGraph({ roles: 4, edgesPerRole: 10, seed: 1 });
    expect(transitions).toHaveLength(12);
  });
});

describe('route finder on a generated graph', () => {
  const data = generateRoleGraph({ roles: 60, edgesPerRole: 4, histories: 300, seed: 7, datasets: 2 });
  const graph = buildCompactGraph(data.roles, data.transitions, data.histories);

  it('matches brute force within 4 moves (fewest, likely, travelled)', () => {
    let checked = 0;
    for (let i = 0; i < 60; i += 7) {
      for (let j = 1; j < 60; j += 11) {
        if (i === j) continue;
        for (const mode of ['fewest', 'likely', 'travelled'] as const) {
          const query = { from: data.roles[i]!.id, to: data.roles[j]!.id, maxHops: 4, avoid: [], minCount: 1 };
          const got = findRoutes(graph, { ...query, mode, k: 5 }).routes;
          const want = oracleRoutes(data.roles, data.transitions, data.histories, { ...query, mode }).slice(0, 5);
          expect(got.map((r) => r.roles.join('>'))).toEqual(want.map((r) => r.roles.join('>')));
          got.forEach((r, n) => expect(close(r.probability, want[n]!.probability)).toBe(true));
          checked += got.length;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('does not depend on the order of the input transitions', () => {
    const shuffled = buildCompactGraph([...data.roles].reverse(), [...data.transitions].reverse(), data.histories);
    const q = (mode: RouteQuery['mode']): RouteQuery => ({ from: data.roles[3]!.id, to: data.roles[0]!.id, mode, k: 10 });
    for (const mode of ['fewest', 'likely', 'travelled'] as const) {
      const a = findRoutes(graph, q(mode)).routes.map((r) => [r.roles, r.probability]);
      const b = findRoutes(shuffled, q(mode)).routes.map((r) => [r.roles, r.probability]);
      expect(b).toEqual(a);
    }
  });
});
