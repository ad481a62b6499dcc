/**
 * Exports: the formats, their file extensions and content types, the query of
 * `GET /api/routes/export`, and the provenance every export carries. The
 * renderers that write the formats are in server/render/.
 */
import { z } from 'zod';
import { decimalInt } from './numbers.js';
import { langParam } from './lang.js';
import { resolvedRouteQuery, ROUTE_LIMITS, routeQuery } from './routes.js';

/** What the server (API and CLI) can export for a route. PNG is drawn in the browser only. */
export const EXPORT_FORMATS = ['svg', 'mermaid', 'graphml', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File extension (without the dot) and HTTP content type of each format. */
export const FORMAT_INFO: Record<ExportFormat | 'png', { extension: string; contentType: string }> = {
  svg: { extension: 'svg', contentType: 'image/svg+xml; charset=utf-8' },
  // Mermaid has no registered media type: plain text, which every tool and browser shows as text.
  mermaid: { extension: 'mmd', contentType: 'text/plain; charset=utf-8' },
  graphml: { extension: 'graphml', contentType: 'application/graphml+xml; charset=utf-8' },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present' },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8' },
  png: { extension: 'png', contentType: 'image/png' },
};

/** File extensions the CLI's `--export FILE` understands, and the format each means. */
export const EXTENSION_FORMATS: Record<string, ExportFormat> = {
  svg: 'svg',
  mmd: 'mermaid',
  mermaid: 'mermaid',
  graphml: 'graphml',
  csv: 'csv',
  json: 'json',
};

/** The sentence a bad or missing `format` gets. */
export const FORMAT_HELP = `format must be one of ${EXPORT_FORMATS.join(', ')} (PNG is made in the browser: Export → PNG).`;

/** Query parameters of `GET /api/routes/export`: the route query plus what and how to export. */
export const routeExportQuery = z.strictObject({
  ...routeQuery.shape,
  format: z.enum(EXPORT_FORMATS, { message: FORMAT_HELP }),
  /** Which of the routes found (1 = best). */
  route: decimalInt(z.number().min(1, 'must be at least 1').max(ROUTE_LIMITS.maxK, `must be at most ${ROUTE_LIMITS.maxK}`)).default(1),
  /** Language of the diagram's words: en or ja (an unknown one is English, not an error; the HTTP layer fills it from Accept-Language). */
  lang: langParam,
  /** Path diagram (svg) only. */
  direction: z.enum(['auto', 'lr', 'tb'], { message: 'must be auto, lr or tb' }).default('auto'),
  background: z.enum(['white', 'transparent'], { message: 'must be white or transparent' }).default('white'),
});
export type RouteExportParams = z.infer<typeof routeExportQuery>;

/** The route query as the route API understood it (with defaults filled in). */
export const provenanceQuery = resolvedRouteQuery;
export type ProvenanceQuery = z.infer<typeof provenanceQuery>;

/**
 * Provenance carried inside every export: which route query produced it, from
 * which data version, when, and from what source. Written into SVG
 * `<metadata>`, PNG text chunks, a `provenance` field of the JSON formats,
 * comments in Mermaid and GraphML, and columns of the CSV.
 */
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
