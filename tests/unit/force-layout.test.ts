/** The worker's force layout (client/src/graph/force.ts): deterministic, finite, spreads roles apart, keeps families together, stops when asked. */
import { describe, expect, it } from 'vitest';
import { forceLayout, type ForceInput } from '../../client/src/graph/force.js';

function input(n: number): ForceInput {
  const positions = new Float64Array(2 * n); // every role on one spot: the worst start
  const edges: number[] = [];
  for (let i = 1; i < n; i++) edges.push(i, Math.floor(i / 3));
  return { positions, edges: new Uint32Array(edges), groups: new Uint32Array(Array.from({ length: n }, (_, i) => i % 3)), idealLength: 40, iterations: 100 };
}

describe('forceLayout', () => {
  it('is deterministic and parts roles that start on one spot', () => {
    const a = forceLayout(input(300));
    const b = forceLayout(input(300));
    expect([...a]).toEqual([...b]);
    expect(a.every(Number.isFinite)).toBe(true);
    let close = 0;
    for (let i = 0; i < 300; i++) for (let j = i + 1; j < 300; j++) if (Math.hypot(a[2 * i]! - a[2 * j]!, a[2 * i + 1]! - a[2 * j + 1]!) < 1) close++;
    expect(close).toBeLessThan(5);
  });

  it('reports progress and stops when told', () => {
    const seen: number[] = [];
    forceLayout(input(50), (done) => {
      seen.push(done);
      return done < 30;
    });
    expect(seen).toEqual([10, 20, 30]);
  });
});
