/**
 * Provenance carried inside every export: which route query produced it, from
 * which data version, when, and from what source. Written into SVG
 * `<metadata>`, PNG text chunks, a `provenance` field of the JSON formats,
 * comments in Mermaid and GraphML, and columns of the CSV. Pure.
 */
import { z } from 'zod';
import { resolvedRouteQuery } from '../routes.js';

/** The route query as the route API understood it (with defaults filled in). */
export const provenanceQuery = resolvedRouteQuery;
export type ProvenanceQuery = z.infer<typeof provenanceQuery>;

export const exportProvenance = z.object({
  generator: z.literal('rolepath'),
  /** What was exported: one route's diagram/data, or the graph as shown in the browser. */
  scope: z.enum(['route', 'view']),
  /** The route query; for a view export, the route highlighted when it was exported (null: none). */
  query: provenanceQuery.nullable(),
  /** Which of the query's routes (1 = best), or null. */
  route: z.number().int().positive().nullable(),
  /** GraphSnapshot.dataVersion of the data the export was drawn from. */
  dataVersion: z.string(),
  /** ISO 8601 time of the export. */
  exportedAt: z.string(),
  /** Where the data comes from, for people. */
  source: z.string(),
});
export type ExportProvenance = z.infer<typeof exportProvenance>;

/** The query as URL parameters of the route API (`from=…&to=…&mode=…`), leaving out empty lists. */
export function queryString(q: ProvenanceQuery): string {
  const p = new URLSearchParams({ from: q.from, to: q.to, mode: q.mode, k: String(q.k), maxHops: String(q.maxHops) });
  if (q.avoid.length) p.set('avoid', q.avoid.join(','));
  if (q.via) p.set('via', q.via);
  if (q.families.length) p.set('families', q.families.join(','));
  p.set('minCount', String(q.minCount));
  if (q.datasets?.length) p.set('datasets', q.datasets.join(','));
  return p.toString();
}

/** A few `key: value` lines for formats that carry provenance as comments. */
export function provenanceLines(p: ExportProvenance): string[] {
  return [
    `generator: ${p.generator} (${p.scope} export)`,
    `query: ${p.query ? queryString(p.query) : '(none)'}`,
    ...(p.route !== null ? [`route: ${p.route}`] : []),
    `data version: ${p.dataVersion}`,
    `exported at: ${p.exportedAt}`,
    `source: ${p.source}`,
  ];
}

/** The human-readable data source: the datasets behind the export and the articles its evidence quotes. */
export function describeSource(datasets: readonly string[], evidenceSources: readonly string[] = []): string {
  const sets = datasets.length ? `dataset${datasets.length === 1 ? '' : 's'} ${datasets.map((d) => `"${d}"`).join(', ')}` : 'no dataset';
  const ev = [...new Set(evidenceSources)];
  const evidence = ev.length ? `; evidence from ${ev.length <= 3 ? ev.join(', ') : `${ev.length} source articles`}` : '';
  return `rolepath career-move graph, ${sets}${evidence}`;
}
