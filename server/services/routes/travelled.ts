/**
 * `travelled` mode: routes that stored career histories actually contain.
 *
 * Which part of a history counts as its A→B route, precisely:
 * 1. Take the FIRST occurrence of A in the history, then the FIRST occurrence
 *    of B after it. Histories without such a pair do not cover A→B.
 * 2. The route is the contiguous slice between them, loop-erased in career
 *    order: whenever the person comes back to a role already on the slice, the
 *    detour since that role's earlier visit is cut. The result is simple (no
 *    repeated role, so A and B appear only at its ends — equivalently it starts
 *    at the last A before that B), and each of its moves is a move the person
 *    really made, consecutively.
 * 3. A slice naming a role that is not in the graph is ignored.
 * Routes are grouped by their exact role sequence; `travellers` is the number
 * of histories whose route is that sequence (an imported route pattern counts
 * as the number of people it stands for). Nothing is inferred from the
 * transition graph: no history, no route.
 */
import type { CompactGraph } from './compact-graph.js';

/** A distinct travelled route and how many histories took it. */
export interface TravelledRoute {
  nodes: number[];
  travellers: number;
}

/**
 * Every distinct route from `source` to `target` found in the histories
 * (before any constraint), in first-seen order.
 */
export function collectTravelledRoutes(graph: CompactGraph, source: number, target: number): TravelledRoute[] {
  const ti = graph.travel;
  const byKey = new Map<string, TravelledRoute>();
  // Only histories that hold both roles can cover A→B: walk the two sorted lists together.
  let i = ti.roleHistoryOffsets[source]!;
  const iEnd = ti.roleHistoryOffsets[source + 1]!;
  let j = ti.roleHistoryOffsets[target]!;
  const jEnd = ti.roleHistoryOffsets[target + 1]!;
  while (i < iEnd && j < jEnd) {
    const a = ti.roleHistories[i]!;
    const b = ti.roleHistories[j]!;
    if (a < b) i++;
    else if (b < a) j++;
    else {
      const nodes = historyRoute(ti.historyRoles, ti.historyOffsets[a]!, ti.historyOffsets[a + 1]!, source, target);
      if (nodes) {
        const key = nodes.join(',');
        const hit = byKey.get(key);
        // An imported route pattern stands for several people.
        const weight = ti.historyWeights[a]!;
        if (hit) hit.travellers += weight;
        else byKey.set(key, { nodes, travellers: weight });
      }
      i++;
      j++;
    }
  }
  return [...byKey.values()];
}

/** The loop-erased A→B route of one history slice `roles[from..to)`, or null (see module comment). */
export function historyRoute(roles: Int32Array, from: number, to: number, source: number, target: number): number[] | null {
  let start = -1;
  let end = -1;
  for (let p = from; p < to; p++) {
    const r = roles[p]!;
    if (start < 0) {
      if (r === source) start = p;
    } else if (r === target) {
      end = p;
      break;
    }
  }
  if (end < 0) return null;
  const route: number[] = [];
  for (let p = start; p <= end; p++) {
    const r = roles[p]!;
    if (r < 0) return null;
    const seen = route.indexOf(r);
    // Back at a role already on the route: drop the detour since its earlier visit.
    if (seen >= 0) route.length = seen + 1;
    else route.push(r);
  }
  return route;
}
