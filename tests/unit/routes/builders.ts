/**
 * Route-test builders (over the shared ones in tests/fixtures/graph.ts) and a brute-force route oracle for the route-finder
 * tests. The oracle is written independently of the implementation: it merges
 * datasets with plain Maps and enumerates every simple path by DFS.
 */
import type { History, Role, RoleFamily, Transition } from '../../../server/contract/graph-data.js';
import { buildRole as buildFixtureRole, buildTransition } from '../../fixtures/graph.js';

export { buildTransition };

/**
 * The fixtures' role builder (tests/fixtures/graph.ts) with the id required and the role named by its id
 * (`product-manager` → "product manager", "職種 product-manager"): route messages name roles, and the tests
 * read better as "No route from a to b".
 */
export function buildRole(overrides: Partial<Role> & { id: string }): Role {
  return buildFixtureRole({ name: overrides.id.replace(/-/g, ' '), nameJa: `職種 ${overrides.id}`, ...overrides });
}

let historySeq = 0;
/** A history through `roles`. */
export function buildHistory(roles: string[], overrides: Partial<History> = {}): History {
  historySeq++;
  return { id: `h-${historySeq}`, label: `History ${historySeq}`, labelJa: `経歴${historySeq}`, source: 'test', roles, evidence: [], ...overrides };
}

/** Roles named by id, all in `family` unless listed in `families`. */
export function buildRoles(ids: string[], families: Record<string, RoleFamily> = {}): Role[] {
  return ids.map((id) => buildRole({ id, family: families[id] ?? 'engineering' }));
}

/** Transitions from "a>b:count" strings. */
export function edges(...specs: string[]): Transition[] {
  return specs.map((s) => {
    const [pair, count] = s.split(':');
    const [from, to] = pair!.split('>');
    return buildTransition({ from: from!, to: to!, count: count ? Number(count) : 1 });
  });
}

export interface OracleQuery {
  from: string;
  to: string;
  mode: 'fewest' | 'likely' | 'travelled';
  maxHops: number;
  avoid: string[];
  via?: string;
  families?: RoleFamily[];
  minCount: number;
}

export interface OracleRoute {
  roles: string[];
  hops: number;
  probability: number;
  travellers: number | null;
}

const EPS = 1e-9;
/** Relative float equality used throughout the tests. */
export function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= EPS * Math.max(Math.abs(a), Math.abs(b));
}

function lex(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}

/** -1/0/1: how two oracle routes rank in `mode` ignoring the role-id tie-break. */
export function compareCost(mode: OracleQuery['mode'], a: OracleRoute, b: OracleRoute): number {
  const prob = close(a.probability, b.probability) ? 0 : a.probability > b.probability ? -1 : 1;
  if (mode === 'fewest') return a.hops - b.hops || prob;
  if (mode === 'likely') return prob || a.hops - b.hops;
  return (b.travellers ?? 0) - (a.travellers ?? 0) || prob || a.hops - b.hops;
}

/** Every valid route, ranked: brute force over all simple paths (fewest/likely) or all histories (travelled). */
export function oracleRoutes(roles: Role[], transitions: Transition[], histories: History[], q: OracleQuery): OracleRoute[] {
  const family = new Map(roles.map((r) => [r.id, r.family]));
  const count = new Map<string, number>();
  for (const t of transitions) {
    if (!family.has(t.from) || !family.has(t.to) || t.from === t.to) continue;
    count.set(`${t.from}>${t.to}`, (count.get(`${t.from}>${t.to}`) ?? 0) + t.count);
  }
  const out = new Map<string, number>();
  for (const [key, c] of count) {
    const from = key.split('>')[0]!;
    out.set(from, (out.get(from) ?? 0) + c);
  }
  const prob = (u: string, v: string) => {
    const c = count.get(`${u}>${v}`);
    return c === undefined ? 0 : c / out.get(u)!;
  };
  const valid = (path: string[]) =>
    new Set(path).size === path.length &&
    path.length - 1 <= q.maxHops &&
    !path.some((r) => q.avoid.includes(r)) &&
    (q.via === undefined || path.slice(1, -1).includes(q.via)) &&
    (q.families === undefined || path.every((r) => q.families!.includes(family.get(r)!))) &&
    path.slice(1).every((v, i) => (count.get(`${path[i]}>${v}`) ?? 0) >= q.minCount);
  const routeOf = (path: string[], travellers: number | null): OracleRoute => ({
    roles: path,
    hops: path.length - 1,
    probability: path.slice(1).reduce((p, v, i) => p * prob(path[i]!, v), 1),
    travellers,
  });

  let routes: OracleRoute[] = [];
  if (q.mode === 'travelled') {
    const byKey = new Map<string, { path: string[]; n: number }>();
    for (const h of histories) {
      const a = h.roles.indexOf(q.from);
      if (a < 0) continue;
      const b = h.roles.indexOf(q.to, a + 1);
      if (b < 0) continue;
      // Chronological loop erasure of the slice.
      const path: string[] = [];
      for (const r of h.roles.slice(a, b + 1)) {
        const i = path.indexOf(r);
        if (i >= 0) path.splice(i + 1);
        else path.push(r);
      }
      if (path.some((r) => !family.has(r))) continue;
      const key = path.join('>');
      byKey.set(key, { path, n: (byKey.get(key)?.n ?? 0) + 1 });
    }
    routes = [...byKey.values()].filter((x) => valid(x.path)).map((x) => routeOf(x.path, x.n));
  } else {
    const next = new Map<string, string[]>();
    for (const key of count.keys()) {
      const [u, v] = key.split('>') as [string, string];
      next.set(u, [...(next.get(u) ?? []), v]);
    }
    const walk = (path: string[]) => {
      const u = path.at(-1)!;
      if (u === q.to) {
        if (valid(path)) routes.push(routeOf([...path], null));
        return;
      }
      // Longer paths can never be valid: pruning them keeps the enumeration finite on bigger graphs.
      if (path.length - 1 >= q.maxHops) return;
      for (const v of next.get(u) ?? []) if (!path.includes(v)) walk([...path, v]);
    };
    walk([q.from]);
  }
  return routes.sort((a, b) => compareCost(q.mode, a, b) || lex(a.roles, b.roles));
}

/** Whether any chain of transitions leads from → to, ignoring every constraint. */
export function reachable(transitions: Transition[], from: string, to: string): boolean {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (u === to) return true;
    for (const t of transitions) {
      if (t.from === u && !seen.has(t.to)) {
        seen.add(t.to);
        stack.push(t.to);
      }
    }
  }
  return false;
}
