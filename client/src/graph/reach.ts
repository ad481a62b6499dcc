/**
 * How far every role is from a chosen one along recorded moves, forwards
 * (where can I go from here) and backwards (who leads into there). Built once
 * per graph; pure, tested without a DOM. The pickers use it to mark which
 * targets are reachable and how far.
 */

/** A move as the graph holds it. */
export interface ReachEdge {
  source: string;
  target: string;
}

export class Reach {
  private readonly out = new Map<string, string[]>();
  private readonly into = new Map<string, string[]>();
  private readonly cache = new Map<string, Map<string, number>>();

  constructor(edges: readonly ReachEdge[]) {
    for (const { source, target } of edges) {
      if (source === target) continue;
      (this.out.get(source) ?? this.out.set(source, []).get(source)!).push(target);
      (this.into.get(target) ?? this.into.set(target, []).get(target)!).push(source);
    }
  }

  /** Fewest moves from `id` to every role it can reach (itself excluded). */
  from(id: string): ReadonlyMap<string, number> {
    return this.bfs(`>${id}`, id, this.out);
  }

  /** Fewest moves from every role that can reach `id` (itself excluded). */
  to(id: string): ReadonlyMap<string, number> {
    return this.bfs(`<${id}`, id, this.into);
  }

  private bfs(key: string, root: string, next: Map<string, string[]>): Map<string, number> {
    const seen = this.cache.get(key);
    if (seen) return seen;
    const dist = new Map([[root, 0]]);
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      for (const v of next.get(u) ?? []) {
        if (dist.has(v)) continue;
        dist.set(v, dist.get(u)! + 1);
        queue.push(v);
      }
    }
    dist.delete(root);
    this.cache.set(key, dist);
    return dist;
  }
}
