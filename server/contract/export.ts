/**
 * The export formats, their file extensions and content types, the query of
 * `GET /api/routes/export`, and download file names. Shared by the server,
 * the CLI and the browser. Pure.
 */
import { z } from 'zod';
import { decimalInt } from '../numbers.js';
import { langParam } from '../lang.js';
import { routeQuery } from '../routes.js';
import type { ProvenanceQuery } from './provenance.js';

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
  route: decimalInt(z.number().min(1, 'must be at least 1').max(20, 'must be at most 20')).default(1),
  /** Language of the diagram's words: en or ja (an unknown one is English, not an error; the HTTP layer fills it from Accept-Language). */
  lang: langParam,
  /** Path diagram (svg) only. */
  direction: z.enum(['auto', 'lr', 'tb'], { message: 'must be auto, lr or tb' }).default('auto'),
  background: z.enum(['white', 'transparent'], { message: 'must be white or transparent' }).default('white'),
});
export type RouteExportParams = z.infer<typeof routeExportQuery>;

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'role';

/** `rolepath-customer-support-to-product-manager-likely[-route2].svg` */
export function routeFileName(query: Pick<ProvenanceQuery, 'from' | 'to' | 'mode'>, routeNumber: number, extension: string): string {
  return `rolepath-${slug(query.from)}-to-${slug(query.to)}-${query.mode}${routeNumber > 1 ? `-route${routeNumber}` : ''}.${extension}`;
}

/** `rolepath-graph-2025-06-01-0930.png` for exports of the graph as shown. */
export function viewFileName(exportedAt: string, extension: string): string {
  const stamp = exportedAt.slice(0, 16).replace('T', '-').replace(':', '');
  return `rolepath-graph-${stamp}.${extension}`;
}
