/**
 * Comparisons shared by the searches and the final ordering of routes.
 */

/** Tolerance for treating two route costs as tied (float sums in different orders). */
export function tolerance(x: number): number {
  return 1e-9 * Math.max(1, Math.abs(x));
}

/** -1/0/1 comparison of (a1, a2) and (b1, b2) with tolerance on each key. */
export function compareCostPairs(a1: number, a2: number, b1: number, b2: number): number {
  if (Math.abs(a1 - b1) > tolerance(b1)) return a1 < b1 ? -1 : 1;
  if (Math.abs(a2 - b2) > tolerance(b2)) return a2 < b2 ? -1 : 1;
  return 0;
}

/** Element-wise comparison of node sequences (= role id order, since indices follow ids). */
export function compareNodeSeqs(a: readonly number[], b: readonly number[]): number {
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
