/**
 * The `.cypher` file format of `cypher/`: `// key: value` header lines (name,
 * description, params, columns) followed by the statement(s). Read by
 * server/db/query-loader.ts (the server's own queries and schema) and by the
 * saved-query library (server/services/queries).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's `cypher/` directory. */
export const CYPHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'cypher');

/** A parsed `.cypher` file. */
export interface CypherFile {
  /** Header fields, keys lower-cased (`name`, `description`, `params`, `columns`, …). */
  header: Record<string, string>;
  /** The Cypher text without the header comments. */
  text: string;
}

/** Splits a `.cypher` file into its `// key: value` header and the statement text. */
export function parseCypherFile(source: string): CypherFile {
  const header: Record<string, string> = {};
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith('//')) break;
    const m = /^\/\/\s*([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (m) header[m[1]!.toLowerCase()] = m[2]!.trim();
  }
  return { header, text: lines.slice(i).join('\n').trim() };
}

/** Splits a multi-statement file (schema DDL) on semicolons at line ends. */
export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
