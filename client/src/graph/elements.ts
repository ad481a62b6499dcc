/** Maps API DTOs to Cytoscape element definitions. Pure: tested without a DOM. */
import type { ElementDefinition } from 'cytoscape';
import type { GraphResponse } from '../../../server/contract/api.js';

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
