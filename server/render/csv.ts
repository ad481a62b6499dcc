/**
 * CSV of a route's steps, one row per move (RFC 4180: quoted where needed,
 * CRLF line ends), with a UTF-8 byte-order mark so spreadsheet programs read
 * the Japanese names correctly. The provenance is in every row's last
 * columns: CSV has no comment syntax every reader agrees on. Pure.
 */
import type { RouteDto } from '../contract/routes.js';
import { roleOf, type RoleInfo } from './model.js';
import type { ExportProvenance } from '../contract/export.js';
import { queryString } from './provenance.js';

export const CSV_COLUMNS = [
  'step',
  'from_id',
  'from_name',
  'from_name_ja',
  'to_id',
  'to_name',
  'to_name_ja',
  'accounts',
  'probability',
  'kind',
  'skills',
  'evidence_sources',
  'route_query',
  'route_number',
  'data_version',
  'exported_at',
] as const;

/** First characters a spreadsheet takes as the start of a formula (ASCII and full-width). */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (starting with
 * = + - @ or a control character) gets a leading apostrophe (OWASP's advice).
 * The full-width ＝ ＋ － ＠ count too: Japanese spreadsheet software reads
 * them as the ASCII signs when it parses a cell.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The steps of `route` as CSV text (with BOM). */
export function routeCsv(route: RouteDto, roles: ReadonlyMap<string, RoleInfo>, provenance: ExportProvenance): string {
  const query = provenance.query ? queryString(provenance.query) : '';
  const rows = route.steps.map((s, i) => {
    const [a, b] = [roleOf(roles, s.from), roleOf(roles, s.to)];
    return [
      i + 1,
      a.id,
      a.name,
      a.nameJa,
      b.id,
      b.name,
      b.nameJa,
      s.count,
      Math.round(s.probability * 1e6) / 1e6,
      // What the move is: move (people made it), recommended (an author's recommendation), split; several joined by "; ".
      (s.kinds ?? []).join('; '),
      s.skills.join('; '),
      [...new Set(s.evidence.map((e) => e.source))].join('; '),
      query,
      provenance.route ?? '',
      provenance.dataVersion,
      provenance.exportedAt,
    ];
  });
  return `\ufeff${[[...CSV_COLUMNS], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
