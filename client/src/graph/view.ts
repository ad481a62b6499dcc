/** Owns the Cytoscape instance: draws the graph, reports taps on roles, highlights a selection. */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { defaultLayout } from './layout.js';
import { graphStyle } from './style.js';

cytoscape.use(fcose);

export type LabelLanguage = 'en' | 'ja';

/** The role graph drawn in one container. */
export class GraphView {
  private readonly cy: Core;

  constructor(container: HTMLElement, elements: ElementDefinition[], lang: LabelLanguage) {
    this.cy = cytoscape({
      container,
      elements,
      style: graphStyle(lang === 'ja' ? 'labelJa' : 'label'),
      layout: defaultLayout,
      minZoom: 0.1,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      selectionType: 'single',
      boxSelectionEnabled: false,
    });
    // Expose for tests and debugging in the console.
    (window as unknown as { __cy?: Core }).__cy = this.cy;
  }

  /** Calls `handler` with the role id when a role is tapped, or null when the background is tapped. */
  onRoleTap(handler: (id: string | null) => void): void {
    this.cy.on('tap', 'node', (evt) => handler(evt.target.id() as string));
    this.cy.on('tap', (evt) => {
      if (evt.target === this.cy) handler(null);
    });
  }

  /** Selects a role, highlights its moves in and out, and dims the rest; null clears. */
  select(id: string | null): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('dimmed neighbour-edge').unselect();
      if (!id) return;
      const node = this.cy.getElementById(id);
      if (node.empty()) return;
      node.select();
      const hood = node.closedNeighborhood();
      this.cy.elements().not(hood).addClass('dimmed');
      node.connectedEdges().addClass('neighbour-edge');
    });
  }

  setLanguage(lang: LabelLanguage): void {
    this.cy.style(graphStyle(lang === 'ja' ? 'labelJa' : 'label'));
  }

  /** Rendered position of a role in page coordinates (for tests and keyboard focus). */
  nodePosition(id: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(id);
    return node.empty() ? null : node.renderedPosition();
  }
}
