/**
 * The answer when no chain of recorded moves joins two roles: where one can
 * get from the start (nearest first, with distance), which roles lead into
 * the target (nearest first), and one sentence on why the two sides do not
 * meet. So a "no route" is never a dead end: it names the next questions.
 */
import type { Lang } from '../../contract/lang.js';
import { hopsFrom, reverseBfs } from './bfs.js';
import type { CompactGraph } from './compact-graph.js';
import { roleLabel } from './diagnose.js';
import { routeMessages } from './messages.js';

/** A role at a distance in moves. */
export interface RoleAtDistance {
  id: string;
  hops: number;
}

/** What the no-route answer says. */
export interface NoRoute {
  /** Roles reachable from the start by recorded moves, nearest first (then by id); at most `limit`. */
  reachable: RoleAtDistance[];
  /** How many roles are reachable in all. */
  reachableTotal: number;
  /** Roles from which the target can be reached, nearest first (then by id); at most `limit`. */
  feeders: RoleAtDistance[];
  feedersTotal: number;
  /** Why the two sides do not meet, in the requested language, naming roles by their names. */
  reason: string;
}

/** Roles listed per side at most (the totals say how many there are). */
export const NO_ROUTE_LIST_LIMIT = 100;

/** The no-route answer for `from` → `to` (indices), over every stored move. */
export function noRouteAnswer(graph: CompactGraph, from: number, to: number, lang: Lang, limit = NO_ROUTE_LIST_LIMIT): NoRoute {
  const n = graph.nodeCount;
  const forward = hopsFrom(graph, from);
  const hops = new Int32Array(n);
  const queue = new Int32Array(n);
  reverseBfs(graph, to, new Uint8Array(n).fill(1), 0, n, -1, hops, queue);
  const reachable = listed(graph, forward, from);
  const feeders = listed(graph, hops, to);
  const m = routeMessages(lang);
  const name = (v: number) => roleLabel(graph, v, lang);
  const reasons: string[] = [];
  if (reachable.length === 0) reasons.push(m.noMovesOut(name(from)));
  if (feeders.length === 0) reasons.push(m.noMovesIn(name(to)));
  if (reasons.length === 0) reasons.push(m.apart(name(from), reachable.length, name(to), feeders.length));
  return {
    reachable: reachable.slice(0, limit),
    reachableTotal: reachable.length,
    feeders: feeders.slice(0, limit),
    feedersTotal: feeders.length,
    reason: reasons.join(' '),
  };
}

function listed(graph: CompactGraph, hops: Int32Array, self: number): RoleAtDistance[] {
  const out: RoleAtDistance[] = [];
  for (let v = 0; v < graph.nodeCount; v++) if (v !== self && hops[v]! > 0) out.push({ id: graph.ids[v]!, hops: hops[v]! });
  return out.sort((a, b) => a.hops - b.hops || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
