/**
 * Stylesheet rules for a saved query's result drawn on the role graph (the
 * view's `result-node` / `result-edge` classes): teal, so it reads apart from
 * a route (orange) shown before or after it.
 */
import type { StylesheetJson } from 'cytoscape';

const RESULT = '#0b7285';

export const resultStyle: StylesheetJson = [
  {
    selector: 'node.result-node',
    style: { 'border-color': RESULT, 'border-width': 4, width: 28, height: 28, 'z-index': 20, 'font-weight': 'bold', 'min-zoomed-font-size': 0 },
  },
  { selector: 'edge.result-edge', style: { 'line-color': RESULT, 'target-arrow-color': RESULT, width: 4, opacity: 1, 'z-index': 20 } },
];
