/**
 * The Cypher editor (CodeMirror 6): highlighting (the Cypher stream mode),
 * completion and inline problems from Neo4j's Cypher front end in a worker,
 * the server's own error marked where it points, and Ctrl/⌘+Enter to run.
 * Loaded with a dynamic import when the queries panel first opens, so the
 * explorer's first paint does not pay for it.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { forceLinting, linter, lintGutter, lintKeymap } from '@codemirror/lint';
import { Compartment, EditorState, Prec, StateEffect } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { completionSource, CypherChecker, lintSource, type ServerProblem } from './cypher-language.js';
import type { EngineName } from '../../../server/contract/queries.js';

/** What the editor needs from the panel. */
export interface CypherEditorOptions {
  /** Called on Ctrl+Enter / ⌘+Enter. */
  onRun: () => void;
  /** Called after every change of the text. */
  onChange: (text: string) => void;
  engine: () => EngineName;
  /** Words around the editor, in the page's language. */
  labels: () => { editor: string; placeholder: string; kuzuNote: string };
}

/** One editor and its checker. */
export interface CypherEditor {
  readonly view: EditorView;
  text(): string;
  /** Replaces the text (not undoable: it is another query). */
  setText(text: string): void;
  /** Parameter names and values for completion and the checker. */
  setParameters(values: Record<string, unknown>): void;
  /** Marks the server's error at 1-based line/column (or the whole text), until the text changes; null clears. */
  showServerError(problem: { line?: number; column?: number; message: string } | null): void;
  /** Re-reads the labels (language switch). */
  relabel(): void;
  focus(): void;
  destroy(): void;
}

const theme = EditorView.theme({
  '&': { fontSize: '13px', border: '1px solid #c5ccd3', borderRadius: '4px', background: '#fff' },
  '&.cm-focused': { outline: '3px solid #f08c00', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK JP", monospace', minHeight: '9rem', maxHeight: '22rem' },
  '.cm-gutters': { background: '#f8f9fb', color: '#8a94a0', borderRight: '1px solid #e4e7eb' },
  '.cm-tooltip': { fontSize: '12.5px' },
  '.cm-tooltip-lint': { maxWidth: '28rem' },
});

/** Dispatched when the server's problem changes, so the linter runs again without a text change. */
const serverProblemChanged = StateEffect.define<null>();

/** Builds the editor into `parent` with `text`. */
export function createCypherEditor(parent: HTMLElement, text: string, opts: CypherEditorOptions): CypherEditor {
  const checker = new CypherChecker();
  let server: ServerProblem | null = null;
  const labels = new Compartment();
  const labelExtensions = () => {
    const l = opts.labels();
    return [EditorView.contentAttributes.of({ 'aria-label': l.editor }), placeholder(l.placeholder)];
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                opts.onRun();
                return true;
              },
            },
          ]),
        ),
        lineNumbers(),
        history(),
        highlightActiveLine(),
        bracketMatching(),
        closeBrackets(),
        StreamLanguage.define(cypher),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        autocompletion({ override: [completionSource(checker)], activateOnTyping: true, icons: true }),
        linter(lintSource(checker, { engine: opts.engine, note: () => opts.labels().kuzuNote, server: () => server }), {
          delay: 400,
          needsRefresh: (u) => u.transactions.some((tr) => tr.effects.some((e) => e.is(serverProblemChanged))),
        }),
        lintGutter(),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap]),
        EditorView.lineWrapping,
        theme,
        labels.of(labelExtensions()),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  checker.warmUp();

  return {
    view,
    text: () => view.state.doc.toString(),
    setText(next) {
      server = null;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
    },
    setParameters(values) {
      const renamed = Object.keys(values).join() !== Object.keys(checker.parameters).join();
      checker.parameters = values;
      // The checker reports undefined parameters: check again when the names change.
      if (renamed) view.dispatch({ effects: serverProblemChanged.of(null) });
    },
    showServerError(problem) {
      const doc = view.state.doc;
      if (!problem) server = null;
      else if (problem.line !== undefined && problem.line >= 1 && problem.line <= doc.lines) {
        const line = doc.line(problem.line);
        const from = Math.min(line.to, line.from + Math.max(0, (problem.column ?? 1) - 1));
        // Mark the word at the position (or at least one character).
        const word = /^\w+/.exec(doc.sliceString(from, line.to))?.[0].length ?? 1;
        server = { text: doc.toString(), from, to: Math.min(line.to, from + word), message: problem.message };
      } else server = { text: doc.toString(), from: 0, to: doc.length, message: problem.message };
      view.dispatch({ effects: serverProblemChanged.of(null) });
      forceLinting(view);
    },
    relabel() {
      view.dispatch({ effects: labels.reconfigure(labelExtensions()) });
    },
    focus: () => view.focus(),
    destroy() {
      checker.destroy();
      view.destroy();
    },
  };
}
