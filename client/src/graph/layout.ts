/** Layout options as data. */
import type { EdgeSingular, LayoutOptions } from 'cytoscape';
import { TETHER } from './tethers.js';

const isTether = (e: EdgeSingular) => e.data(TETHER) === true;

/**
 * Force layout (fcose) refining the family-grouped starting positions
 * (`randomize: false`, which fcose allows only with quality 'proof'), so the
 * same graph always opens the same way. Family tethers (see tethers.ts) are
 * short and soft; real moves are longer. Labels count as part of each node so
 * names do not overlap.
 */
export const forceLayout = {
  name: 'fcose',
  quality: 'proof',
  animate: false,
  randomize: false,
  nodeDimensionsIncludeLabels: true,
  idealEdgeLength: (e: EdgeSingular) => (isTether(e) ? 35 : 65),
  edgeElasticity: (e: EdgeSingular) => (isTether(e) ? 0.2 : 0.45),
  nodeRepulsion: 2000,
  gravity: 0.8,
  numIter: 4000,
  packComponents: false,
  fit: true,
  padding: 30,
} as unknown as LayoutOptions;

/** Above this many roles the page switches to the large-graph settings. */
export const LARGE_GRAPH = 800;
