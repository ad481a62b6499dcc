/** The Cytoscape stylesheet as data: nodes coloured by family, edges sized by count, arrows for direction. */
import type { StylesheetJson } from 'cytoscape';
import { FAMILY_STYLE } from './families.js';

/** Stylesheet; `labelField` is the node data field shown as label ('label' or 'labelJa'). */
export function graphStyle(labelField: 'label' | 'labelJa'): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': '#999',
        label: `data(${labelField})`,
        'font-size': 11,
        'font-family': 'system-ui, "Noto Sans CJK JP", "Noto Sans JP", sans-serif',
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        width: 22,
        height: 22,
        'border-width': 1.5,
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
        width: 'mapData(count, 1, 4, 1.2, 6)',
        'line-color': '#b8c2cc',
        'target-arrow-color': '#b8c2cc',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        opacity: 0.85,
      },
    },
    { selector: 'edge[kind = "split"]', style: { 'line-style': 'dashed' } },
    { selector: 'node:selected', style: { 'border-color': '#111', 'border-width': 3, width: 30, height: 30 } },
    { selector: '.neighbour-edge', style: { 'line-color': '#f2994a', 'target-arrow-color': '#f2994a', opacity: 1, 'z-index': 10 } },
    { selector: '.dimmed', style: { opacity: 0.15 } },
  ];
}
