/**
 * Checks a route query against the graph and resolves it to node indices.
 * Every problem becomes a RouteQueryError naming the field; unknown roles and
 * families come with "did you mean" suggestions.
 */
import { ROLE_FAMILIES } from '../../contract/graph-data.js';
import type { RoleFamily } from '../../contract/graph-data.js';
import type { CompactGraph } from './compact-graph.js';
import { familyIndex } from './compact-graph.js';
import type { RouteConstraints } from './constraints.js';
import { RouteQueryError } from './errors.js';
import { closestMatches, suggestRoleIds } from './suggest.js';
import { ROUTE_LIMITS, ROUTE_MODES } from './types.js';
import type { RouteMode, RouteQuery } from './types.js';

/** A valid query in index form. */
export interface ResolvedRouteQuery {
  mode: RouteMode;
  from: number;
  to: number;
  k: number;
  constraints: RouteConstraints;
  /** Allowed families by name (null = any), for messages. */
  familyNames: RoleFamily[] | null;
}

/** Validates `query` against `graph`; throws RouteQueryError on the first problem found. */
export function validateRouteQuery(graph: CompactGraph, query: RouteQuery): ResolvedRouteQuery {
  const mode = query.mode as string;
  if (!(ROUTE_MODES as readonly string[]).includes(mode)) {
    throw new RouteQueryError('mode', `mode must be one of ${ROUTE_MODES.join(', ')}; got "${String(mode)}".`);
  }
  const from = roleIndex(graph, 'from', query.from);
  const to = roleIndex(graph, 'to', query.to);
  if (from === to) throw new RouteQueryError('to', `from and to are the same role (${query.from}); pick two different roles.`);
  const k = integerIn('k', query.k, ROUTE_LIMITS.defaultK, ROUTE_LIMITS.minK, ROUTE_LIMITS.maxK);
  const maxHops = integerIn('maxHops', query.maxHops, ROUTE_LIMITS.defaultMaxHops, ROUTE_LIMITS.minMaxHops, ROUTE_LIMITS.maxMaxHops);
  const minCount = integerIn('minCount', query.minCount, ROUTE_LIMITS.defaultMinCount, 0, Number.MAX_SAFE_INTEGER);

  let via = -1;
  if (query.via !== undefined && query.via !== '') {
    via = roleIndex(graph, 'via', query.via);
    if (via === from || via === to) {
      throw new RouteQueryError('via', `via (${query.via}) must differ from from and to: it is a role passed on the way.`);
    }
  }

  const avoid: number[] = [];
  for (const id of query.avoid ?? []) {
    const a = roleIndex(graph, 'avoid', id);
    if (a === from || a === to) throw new RouteQueryError('avoid', `avoid cannot contain the start or end role (${id}).`);
    if (a === via) throw new RouteQueryError('avoid', `avoid cannot contain the via role (${id}).`);
    if (!avoid.includes(a)) avoid.push(a);
  }

  let familyNames: RoleFamily[] | null = null;
  if (query.families && query.families.length > 0) {
    familyNames = [];
    for (const f of query.families) {
      if (!(ROLE_FAMILIES as readonly string[]).includes(f)) {
        const suggestions = closestMatches(f, ROLE_FAMILIES.map((id) => ({ id, names: [id] })));
        throw new RouteQueryError(
          'families',
          `Unknown role family "${f}"; families are ${ROLE_FAMILIES.join(', ')}.`,
          suggestions,
        );
      }
      if (!familyNames.includes(f as RoleFamily)) familyNames.push(f as RoleFamily);
    }
  }

  return {
    mode: mode as RouteMode,
    from,
    to,
    k,
    constraints: { maxHops, avoid, via, families: familyNames ? familyNames.map(familyIndex) : null, minCount },
    familyNames,
  };
}

function roleIndex(graph: CompactGraph, field: string, id: unknown): number {
  if (typeof id !== 'string' || id === '') throw new RouteQueryError(field, `${field} must be a role id.`);
  const i = graph.indexOf.get(id);
  if (i !== undefined) return i;
  const suggestions = suggestRoleIds(graph, id);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : '';
  throw new RouteQueryError(field, `Unknown role "${id}" in ${field}.${hint}`, suggestions);
}

function integerIn(field: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    throw new RouteQueryError(field, `${field} must be ${range}; got ${String(value)}.`);
  }
  return value;
}
