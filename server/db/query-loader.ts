/**
 * Loads Cypher from `cypher/`: each file starts with `// key: value` header lines
 * (name, description, params, columns) followed by the statement. Where the two
 * dialects differ a `<name>.kuzu.cypher` / `<name>.neo4j.cypher` file takes
 * precedence over the portable `<name>.cypher`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineName } from './graph-store.js';
import { ENGINES } from '../contract/queries.js';

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

const cache = new Map<string, CypherFile>();
/** Query name + engine → statement text, so hot paths do not list the directory. */
const resolved = new Map<string, string>();

function readCypher(file: string): CypherFile {
  let parsed = cache.get(file);
  if (!parsed) {
    parsed = parseCypherFile(readFileSync(file, 'utf8'));
    cache.set(file, parsed);
  }
  return parsed;
}

/**
 * The statement named `name` for `engine` from `cypher/queries/`.
 * @throws Error when neither the dialect-specific nor the portable file exists
 */
export function loadQuery(name: string, engine: EngineName, dir = path.join(CYPHER_DIR, 'queries')): string {
  const key = `${dir}\0${name}\0${engine}`;
  let text = resolved.get(key);
  if (text === undefined) {
    const files = readdirSync(dir);
    const file = [`${name}.${engine}.cypher`, `${name}.cypher`].find((f) => files.includes(f));
    if (!file) throw new Error(`No Cypher file for query "${name}" (${engine}) in ${dir}`);
    text = readCypher(path.join(dir, file)).text;
    resolved.set(key, text);
  }
  return text;
}

/** The schema statements for `engine` from `cypher/schema/<engine>.cypher`. */
export function loadSchema(engine: EngineName): string[] {
  return splitStatements(readCypher(path.join(CYPHER_DIR, 'schema', `${engine}.cypher`)).text);
}

/** One query of the saved-query library: its header(s) and text per dialect. */
export interface SavedQueryFile {
  name: string;
  /** Per engine: the parsed file that engine runs (a portable file serves both). */
  variants: Partial<Record<EngineName, CypherFile & { file: string }>>;
}

/**
 * The built-in saved-query library in `cypher/saved/`: `<name>.cypher` (both
 * engines) and/or `<name>.kuzu.cypher` / `<name>.neo4j.cypher`, ordered by name.
 * Read fresh on every call (callers keep the result).
 */
export function loadSavedQueryFiles(dir = path.join(CYPHER_DIR, 'saved')): SavedQueryFile[] {
  const byName = new Map<string, SavedQueryFile>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort()) {
    const m = /^(.+?)(?:\.(kuzu|neo4j))?\.cypher$/.exec(file)!;
    const name = m[1]!;
    const engines: EngineName[] = m[2] ? [m[2] as EngineName] : [...ENGINES];
    const entry = byName.get(name) ?? { name, variants: {} };
    const parsed = { ...parseCypherFile(readFileSync(path.join(dir, file), 'utf8')), file };
    // A dialect-specific file wins over the portable one, whatever the order.
    for (const engine of engines) if (m[2] || !entry.variants[engine]) entry.variants[engine] = parsed;
    byName.set(name, entry);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
