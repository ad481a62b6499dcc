/**
 * Keeps a Cytoscape instance holding exactly the overview's scene (overview.ts)
 * for a state: adds and removes elements as groups open and roles are
 * selected, routed or found; puts roles at their positions and groups on the
 * discs of their roles; and lays all roles out again in a Web Worker. Used by
 * GraphView for graphs of more than LARGE_GRAPH roles.
 */
import type { Collection, Core, ElementDefinition, NodeSingular } from 'cytoscape';
import { groupDiscs, type Overview, type OverviewState } from './overview.js';
import type { Point } from './positions.js';
import { layoutInWorker, type WorkerLayout } from './worker-layout.js';

/** Above this many drawn edges, edges are hidden while the viewport moves (panning stays smooth). */
export const BUSY_EDGES = 3000;

/** An overview drawn in one Cytoscape instance. */
export class OverviewLayer {
  private discs: Map<string, { x: number; y: number; r: number }>;

  constructor(
    private readonly cy: Core,
    readonly model: Overview,
    private home: Map<string, Point>,
  ) {
    this.discs = groupDiscs(model.groups, home);
  }

  /** The disc a group's roles cover (`group:<key>` id). */
  disc(id: string): { x: number; y: number; r: number } | undefined {
    return this.discs.get(id);
  }

  /** Adds and removes elements so Cytoscape holds exactly the scene of `state`. */
  sync(state: OverviewState): void {
    const scene = this.model.scene(state);
    const cy = this.cy;
    cy.batch(() => {
      cy.remove(cy.elements().filter((e) => !(e.isNode() ? scene.nodes : scene.edges).has(e.id())));
      const added: ElementDefinition[] = [];
      for (const el of [...scene.nodes.values(), ...scene.edges.values()]) {
        const existing = cy.getElementById(el.data.id!);
        if (existing.empty()) added.push(el);
        else if (el.data.groupKey !== undefined) existing.classes(el.classes ?? '');
        else if (el.data.aggregate) existing.data({ count: el.data.count, moves: el.data.moves, width: el.data.width });
      }
      cy.add(added.filter((el) => el.group === 'nodes')).forEach((n) => this.place(n as NodeSingular));
      cy.add(added.filter((el) => el.group === 'edges'));
    });
    // Once thousands of moves are drawn (groups opened), hiding them while the viewport moves keeps panning smooth.
    (cy as unknown as { renderer(): { hideEdgesOnViewport: boolean } }).renderer().hideEdgesOnViewport = cy.edges().length > BUSY_EDGES;
  }

  /** Puts a node where it belongs: a role at its position, a group on its roles' disc (sized to it). */
  private place(n: NodeSingular): void {
    const disc = n.hasClass('group') ? this.discs.get(n.id()) : undefined;
    if (disc) {
      // A margin beyond the disc of roles: an open group's ring can be tapped clear of its roles.
      n.data({ size: 2 * disc.r + 60, fontSize: Math.max(24, disc.r / 6) });
      n.position({ x: disc.x, y: disc.y });
    } else {
      const p = this.home.get(n.id());
      if (p) n.position({ ...p });
    }
  }

  /**
   * Lays out every role (drawn or not) in a Web Worker from the current
   * positions, groups pulled together; then moves what is drawn. The groups
   * keep their discs (see keepDiscs), so the overview keeps its shape.
   */
  relayout(onProgress?: (fraction: number) => void): WorkerLayout {
    const ids = this.model.groups.flatMap((g) => g.roles);
    const index = new Map(ids.map((id, i) => [id, i]));
    const positions = new Float64Array(ids.length * 2);
    const groups = new Uint32Array(ids.length);
    ids.forEach((id, i) => {
      const p = this.home.get(id)!;
      positions[2 * i] = p.x;
      positions[2 * i + 1] = p.y;
    });
    this.model.groups.forEach((g, gi) => g.roles.forEach((id) => (groups[index.get(id)!] = gi)));
    const pairs: number[] = [];
    for (const [a, b] of this.model.movePairs()) pairs.push(index.get(a)!, index.get(b)!);
    const run = layoutInWorker({ positions, edges: new Uint32Array(pairs), groups, idealLength: 40, iterations: 150 }, onProgress);
    const done = run.done.then((placed) => {
      if (!placed || this.cy.destroyed()) return null;
      this.home = keepDiscs(new Map(ids.map((id, i) => [id, { x: placed[2 * i]!, y: placed[2 * i + 1]! }])), this.model, this.discs);
      this.cy.batch(() => this.cy.nodes().forEach((n) => this.place(n)));
      return placed;
    });
    return { done, cancel: run.cancel };
  }
}

/** Corners of the nodes in `eles`, groups with their names above them (without measuring labels: seconds on thousands of roles). */
export function drawnBounds(eles: Collection): Point[] {
  const points: Point[] = [];
  eles.nodes().forEach((n) => {
    const { x, y } = n.position();
    const group = n.hasClass('group');
    const r = group ? Number(n.data('size')) / 2 : 10;
    const label = group ? 1.5 * Number(n.data('fontSize')) : 0;
    points.push({ x: x - r, y: y - r - label }, { x: x + r, y: y + r });
  });
  return points;
}

/**
 * Positions from a layout of every role, fitted back into each group's disc:
 * a group's roles keep their arrangement relative to each other, moved and
 * scaled so their centre and spread are the disc's. (A force layout of the
 * whole graph pulls every group to the middle wherever moves cross groups, and
 * the overview would become discs stacked on each other.)
 */
export function keepDiscs(placed: ReadonlyMap<string, Point>, model: Overview, discs: ReadonlyMap<string, { x: number; y: number; r: number }>): Map<string, Point> {
  const now = groupDiscs(model.groups, placed);
  const out = new Map<string, Point>();
  for (const g of model.groups) {
    const [from, to] = [now.get(g.id), discs.get(g.id)];
    for (const id of g.roles) {
      const p = placed.get(id);
      if (!p) continue;
      if (!from || !to) out.set(id, { ...p });
      else out.set(id, { x: to.x + ((p.x - from.x) * to.r) / from.r, y: to.y + ((p.y - from.y) * to.r) / from.r });
    }
  }
  return out;
}
