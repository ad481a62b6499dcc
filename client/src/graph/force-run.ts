/** The force layout of a graph drawn whole (up to LARGE_GRAPH roles), run in the page by fcose. */
import type { Collection, Core } from 'cytoscape';
import { forceLayout } from './layout.js';
import { stretchToAspect } from './positions.js';
import { familyTethers } from './tethers.js';

/** Runs the force layout (fcose) over `eles` with family tethers added for the run only, then stretches it to the viewport's shape. */
export function runForce(cy: Core, eles: Collection, degree: ReadonlyMap<string, number>): Promise<void> {
  const nodes = eles.nodes().map((n) => ({ id: n.id(), family: String(n.data('family')) }));
  const tethers = cy.add(familyTethers(nodes, degree));
  const layout = eles.union(tethers).layout(forceLayout);
  const done = new Promise<void>((resolve) =>
    layout.one('layoutstop', () => {
      cy.remove(tethers);
      const placed = eles.nodes();
      const stretched = stretchToAspect(new Map(placed.map((n) => [n.id(), n.position()])), cy.height() / Math.max(cy.width(), 1));
      placed.positions((n) => stretched.get(n.id())!);
      resolve();
    }),
  );
  layout.run();
  return done;
}
