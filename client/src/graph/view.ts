/**
 * Owns the Cytoscape instance (nothing outside client/src/graph touches it):
 * draws the graph, reports taps on roles, and shows the page's state on it
 * (selected role, focused neighbourhood, route and current move, query result,
 * minimum count). Everything visual is derived from that state in `sync()` and
 * `refresh()`, so the order of calls never leaves stale highlights.
 *
 * A graph of more than LARGE_GRAPH roles is drawn as an overview (overview.ts):
 * groups, the moves between them and the most connected roles; `sync()` adds
 * and removes elements as groups open and roles are selected, routed or found.
 */
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphResponse } from '../../../server/contract/api.js';
import type { StyleRule } from '../../../server/render/cy-json.js';
import type { ExportGraph } from '../../../server/render/model.js';
import type { SceneFrame, ViewExport, ViewPngOptions } from '../export/view-export.js';
import type { Scene } from '../export/view-svg.js';
import type { Lang } from '../i18n/strings.js';
import { runForce } from './force-run.js';
import { indexEdgesByPair, maxEdgeCount, routeEdgeIds, toElements } from './elements.js';
import { LARGE_GRAPH } from './layout.js';
import { applyHighlights, collect } from './highlights.js';
import { groupKey, Overview } from './overview.js';
import { BUSY_EDGES, drawnBounds, OverviewLayer } from './overview-layer.js';
import { degrees, familyPositions, fitViewport, type Point } from './positions.js';
import { resultStyle } from './result-style.js';
import { readScene, shownGraph } from './scene-reader.js';
import { graphStyle } from './style.js';

cytoscape.use(fcose);
/** Set by the browser tests (tests/fixtures/browser.ts) before the page loads: the view then exposes `window.__cy`. */
type TestWindow = { __ROLEPATH_TEST__?: boolean; __ROLEPATH_WEBGL__?: boolean; __cy?: Core };

/** The role graph drawn in one container. */
export class GraphView implements ViewExport {
  /** More than LARGE_GRAPH roles: drawn as an overview of groups. */
  readonly large: boolean;
  /** Overview only: how many groups it shows (null when the graph is drawn whole). */
  readonly groupCount: number | null;
  readonly maxCount: number;
  private readonly cy: Core;
  /** Move ids by their two ends, built for the first route drawn (not on the way to the first picture). */
  private readonly edgeIndex: () => Map<string, string[]>;
  private readonly home: Map<string, Point>;
  private readonly degree: Map<string, number>;
  /** Large graphs only: the groups, and the layer that draws them. */
  private readonly overview: Overview | null;
  private readonly layer: OverviewLayer | null;
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
  /** Overview: the groups opened, and roles brought into view by centre(). */
  private readonly open = new Set<string>();
  private readonly pinned = new Set<string>();
  private visibilityListeners: ((hasHidden: boolean) => void)[] = [];
  /** Stops the layout running in the worker (null when none runs). */
  private cancelCurrent: (() => void) | null = null;

  constructor(container: HTMLElement, graph: GraphResponse, lang: Lang) {
    const nodes = graph.elements.nodes.map((n) => n.data);
    const edges = graph.elements.edges.map((e) => e.data);
    this.large = nodes.length > LARGE_GRAPH;
    this.maxCount = maxEdgeCount(edges);
    let index: Map<string, string[]> | undefined;
    this.edgeIndex = () => (index ??= indexEdgesByPair(edges));
    this.lang = lang;
    this.degree = degrees(edges);
    this.overview = this.large ? new Overview(nodes, edges) : null;
    this.groupCount = this.overview?.groups.length ?? null;
    const aspect = container.clientWidth > 0 ? container.clientHeight / container.clientWidth : 1;
    // Discs of roles on a ring: one per family, or per group in an overview.
    const placed = nodes.map((n) => ({ id: n.id, family: this.large ? groupKey(n) : n.family }));
    this.home = familyPositions(placed, this.degree, { spacing: this.large ? 26 : 70, aspect });
    const elements = this.overview ? [] : toElements(graph).map((el) => (el.group === 'nodes' ? { ...el, position: { ...this.home.get(String(el.data.id))! } } : el));
    const win = window as unknown as TestWindow;
    this.cy = cytoscape({
      container,
      elements,
      style: this.style(),
      // Positions are given; fitting them here avoids cy.fit's label measuring (seconds on large graphs).
      layout: { name: 'preset', fit: false },
      ...fitViewport(this.home.values(), container.clientWidth, container.clientHeight, 30),
      minZoom: 0.02,
      maxZoom: 4,
      selectionType: 'single',
      boxSelectionEnabled: false,
      pixelRatio: this.large ? 1 : 'auto',
      // The WebGL renderer, only where a benchmark asks for it (tests/bench/browser.bench.ts compares the two).
      ...(win.__ROLEPATH_WEBGL__ ? { renderer: { name: 'canvas', webgl: true } } : {}),
    });
    this.layer = this.overview ? new OverviewLayer(this.cy, this.overview, this.home) : null;
    if (this.layer) {
      this.cy.on('tap', 'node.group', (evt) => this.toggleGroup(String((evt.target as NodeSingular).data('groupKey'))));
      this.sync();
      // Fitted again with the groups' names above them in view.
      this.cy.viewport(fitViewport(drawnBounds(this.cy.elements()), this.cy.width(), this.cy.height(), 30));
    }
    this.ready = this.large ? Promise.resolve() : runForce(this.cy, this.cy.elements(), this.degree).then(() => void this.cy.fit(undefined, 24));
    if (win.__ROLEPATH_TEST__) win.__cy = this.cy;
  }

  private style() {
    return [...graphStyle({ labelField: this.lang === 'ja' ? 'labelJa' : 'label', maxCount: this.maxCount, large: this.large }), ...resultStyle];
  }

  /** Calls `handler` with the role id when a role is tapped, or null when the background is tapped (a tap on a group opens or closes it). */
  onRoleTap(handler: (id: string | null) => void): void {
    this.cy.on('tap', 'node', (evt) => {
      const node = evt.target as NodeSingular;
      if (!node.hasClass('group')) handler(node.id());
    });
    this.cy.on('tap', (evt) => void (evt.target === this.cy && handler(null)));
  }

  /** Called whenever roles are hidden or all shown again, or (overview) groups are opened or all closed: "show all" follows it. */
  onVisibilityChange(listener: (hasHidden: boolean) => void): void {
    this.visibilityListeners.push(listener);
  }

  /** Whether the graph holds this role (drawn or, in an overview, inside a closed group). */
  has(id: string): boolean {
    return this.overview ? this.overview.hasRole(id) : !this.cy.getElementById(id).empty();
  }

  /** Selects a role (null clears). Its moves in and out are highlighted (in an overview, drawn with its neighbours). */
  select(id: string | null): void {
    this.selected = id && this.has(id) ? id : null;
    this.sync();
    this.refresh();
  }

  /** Brings a role into view at a readable zoom. */
  centre(id: string): void {
    if (!this.has(id)) return;
    if (this.visible && !this.visible.has(id)) this.setVisible(null);
    if (this.cy.getElementById(id).empty()) {
      this.pinned.add(id);
      this.sync();
      this.refresh();
    }
    const node = this.cy.getElementById(id);
    if (node.hasClass('hidden')) this.showAll();
    this.cy.stop();
    this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), this.large ? 1.4 : 1.1) }, { duration: 250 });
  }

  /** Overview: opens a closed group (its roles drawn where it was) or closes an open one. */
  toggleGroup(key: string): void {
    if (!this.overview) return;
    const opening = !this.open.has(key);
    if (opening) this.open.add(key);
    else this.open.delete(key);
    this.sync();
    this.refresh();
    const disc = this.layer?.disc(`group:${key}`);
    if (opening && disc) this.animateTo([{ x: disc.x - disc.r, y: disc.y - disc.r }, { x: disc.x + disc.r, y: disc.y + disc.r }]);
    this.notifyVisibility();
  }

  /** Hides every role except this one and its direct moves in and out. */
  focus(id: string): void {
    if (!this.has(id)) return;
    this.setVisible(this.neighbourhood(id));
  }

  /** Adds the role's neighbours to what is shown; with everything shown, narrows to two moves around it. */
  expand(id: string): void {
    if (!this.has(id)) return;
    const hood = this.neighbourhood(id);
    const ids = this.visible ? new Set(this.visible) : new Set([...hood].flatMap((n) => [...this.neighbourhood(n)]));
    for (const n of hood) ids.add(n);
    this.setVisible(ids);
  }

  private neighbourhood(id: string): Set<string> {
    return this.overview ? this.overview.closedNeighbourhood(id) : new Set(this.cy.getElementById(id).closedNeighborhood().nodes().map((n) => n.id()));
  }

  /** Shows every role again (an overview goes back to its groups, all closed). */
  showAll(): void {
    this.open.clear();
    this.pinned.clear();
    this.setVisible(null);
  }

  private setVisible(ids: Set<string> | null): void {
    this.visible = ids;
    this.sync();
    this.refresh();
    this.cy.stop();
    this.animateTo(drawnBounds(this.cy.elements(':visible')));
    this.notifyVisibility();
  }

  private notifyVisibility(): void {
    for (const l of this.visibilityListeners) l(this.visible !== null || this.open.size > 0);
  }

  /** Highlights a route (roles in order) and dims the rest; null clears. */
  highlightRoute(roles: readonly string[] | null): void {
    this.route = roles ? { roles: [...roles], edges: routeEdgeIds(this.edgeIndex(), roles) } : null;
    // The newest answer is the one shown: a new route replaces a query result.
    if (roles) this.result = null;
    this.step = -1;
    if (this.route && this.visible) this.setVisible(null);
    this.sync();
    this.cy.batch(() => this.route?.edges.forEach((ids, i) => ids.forEach((e) => this.cy.getElementById(e).data('routeStep', String(i + 1)))));
    this.refresh();
    if (this.route) this.fitTo(collect(this.cy, this.route.roles));
  }

  /**
   * Highlights a query result (role ids and move ids as on /api/graph; ids not
   * on the graph are skipped) and dims the rest; null clears it, and a route
   * shown before comes back. Returns how many roles and moves were found.
   */
  highlightResult(ids: { nodes: readonly string[]; edges: readonly string[] } | null): { nodes: number; edges: number } {
    const nodes = ids ? ids.nodes.filter((id) => this.has(id)) : [];
    const edges = ids ? ids.edges.filter((id) => (this.overview ? this.overview.hasMove(id) : !this.cy.getElementById(id).empty())) : [];
    this.result = ids && nodes.length + edges.length > 0 ? { nodes, edges } : null;
    if (this.result && this.visible) this.setVisible(null);
    this.sync();
    this.refresh();
    this.cy.stop();
    if (this.result) this.fitTo(collect(this.cy, [...nodes, ...edges]));
    else if (this.route) this.fitTo(collect(this.cy, this.route.roles));
    return { nodes: nodes.length, edges: edges.length };
  }

  /** Marks move `i` of the highlighted route as the current one (-1 = the whole route) and keeps it in view. */
  setStep(i: number): void {
    this.step = i;
    this.refresh();
    const ids = this.route?.roles;
    if (!ids || i < 0) return;
    const pair = collect(this.cy, [ids[i]!, ids[i + 1]!]);
    const box = pair.renderedBoundingBox();
    const margin = 40;
    if (box.x1 < margin || box.y1 < margin || box.x2 > this.cy.width() - margin || box.y2 > this.cy.height() - margin) {
      this.cy.stop();
      this.cy.animate({ center: { eles: pair } }, { duration: 200 });
    }
  }

  /** Hides moves with fewer accounts than `min`; returns how many moves remain (in the whole graph). */
  setMinCount(min: number): number {
    if (this.overview) {
      this.minCount = min;
      this.sync();
      this.refresh();
      return this.overview.movesAtLeast(min);
    }
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

  /** After the container changed size: takes the new size and keeps what was in the middle in the middle. */
  resizeKeepingCentre(): void {
    const [width, height] = [this.cy.width(), this.cy.height()];
    this.cy.resize();
    this.cy.panBy({ x: (this.cy.width() - width) / 2, y: (this.cy.height() - height) / 2 });
  }

  /** Removes the drawing and stops a layout still running (the view is not used again). */
  destroy(): void {
    this.cancelLayout();
    this.cy.destroy();
  }

  /** Fits what is shown (the query result or route when one is highlighted). */
  fit(): void {
    if (this.result) this.fitTo(collect(this.cy, [...this.result.nodes, ...this.result.edges]));
    else if (this.route) this.fitTo(collect(this.cy, this.route.roles));
    else this.cy.viewport(fitViewport(drawnBounds(this.cy.elements(':visible')), this.cy.width(), this.cy.height(), 30));
  }

  /**
   * Lays out what is shown again: the whole graph restarts from the family
   * positions; a focused neighbourhood is laid out on its own. A large graph is
   * laid out in a Web Worker (force.ts) over all its roles, so the page stays
   * usable meanwhile; `onProgress` hears the fraction done, and
   * `cancelLayout()` stops it (the picture then stays as it was). Resolves true
   * when the layout finished.
   */
  relayout(onProgress?: (fraction: number) => void): Promise<boolean> {
    if (!this.layer) {
      const eles = this.visible ? this.cy.elements(':visible') : this.cy.elements();
      if (!this.visible) this.cy.nodes().positions((n) => ({ ...this.home.get(n.id())! }));
      return runForce(this.cy, eles, this.degree).then(() => {
        this.fit();
        return true;
      });
    }
    this.cancelLayout();
    const run = this.layer.relayout(onProgress);
    this.cancelCurrent = run.cancel;
    return run.done.then((placed) => {
      this.cancelCurrent = null;
      if (placed) this.cy.viewport(fitViewport(drawnBounds(this.cy.elements(':visible')), this.cy.width(), this.cy.height(), 30));
      return placed !== null;
    });
  }

  /** Stops a layout running in the worker, if any (the graph keeps its positions). */
  cancelLayout(): void {
    this.cancelCurrent?.();
  }

  // ——— ViewExport: what the exporters read ———

  pictureSize(full: boolean): { w: number; h: number } {
    return full ? this.cy.elements().boundingBox({}) : { w: this.cy.width(), h: this.cy.height() };
  }

  png({ full, scale, maxWidth, background }: ViewPngOptions): Promise<Blob> {
    return this.cy.png({ output: 'blob-promise', full, scale, maxWidth, bg: background });
  }

  scene(frame: SceneFrame): Scene {
    return readScene(this.cy, frame);
  }

  shownGraph(): ExportGraph {
    return shownGraph(this.cy);
  }

  styleJson(): StyleRule[] {
    return (this.cy.style() as unknown as { json(): StyleRule[] }).json();
  }

  // ——— drawing ———

  private fitTo(eles: cytoscape.Collection): void {
    this.cy.fit(eles, 90);
    // A two-move route would otherwise fill the screen; keep some of the graph around it for context.
    if (this.cy.zoom() > 1.3) {
      this.cy.zoom(1.3);
      this.cy.center(eles);
    }
  }

  private animateTo(points: Point[]): void {
    if (points.length === 0) return;
    const { zoom, pan } = fitViewport(points, this.cy.width(), this.cy.height(), 50);
    this.cy.stop();
    this.cy.animate({ zoom, pan }, { duration: 250 });
  }

  /** Overview: the roles drawn on their own besides the groups' (selection and neighbours, route, result, centred roles). */
  private detail(): Set<string> {
    const ids = new Set(this.pinned);
    if (this.selected) for (const id of this.overview!.closedNeighbourhood(this.selected)) ids.add(id);
    for (const id of this.route?.roles ?? []) ids.add(id);
    for (const id of this.result?.nodes ?? []) ids.add(id);
    for (const e of this.result?.edges ?? []) for (const id of this.overview!.ends(e) ?? []) ids.add(id);
    return ids;
  }

  /** Overview: makes Cytoscape hold the scene of the current state. */
  private sync = (): void => this.layer?.sync({ open: this.open, detail: this.detail(), only: this.visible, minCount: this.minCount });

  /** Derives every highlight class from the state (an overview draws only what is visible, so hides nothing). */
  private refresh(): void {
    // Dimming restyles every element: on thousands of them (groups opened) the bold route or neighbourhood stands out enough without it.
    const dim = !this.overview || this.cy.elements().length <= BUSY_EDGES;
    const { selected, route, step, result } = this;
    applyHighlights(this.cy, { selected, visible: this.overview ? null : this.visible, route, step, result, dim });
  }
}
