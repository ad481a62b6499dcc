/**
 * Finding the columns an importer needs in a file's header, under the names
 * spreadsheets tend to use ("person_id", "Person ID", "personId" are one
 * column).
 */

/** A header cell made comparable: lower case, spaces and hyphens as underscores, camelCase split. */
export function normaliseHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * The index of each wanted column (-1 when absent). `wanted` maps a column's
 * canonical name to the header names accepted for it (canonical name first).
 */
export function findColumns<K extends string>(header: readonly string[], wanted: Record<K, readonly string[]>): Record<K, number> {
  const cells = header.map(normaliseHeader);
  const out = {} as Record<K, number>;
  for (const key of Object.keys(wanted) as K[]) {
    out[key] = cells.findIndex((c) => wanted[key].includes(c));
  }
  return out;
}
