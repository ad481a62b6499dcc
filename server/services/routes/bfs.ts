/**
 * Breadth-first searches over the compact graph. The reverse BFS gives every
 * node's fewest moves to a root (the exact heuristic of `fewest` mode and the
 * hop bound used for pruning in every mode); the forward BFS answers "is there
 * any route at all" for notes.
 */
import type { CompactGraph } from './compact-graph.js';

/**
 * Reverse BFS from `root`: `hops[u]` = fewest moves from u to root using only
 * nodes with `mask[u] = 1` (other than `exclude`) and edges with count ≥
 * minCount, exploring at most `maxDepth` moves; -1 where unreached. `queue`
 * receives the reached nodes in BFS order (non-decreasing hops). Returns how
 * many were reached.
 *
 * With `costs` given it also fills the secondary bound of `fewest` mode:
 * `costs[u]` = the least −ln p total among the fewest-move paths from u to
 * root (Infinity where unreached). That is a DP over BFS layers folded into
 * the same edge scan: a node is dequeued only after every node one layer
 * closer to the root was, so its value is final before it propagates.
 */
export function reverseBfs(
  graph: CompactGraph,
  root: number,
  mask: Uint8Array,
  minCount: number,
  maxDepth: number,
  exclude: number,
  hops: Int32Array,
  queue: Int32Array,
  costs: Float64Array | null = null,
): number {
  const { revOffsets, revSources, revCosts, revCounts } = graph;
  const checkCount = minCount > graph.minEdgeCount;
  hops.fill(-1);
  if (costs) costs.fill(Infinity);
  hops[root] = 0;
  if (costs) costs[root] = 0;
  queue[0] = root;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = queue[head++]!;
    const d = hops[v]! + 1;
    if (d > maxDepth) break; // BFS order: every later node is at least as deep
    const cv = costs ? costs[v]! : 0;
    for (let i = revOffsets[v]!, end = revOffsets[v + 1]!; i < end; i++) {
      const u = revSources[i]!;
      const hu = hops[u]!;
      if (hu >= 0 && (costs === null || hu !== d)) continue;
      if (mask[u] === 0 || u === exclude) continue;
      if (checkCount && revCounts[i]! < minCount) continue;
      if (hu < 0) {
        hops[u] = d;
        queue[tail++] = u;
      }
      if (costs) {
        const c = cv + revCosts[i]!;
        if (c < costs[u]!) costs[u] = c;
      }
    }
  }
  return tail;
}

/**
 * Fewest moves from `source` to every node over the whole graph (no hop limit), -1 where unreached,
 * optionally restricted by `mask` and minCount; stops once `target` (when given) is reached.
 */
export function hopsFrom(
  graph: CompactGraph,
  source: number,
  { target = -1, mask = null, minCount = 0 }: { target?: number; mask?: Uint8Array | null; minCount?: number } = {},
): Int32Array {
  const { offsets, targets, counts } = graph;
  const hops = new Int32Array(graph.nodeCount).fill(-1);
  const queue = new Int32Array(graph.nodeCount);
  hops[source] = 0;
  queue[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const u = queue[head++]!;
    if (u === target) break;
    for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
      const v = targets[e]!;
      if (hops[v]! >= 0 || (mask !== null && mask[v] === 0) || counts[e]! < minCount) continue;
      hops[v] = hops[u]! + 1;
      queue[tail++] = v;
    }
  }
  return hops;
}

/** Fewest moves from source to target (no hop limit), optionally restricted by `mask` and minCount; -1 if unreachable. */
export function forwardHops(graph: CompactGraph, source: number, target: number, mask: Uint8Array | null, minCount: number): number {
  return hopsFrom(graph, source, { target, mask, minCount })[target]!;
}
