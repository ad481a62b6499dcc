/**
 * Every Neo4j-dialect Cypher file (portable `<name>.cypher`, `<name>.neo4j.cypher`
 * and the Neo4j schema) passes the editor's check, `lintCypher`: Neo4j's own front
 * end (`lintCypherQuery`) plus our unknown-property check, with no errors and no
 * warnings, given the labels, types and properties of our schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCypher } from '../../client/src/queries/cypher-lint.js';
import { unknownProperties } from '../../client/src/queries/unknown-properties.js';
import { CYPHER_DIR, parseCypherFile, splitStatements } from '../../server/cypher-text/cypher-file.js';

/** Every .cypher file under cypher/, relative paths. */
function cypherFiles(dir = CYPHER_DIR, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cypherFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : e.name.endsWith('.cypher') ? [`${prefix}${e.name}`] : [],
  );
}

const neo4jFiles = cypherFiles().filter((f) => !f.endsWith('.kuzu.cypher') && f !== 'schema/kuzu.cypher');

// The schema as Neo4j would know it, read from the Kùzu DDL so the two cannot drift apart.
const kuzuDdl = readFileSync(path.join(CYPHER_DIR, 'schema', 'kuzu.cypher'), 'utf8');
const propertyKeys = [...new Set([...kuzuDdl.matchAll(/[(,]\s*(\w+)\s+(?:STRING|INT64|DOUBLE|BOOLEAN|DATE)/g)].map((m) => m[1]!))];
const labels = [...kuzuDdl.matchAll(/CREATE NODE TABLE IF NOT EXISTS (\w+)/g)].map((m) => m[1]!);
const relationshipTypes = [...kuzuDdl.matchAll(/CREATE REL TABLE IF NOT EXISTS (\w+)/g)].map((m) => m[1]!);
// fromId/toId are keys of the UNWIND row maps the batched writes take, not stored properties.
// DataVersion {key, version} exists on Neo4j only (Kùzu counts its writes in its one writing process;
// see bump-data-version.neo4j.cypher); its constraint in the Neo4j schema names the label.
const neo4jDdl = readFileSync(path.join(CYPHER_DIR, 'schema', 'neo4j.cypher'), 'utf8');
const neo4jOnlyLabels = [...neo4jDdl.matchAll(/FOR \(\w+:(\w+)\)/g)].map((m) => m[1]!).filter((l) => !labels.includes(l));
expect(neo4jOnlyLabels).toEqual(['DataVersion']);
const dbSchema = { labels: [...labels, ...neo4jOnlyLabels], relationshipTypes, propertyKeys: [...propertyKeys, 'fromId', 'toId', 'key', 'version'] };

/** Parameters a statement uses. */
const usedParams = (text: string) => [...new Set([...text.matchAll(/\$(\w+)/g)].map((m) => m[1]!))];

function lint(text: string) {
  const parameters = Object.fromEntries(usedParams(text).map((p) => [p, null]));
  return lintCypher(text, { ...dbSchema, parameters }).map((d) => `${d.severity}: ${d.message}`);
}

describe('Neo4j-dialect Cypher files', () => {
  it('finds the files to check', () => {
    expect(neo4jFiles).toContain('schema/neo4j.cypher');
    expect(neo4jFiles.filter((f) => f.startsWith('queries/')).length).toBeGreaterThanOrEqual(10);
    expect(neo4jFiles.filter((f) => f.startsWith('saved/')).length).toBeGreaterThanOrEqual(12);
    expect(dbSchema.labels).toEqual(expect.arrayContaining(['Role', 'History', 'SavedQuery']));
    expect(dbSchema.relationshipTypes).toEqual(['TRANSITION']);
  });

  it('the linter does catch mistakes (control)', () => {
    expect(lint('MATCH (r:Role {id: $id} RETURN r')).not.toEqual([]);
    expect(lint('MATCH (r:Rol) RETURN r.nme')).toEqual([
      expect.stringMatching(/^warning: Label Rol is not present/),
      expect.stringMatching(/^warning: nme is not present/),
    ]);
  });

  it.each(neo4jFiles)('%s passes lintCypher', (file) => {
    const { header, text } = parseCypherFile(readFileSync(path.join(CYPHER_DIR, file), 'utf8'));
    const statements = file.startsWith('schema/') ? splitStatements(text) : [text];
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) expect(lint(statement), statement).toEqual([]);
    if (!file.startsWith('schema/')) {
      expect(header.name, 'header names the query').toBe(path.basename(file).replace(/(\.neo4j|\.kuzu)?\.cypher$/, ''));
      for (const key of ['description', 'params', 'columns']) expect(header[key], `header has ${key}`).toBeTruthy();
      // Saved queries are shown to people: they also need titles in both languages.
      if (file.startsWith('saved/')) for (const key of ['title', 'titleja']) expect(header[key], `header has ${key}`).toBeTruthy();
      for (const p of usedParams(text)) expect(header.params, `header declares $${p}`).toContain(p);
    }
  });

  // The property check is ours (see unknown-properties.ts): it must read the real queries, not only toy
  // ones. In every read-only query, each `v.key` whose `v` a pattern binds as a node or relationship (and
  // nothing else rebinds) is caught once misspelt, at its place.
  it('a misspelt property in any read of the real queries is caught', () => {
    let checked = 0;
    for (const file of neo4jFiles.filter((f) => !f.startsWith('schema/'))) {
      const { text } = parseCypherFile(readFileSync(path.join(CYPHER_DIR, file), 'utf8'));
      if (/\b(CREATE|MERGE|SET|REMOVE|DELETE)\b/i.test(text)) continue;
      // Comments blanked out (same length, so offsets hold).
      const code = text.replace(/\/\/[^\n]*/g, (c) => ' '.repeat(c.length));
      for (const m of code.matchAll(/\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b/g)) {
        const [, variable, key] = m as unknown as [string, string, string];
        const entity = new RegExp(`[([]${variable}\\s*[:{)\\]]`).test(code) && !new RegExp(`\\b(AS\\s+${variable}|${variable}\\s+IN)\\b`, 'i').test(code);
        if (!entity || !dbSchema.propertyKeys.includes(key)) continue;
        const at = m.index + variable.length + 1;
        const misspelt = text.slice(0, at) + key + 'Zz' + text.slice(at + key.length);
        expect(unknownProperties(misspelt, dbSchema.propertyKeys), `${file}: ${variable}.${key}Zz`).toEqual([
          expect.objectContaining({ name: `${key}Zz`, from: at, to: at + key.length + 2 }),
        ]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
