/**
 * Reverse Dijkstra on −ln p: every node's cost of the most likely path to a
 * root, the exact heuristic of `likely` mode (exact apart from looplessness and
 * the hop limit, which the path search itself enforces).
 */
import type { CompactGraph } from './compact-graph.js';

/**
 * Indexed binary min-heap of node ids keyed by an external `dist` array, with
 * decrease-key. Its size never exceeds the node count, which keeps it several
 * times faster than a lazy-deletion heap on dense graphs (fewer, shallower
 * sifts, one array moved per step).
 */
export class NodeHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  size = 0;

  constructor(nodeCount: number) {
    this.heap = new Int32Array(nodeCount);
    this.pos = new Int32Array(nodeCount).fill(-1);
  }

  /** Empties the heap (only touching the slots in use). */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]!] = -1;
    this.size = 0;
  }

  /** Inserts `v`, or moves it up after its key in `dist` decreased. */
  pushOrDecrease(v: number, dist: Float64Array): void {
    let i = this.pos[v]!;
    if (i < 0) i = this.size++;
    const d = dist[v]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pv = this.heap[p]!;
      if (dist[pv]! <= d) break;
      this.heap[i] = pv;
      this.pos[pv] = i;
      i = p;
    }
    this.heap[i] = v;
    this.pos[v] = i;
  }

  /** Removes and returns the node with the smallest `dist`. */
  pop(dist: Float64Array): number {
    const top = this.heap[0]!;
    this.pos[top] = -1;
    const last = --this.size;
    if (last > 0) {
      const v = this.heap[last]!;
      const d = dist[v]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= last) break;
        if (c + 1 < last && dist[this.heap[c + 1]!]! < dist[this.heap[c]!]!) c++;
        const cv = this.heap[c]!;
        if (dist[cv]! >= d) break;
        this.heap[i] = cv;
        this.pos[cv] = i;
        i = c;
      }
      this.heap[i] = v;
      this.pos[v] = i;
    }
    return top;
  }
}

/**
 * Fills `dist[u]` with the smallest −ln p total from u to `root`, using only
 * nodes inside `region` (region[u] ≥ 0: the reverse-BFS region, already
 * restricted by mask, exclusion and hop limit) and edges with count ≥
 * minCount. Infinity elsewhere.
 */
export function reverseDijkstra(
  graph: CompactGraph,
  root: number,
  region: Int32Array,
  minCount: number,
  dist: Float64Array,
  heap: NodeHeap,
): void {
  const { revOffsets, revSources, revCosts, revCounts } = graph;
  const checkCount = minCount > graph.minEdgeCount;
  dist.fill(Infinity);
  heap.clear();
  dist[root] = 0;
  heap.pushOrDecrease(root, dist);
  while (heap.size > 0) {
    const v = heap.pop(dist);
    const d = dist[v]!;
    for (let i = revOffsets[v]!, end = revOffsets[v + 1]!; i < end; i++) {
      const u = revSources[i]!;
      if (region[u]! < 0) continue;
      if (checkCount && revCounts[i]! < minCount) continue;
      const nd = d + revCosts[i]!;
      if (nd < dist[u]!) {
        dist[u] = nd;
        heap.pushOrDecrease(u, dist);
      }
    }
  }
}
