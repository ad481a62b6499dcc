/**
 * Checks a route query against the graph and resolves it to node indices.
 * Every problem becomes a RouteQueryError naming the field; unknown roles and
 * families come with "did you mean" suggestions.
 */
import { ROLE_FAMILIES } from '../../contract/graph-data.js';
import type { RoleFamily } from '../../contract/graph-data.js';
import type { Lang } from '../../contract/lang.js';
import type { CompactGraph } from './compact-graph.js';
import { familyIndex } from './compact-graph.js';
import type { RouteConstraints } from './constraints.js';
import { RouteQueryError } from './errors.js';
import { roleLabel } from './diagnose.js';
import { routeMessages } from './messages.js';
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
  /** Language of notes. */
  lang: Lang;
}

/** Validates `query` against `graph`; throws RouteQueryError on the first problem found. */
export function validateRouteQuery(graph: CompactGraph, query: RouteQuery): ResolvedRouteQuery {
  const lang = query.lang ?? 'en';
  const m = routeMessages(lang);
  const name = (v: number) => roleLabel(graph, v, lang);
  const mode = query.mode as string;
  if (!(ROUTE_MODES as readonly string[]).includes(mode)) {
    throw new RouteQueryError('mode', m.mode(ROUTE_MODES, String(mode)));
  }
  const roleIndex = (field: string, id: unknown) => findRole(graph, field, id, lang);
  const integerIn = (field: string, value: number | undefined, fallback: number, min: number, max: number) =>
    integerWithin(field, value, fallback, min, max, lang);
  const from = roleIndex('from', query.from);
  const to = roleIndex('to', query.to);
  if (from === to) throw new RouteQueryError('to', m.sameRole(name(from)));
  const k = integerIn('k', query.k, ROUTE_LIMITS.defaultK, ROUTE_LIMITS.minK, ROUTE_LIMITS.maxK);
  const maxHops = integerIn('maxHops', query.maxHops, ROUTE_LIMITS.defaultMaxHops, ROUTE_LIMITS.minMaxHops, ROUTE_LIMITS.maxMaxHops);
  const minCount = integerIn('minCount', query.minCount, ROUTE_LIMITS.defaultMinCount, 0, Number.MAX_SAFE_INTEGER);

  let via = -1;
  if (query.via !== undefined && query.via !== '') {
    via = roleIndex('via', query.via);
    if (via === from || via === to) throw new RouteQueryError('via', m.viaDiffers(name(via)));
  }

  const avoid: number[] = [];
  for (const id of query.avoid ?? []) {
    const a = roleIndex('avoid', id);
    if (a === from || a === to) throw new RouteQueryError('avoid', m.avoidEnds(name(a)));
    if (a === via) throw new RouteQueryError('avoid', m.avoidVia(name(a)));
    if (!avoid.includes(a)) avoid.push(a);
  }

  let familyNames: RoleFamily[] | null = null;
  if (query.families && query.families.length > 0) {
    familyNames = [];
    for (const f of query.families) {
      if (!(ROLE_FAMILIES as readonly string[]).includes(f)) {
        const suggestions = closestMatches(f, ROLE_FAMILIES.map((id) => ({ id, names: [id] })));
        throw new RouteQueryError('families', m.unknownFamily(f, [...ROLE_FAMILIES]), suggestions);
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
    lang,
  };
}

function findRole(graph: CompactGraph, field: string, id: unknown, lang: Lang): number {
  const m = routeMessages(lang);
  if (typeof id !== 'string' || id === '') throw new RouteQueryError(field, m.roleRequired(field));
  const i = graph.indexOf.get(id);
  if (i !== undefined) return i;
  // Suggestions by name (in the asked language), so a person reads 「カスタマーサポート」, not "customer-support".
  const suggestions = suggestRoleIds(graph, id);
  const names = suggestions.map((s) => roleLabel(graph, graph.indexOf.get(s)!, lang));
  const hint = names.length > 0 ? ` ${m.didYouMean(names)}` : '';
  throw new RouteQueryError(field, `${m.unknownRole(field, id)}${hint}`, suggestions);
}

function integerWithin(field: string, value: number | undefined, fallback: number, min: number, max: number, lang: Lang): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RouteQueryError(field, routeMessages(lang).integer(field, min, max === Number.MAX_SAFE_INTEGER ? null : max, String(value)));
  }
  return value;
}
