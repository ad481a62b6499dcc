/**
 * A Web Worker running Neo4j's Cypher front end (@neo4j-cypher/language-support):
 * lint and autocompletion for the editor. It is large (the parser plus the
 * semantic analysis, several MB) and its first call takes a moment, so it
 * runs here, loaded only when the editor opens, and never blocks typing.
 *
 * Messages: CypherRequest in, CypherResponse out (see cypher-protocol.ts).
 */
import { autocomplete, lintCypherQuery, type DbSchema, type SymbolTable } from '@neo4j-cypher/language-support';
import type { CypherRequest, CypherResponse, LintDiagnostic, Suggestion } from './cypher-protocol.js';

// The DOM lib types `self` as a Window; in a worker it is the worker scope.
const scope = self as unknown as { postMessage(message: CypherResponse): void; onmessage: ((e: MessageEvent<CypherRequest>) => void) | null };

/** The last lint's symbol tables: they let completion offer the query's own variables. */
let symbols: { query: string; symbolTables: SymbolTable[] } | undefined;

function lint(text: string, schema: DbSchema): LintDiagnostic[] {
  const result = lintCypherQuery(text, schema, { consoleCommandsEnabled: false });
  symbols = { query: text, symbolTables: result.symbolTables };
  return result.diagnostics.map((d) => ({
    from: d.offsets.start,
    to: d.offsets.end,
    // LSP severities: 1 error, 2 warning.
    severity: d.severity === 1 ? 'error' : 'warning',
    message: typeof d.message === 'string' ? d.message : d.message.value,
  }));
}

function complete(text: string, offset: number, schema: DbSchema, manual: boolean): Suggestion[] {
  const items = autocomplete(text, schema, {
    caretPosition: offset,
    manual,
    consoleCommandsEnabled: false,
    ...(symbols ? { symbolsInfo: symbols } : {}),
  });
  return items.map((i) => ({
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
    const result = req.kind === 'lint' ? lint(req.text, req.schema as DbSchema) : complete(req.text, req.offset, req.schema as DbSchema, req.manual);
    scope.postMessage({ id: req.id, ok: true, result });
  } catch (err) {
    scope.postMessage({ id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
