/**
 * k best loopless routes for `fewest` and `likely` modes.
 *
 * Method: best-first (A*) enumeration of simple paths. Each queue entry is a
 * partial route (a node of a prefix tree stored in typed arrays), keyed by its
 * cost so far plus an exact lower bound on the rest: fewest moves to the end
 * (reverse BFS) and, for `likely`, the cheapest −ln p to the end (reverse
 * Dijkstra) — both computed once per query on the constrained graph. Because
 * the bound never overestimates, complete routes leave the queue in
 * non-decreasing cost, so the first k popped are the k best simple routes
 * (the same set Yen's algorithm yields, without its k·L spur searches).
 * Because the bound is exact up to looplessness and the hop limit, the search
 * walks almost straight to each answer on real graphs.
 *
 * Costs are lexicographic pairs: fewest = (moves, −ln p), likely = (−ln p,
 * moves). Constraints: avoid/families/minCount shape the graph itself (mask
 * and edge filter, so the bounds respect them); maxHops prunes any prefix
 * whose moves plus fewest remaining moves exceed it; via is a phase bit — in
 * phase 0 the bound is "to via, then to the end" (the end role is off limits),
 * stepping onto via switches to phase 1. A prefix never revisits its own
 * roles, so the start→via and via→end parts are disjoint.
 *
 * Ties: costs within a relative 1e-9 count as equal (−ln p sums of equal
 * products differ in the last bits). After the k-th route the search keeps
 * popping everything that may still tie with the k-th (up to TIE_GATHER extra
 * routes), then sorts by cost and role ids, so which tied routes make the cut
 * is decided by role ids, not by float noise or heap order.
 *
 * Simple routes through a required role are NP-hard in general (two disjoint
 * paths), so a budget on partial routes keeps a pathological query from
 * blocking the event loop; the result then says `truncated`.
 */
import { reverseBfs } from './bfs.js';
import type { CompactGraph } from './compact-graph.js';
import { allowedMask } from './constraints.js';
import type { RouteConstraints } from './constraints.js';
import { reverseDijkstra } from './dijkstra.js';
import { compareCostPairs, compareNodeSeqs, tolerance } from './ranking.js';
import type { NodeHeap } from './dijkstra.js';
import { workspaceFor } from './workspace.js';

/** Ranking of the search. */
export type SearchMode = 'fewest' | 'likely';

/**
 * Partial routes a query may create before it stops (see module comment):
 * about 20 ms of search on a warm process, whatever the graph size.
 */
export const DEFAULT_SEARCH_BUDGET = 100_000;

/** Extra complete routes gathered past k to break ties at the k boundary by role ids. */
const TIE_GATHER = 32;

/** What to search for. */
export interface PathSearchSpec {
  mode: SearchMode;
  source: number;
  target: number;
  constraints: RouteConstraints;
  k: number;
  budget?: number;
}

/** A found route in node indices. */
export interface FoundPath {
  nodes: number[];
  hops: number;
  /** Σ −ln p of its moves. */
  cost: number;
}

/** Search result; `truncated` when the budget ran out first (then `paths` may be incomplete). */
export interface PathSearchResult {
  paths: FoundPath[];
  truncated: boolean;
  /** Partial routes created. */
  explored: number;
}

/** Prefix-tree storage shared by all searches (searches are synchronous, never interleaved). */
class EntryPool {
  node = new Int32Array(4096);
  parent = new Int32Array(4096);
  hops = new Int32Array(4096);
  phase = new Uint8Array(4096);
  g1 = new Float64Array(4096);
  g2 = new Float64Array(4096);

  ensure(size: number): void {
    if (size <= this.node.length) return;
    let cap = this.node.length;
    while (cap < size) cap *= 2;
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.node = i32(this.node);
    this.parent = i32(this.parent);
    this.hops = i32(this.hops);
    const phase = new Uint8Array(cap);
    phase.set(this.phase);
    this.phase = phase;
    this.g1 = f64(this.g1);
    this.g2 = f64(this.g2);
  }
}
const pool = new EntryPool();

/**
 * The k best simple routes from source to target under the constraints, best
 * first: by (moves, probability desc) for fewest, (probability desc, moves)
 * for likely, then role ids lexicographically.
 */
export function searchPaths(graph: CompactGraph, spec: PathSearchSpec): PathSearchResult {
  const { source: s, target: t, constraints: c, mode, k } = spec;
  const budget = spec.budget ?? DEFAULT_SEARCH_BUDGET;
  const none: PathSearchResult = { paths: [], truncated: false, explored: 0 };
  const ws = workspaceFor(graph);
  const mask = allowedMask(graph, c, ws.mask);
  const via = c.via;
  if (s === t || k < 1 || mask[s] === 0 || mask[t] === 0 || (via >= 0 && mask[via] === 0)) return none;
  const fewest = mode === 'fewest';
  const { hopsT, hopsV, h1T, h2T, h1V, h2V, queue, onPath } = ws;

  // Bounds towards the end role.
  fillBounds(graph, fewest, t, -1, mask, c.minCount, c.maxHops, hopsT, queue, h1T, h2T, ws.nodeHeap);
  if (via < 0) {
    if (hopsT[s]! < 0) return none;
  } else {
    // Bounds towards via, excluding the end role (it may not come before via), then shifted by via→end.
    const viaToEnd = hopsT[via]!;
    if (viaToEnd < 0) return none;
    const reachedV = fillBounds(graph, fewest, via, t, mask, c.minCount, c.maxHops - viaToEnd, hopsV, queue, h1V, h2V, ws.nodeHeap);
    if (hopsV[s]! < 0) return none;
    const a = h1T[via]!;
    const b = h2T[via]!;
    for (let q = 0; q < reachedV; q++) {
      const u = queue[q]!;
      hopsV[u]! += viaToEnd;
      h1V[u]! += a;
      h2V[u]! += b;
    }
  }

  const { offsets, targets, counts, costs } = graph;
  const heap = ws.pathHeap;
  heap.clear();
  const maxHops = c.maxHops;
  const minCount = c.minCount;
  pool.ensure(1);
  pool.node[0] = s;
  pool.parent[0] = -1;
  pool.hops[0] = 0;
  pool.phase[0] = via < 0 ? 1 : 0;
  pool.g1[0] = 0;
  pool.g2[0] = 0;
  let created = 1;
  heap.push(0, via < 0 ? h1T[s]! : h1V[s]!, via < 0 ? h2T[s]! : h2V[s]!, 0);

  const found: { nodes: number[]; c1: number; c2: number; hops: number }[] = [];
  const cap = k + TIE_GATHER;
  let k1 = Infinity;
  let k2 = Infinity;
  let truncated = false;
  while (heap.size > 0) {
    // Past k results, keep going only while the next entry may tie with the k-th.
    if (found.length >= k) {
      const f1 = heap.topKey1();
      const beyond = compareCostPairs(f1, heap.topKey2(), k1, k2) > 0;
      // fewest: the primary key (moves) is an exact integer, so heap order agrees with the tolerant order.
      if (fewest && beyond) break;
      if (!fewest) {
        // likely: −ln p sums tied within tolerance may sit in the heap in either order, and an entry
        // with a larger secondary key can shadow a tied one behind it: skip it, stop only past the window.
        if (f1 - k1 > tolerance(k1)) break;
        if (beyond) {
          heap.pop();
          continue;
        }
      }
    }
    const e = heap.pop();
    const u = pool.node[e]!;
    if (u === t) {
      const nodes: number[] = [];
      for (let x = e; x >= 0; x = pool.parent[x]!) nodes.push(pool.node[x]!);
      nodes.reverse();
      found.push({ nodes, c1: pool.g1[e]!, c2: pool.g2[e]!, hops: pool.hops[e]! });
      if (found.length === k) {
        // The k-th cost to beat is the worst of the first k in the tolerant order — not necessarily the
        // last popped, since near-equal −ln p sums can pop in either order.
        for (const f of found) {
          if (compareCostPairs(f.c1, f.c2, k1, k2) > 0 || k1 === Infinity) {
            k1 = f.c1;
            k2 = f.c2;
          }
        }
      }
      if (found.length >= cap) break;
      continue;
    }
    if (created >= budget) {
      truncated = true;
      break;
    }
    const start = offsets[u]!;
    const end = offsets[u + 1]!;
    pool.ensure(created + (end - start));
    for (let x = e; x >= 0; x = pool.parent[x]!) onPath[pool.node[x]!] = 1;
    const ph = pool.phase[e]!;
    const nh = pool.hops[e]! + 1;
    const g1 = pool.g1[e]!;
    const g2 = pool.g2[e]!;
    for (let edge = start; edge < end; edge++) {
      const v = targets[edge]!;
      if (mask[v] === 0 || onPath[v] === 1 || counts[edge]! < minCount) continue;
      const nph = v === via ? 1 : ph;
      let rem: number;
      let b1: number;
      let b2: number;
      if (nph === 1) {
        rem = hopsT[v]!;
        b1 = h1T[v]!;
        b2 = h2T[v]!;
      } else {
        if (v === t) continue;
        rem = hopsV[v]!;
        b1 = h1V[v]!;
        b2 = h2V[v]!;
      }
      if (rem < 0 || nh + rem > maxHops) continue;
      const ng1 = g1 + (fewest ? 1 : costs[edge]!);
      const ng2 = g2 + (fewest ? costs[edge]! : 1);
      const id = created++;
      pool.node[id] = v;
      pool.parent[id] = e;
      pool.hops[id] = nh;
      pool.phase[id] = nph;
      pool.g1[id] = ng1;
      pool.g2[id] = ng2;
      // Third key: deeper first among exact ties, so complete routes surface early.
      heap.push(id, ng1 + b1, ng2 + b2, -nh);
    }
    for (let x = e; x >= 0; x = pool.parent[x]!) onPath[pool.node[x]!] = 0;
  }

  found.sort((a, b) => compareCostPairs(a.c1, a.c2, b.c1, b.c2) || compareNodeSeqs(a.nodes, b.nodes));
  const paths = found.slice(0, k).map((f) => ({ nodes: f.nodes, hops: f.hops, cost: fewest ? f.c2 : f.c1 }));
  return { paths, truncated, explored: created };
}

/**
 * Fills the fewest-moves array and the two heuristic keys towards `root`
 * (skipping `exclude`): fewest → (moves, least −ln p among fewest-move
 * paths); likely → (least −ln p, fewest moves). Infinity outside the reached
 * region. Returns how many nodes were reached (listed in `queue`).
 */
function fillBounds(
  graph: CompactGraph,
  fewest: boolean,
  root: number,
  exclude: number,
  mask: Uint8Array,
  minCount: number,
  maxDepth: number,
  hops: Int32Array,
  queue: Int32Array,
  h1: Float64Array,
  h2: Float64Array,
  nodeHeap: NodeHeap,
): number {
  const reached = reverseBfs(graph, root, mask, minCount, maxDepth, exclude, hops, queue, fewest ? h2 : null);
  const primary = fewest ? h1 : h2;
  primary.fill(Infinity);
  for (let q = 0; q < reached; q++) primary[queue[q]!] = hops[queue[q]!]!;
  if (!fewest) reverseDijkstra(graph, root, hops, minCount, h1, nodeHeap);
  return reached;
}
