/**
 * Public shapes of the route finder: the query it accepts, the routes it
 * returns and its limits. Kept free of any runtime dependency so the HTTP layer
 * and the client contract can mirror them.
 */
import type { Evidence, TransitionKind } from '../../contract/graph-data.js';
import type { Lang } from '../../contract/lang.js';
import type { NoRoute } from './no-route.js';

import type { RouteModeName } from '../../contract/routes.js';

/** How routes are ranked; the modes and the query's bounds are the route contract's. */
export { ROUTE_LIMITS, ROUTE_MODES } from '../../contract/routes.js';
export type RouteMode = RouteModeName;

/**
 * A route query as it arrives (already parsed from JSON/query string, not yet
 * checked against the graph). `validateRouteQuery` turns it into a
 * `ResolvedRouteQuery` or throws a `RouteQueryError`.
 */
export interface RouteQuery {
  /** Start role id. */
  from: string;
  /** End role id. */
  to: string;
  /** fewest = fewest moves, likely = highest product of step probabilities, travelled = seen in career histories. */
  mode: RouteMode;
  /** Number of routes wanted, 1..20 (default 3). */
  k?: number;
  /** Longest route allowed in moves, 1..10 (default 6). */
  maxHops?: number;
  /** Role ids the route must never contain (not the start, end or via role). */
  avoid?: readonly string[];
  /** A role the route must pass through (as an intermediate role). */
  via?: string;
  /**
   * `RoleFamily` values: every role on the route, endpoints and via included,
   * must belong to one of them. Absent or empty = no restriction.
   */
  families?: readonly string[];
  /** Ignore transitions whose merged count is below this (integer ≥ 0, default 1). */
  minCount?: number;
  /** Language of the note and error messages (default English). */
  lang?: Lang;
}

/** One move of a route, with the merged transition data behind it. */
export interface RouteStep {
  from: string;
  to: string;
  /** Count summed over every dataset holding this move (0 if a history step has no stored transition). */
  count: number;
  /** p(to | from) over the merged counts. */
  probability: number;
  /** What the move is (a move people made, an author's recommendation, an organisational split), over every merged transition; empty when none is stored. */
  kinds: TransitionKind[];
  /** Union of the skills of every merged transition, in first-seen order. */
  skills: string[];
  /** The same skills in Japanese (an untranslated one as is); present only when some transition has Japanese skills. */
  skillsJa?: string[];
  /** Evidence of every merged transition, concatenated in dataset input order. */
  evidence: Evidence[];
}

/** A simple (loopless) path of roles. */
export interface Route {
  roles: string[];
  /** Number of moves = roles.length - 1. */
  hops: number;
  /** Product of the step probabilities. */
  probability: number;
  /** travelled mode: how many career histories took exactly this route; null in other modes. */
  travellers: number | null;
  steps: RouteStep[];
}

/** The answer to a route query. */
export interface RouteResult {
  /** At most k routes, best first. */
  routes: Route[];
  /** Empty when routes were found; otherwise why none were (which limit cut them off). */
  note: string;
  /** When no chain of recorded moves joins the two roles at all: what is reachable, what leads in, and why they do not meet. */
  noRoute: NoRoute | null;
}
