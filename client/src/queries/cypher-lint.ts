/**
 * The editor's Cypher check, in one place for the checker worker (cypher-worker.ts) and the lint
 * test (tests/unit/neo4j-lint.test.ts): Neo4j's front end (`lintCypherQuery`: syntax, semantics,
 * unknown labels, relationship types, parameters and functions) plus the unknown-property check
 * its Node 20 version lacks (unknown-properties.ts). Loads the whole checker (several MB): import
 * it only from the worker and tests.
 */
import { lintCypherQuery, type DbSchema } from '@neo4j-cypher/language-support';
import type { LintDiagnostic } from './cypher-protocol.js';
import { unknownProperties } from './unknown-properties.js';

/** Problems in `text` given the schema (labels, types, property keys, parameters), in text order. */
export function lintCypher(text: string, schema: DbSchema): LintDiagnostic[] {
  const found: LintDiagnostic[] = lintCypherQuery(text, schema, false).map((d) => ({
    from: d.offsets.start,
    to: d.offsets.end,
    // LSP severities: 1 error, 2 warning.
    severity: d.severity === 1 ? 'error' : 'warning',
    message: typeof d.message === 'string' ? d.message : d.message.value,
  }));
  const properties = schema.propertyKeys ? unknownProperties(text, schema.propertyKeys) : [];
  for (const p of properties) found.push({ from: p.from, to: p.to, severity: 'warning', message: p.message });
  return found.sort((a, b) => a.from - b.from || a.to - b.to || a.message.localeCompare(b.message));
}
