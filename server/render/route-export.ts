/**
 * The input of a route export, built once for the server (API and CLI) and the
 * browser: the chosen route of an answer with its provenance (query, data
 * version, time, source). Pure.
 */
import type { ExportProvenance } from '../contract/export.js';
import type { RouteResponse } from '../contract/routes.js';
import { routeSources, type ExportLang, type RoleInfo, type RouteExport } from './model.js';
import { describeSource } from './provenance.js';

export interface RouteExportSource {
  /** The route answer. */
  answer: Pick<RouteResponse, 'routes' | 'query' | 'dataVersion' | 'datasets'>;
  /** Which of its routes, 0-based. */
  alt: number;
  /** Names and families of (at least) the roles of the route and its query. */
  roles: ReadonlyMap<string, RoleInfo>;
  lang: ExportLang;
  /** The datasets to name when the answer does not say which it used. */
  datasets: readonly string[];
  exportedAt: Date;
}

/** The export input of route `alt` of the answer, or null when the answer has no such route. */
export function routeExportInput(s: RouteExportSource): RouteExport | null {
  const { answer, alt } = s;
  const route = answer.routes[alt];
  if (!route) return null;
  const provenance: ExportProvenance = {
    generator: 'rolepath',
    scope: 'route',
    query: answer.query,
    route: alt + 1,
    dataVersion: answer.dataVersion,
    exportedAt: s.exportedAt.toISOString(),
    // The datasets the answer was drawn from (not every dataset stored) and what their numbers count.
    source: describeSource(answer.datasets?.used ?? [...s.datasets].sort(), routeSources(route), s.lang, answer.datasets?.unit ?? null),
  };
  return { route, query: answer.query, alt, total: answer.routes.length, roles: s.roles, provenance, lang: s.lang };
}

/** The roles a route export names: the route's and its query's. */
export function routeExportRoleIds(answer: Pick<RouteResponse, 'routes' | 'query'>, alt: number): string[] {
  const q = answer.query;
  return [...(answer.routes[alt]?.roles ?? []), q.from, q.to, ...q.avoid, ...(q.via ? [q.via] : [])];
}
