/**
 * Owns the Cytoscape instance: draws the graph, reports taps on roles, and
 * shows the page's state on it (selected role, focused neighbourhood, route
 * and current move, minimum count). Everything visual is derived from that
 * state in `refresh()`, so the order of calls never leaves stale highlights.
 */
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphResponse } from '../../../server/contract/api.js';
import type { Lang } from '../i18n/strings.js';
import { indexEdgesByPair, maxEdgeCount, routeEdgeIds, toElements } from './elements.js';
import type { ForceInput } from './force.js';
import { forceLayout, LARGE_GRAPH, largeForceLayout } from './layout.js';
import type { LayoutMessage } from './layout-worker.js';
import { degrees, familyPositions, fitViewport, stretchToAspect } from './positions.js';
import { resultStyle } from './result-style.js';
import { graphStyle } from './style.js';
import { familyTethers } from './tethers.js';

cytoscape.use(fcose);

/** The role graph drawn in one container. */
export class GraphView {
  readonly large: boolean;
  readonly maxCount: number;
  private readonly cy: Core;
  private readonly edgeIndex: Map<string, string[]>;
  private readonly home: Map<string, { x: number; y: number }>;
  private readonly degree: Map<string, number>;
  /** Resolves once the first layout has finished (the page is then ready to use). */
  readonly ready: Promise<void>;
  private lang: Lang;
  private selected: string | null = null;
  private route: { roles: string[]; edges: string[][] } | null = null;
  /** A saved query's result drawn on the graph (role ids and move ids); shown over the route until cleared. */
  private result: { nodes: string[]; edges: string[] } | null = null;
  private step = -1;
  private minCount = 1;
  /** Roles left visible by focus/expand; null = all. */
  private visible: Set<string> | null = null;
  private visibilityListeners: ((hasHidden: boolean) => void)[] = [];
  /** Stops the layout running in the worker (null when none runs). */
  private cancelCurrent: (() => void) | null = null;

  constructor(container: HTMLElement, graph: GraphResponse, lang: Lang) {
    const edges = graph.elements.edges.map((e) => e.data);
    this.large = graph.elements.nodes.length > LARGE_GRAPH;
    this.maxCount = maxEdgeCount(edges);
    this.edgeIndex = indexEdgesByPair(edges);
    this.lang = lang;
    this.degree = degrees(edges);
    const aspect = container.clientWidth > 0 ? container.clientHeight / container.clientWidth : 1;
    this.home = familyPositions(graph.elements.nodes.map((n) => n.data), this.degree, { spacing: this.large ? 26 : 70, aspect });
    const elements = toElements(graph).map((el) => (el.group === 'nodes' ? { ...el, position: { ...this.home.get(String(el.data.id))! } } : el));
    this.cy = cytoscape({
      container,
      elements,
      style: this.style(),
      // Positions are given; fitting them here avoids cy.fit's label measuring (seconds on large graphs).
      layout: { name: 'preset', fit: false },
      ...fitViewport(this.home.values(), container.clientWidth, container.clientHeight, 30),
      minZoom: 0.05,
      maxZoom: 4,
      selectionType: 'single',
      boxSelectionEnabled: false,
      // Large graphs: draw edges only when the viewport is still, and skip high-DPI rendering, so panning stays smooth.
      hideEdgesOnViewport: this.large,
      pixelRatio: this.large ? 1 : 'auto',
    });
    this.ready = this.large ? Promise.resolve() : this.runForce(this.cy.elements()).then(() => void this.cy.fit(undefined, 24));
    // Exposed for tests and for debugging in the console.
    (window as unknown as { __cy?: Core }).__cy = this.cy;
  }

  /** The Cytoscape instance, for the exporters (PNG, SVG and data of the view); they only read it. */
  get core(): Core {
    return this.cy;
  }

  private style() {
    return [...graphStyle({ labelField: this.lang === 'ja' ? 'labelJa' : 'label', maxCount: this.maxCount, large: this.large }), ...resultStyle];
  }

  /** Calls `handler` with the role id when a role is tapped, or null when the background is tapped. */
  onRoleTap(handler: (id: string | null) => void): void {
    this.cy.on('tap', 'node', (evt) => handler((evt.target as NodeSingular).id()));
    this.cy.on('tap', (evt) => {
      if (evt.target === this.cy) handler(null);
    });
  }

  /** Called whenever roles are hidden or all shown again (the toolbar's "show all" follows it). */
  onVisibilityChange(listener: (hasHidden: boolean) => void): void {
    this.visibilityListeners.push(listener);
  }

  has(id: string): boolean {
    return !this.cy.getElementById(id).empty();
  }

  /** Selects a role (null clears). Without a route its moves in and out are highlighted and the rest dimmed. */
  select(id: string | null): void {
    this.selected = id && this.has(id) ? id : null;
    this.refresh();
  }

  /** Brings a role into view at a readable zoom. */
  centre(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    if (node.hasClass('hidden')) this.showAll();
    this.cy.stop();
    this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), this.large ? 1.4 : 1.1) }, { duration: 250 });
  }

  /** Hides every role except this one and its direct moves in and out. */
  focus(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    this.setVisible(new Set(node.closedNeighborhood().nodes().map((n) => n.id())));
  }

  /** Adds the role's neighbours to what is shown; with everything shown, narrows to two moves around it. */
  expand(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    const hood = node.closedNeighborhood().nodes();
    const ids = this.visible ? new Set(this.visible) : new Set(hood.closedNeighborhood().nodes().map((n) => n.id()));
    for (const n of hood) ids.add(n.id());
    this.setVisible(ids);
  }

  /** Shows every role again. */
  showAll(): void {
    this.setVisible(null);
  }

  private setVisible(ids: Set<string> | null): void {
    this.visible = ids;
    this.refresh();
    this.cy.stop();
    this.cy.animate({ fit: { eles: this.cy.elements(':visible'), padding: 50 } }, { duration: 250 });
    for (const l of this.visibilityListeners) l(ids !== null);
  }

  /** Highlights a route (roles in order) and dims the rest; null clears. */
  highlightRoute(roles: readonly string[] | null): void {
    this.route = roles ? { roles: [...roles], edges: routeEdgeIds(this.edgeIndex, roles) } : null;
    // The newest answer is the one shown: a new route replaces a query result.
    if (roles) this.result = null;
    this.step = -1;
    if (this.route && this.visible) this.setVisible(null);
    this.cy.batch(() => this.route?.edges.forEach((ids, i) => ids.forEach((e) => this.cy.getElementById(e).data('routeStep', String(i + 1)))));
    this.refresh();
    if (this.route) this.fitTo(this.collect(this.route.roles));
  }

  /**
   * Highlights a query result (role ids and move ids as on /api/graph; ids not
   * on the graph are skipped) and dims the rest; null clears it, and a route
   * shown before comes back. Returns how many roles and moves were found.
   */
  highlightResult(ids: { nodes: readonly string[]; edges: readonly string[] } | null): { nodes: number; edges: number } {
    const nodes = ids ? ids.nodes.filter((id) => this.has(id)) : [];
    const edges = ids ? ids.edges.filter((id) => !this.cy.getElementById(id).empty()) : [];
    this.result = ids && nodes.length + edges.length > 0 ? { nodes, edges } : null;
    if (this.result && this.visible) this.setVisible(null);
    this.refresh();
    this.cy.stop();
    if (this.result) this.fitTo(this.collect([...nodes, ...edges]));
    else if (this.route) this.fitTo(this.collect(this.route.roles));
    return { nodes: nodes.length, edges: edges.length };
  }

  /** Marks move `i` of the highlighted route as the current one (-1 = the whole route) and keeps it in view. */
  setStep(i: number): void {
    this.step = i;
    this.refresh();
    const ids = this.route?.roles;
    if (!ids || i < 0) return;
    const pair = this.collect([ids[i]!, ids[i + 1]!]);
    const box = pair.renderedBoundingBox();
    const margin = 40;
    if (box.x1 < margin || box.y1 < margin || box.x2 > this.cy.width() - margin || box.y2 > this.cy.height() - margin) {
      this.cy.stop();
      this.cy.animate({ center: { eles: pair } }, { duration: 200 });
    }
  }

  /** Hides moves with fewer accounts than `min`; returns how many moves remain. */
  setMinCount(min: number): number {
    // Only edges between the old and the new threshold change: restyling all of them would stall a large graph.
    const [lo, hi] = [Math.min(min, this.minCount), Math.max(min, this.minCount)];
    const changed = this.cy.edges().filter((e) => {
      const c = e.data('count') as number;
      return c >= lo && c < hi;
    });
    this.cy.batch(() => (min > this.minCount ? changed.addClass('filtered') : changed.removeClass('filtered')));
    this.minCount = min;
    return this.cy.edges().filter((e) => (e.data('count') as number) >= min).length;
  }

  setLanguage(lang: Lang): void {
    this.lang = lang;
    this.cy.style(this.style());
  }

  zoomBy(factor: number): void {
    const level = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), this.cy.zoom() * factor));
    this.cy.zoom({ level, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /** Moves the viewport by rendered pixels (keyboard panning). */
  panBy(x: number, y: number): void {
    this.cy.panBy({ x, y });
  }

  /** Fits what is shown (the query result or route when one is highlighted). */
  fit(): void {
    if (this.result) this.fitTo(this.collect([...this.result.nodes, ...this.result.edges]));
    else if (this.route) this.fitTo(this.collect(this.route.roles));
    else this.cy.fit(this.cy.elements(':visible'), 30);
  }

  /**
   * Lays out what is shown again: the whole graph restarts from the family
   * positions; a focused neighbourhood is laid out on its own. A large graph is
   * laid out in a Web Worker (force.ts), so the page stays usable meanwhile;
   * `onProgress` hears the fraction done, and `cancelLayout()` stops it (the
   * picture then stays as it was). Resolves true when the layout finished.
   */
  relayout(onProgress?: (fraction: number) => void): Promise<boolean> {
    const eles = this.visible ? this.cy.elements(':visible') : this.cy.elements();
    if (!this.large) {
      if (!this.visible) this.cy.nodes().positions((n) => ({ ...this.home.get(n.id())! }));
      return this.runForce(eles).then(() => {
        this.fit();
        return true;
      });
    }
    this.cancelLayout();
    const nodes = eles.nodes();
    const ids = nodes.map((n) => n.id());
    const index = new Map(ids.map((id, i) => [id, i]));
    const positions = new Float64Array(ids.length * 2);
    nodes.forEach((n, i) => {
      const p = this.visible ? n.position() : this.home.get(n.id())!;
      positions[2 * i] = p.x;
      positions[2 * i + 1] = p.y;
    });
    const pairs: number[] = [];
    for (const e of eles.edges()) {
      const a = index.get(e.data('source') as string);
      const b = index.get(e.data('target') as string);
      if (a !== undefined && b !== undefined) pairs.push(a, b);
    }
    const families = new Map<string, number>();
    const groups = new Uint32Array(nodes.map((n) => {
      const f = String(n.data('family'));
      if (!families.has(f)) families.set(f, families.size);
      return families.get(f)!;
    }));
    const input: ForceInput = { positions, edges: new Uint32Array(pairs), groups, idealLength: 40, iterations: 150 };
    const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'graph-layout' });
    return new Promise<boolean>((resolve) => {
      const finish = (done: boolean) => {
        worker.terminate();
        this.cancelCurrent = null;
        resolve(done);
      };
      this.cancelCurrent = () => finish(false);
      worker.onerror = () => finish(false);
      worker.onmessage = (event: MessageEvent<LayoutMessage>) => {
        const msg = event.data;
        if (msg.type === 'progress') {
          onProgress?.(msg.done / msg.total);
          return;
        }
        const placed = new Map(ids.map((id, i) => [id, { x: msg.positions[2 * i]!, y: msg.positions[2 * i + 1]! }]));
        const stretched = stretchToAspect(placed, this.cy.height() / Math.max(this.cy.width(), 1));
        this.cy.batch(() => nodes.positions((n) => stretched.get(n.id())!));
        // Fitted from the positions: cy.fit would measure every label (seconds on thousands of roles).
        this.cy.viewport(fitViewport(stretched.values(), this.cy.width(), this.cy.height(), 30));
        finish(true);
      };
      worker.postMessage(input, [positions.buffer, input.edges.buffer, groups.buffer]);
    });
  }

  /** Stops a layout running in the worker, if any (the graph keeps its positions). */
  cancelLayout(): void {
    this.cancelCurrent?.();
  }

  /** Runs the force layout over `eles` with family tethers added for the run only. */
  private runForce(eles: cytoscape.Collection): Promise<void> {
    const nodes = eles.nodes().map((n) => ({ id: n.id(), family: String(n.data('family')) }));
    const tethers = this.cy.add(familyTethers(nodes, this.degree));
    const layout = eles.union(tethers).layout(this.large ? largeForceLayout : forceLayout);
    const done = new Promise<void>((resolve) =>
      layout.one('layoutstop', () => {
        this.cy.remove(tethers);
        const nodes = eles.nodes();
        const stretched = stretchToAspect(new Map(nodes.map((n) => [n.id(), n.position()])), this.cy.height() / Math.max(this.cy.width(), 1));
        nodes.positions((n) => stretched.get(n.id())!);
        resolve();
      }),
    );
    layout.run();
    return done;
  }

  /** Rendered position of a role in container coordinates (for tests and keyboard focus). */
  nodePosition(id: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(id);
    return node.empty() ? null : node.renderedPosition();
  }

  /** The elements with these ids (unknown ids are skipped). */
  private collect(ids: readonly string[]): cytoscape.Collection {
    const c = this.cy.collection();
    for (const id of ids) c.merge(this.cy.getElementById(id));
    return c;
  }

  private fitTo(eles: cytoscape.Collection): void {
    this.cy.fit(eles, 90);
    // A two-move route would otherwise fill the screen; keep some of the graph around it for context.
    if (this.cy.zoom() > 1.3) {
      this.cy.zoom(1.3);
      this.cy.center(eles);
    }
  }

  /** Derives every highlight class from the state. */
  private refresh(): void {
    const cy = this.cy;
    cy.batch(() => {
      // Touch only what carries a class: restyling all elements of a large graph takes seconds.
      const classes = ['dimmed', 'neighbour', 'neighbour-edge', 'route-node', 'route-edge', 'route-current', 'hidden', 'result-node', 'result-edge'];
      cy.elements(classes.map((c) => `.${c}`).join(', ')).removeClass(classes.join(' '));
      cy.elements(':selected').unselect();
      if (this.visible) {
        const visible = this.visible;
        cy.nodes().filter((n) => !visible.has(n.id())).addClass('hidden');
      }
      if (this.result) {
        // A move's ends belong to the picture even when the query did not return them.
        const edges = this.collect(this.result.edges);
        const nodes = this.collect(this.result.nodes).union(edges.edges().connectedNodes());
        nodes.addClass('result-node');
        edges.addClass('result-edge');
        if (!this.large) cy.elements().not(nodes).not(edges).addClass('dimmed');
      } else if (this.route) {
        const nodes = this.collect(this.route.roles);
        const edges = this.collect(this.route.edges.flat());
        nodes.addClass('route-node');
        edges.addClass('route-edge');
        // Dimming restyles every element: on a large graph the bold route stands out enough without it.
        if (!this.large) cy.elements().not(nodes).not(edges).addClass('dimmed');
        if (this.step >= 0) {
          this.collect(this.route.edges[this.step] ?? []).addClass('route-current');
          cy.getElementById(this.route.roles[this.step + 1] ?? '').addClass('route-current');
        }
      } else if (this.selected) {
        const node = cy.getElementById(this.selected);
        const hood = node.closedNeighborhood();
        if (!this.large) cy.elements().not(hood).addClass('dimmed');
        node.connectedEdges().addClass('neighbour-edge');
        hood.nodes().addClass('neighbour');
      }
      if (this.selected) cy.getElementById(this.selected).select();
    });
  }
}
