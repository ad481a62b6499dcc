/** Download file names of exports. Pure; runs in the server, the CLI and the browser. */
import type { ProvenanceQuery } from '../contract/export.js';

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
