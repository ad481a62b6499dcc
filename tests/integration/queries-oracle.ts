/**
 * The answers the built-in saved queries should give, computed in plain
 * TypeScript straight from the seed files: an independent check of the
 * Cypher that does not need updating when the seed graph grows.
 */
import type { GraphData, Transition } from '../../server/contract/graph-data.js';

export class SeedOracle {
  private readonly out = new Map<string, Transition[]>();
  private readonly into = new Map<string, Transition[]>();
  private readonly family = new Map<string, string>();

  constructor(readonly data: GraphData) {
    for (const r of data.roles) this.family.set(r.id, r.family);
    for (const t of data.transitions) {
      this.out.set(t.from, [...(this.out.get(t.from) ?? []), t]);
      this.into.set(t.to, [...(this.into.get(t.to) ?? []), t]);
    }
  }

  private byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  /** Fewest moves from `start` to every other role within `hops` (forward, or backward with `reverse`). */
  distances(start: string, hops: number, reverse = false): Map<string, number> {
    const dist = new Map<string, number>([[start, 0]]);
    let frontier = [start];
    for (let d = 1; d <= hops; d++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const t of (reverse ? this.into : this.out).get(id) ?? []) {
          const other = reverse ? t.from : t.to;
          if (!dist.has(other)) {
            dist.set(other, d);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
    dist.delete(start);
    return dist;
  }

  /** [id, moves] sorted by moves then id. */
  reachable(start: string, hops: number, reverse = false): [string, number][] {
    return [...this.distances(start, hops, reverse)].sort((a, b) => a[1] - b[1] || this.byId(a[0], b[0]));
  }

  /** Every walk of 1..hops moves from a role matching `from` to one matching `to`: [fromId, toId, moves]. */
  walks(from: (id: string) => boolean, to: (id: string) => boolean, hops: number): [string, string, number][] {
    const rows: [string, string, number][] = [];
    const walk = (start: string, at: string, len: number) => {
      if (len > 0 && to(at)) rows.push([start, at, len]);
      if (len === hops) return;
      for (const t of this.out.get(at) ?? []) walk(start, t.to, len + 1);
    };
    for (const r of this.data.roles) if (from(r.id)) walk(r.id, r.id, 0);
    return rows.sort((a, b) => a[2] - b[2] || this.byId(a[0], b[0]) || this.byId(a[1], b[1]));
  }

  familyOf(id: string): string {
    return this.family.get(id) ?? '';
  }

  /** Distinct roles in and out per role, with at least one. */
  hubs(): { id: string; waysIn: number; waysOut: number; ways: number }[] {
    return this.data.roles
      .map((r) => {
        const waysIn = new Set((this.into.get(r.id) ?? []).map((t) => t.from)).size;
        const waysOut = new Set((this.out.get(r.id) ?? []).map((t) => t.to)).size;
        return { id: r.id, waysIn, waysOut, ways: waysIn + waysOut };
      })
      .filter((h) => h.ways > 0)
      .sort((a, b) => b.ways - a.ways || this.byId(a.id, b.id));
  }

  /** Transitions matching `keep`, as [from, to] sorted. */
  moves(keep: (t: Transition) => boolean): [string, string][] {
    return this.data.transitions
      .filter(keep)
      .map((t): [string, string] => [t.from, t.to])
      .sort((a, b) => this.byId(a[0], b[0]) || this.byId(a[1], b[1]));
  }

  /** Every shortest route from `from` to `to` as the list of role ids. */
  shortestRoutes(from: string, to: string): string[][] {
    const dist = this.distances(to, 50, true);
    const target = dist.get(from);
    if (target === undefined) return [];
    const routes: string[][] = [];
    const extend = (route: string[]) => {
      const at = route[route.length - 1]!;
      if (at === to) return routes.push(route);
      for (const t of this.out.get(at) ?? []) {
        if ((t.to === to ? 0 : (dist.get(t.to) ?? Infinity)) === target - route.length) extend([...route, t.to]);
      }
    };
    extend([from]);
    return routes.sort((a, b) => this.byId(a.join(','), b.join(',')));
  }

  transition(from: string, to: string): Transition | undefined {
    return this.out.get(from)?.find((t) => t.to === to);
  }

  waysIn(id: string): number {
    return (this.into.get(id) ?? []).length;
  }

  waysOut(id: string): number {
    return (this.out.get(id) ?? []).length;
  }
}
