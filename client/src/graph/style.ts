/**
 * The Cytoscape stylesheet as data: nodes coloured by family, edges sized by
 * count, arrows for direction, and the classes the view toggles (selection,
 * route, hidden, dimmed).
 */
import type { StylesheetJson } from 'cytoscape';
import { FAMILY_STYLE, ROUTE_COLOR } from './families.js';

/** What the stylesheet depends on. */
export interface StyleOptions {
  /** Node data field shown as the label: 'label' (English) or 'labelJa'. */
  labelField: 'label' | 'labelJa';
  /** Largest edge count in the graph: the top of the width scale. */
  maxCount: number;
  /** A graph of thousands of roles: cheaper edges, smaller nodes, labels only when zoomed in. */
  large: boolean;
}

const ROUTE = ROUTE_COLOR;
const CURRENT = '#1864ab';

/** The stylesheet for one language and graph size. */
export function graphStyle({ labelField, maxCount, large }: StyleOptions): StylesheetJson {
  // mapData needs a non-empty range; with every count equal, all edges get the thin width.
  const top = Math.max(2, maxCount);
  return [
    {
      selector: 'node',
      style: {
        'background-color': '#999',
        label: `data(${labelField})`,
        // Large graphs: small names that only appear once roles are far enough apart not to overlap.
        'font-size': large ? 6 : 13,
        'font-family': 'system-ui, "Noto Sans CJK JP", "Noto Sans JP", sans-serif',
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        // Japanese names have no spaces to break at.
        'text-overflow-wrap': labelField === 'labelJa' ? 'anywhere' : 'whitespace',
        'text-max-width': large ? '60px' : '100px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        // Labels are skipped when they would render smaller than this: a large graph shows names only once zoomed in.
        'min-zoomed-font-size': large ? 10 : 5,
        width: large ? 12 : 22,
        height: large ? 12 : 22,
        'border-width': large ? 0 : 1.5,
        'border-color': '#ffffff',
      },
    },
    ...Object.entries(FAMILY_STYLE).map(([family, s]) => ({
      selector: `node[family = "${family}"]`,
      style: { 'background-color': s.color },
    })),
    {
      selector: 'edge',
      style: {
        width: large ? 0.6 : 1.2,
        'line-color': '#b8c2cc',
        'target-arrow-color': '#b8c2cc',
        'target-arrow-shape': 'triangle',
        'arrow-scale': large ? 0.6 : 0.9,
        // Bezier keeps a→b and b→a apart; straight lines are much cheaper to draw by the thousand.
        'curve-style': large ? 'straight' : 'bezier',
        opacity: large ? 0.3 : 0.85,
      },
    },
    // Width by count only where there is a count: family tethers (layout only) have none, and a mapping over
    // missing data is a Cytoscape warning per element.
    { selector: 'edge[count]', style: { width: `mapData(count, 1, ${top}, ${large ? 0.6 : 1.2}, ${large ? 4 : 6})` } },
    // What each move is, in the drawing as in words: a move people made is solid, an author's recommendation dotted,
    // an organisational split dashed (the legend and every export draw them the same way). A route keeps the style.
    { selector: 'edge[kind = "recommended"]', style: { 'line-style': 'dotted' } },
    { selector: 'edge[kind = "split"]', style: { 'line-style': 'dashed' } },
    // Before the highlights, which override its sizes and z-indexes.
    ...(large ? overviewStyle : []),
    { selector: '.hidden, .filtered', style: { display: 'none' } },
    // Family tethers exist only while a layout runs; they are never drawn.
    { selector: 'edge.tether', style: { visibility: 'hidden' } },
    { selector: '.dimmed', style: { opacity: 0.12, 'text-opacity': 0.25 } },
    { selector: '.neighbour-edge', style: { 'line-color': '#f2994a', 'target-arrow-color': '#f2994a', opacity: 1, 'z-index': 10 } },
    { selector: 'node.neighbour', style: { 'z-index': 10 } },
    {
      selector: 'node.route-node',
      style: { 'border-color': ROUTE, 'border-width': 3, width: 28, height: 28, 'z-index': 20, 'font-weight': 'bold', 'min-zoomed-font-size': 0 },
    },
    {
      selector: 'edge.route-edge',
      style: {
        'line-color': ROUTE,
        'target-arrow-color': ROUTE,
        width: 5,
        opacity: 1,
        'z-index': 20,
        label: 'data(routeStep)',
        'font-size': 12,
        'font-weight': 'bold',
        color: '#fff',
        'text-background-color': ROUTE,
        'text-background-opacity': 1,
        'text-background-shape': 'roundrectangle',
        'text-background-padding': '3px',
      },
    },
    { selector: 'edge.route-current', style: { 'line-color': CURRENT, 'target-arrow-color': CURRENT, width: 8, 'text-background-color': CURRENT, 'z-index': 30 } },
    { selector: 'node.route-current', style: { 'border-color': CURRENT, 'border-width': 5, width: 34, height: 34 } },
    { selector: 'node:selected', style: { 'border-color': '#111', 'border-width': 3, width: 30, height: 30, 'z-index': 25, 'min-zoomed-font-size': 0 } },
    // Large graphs (seen from far out): the roles and moves picked out are larger and named at a readable size.
    ...(large
      ? [
          { selector: 'node.route-node, node.result-node, node:selected', style: { width: 36, height: 36, 'font-size': 20 } },
          { selector: 'edge.route-edge', style: { width: 8, 'font-size': 20 } },
          { selector: 'edge.route-current', style: { width: 11 } },
        ]
      : []),
  ];
}

/**
 * The overview of a large graph (overview.ts): a group is a pale disc of its
 * family's colour covering where its roles are, its name and size above it; an
 * open group keeps a dashed ring behind its roles (tap it to close). Moves
 * summed between groups are grey curves sized by their total. The most
 * connected roles are larger and named from further out. Drawn in z-index
 * order (groups, then moves, then roles), so roles stay on top of their disc.
 */
const overviewStyle: StylesheetJson = [
  { selector: 'node, edge', style: { 'z-index-compare': 'manual' } },
  { selector: 'node', style: { 'z-index': 2 } },
  { selector: 'edge', style: { 'z-index': 1 } },
  {
    selector: 'node.group',
    style: {
      width: 'data(size)',
      height: 'data(size)',
      'background-opacity': 0.2,
      'border-width': 2,
      'border-color': '#52606d',
      'border-opacity': 0.5,
      'font-size': 'data(fontSize)',
      'font-weight': 'bold',
      'text-valign': 'top',
      'text-margin-y': -4,
      'text-max-width': '2000px',
      'text-background-opacity': 0,
      'min-zoomed-font-size': 0,
      'z-index': 0,
    },
  },
  { selector: 'node.group-open', style: { 'background-opacity': 0.04, 'border-style': 'dashed', 'border-opacity': 0.8 } },
  {
    selector: 'edge.aggregate',
    style: { width: 'data(width)', 'curve-style': 'bezier', 'line-color': '#7b8794', 'target-arrow-color': '#7b8794', opacity: 0.5, 'arrow-scale': 1, 'z-index': 1 },
  },
  { selector: 'node.hub', style: { width: 22, height: 22, 'font-size': 20, 'text-max-width': '160px', 'min-zoomed-font-size': 7, 'border-width': 1, 'z-index': 3 } },
];
