/**
 * Loads the statements the server runs from `cypher/queries/` and the schema
 * from `cypher/schema/` (the file format is server/cypher-text/cypher-file.ts).
 * Where the two dialects differ a `<name>.kuzu.cypher` / `<name>.neo4j.cypher`
 * file takes precedence over the portable `<name>.cypher`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, parseCypherFile, splitStatements, type CypherFile } from '../cypher-text/cypher-file.js';
import type { EngineName } from './graph-store.js';

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
