/**
 * The overview of a graph too big to draw whole (more than LARGE_GRAPH roles):
 * one node per group (the role's imported `group`, else its family) sized by
 * its number of roles, the moves between groups summed into one edge per
 * direction, and the most connected roles. A group can be opened (its roles
 * drawn where the group is) and closed again; the selected role and its
 * neighbours, a route's roles and a query result's roles are drawn on their
 * own whatever their group. Pure: gives the elements to draw as plain data
 * (the view diffs them into Cytoscape), tested without a DOM.
 */
import type { ElementDefinition } from 'cytoscape';
import type { GraphEdgeData, GraphNodeData } from '../../../server/contract/api.js';
import { FAMILY_STYLE } from './families.js';

/** Prefix of a group node's id (`group:<key>`), and of a summed move between groups (`groups:<a>-><b>`). */
export const GROUP_PREFIX = 'group:';
const AGG_PREFIX = 'groups:';

/** What the overview shows, beside the groups. */
export interface OverviewState {
  /** Groups opened (their keys). */
  open: ReadonlySet<string>;
  /** Roles drawn on their own (selected role and neighbours, route, result, a role brought into view). */
  detail: ReadonlySet<string>;
  /** A focused neighbourhood: only these roles (and the moves between them), no groups. */
  only: ReadonlySet<string> | null;
  /** Moves with fewer accounts are left out (and not summed into the groups' moves). */
  minCount: number;
}

/** One group of roles. */
export interface OverviewGroup {
  key: string;
  /** Node id on the graph. */
  id: string;
  label: string;
  labelJa: string;
  /** Its family (the most common one among its roles): the group's colour. */
  family: string;
  roles: string[];
}

/** The elements to draw for one state. */
export interface OverviewScene {
  nodes: Map<string, ElementDefinition>;
  edges: Map<string, ElementDefinition>;
}

type Role = GraphNodeData & { group?: string };

/** The group a role belongs to: its imported group when it has one, else its family. */
export const groupKey = (role: { family: string; group?: string | undefined }): string => role.group ?? role.family;

const count = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/** Groups, adjacency and hubs of one graph, and the scene for any state. */
export class Overview {
  readonly groups: OverviewGroup[];
  /** The most connected roles, drawn from the start. */
  readonly hubs: string[];
  private readonly hubSet: Set<string>;
  private readonly roles = new Map<string, Role>();
  private readonly moves = new Map<string, GraphEdgeData>();
  private readonly groupOfRole = new Map<string, OverviewGroup>();
  private readonly adjacent = new Map<string, GraphEdgeData[]>();
  /** Per move (in `moves` order): the indexes of its ends' groups and its count, for summing in a tight loop. */
  private readonly moveGroups: { from: Uint32Array; to: Uint32Array; count: Float64Array };

  constructor(roles: readonly GraphNodeData[], moves: readonly GraphEdgeData[], { hubs = 24 }: { hubs?: number } = {}) {
    const byKey = new Map<string, { roles: string[]; families: Map<string, number> }>();
    for (const r of roles) {
      this.roles.set(r.id, r);
      const key = groupKey(r as Role);
      const g = byKey.get(key) ?? byKey.set(key, { roles: [], families: new Map() }).get(key)!;
      g.roles.push(r.id);
      count(g.families, r.family);
    }
    this.groups = [...byKey].map(([key, g]) => {
      const family = [...g.families].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      const style = FAMILY_STYLE[key as keyof typeof FAMILY_STYLE];
      return { key, id: `${GROUP_PREFIX}${key}`, label: style?.en ?? key, labelJa: style?.ja ?? key, family, roles: g.roles };
    });
    const groupIndex = new Map<string, number>();
    this.groups.forEach((g, i) => g.roles.forEach((id) => (this.groupOfRole.set(id, g), groupIndex.set(id, i))));
    const from: number[] = [];
    const to: number[] = [];
    const counts: number[] = [];
    for (const m of moves) {
      const [a, b] = [groupIndex.get(m.source), groupIndex.get(m.target)];
      if (a === undefined || b === undefined) continue;
      this.moves.set(m.id, m);
      from.push(a);
      to.push(b);
      counts.push(m.count);
      (this.adjacent.get(m.source) ?? this.adjacent.set(m.source, []).get(m.source)!).push(m);
      if (m.target !== m.source) (this.adjacent.get(m.target) ?? this.adjacent.set(m.target, []).get(m.target)!).push(m);
    }
    this.moveGroups = { from: Uint32Array.from(from), to: Uint32Array.from(to), count: Float64Array.from(counts) };
    this.hubs = [...this.adjacent]
      .map(([id, list]) => [id, list.length] as const)
      // Ids compared by code unit: localeCompare over thousands of ties costs a tenth of a second.
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, hubs)
      .map(([id]) => id);
    this.hubSet = new Set(this.hubs);
  }

  hasRole(id: string): boolean {
    return this.roles.has(id);
  }

  hasMove(id: string): boolean {
    return this.moves.has(id);
  }

  /** The two ends of a move, or null for an unknown id. */
  ends(id: string): [string, string] | null {
    const m = this.moves.get(id);
    return m ? [m.source, m.target] : null;
  }

  /** The two ends of every move (one pair per move, datasets apart). */
  movePairs(): [string, string][] {
    return [...this.moves.values()].map((m) => [m.source, m.target]);
  }

  /** The group of a role (undefined for an unknown id). */
  groupOf(id: string): OverviewGroup | undefined {
    return this.groupOfRole.get(id);
  }

  /** The group with this node id (`group:<key>`). */
  groupById(id: string): OverviewGroup | undefined {
    return id.startsWith(GROUP_PREFIX) ? this.groups.find((g) => g.id === id) : undefined;
  }

  /** A role and every role one move away from it, in or out. */
  closedNeighbourhood(id: string): Set<string> {
    const out = new Set<string>(this.roles.has(id) ? [id] : []);
    for (const m of this.adjacent.get(id) ?? []) out.add(m.source === id ? m.target : m.source);
    return out;
  }

  /** How many moves have at least `min` accounts (over the whole graph, drawn or not). */
  movesAtLeast(min: number): number {
    let n = 0;
    for (const m of this.moves.values()) if (m.count >= min) n++;
    return n;
  }

  /** The roles drawn on their own in `state`. */
  drawnRoles(state: OverviewState): Set<string> {
    if (state.only) return new Set([...state.only].filter((id) => this.roles.has(id)));
    const drawn = new Set<string>(this.hubs);
    for (const id of state.detail) if (this.roles.has(id)) drawn.add(id);
    for (const g of this.groups) if (state.open.has(g.key)) for (const id of g.roles) drawn.add(id);
    return drawn;
  }

  /**
   * The elements of `state`: groups (closed, or open as a ring behind their
   * roles) and the summed moves between them, the roles drawn, and every move
   * whose two ends are drawn. Role and move data are the graph's own (ids as on
   * /api/graph), so highlights and exports find them by id.
   */
  scene(state: OverviewState): OverviewScene {
    const drawn = this.drawnRoles(state);
    const nodes = new Map<string, ElementDefinition>();
    const edges = new Map<string, ElementDefinition>();
    if (!state.only) {
      for (const g of this.groups) {
        const open = state.open.has(g.key);
        nodes.set(g.id, {
          group: 'nodes',
          data: { id: g.id, label: `${g.label} · ${g.roles.length}`, labelJa: `${g.labelJa} · ${g.roles.length}`, family: g.family, roles: g.roles.length, groupKey: g.key },
          classes: open ? 'group group-open' : 'group',
          // A tap opens or closes it; selecting it would restyle it as a selected role.
          selectable: false,
        });
      }
      // Summed per ordered pair of groups, in typed arrays: this runs over every move on each change.
      const n = this.groups.length;
      const [total, number] = [new Float64Array(n * n), new Uint32Array(n * n)];
      const { from, to, count: counts } = this.moveGroups;
      for (let i = 0; i < from.length; i++) {
        if (counts[i]! < state.minCount || from[i] === to[i]) continue;
        const k = from[i]! * n + to[i]!;
        total[k] = total[k]! + counts[i]!;
        number[k] = number[k]! + 1;
      }
      const sums = new Map<string, { source: string; target: string; count: number; moves: number }>();
      for (let k = 0; k < n * n; k++) {
        if (number[k] === 0) continue;
        const [a, b] = [this.groups[Math.floor(k / n)]!, this.groups[k % n]!];
        sums.set(`${AGG_PREFIX}${a.key}->${b.key}`, { source: a.id, target: b.id, count: total[k]!, moves: number[k]! });
      }
      // Width by the total's logarithm: totals run from a handful to tens of thousands.
      const top = Math.log1p(Math.max(1, ...[...sums.values()].map((s) => s.count)));
      for (const [id, s] of sums) {
        const width = Math.round((1.5 + (10 * Math.log1p(s.count)) / top) * 10) / 10;
        edges.set(id, { group: 'edges', data: { id, ...s, width, aggregate: true }, classes: 'aggregate', selectable: false });
      }
    }
    for (const id of drawn) nodes.set(id, { group: 'nodes', data: { ...this.roles.get(id)! }, ...(this.hubSet.has(id) ? { classes: 'hub' } : {}) });
    for (const id of drawn) {
      for (const m of this.adjacent.get(id) ?? []) {
        // Each move once: from its source's list (a self-move appears there twice; the map keeps one).
        if (m.source !== id || !drawn.has(m.target) || m.count < state.minCount) continue;
        edges.set(m.id, { group: 'edges', data: { ...m } });
      }
    }
    return { nodes, edges };
  }
}

/** Centre and radius of each group's roles (radius √2 × their RMS distance from the centre: a uniform disc's edge). */
export function groupDiscs(groups: readonly OverviewGroup[], positions: ReadonlyMap<string, { x: number; y: number }>): Map<string, { x: number; y: number; r: number }> {
  const discs = new Map<string, { x: number; y: number; r: number }>();
  for (const g of groups) {
    let [sx, sy, n] = [0, 0, 0];
    for (const id of g.roles) {
      const p = positions.get(id);
      if (!p) continue;
      sx += p.x;
      sy += p.y;
      n++;
    }
    if (n === 0) continue;
    const [cx, cy] = [sx / n, sy / n];
    let ss = 0;
    for (const id of g.roles) {
      const p = positions.get(id);
      if (p) ss += (p.x - cx) ** 2 + (p.y - cy) ** 2;
    }
    discs.set(g.id, { x: cx, y: cy, r: Math.max(20, Math.SQRT2 * Math.sqrt(ss / n)) });
  }
  return discs;
}
