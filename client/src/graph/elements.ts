/** Maps API DTOs to Cytoscape element definitions, and routes to the elements they cover. Pure: tested without a DOM. */
import type { ElementDefinition } from 'cytoscape';
import type { GraphEdgeData, GraphResponse } from '../../../server/contract/api.js';

/** Cytoscape elements for the whole graph; edges whose ends are missing are dropped rather than crashing the view. */
export function toElements(graph: GraphResponse): ElementDefinition[] {
  const ids = new Set(graph.elements.nodes.map((n) => n.data.id));
  return [
    ...graph.elements.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n.data } })),
    ...graph.elements.edges
      .filter((e) => ids.has(e.data.source) && ids.has(e.data.target))
      .map((e) => ({ group: 'edges' as const, data: { ...e.data } })),
  ];
}

const pairKey = (source: string, target: string) => `${source}\u0000${target}`;

/**
 * Edge ids by (source, target). The graph may hold one edge per dataset for
 * the same move, and a route step stands for all of them, so each pair maps to
 * a list.
 */
export function indexEdgesByPair(edges: readonly Pick<GraphEdgeData, 'id' | 'source' | 'target'>[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const e of edges) {
    const key = pairKey(e.source, e.target);
    const list = index.get(key);
    if (list) list.push(e.id);
    else index.set(key, [e.id]);
  }
  return index;
}

/**
 * The edge ids drawn for each move of a route (`roles` in order). A move with
 * no stored edge (a travelled route may contain one) gets an empty list.
 */
export function routeEdgeIds(index: ReadonlyMap<string, readonly string[]>, roles: readonly string[]): string[][] {
  const steps: string[][] = [];
  for (let i = 0; i + 1 < roles.length; i++) steps.push([...(index.get(pairKey(roles[i]!, roles[i + 1]!)) ?? [])]);
  return steps;
}

/** The largest edge count (at least 1): the top of the edge-width scale and of the minimum-count slider. */
export function maxEdgeCount(edges: readonly Pick<GraphEdgeData, 'count'>[]): number {
  let max = 1;
  for (const e of edges) if (e.count > max) max = e.count;
  return max;
}

/** How many edges a minimum count keeps. */
export function countEdgesAtLeast(edges: readonly Pick<GraphEdgeData, 'count'>[], min: number): number {
  let n = 0;
  for (const e of edges) if (e.count >= min) n++;
  return n;
}
