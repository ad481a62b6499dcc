/** The cooperative snapshot build gives exactly the synchronous build's graph, and does hand the event loop back. */
import { describe, expect, it } from 'vitest';
import { buildCompactGraph, buildCompactGraphAsync } from '../../../server/services/routes/index.js';
import { generateRoleGraph } from '../../bench/generate-graph.js';

describe('buildCompactGraphAsync', () => {
  it('equals buildCompactGraph and yields between chunks', async () => {
    const g = generateRoleGraph({ roles: 800, edgesPerRole: 40, histories: 25_000, seed: 3, datasets: 2 });
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      ticks++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const built = await buildCompactGraphAsync(g.roles, g.transitions, g.histories);
    ticking = false;
    expect(ticks).toBeGreaterThan(2); // 32,000 transitions and 25,000 histories: several chunks
    const sync = buildCompactGraph(g.roles, g.transitions, g.histories);
    expect(built.edgeCount).toBe(sync.edgeCount);
    for (const key of ['offsets', 'targets', 'counts', 'probabilities', 'costs', 'revEdges', 'transitionIndex'] as const) {
      expect(Array.from(built[key]), key).toEqual(Array.from(sync[key]));
    }
    expect(Array.from(built.travel.historyRoles)).toEqual(Array.from(sync.travel.historyRoles));
    expect(Array.from(built.travel.roleHistories)).toEqual(Array.from(sync.travel.roleHistories));
  });
});
