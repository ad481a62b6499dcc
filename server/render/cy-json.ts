/**
 * Cytoscape JSON: `{elements: {nodes, edges}, style, layout}` as
 * `cytoscape(json)` or `cy.json(json)` loads it again, with the positions as
 * drawn (preset layout) and a `provenance` field. Pure.
 */
import { FAMILY_STYLE, ROUTE_COLOR } from './families.js';
import { drawnKind, type ExportGraph } from './model.js';
import type { ExportProvenance } from '../contract/export.js';

/** One rule of a Cytoscape stylesheet, as `cy.style().json()` gives it. */
export interface StyleRule {
  selector: string;
  style: Record<string, unknown>;
}

/** The exported document. */
export interface CytoscapeExport {
  format: 'cytoscape-json';
  generator: 'rolepath';
  provenance: ExportProvenance;
  elements: {
    nodes: { data: Record<string, unknown>; position?: { x: number; y: number }; classes?: string }[];
    edges: { data: Record<string, unknown>; classes?: string }[];
  };
  layout: { name: 'preset' };
  style: StyleRule[];
}

/** A small stylesheet for a route loaded on its own: family colours, labelled route-coloured moves. */
export function routeStylesheet(): StyleRule[] {
  return [
    {
      selector: 'node',
      style: { label: 'data(label)', 'text-valign': 'bottom', 'text-margin-y': 4, 'font-size': 13, width: 28, height: 28, 'background-color': '#999' },
    },
    ...Object.entries(FAMILY_STYLE).map(([family, s]) => ({ selector: `node[family = "${family}"]`, style: { 'background-color': s.color } })),
    {
      selector: 'edge',
      style: {
        width: 4,
        'curve-style': 'bezier',
        'line-color': ROUTE_COLOR,
        'target-arrow-color': ROUTE_COLOR,
        'target-arrow-shape': 'triangle',
        label: 'data(label)',
        'font-size': 11,
        'text-background-color': '#ffffff',
        'text-background-opacity': 1,
      },
    },
    // As the page draws them: a recommendation dotted, a split dashed (a move people made solid).
    { selector: 'edge[kind = "recommended"]', style: { 'line-style': 'dotted' } },
    { selector: 'edge[kind = "split"]', style: { 'line-style': 'dashed' } },
  ];
}

/**
 * The document for `graph`. `extra` adds per-element fields the browser knows
 * (classes, the live stylesheet); without a stylesheet the route one is used.
 */
export function cytoscapeJson(
  graph: ExportGraph,
  provenance: ExportProvenance,
  extra: { style?: StyleRule[]; edgeLabel?: (e: ExportGraph['edges'][number]) => string } = {},
): CytoscapeExport {
  const ids = new Set(graph.nodes.map((n) => n.id));
  return {
    format: 'cytoscape-json',
    generator: 'rolepath',
    provenance,
    elements: {
      nodes: graph.nodes.map((n) => ({
        data: { id: n.id, label: n.name, labelJa: n.nameJa, family: n.family },
        ...(n.position ? { position: { x: n.position.x, y: n.position.y } } : {}),
        ...(n.classes ? { classes: n.classes } : {}),
      })),
      edges: graph.edges
        .filter((e) => ids.has(e.source) && ids.has(e.target))
        .map((e) => ({
          data: {
            id: e.id,
            source: e.source,
            target: e.target,
            count: e.count,
            probability: e.probability,
            skills: e.skills,
            // What the move is: \`kind\` as drawn (a move people made, a recommendation, a split), \`kinds\` every kind merged into it.
            ...(drawnKind(e) ? { kind: drawnKind(e)! } : {}),
            ...(e.kinds?.length ? { kinds: [...e.kinds] } : {}),
            ...(e.dataset ? { dataset: e.dataset } : {}),
            ...(e.step !== undefined ? { step: e.step } : {}),
            ...(extra.edgeLabel ? { label: extra.edgeLabel(e) } : {}),
          },
          ...(e.classes ? { classes: e.classes } : {}),
        })),
    },
    layout: { name: 'preset' },
    style: extra.style ?? routeStylesheet(),
  };
}
