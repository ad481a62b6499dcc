/** The messages between the Cypher editor and its worker (cypher-worker.ts). Types only. */

/** The schema the checker and completion know: labels, types, property keys, parameters (name → value). */
export interface EditorSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  parameters: Record<string, unknown>;
}

export type CypherRequest =
  | { id: number; kind: 'lint'; text: string; schema: EditorSchema }
  | { id: number; kind: 'complete'; text: string; offset: number; manual: boolean; schema: EditorSchema };

/** A problem in the text, by character offsets. */
export interface LintDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
}

/** A completion, with its LSP CompletionItemKind number. */
export interface Suggestion {
  label: string;
  kind: number;
  insertText?: string;
  detail?: string;
  info?: string;
}

export type CypherResponse = { id: number; ok: true; result: LintDiagnostic[] | Suggestion[] } | { id: number; ok: false; error: string };
