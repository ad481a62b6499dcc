/**
 * Route finding over an in-memory snapshot of the transition graph.
 *
 * Typical use: `const graph = buildCompactGraph(roles, transitions, histories)`
 * whenever the stored graph changes, then `findRoutes(graph, query)` per
 * request (throws RouteQueryError → HTTP 400).
 */
export { buildCompactGraph, buildCompactGraphAsync, findEdge, familyIndex, UNKNOWN_FAMILY } from './compact-graph.js';
export type { CompactGraph, CompactGraphOptions, EdgeWeights } from './compact-graph.js';
export type { TravelIndex } from './travel-index.js';
export { findRoutes } from './route-finder.js';
export type { FindRoutesOptions } from './route-finder.js';
export { RouteQueryError } from './errors.js';
export { validateRouteQuery } from './validate-query.js';
export type { ResolvedRouteQuery } from './validate-query.js';
export { suggestRoleIds, normaliseName } from './suggest.js';
export { DEFAULT_SEARCH_BUDGET } from './k-paths.js';
export { ROUTE_LIMITS, ROUTE_MODES } from './types.js';
export type { Route, RouteMode, RouteQuery, RouteResult, RouteStep } from './types.js';
