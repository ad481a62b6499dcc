/**
 * Notes for empty results: which limit cut the routes off. Each active
 * constraint is lifted in turn (all others kept); every constraint whose
 * lifting alone brings a route back is reported, with a detail taken from the
 * route that appears. Existence checks always run in `fewest` mode (existence
 * does not depend on ranking, and its bounds are the cheapest to compute).
 */
import { ROLE_FAMILIES } from '../../contract/graph-data.js';
import { forwardHops } from './bfs.js';
import type { CompactGraph } from './compact-graph.js';
import { allowedMask, relax, violatedConstraints } from './constraints.js';
import type { ConstraintName, RouteConstraints } from './constraints.js';
import { findEdge } from './compact-graph.js';
import { searchPaths } from './k-paths.js';
import type { TravelledRoute } from './travelled.js';
import { ROUTE_LIMITS } from './types.js';
import type { ResolvedRouteQuery } from './validate-query.js';

const ORDER: readonly ConstraintName[] = ['maxHops', 'avoid', 'via', 'families', 'minCount'];

/** Constraints that can cut anything off in this query (`minCountFloor`: the count every edge has anyway). */
function activeConstraints(c: RouteConstraints, minCountFloor: number): ConstraintName[] {
  return ORDER.filter((name) => {
    switch (name) {
      case 'maxHops':
        return true;
      case 'avoid':
        return c.avoid.length > 0;
      case 'via':
        return c.via >= 0;
      case 'families':
        return c.families !== null;
      case 'minCount':
        return c.minCount > minCountFloor;
    }
  });
}

/**
 * Note for a fewest/likely query that found nothing. `truncated`: the main
 * search hit the budget; `budget`: partial routes still available to the
 * diagnostic searches (shared, so a hard query stays bounded overall).
 */
export function searchNote(graph: CompactGraph, q: ResolvedRouteQuery, truncated: boolean, budget: number): string {
  const { from, to, constraints: c } = q;
  if (forwardHops(graph, from, to, null, 0) < 0) {
    return `No route from ${graph.ids[from]} to ${graph.ids[to]} in the graph: no chain of recorded moves leads there.`;
  }
  const reasons: string[] = [];
  let remaining = budget;
  let diagnosisTruncated = false;
  for (const name of activeConstraints(c, 1)) {
    let path: number[] | undefined;
    // Lifting maxHops only helps below the ceiling; at the ceiling the BFS below says how far the end is.
    if (name !== 'maxHops' || c.maxHops < ROUTE_LIMITS.maxMaxHops) {
      const relaxed = relax(c, name, ROUTE_LIMITS.maxMaxHops);
      const r = searchPaths(graph, { mode: 'fewest', source: from, target: to, constraints: relaxed, k: 1, budget: remaining });
      remaining = Math.max(0, remaining - r.explored);
      diagnosisTruncated ||= r.truncated;
      path = r.paths[0]?.nodes;
    }
    if (path) {
      reasons.push(cutMessage(graph, q, name, path));
    } else if (name === 'maxHops' && c.via < 0) {
      // Beyond the ceiling of 10 moves: plain BFS under the other limits gives the true shortest length.
      const hops = forwardHops(graph, from, to, allowedMask(graph, c), c.minCount);
      if (hops > ROUTE_LIMITS.maxMaxHops) {
        reasons.push(
          `No route within ${moves(c.maxHops)}; the shortest route has ${hops} moves, more than the maximum maxHops of ${ROUTE_LIMITS.maxMaxHops}.`,
        );
      }
    }
  }
  const caveat = truncated
    ? 'The search stopped at its limit of partial routes, so a route meeting every constraint may still exist.'
    : '';
  if (reasons.length > 0) return [...reasons, caveat].filter(Boolean).join(' ');
  if (truncated || diagnosisTruncated) {
    return 'No route found before the search reached its limit of partial routes; the constraints may still allow one — try fewer constraints or a smaller maxHops.';
  }
  return combinedMessage(graph, q, activeConstraints(c, 1));
}

/** Note for a travelled query that kept no route (`candidates` = every history route before constraints). */
export function travelledNote(graph: CompactGraph, q: ResolvedRouteQuery, candidates: readonly TravelledRoute[]): string {
  const { from, to, constraints: c } = q;
  if (candidates.length === 0) {
    return `No stored career history goes from ${graph.ids[from]} to ${graph.ids[to]}, so there is no travelled route (travelled mode does not guess from the transition graph).`;
  }
  const withViolations = candidates.map((r) => ({ r, v: violatedConstraints(graph, r.nodes, c) }));
  const reasons: string[] = [];
  for (const name of activeConstraints(c, -1)) {
    const fixable = withViolations.filter((x) => x.v.length === 1 && x.v[0] === name).map((x) => x.r);
    if (fixable.length === 0) continue;
    // For the hop limit the shortest route is the informative one; otherwise the most travelled.
    fixable.sort((a, b) => (name === 'maxHops' ? a.nodes.length - b.nodes.length : b.travellers - a.travellers));
    reasons.push(cutMessage(graph, q, name, fixable[0]!.nodes, 'travelled '));
  }
  if (reasons.length > 0) return reasons.join(' ');
  return combinedMessage(graph, q, activeConstraints(c, -1), 'travelled ');
}

function combinedMessage(graph: CompactGraph, q: ResolvedRouteQuery, names: readonly ConstraintName[], kind = ''): string {
  const c = q.constraints;
  const parts = names.map((name) => {
    switch (name) {
      case 'maxHops':
        return `maxHops ${c.maxHops}`;
      case 'avoid':
        return `avoid ${c.avoid.map((a) => graph.ids[a]).join(', ')}`;
      case 'via':
        return `via ${graph.ids[c.via]}`;
      case 'families':
        return `families ${q.familyNames?.join(', ')}`;
      case 'minCount':
        return `minCount ${c.minCount}`;
    }
  });
  return `No ${kind}route satisfies all the constraints together (${parts.join('; ')}); lifting any single one is not enough.`;
}

/** One sentence saying how `name` cut off `path` (a route that satisfies every other constraint). */
function cutMessage(graph: CompactGraph, q: ResolvedRouteQuery, name: ConstraintName, path: readonly number[], kind = ''): string {
  const c = q.constraints;
  const ids = graph.ids;
  switch (name) {
    case 'maxHops':
      return `No ${kind}route within ${moves(c.maxHops)}; the shortest ${kind}route has ${moves(path.length - 1)} — raise maxHops.`;
    case 'avoid':
      return `Every ${kind}route passes through an avoided role: ${path.filter((v) => c.avoid.includes(v)).map((v) => ids[v]).join(', ')}.`;
    case 'via':
      return `No ${kind}route through via role ${ids[c.via]} (there are routes that skip it).`;
    case 'families': {
      const allowed = q.familyNames?.join(', ') ?? '';
      const ends: [string, number][] = [
        ['start', q.from],
        ['end', q.to],
        ['via', c.via],
      ];
      for (const [label, v] of ends) {
        if (v >= 0 && !c.families?.includes(graph.family[v]!)) {
          return `The ${label} role ${ids[v]} is in family ${familyName(graph, v)}, which is not among the allowed families (${allowed}); families apply to every role of a route, endpoints included.`;
        }
      }
      const outside = path.filter((v) => !c.families?.includes(graph.family[v]!)).map((v) => `${ids[v]} (${familyName(graph, v)})`);
      return `No ${kind}route whose roles are all in families ${allowed}; the shortest one also needs ${outside.join(', ')}.`;
    }
    case 'minCount': {
      let rarest = Infinity;
      for (let i = 0; i + 1 < path.length; i++) {
        const e = findEdge(graph, path[i]!, path[i + 1]!);
        rarest = Math.min(rarest, e < 0 ? 0 : graph.counts[e]!);
      }
      return `No ${kind}route using transitions seen at least ${c.minCount} times (the best one has a move seen ${rarest} time${rarest === 1 ? '' : 's'}).`;
    }
  }
}

function familyName(graph: CompactGraph, v: number): string {
  return ROLE_FAMILIES[graph.family[v]!] ?? 'unknown';
}

function moves(n: number): string {
  return `${n} move${n === 1 ? '' : 's'}`;
}
