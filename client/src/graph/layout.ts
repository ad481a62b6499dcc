/** Layout options as data. fcose keeps connected roles close; families are pulled together by the elements' compound-free grouping via idealEdgeLength. */
import type { LayoutOptions } from 'cytoscape';

export const defaultLayout = {
  name: 'fcose',
  quality: 'proof',
  animate: false,
  randomize: true,
  nodeSeparation: 90,
  idealEdgeLength: 110,
  nodeRepulsion: 9000,
  packComponents: true,
  fit: true,
  padding: 30,
} as unknown as LayoutOptions;
