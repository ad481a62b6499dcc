/**
 * The highlight classes of the view's state (selected role, focused roles,
 * route and current move, query result), put on a Cytoscape instance from
 * scratch each time, so the order of calls never leaves a stale highlight.
 */
import type { Collection, Core } from 'cytoscape';

/** What the highlights show. */
export interface HighlightState {
  selected: string | null;
  /** Roles left visible (the rest get `hidden`); null = all. */
  visible: ReadonlySet<string> | null;
  route: { roles: readonly string[]; edges: readonly (readonly string[])[] } | null;
  /** Move `step` of the route is the current one (-1 = none). */
  step: number;
  result: { nodes: readonly string[]; edges: readonly string[] } | null;
  /** Dim what is not highlighted (restyles every element: too slow on thousands). */
  dim: boolean;
}

const CLASSES = ['dimmed', 'neighbour', 'neighbour-edge', 'route-node', 'route-edge', 'route-current', 'hidden', 'result-node', 'result-edge'];

/** The elements with these ids (unknown ids are skipped). */
export function collect(cy: Core, ids: readonly string[]): Collection {
  const c = cy.collection();
  for (const id of ids) c.merge(cy.getElementById(id));
  return c;
}

/** Derives every highlight class from `state`. */
export function applyHighlights(cy: Core, { selected, visible, route, step, result, dim }: HighlightState): void {
  cy.batch(() => {
    // Touch only what carries a class: restyling all elements of a large graph takes seconds.
    cy.elements(CLASSES.map((c) => `.${c}`).join(', ')).removeClass(CLASSES.join(' '));
    cy.elements(':selected').unselect();
    if (visible) cy.nodes().filter((n) => !visible.has(n.id())).addClass('hidden');
    if (result) {
      // A move's ends belong to the picture even when the query did not return them.
      const edges = collect(cy, result.edges);
      const nodes = collect(cy, result.nodes).union(edges.edges().connectedNodes());
      nodes.addClass('result-node');
      edges.addClass('result-edge');
      if (dim) cy.elements().not(nodes).not(edges).addClass('dimmed');
    } else if (route) {
      const nodes = collect(cy, route.roles);
      const edges = collect(cy, route.edges.flat());
      nodes.addClass('route-node');
      edges.addClass('route-edge');
      if (dim) cy.elements().not(nodes).not(edges).addClass('dimmed');
      if (step >= 0) {
        collect(cy, route.edges[step] ?? []).addClass('route-current');
        cy.getElementById(route.roles[step + 1] ?? '').addClass('route-current');
      }
    } else if (selected) {
      const node = cy.getElementById(selected);
      const hood = node.closedNeighborhood();
      if (dim) cy.elements().not(hood).addClass('dimmed');
      node.connectedEdges().addClass('neighbour-edge');
      hood.nodes().addClass('neighbour');
    }
    if (selected) cy.getElementById(selected).select();
  });
}
