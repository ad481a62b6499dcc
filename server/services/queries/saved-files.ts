/** Reads the built-in saved-query library in `cypher/saved/`. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ENGINES, type EngineName } from '../../contract/queries.js';
import { CYPHER_DIR, parseCypherFile, type CypherFile } from '../../cypher-text/cypher-file.js';

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
