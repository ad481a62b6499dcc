/**
 * A Web Worker running Neo4j's Cypher front end (@neo4j-cypher/language-support):
 * lint and autocompletion for the editor. It is large (the parser plus the
 * semantic analysis, several MB) and its first call takes a moment, so it
 * runs here, loaded only when the editor opens, and never blocks typing.
 *
 * The package is 2.0.0-next.20, the last whose `engines` include our Node 20
 * (later ones declare Node ≥ 22.15, then ≥ 24.11.1, and `npm ci` warns EBADENGINE);
 * the unknown-property warning it lacks is ours (cypher-lint.ts).
 *
 * Messages: CypherRequest in, CypherResponse out (see cypher-protocol.ts).
 */
import { autocomplete, type DbSchema } from '@neo4j-cypher/language-support';
import { lintCypher } from './cypher-lint.js';
import type { CypherRequest, CypherResponse, EditorSchema, Suggestion } from './cypher-protocol.js';

// The DOM lib types `self` as a Window; in a worker it is the worker scope.
const scope = self as unknown as { postMessage(message: CypherResponse): void; onmessage: ((e: MessageEvent<CypherRequest>) => void) | null };

/** The schema as the checker takes it. */
const dbSchema = ({ labels, relationshipTypes, propertyKeys, parameters }: EditorSchema): DbSchema => ({ labels, relationshipTypes, propertyKeys, parameters });

function complete(text: string, offset: number, schema: EditorSchema, manual: boolean): Suggestion[] {
  return autocomplete(text, dbSchema(schema), offset, manual).map((i) => ({
    label: i.label,
    kind: i.kind ?? 0,
    ...(i.insertText ? { insertText: i.insertText } : {}),
    ...(i.detail ? { detail: i.detail } : {}),
    ...(i.documentation && typeof i.documentation === 'string' ? { info: i.documentation } : {}),
  }));
}

scope.onmessage = (e) => {
  const req = e.data;
  try {
    const result = req.kind === 'lint' ? lintCypher(req.text, dbSchema(req.schema)) : complete(req.text, req.offset, req.schema, req.manual);
    scope.postMessage({ id: req.id, ok: true, result });
  } catch (err) {
    scope.postMessage({ id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
