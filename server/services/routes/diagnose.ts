/**
 * Notes for empty results: which limit cut the routes off. Each active
 * constraint is lifted in turn (all others kept); every constraint whose
 * lifting alone brings a route back is reported, with a detail taken from the
 * route that appears. Existence checks always run in `fewest` mode (existence
 * does not depend on ranking, and its bounds are the cheapest to compute).
 */
import { ROLE_FAMILIES } from '../../contract/graph-data.js';
import type { Lang } from '../../contract/lang.js';
import { forwardHops } from './bfs.js';
import type { CompactGraph } from './compact-graph.js';
import { allowedMask, relax, violatedConstraints } from './constraints.js';
import type { ConstraintName, RouteConstraints } from './constraints.js';
import { findEdge } from './compact-graph.js';
import { searchPaths } from './k-paths.js';
import type { TravelledRoute } from './travelled.js';
import { ROUTE_LIMITS } from './types.js';
import { familyLabel, routeMessages } from './messages.js';
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

/** The role at index `v` by its name in `lang` (its id only if it has no name). */
export function roleLabel(graph: CompactGraph, v: number, lang: Lang): string {
  const r = graph.roles[v];
  return (lang === 'ja' ? r?.nameJa : r?.name) || graph.ids[v]!;
}

/**
 * Note for a fewest/likely query that found nothing. `truncated`: the main
 * search hit the budget; `budget`: partial routes still available to the
 * diagnostic searches (shared, so a hard query stays bounded overall).
 */
export function searchNote(graph: CompactGraph, q: ResolvedRouteQuery, truncated: boolean, budget: number): string {
  const { from, to, constraints: c, lang } = q;
  const m = routeMessages(lang);
  const name = (v: number) => roleLabel(graph, v, lang);
  if (forwardHops(graph, from, to, null, 0) < 0) return m.noChain(name(from), name(to));
  const reasons: string[] = [];
  let remaining = budget;
  let diagnosisTruncated = false;
  for (const cname of activeConstraints(c, 1)) {
    let path: number[] | undefined;
    // Lifting maxHops only helps below the ceiling; at the ceiling the BFS below says how far the end is.
    if (cname !== 'maxHops' || c.maxHops < ROUTE_LIMITS.maxMaxHops) {
      const relaxed = relax(c, cname, ROUTE_LIMITS.maxMaxHops);
      const r = searchPaths(graph, { mode: 'fewest', source: from, target: to, constraints: relaxed, k: 1, budget: remaining });
      remaining = Math.max(0, remaining - r.explored);
      diagnosisTruncated ||= r.truncated;
      path = r.paths[0]?.nodes;
    }
    if (path) {
      reasons.push(cutMessage(graph, q, cname, path));
    } else if (cname === 'maxHops' && c.via < 0) {
      // Beyond the ceiling of 10 moves: plain BFS under the other limits gives the true shortest length.
      const hops = forwardHops(graph, from, to, allowedMask(graph, c), c.minCount);
      if (hops > ROUTE_LIMITS.maxMaxHops) reasons.push(m.beyondCeiling(c.maxHops, hops, ROUTE_LIMITS.maxMaxHops));
    }
  }
  const caveat = truncated ? m.truncatedCaveat : '';
  if (reasons.length > 0) return [...reasons, caveat].filter(Boolean).join(' ');
  if (truncated || diagnosisTruncated) return m.truncatedNothing;
  return combinedMessage(graph, q, activeConstraints(c, 1));
}

/** Note for a travelled query that kept no route (`candidates` = every history route before constraints). */
export function travelledNote(graph: CompactGraph, q: ResolvedRouteQuery, candidates: readonly TravelledRoute[]): string {
  const { from, to, constraints: c, lang } = q;
  if (candidates.length === 0) return routeMessages(lang).noHistory(roleLabel(graph, from, lang), roleLabel(graph, to, lang));
  const withViolations = candidates.map((r) => ({ r, v: violatedConstraints(graph, r.nodes, c) }));
  const reasons: string[] = [];
  for (const name of activeConstraints(c, -1)) {
    const fixable = withViolations.filter((x) => x.v.length === 1 && x.v[0] === name).map((x) => x.r);
    if (fixable.length === 0) continue;
    // For the hop limit the shortest route is the informative one; otherwise the most travelled.
    fixable.sort((a, b) => (name === 'maxHops' ? a.nodes.length - b.nodes.length : b.travellers - a.travellers));
    reasons.push(cutMessage(graph, q, name, fixable[0]!.nodes, true));
  }
  if (reasons.length > 0) return reasons.join(' ');
  return combinedMessage(graph, q, activeConstraints(c, -1), true);
}

function combinedMessage(graph: CompactGraph, q: ResolvedRouteQuery, names: readonly ConstraintName[], travelled = false): string {
  const c = q.constraints;
  const m = routeMessages(q.lang);
  const parts = names.map((name) => {
    switch (name) {
      case 'maxHops':
        return m.part.maxHops(c.maxHops);
      case 'avoid':
        return m.part.avoid(c.avoid.map((a) => roleLabel(graph, a, q.lang)));
      case 'via':
        return m.part.via(roleLabel(graph, c.via, q.lang));
      case 'families':
        return m.part.families((q.familyNames ?? []).map((f) => familyLabel(f, q.lang)));
      case 'minCount':
        return m.part.minCount(c.minCount);
    }
  });
  return m.combined(travelled, parts);
}

/** One sentence saying how `name` cut off `path` (a route that satisfies every other constraint). */
function cutMessage(graph: CompactGraph, q: ResolvedRouteQuery, name: ConstraintName, path: readonly number[], travelled = false): string {
  const c = q.constraints;
  const m = routeMessages(q.lang);
  const label = (v: number) => roleLabel(graph, v, q.lang);
  switch (name) {
    case 'maxHops':
      return m.cutMaxHops(travelled, c.maxHops, path.length - 1);
    case 'avoid':
      return m.cutAvoid(travelled, path.filter((v) => c.avoid.includes(v)).map(label));
    case 'via':
      return m.cutVia(travelled, label(c.via));
    case 'families': {
      const allowed = (q.familyNames ?? []).map((f) => familyLabel(f, q.lang));
      const ends: ['start' | 'end' | 'via', number][] = [
        ['start', q.from],
        ['end', q.to],
        ['via', c.via],
      ];
      for (const [end, v] of ends) {
        if (v >= 0 && !c.families?.includes(graph.family[v]!)) {
          return m.cutFamilyEnd(m.endLabel[end], label(v), familyName(graph, v, q.lang), allowed);
        }
      }
      const outside = path.filter((v) => !c.families?.includes(graph.family[v]!)).map((v) => m.outsideRole(label(v), familyName(graph, v, q.lang)));
      return m.cutFamilyPath(travelled, allowed, outside);
    }
    case 'minCount': {
      let rarest = Infinity;
      for (let i = 0; i + 1 < path.length; i++) {
        const e = findEdge(graph, path[i]!, path[i + 1]!);
        rarest = Math.min(rarest, e < 0 ? 0 : graph.counts[e]!);
      }
      return m.cutMinCount(travelled, c.minCount, rarest);
    }
  }
}

function familyName(graph: CompactGraph, v: number, lang: Lang): string {
  return familyLabel(ROLE_FAMILIES[graph.family[v]!], lang);
}
