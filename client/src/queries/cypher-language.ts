/**
 * The editor's Cypher smarts: a client for the checker worker
 * (cypher-worker.ts) and CodeMirror sources for lint and completion built on
 * it. When the worker cannot start or answer in time, completion falls back
 * to the schema and parameter names known here, and lint stays quiet: the
 * server still checks every run.
 */
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { Diagnostic } from '@codemirror/lint';
import type { EditorView } from '@codemirror/view';
import { NODE_LABELS, PROPERTY_KEYS, RELATIONSHIP_TYPES } from './graph-schema.js';
import type { CypherRequest, CypherResponse, EditorSchema, LintDiagnostic, Suggestion } from './cypher-protocol.js';
import type { EngineName } from '../../../server/contract/queries.js';

type Pending = { resolve: (v: LintDiagnostic[] | Suggestion[]) => void; reject: (e: Error) => void };
/** Distributes CypherRequest over its union members, so `Omit` keeps each kind's fields. */
type RequestBody<R> = R extends CypherRequest ? Omit<R, 'id' | 'schema'> : never;

/** Talks to the checker worker; one per editor. */
export class CypherChecker {
  private worker: Worker | null = null;
  private failed = false;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  /** Parameter names with their current values (completion offers them; the checker then knows them). */
  parameters: Record<string, unknown> = {};

  /** The schema as the worker needs it. */
  schema(): EditorSchema {
    return {
      labels: [...NODE_LABELS],
      relationshipTypes: [...RELATIONSHIP_TYPES],
      propertyKeys: [...PROPERTY_KEYS],
      parameters: this.parameters,
    };
  }

  /** False once the worker failed to load (lint is then off and completion uses the local lists). */
  get available(): boolean {
    return !this.failed;
  }

  private start(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    try {
      this.worker = new Worker(new URL('./cypher-worker.ts', import.meta.url), { type: 'module', name: 'cypher-checker' });
    } catch {
      this.failed = true;
      return null;
    }
    this.worker.onmessage = (e: MessageEvent<CypherResponse>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data.result);
      else p.reject(new Error(e.data.error));
    };
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.failed = true;
      for (const p of this.pending.values()) p.reject(new Error('the Cypher checker could not start'));
      this.pending.clear();
      this.worker?.terminate();
      this.worker = null;
    };
    return this.worker;
  }

  private ask<T extends LintDiagnostic[] | Suggestion[]>(req: RequestBody<CypherRequest>, timeoutMs: number): Promise<T> {
    const worker = this.start();
    if (!worker) return Promise.reject(new Error('the Cypher checker is not available'));
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error('the Cypher checker took too long'));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      worker.postMessage({ ...req, id, schema: this.schema() } as CypherRequest);
    });
  }

  /** Neo4j's diagnostics for `text` (the first call loads the checker, hence the long time limit). */
  lint(text: string): Promise<LintDiagnostic[]> {
    return this.ask({ kind: 'lint', text }, 20_000);
  }

  complete(text: string, offset: number, manual: boolean): Promise<Suggestion[]> {
    return this.ask({ kind: 'complete', text, offset, manual }, 3_000);
  }

  /** Loads the checker ahead of the first keystroke. */
  warmUp(): void {
    this.lint('RETURN 1').catch(() => undefined);
  }

  destroy(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pending.clear();
  }
}

/** LSP CompletionItemKind → CodeMirror completion type (its icon). */
const KIND: Record<number, string> = { 2: 'method', 3: 'function', 6: 'variable', 10: 'property', 14: 'keyword', 15: 'text', 20: 'enum', 23: 'keyword', 25: 'type' };

/** A few clauses for when the checker is not there. */
const KEYWORDS = [
  'MATCH', 'OPTIONAL MATCH', 'WHERE', 'WITH', 'RETURN', 'ORDER BY', 'SKIP', 'LIMIT', 'UNWIND', 'AS', 'DISTINCT', 'AND', 'OR', 'NOT',
  'IN', 'IS NULL', 'IS NOT NULL', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'count', 'collect', 'min', 'max', 'length', 'nodes', 'relationships',
];

/**
 * Completions from the schema known here, where the context is plain from the
 * text: labels after `(x:`, types after `[r:`, properties after `.`,
 * parameters after `$`. Null elsewhere.
 */
function schemaOptions(before: string, parameters: readonly string[]): Completion[] | null {
  if (/\$\w*$/.test(before)) return parameters.map((p) => ({ label: p, displayLabel: `$${p}`, type: 'variable' }));
  if (/(?:^|[^\w$])[A-Za-z_]\w*\.\w*$/.test(before)) return PROPERTY_KEYS.map((p) => ({ label: p, type: 'property' }));
  if (/\[[^\](){}]*:\w*$/.test(before)) return RELATIONSHIP_TYPES.map((r) => ({ label: r, type: 'type' }));
  if (/\([^)[\]{}]*:\w*$/.test(before)) return NODE_LABELS.map((l) => ({ label: l, type: 'type' }));
  return null;
}

function toCompletion(s: Suggestion): Completion {
  const c: Completion = { label: s.label, type: KIND[s.kind] ?? 'text' };
  // Parameters come as "$name" with insertText "name" once a "$" is typed: filter and insert by the name.
  if (s.insertText && s.insertText !== s.label) {
    if (s.label.startsWith('$') && !s.insertText.startsWith('$')) {
      c.label = s.insertText;
      c.displayLabel = s.label;
    } else c.apply = s.insertText;
  }
  if (s.detail) c.detail = s.detail;
  if (s.info) c.info = s.info;
  return c;
}

/**
 * The CodeMirror completion source: the schema's names where the context is
 * plain (instant, and exactly our labels, types, properties and parameters),
 * otherwise Neo4j's context-aware completion (keywords, variables…) from the
 * worker, or a few clauses when the worker is not there.
 */
export function completionSource(checker: CypherChecker) {
  return async (ctx: CompletionContext): Promise<CompletionResult | null> => {
    const word = ctx.matchBefore(/\w*/);
    const before = ctx.state.sliceDoc(Math.max(0, ctx.pos - 200), ctx.pos);
    const from = word ? word.from : ctx.pos;
    const schema = schemaOptions(before, Object.keys(checker.parameters));
    if (schema) return schema.length ? { from, options: schema, validFor: /^\w*$/ } : null;
    if (!ctx.explicit && (!word || word.from === word.to)) return null;
    let options: Completion[];
    try {
      if (!checker.available) throw new Error('no checker');
      options = (await checker.complete(ctx.state.doc.toString(), ctx.pos, ctx.explicit)).map(toCompletion);
    } catch {
      options = KEYWORDS.map((k) => ({ label: k, type: 'keyword' }));
    }
    if (ctx.aborted) return null;
    // No validFor: the next keystroke asks again, as the context may change with it.
    return options.length ? { from, options } : null;
  };
}

/** A problem the server reported for the text as it was run (cleared once the text changes). */
export interface ServerProblem {
  text: string;
  from: number;
  to: number;
  message: string;
}

/**
 * The CodeMirror lint source: Neo4j's checker, whose findings are errors on
 * Neo4j and warnings on Kùzu (whose Cypher differs: the server is the judge
 * there), plus the problem the server reported for the last run.
 */
export function lintSource(checker: CypherChecker, opts: { engine: () => EngineName; note: () => string; server: () => ServerProblem | null }) {
  return async (view: EditorView): Promise<Diagnostic[]> => {
    const text = view.state.doc.toString();
    const out: Diagnostic[] = [];
    const server = opts.server();
    if (server && server.text === text) {
      out.push({ from: server.from, to: Math.max(server.to, server.from), severity: 'error', message: server.message, source: 'server' });
    }
    if (!text.trim() || !checker.available) return out;
    try {
      const found = await checker.lint(text);
      if (view.state.doc.toString() !== text) return out;
      const kuzu = opts.engine() === 'kuzu';
      for (const d of found) {
        const from = Math.min(Math.max(0, d.from), text.length);
        out.push({
          from,
          to: Math.min(Math.max(from, d.to), text.length),
          severity: kuzu ? 'warning' : d.severity,
          message: kuzu ? `${opts.note()} ${d.message}` : d.message,
          source: 'Neo4j Cypher',
        });
      }
    } catch {
      // The checker is optional: without it the server's answer is all there is.
    }
    return out;
  };
}
