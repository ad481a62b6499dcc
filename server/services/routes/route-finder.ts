/**
 * Route finding between roles over a CompactGraph snapshot: validation, the
 * three ranking modes and the explanatory note. Pure and synchronous — no
 * Express, database or file system — so the HTTP layer can call it directly
 * and tests can check it against brute force.
 */
import type { CompactGraph } from './compact-graph.js';
import { violatedConstraints } from './constraints.js';
import { forwardHops } from './bfs.js';
import { searchNote, travelledNote } from './diagnose.js';
import { routeMessages } from './messages.js';
import { noRouteAnswer } from './no-route.js';
import { describeRoute, routeProbability } from './explain.js';
import { DEFAULT_SEARCH_BUDGET, searchPaths } from './k-paths.js';
import { compareNodeSeqs } from './ranking.js';
import { collectTravelledRoutes } from './travelled.js';
import type { RouteQuery, RouteResult } from './types.js';
import { validateRouteQuery } from './validate-query.js';
import type { ResolvedRouteQuery } from './validate-query.js';

/** Tuning knobs, mainly for tests. */
export interface FindRoutesOptions {
  /**
   * Partial routes the query may create in total, diagnostics included, before
   * giving up (default DEFAULT_SEARCH_BUDGET): bounds the time one query can
   * hold the event loop even when the constraints make it hard.
   */
  budget?: number;
}

/**
 * Finds up to k routes from `query.from` to `query.to`.
 *
 * - fewest: fewest moves; routes tied on moves come most likely first, then
 *   further alternatives by (moves, probability desc), ties by role ids.
 * - likely: highest product of step probabilities (least Σ −ln p), then fewer
 *   moves, then role ids.
 * - travelled: routes found in career histories (see travelled.ts), by number
 *   of travellers, then probability, moves, role ids.
 *
 * All routes are simple paths within every constraint (see constraints.ts).
 * `note` is empty when routes were found, except when the search hit its
 * safety budget (then it says the list may be incomplete).
 *
 * @throws RouteQueryError for an invalid query (unknown role or family, from = to, value out of range…).
 */
export function findRoutes(graph: CompactGraph, query: RouteQuery, options: FindRoutesOptions = {}): RouteResult {
  const q = validateRouteQuery(graph, query);
  if (q.mode === 'travelled') return findTravelled(graph, q);
  const budget = options.budget ?? DEFAULT_SEARCH_BUDGET;
  const result = searchPaths(graph, {
    mode: q.mode,
    source: q.from,
    target: q.to,
    constraints: q.constraints,
    k: q.k,
    // A quarter stays in reserve so the note can still say which limit bites.
    budget: Math.ceil(budget * 0.75),
  });
  const routes = result.paths.map((p) => describeRoute(graph, p.nodes, null));
  if (routes.length > 0) {
    const note = result.truncated ? routeMessages(q.lang).truncatedFound : '';
    return { routes, note, noRoute: null };
  }
  return { routes, note: searchNote(graph, q, result.truncated, Math.max(0, budget - result.explored)), noRoute: noRoute(graph, q) };
}

/** The no-route answer when no chain of moves at all joins the two roles (null when one does: then a limit cut it off). */
function noRoute(graph: CompactGraph, q: ResolvedRouteQuery) {
  return forwardHops(graph, q.from, q.to, null, 0) < 0 ? noRouteAnswer(graph, q.from, q.to, q.lang) : null;
}

function findTravelled(graph: CompactGraph, q: ResolvedRouteQuery): RouteResult {
  const candidates = collectTravelledRoutes(graph, q.from, q.to);
  const kept = candidates
    .filter((r) => violatedConstraints(graph, r.nodes, q.constraints).length === 0)
    .map((r) => ({ ...r, probability: routeProbability(graph, r.nodes) }));
  kept.sort((a, b) => {
    if (a.travellers !== b.travellers) return b.travellers - a.travellers;
    // Relative tolerance: products taken in a different order may differ in the last bits.
    if (Math.abs(a.probability - b.probability) > 1e-9 * Math.max(a.probability, b.probability)) {
      return b.probability - a.probability;
    }
    return a.nodes.length - b.nodes.length || compareNodeSeqs(a.nodes, b.nodes);
  });
  const routes = kept.slice(0, q.k).map((r) => describeRoute(graph, r.nodes, r.travellers));
  if (routes.length > 0) return { routes, note: '', noRoute: null };
  return { routes, note: travelledNote(graph, q, candidates), noRoute: noRoute(graph, q) };
}
