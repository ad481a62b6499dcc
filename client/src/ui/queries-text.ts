/**
 * The Cypher text of the queries panel: a plain text box at first, replaced by
 * the CodeMirror editor (loaded on first use) with completion, Neo4j's checker
 * and the server's errors in place.
 */
import type { EngineName } from '../../../server/contract/queries.js';
import { t, type Lang, type Strings } from '../i18n/strings.js';
import type { CypherEditor } from '../queries/cypher-editor.js';
import { h } from './dom.js';

type Editor = Pick<CypherEditor, 'text' | 'setText' | 'setParameters' | 'showServerError' | 'relabel' | 'focus'>;

export interface QueryTextBoxOptions {
  lang: () => Lang;
  engine: () => EngineName;
  /** Ctrl+Enter (or ⌘+Enter). */
  onRun: () => void;
  onChange: () => void;
  /** The editor took the place of the plain box. */
  onReady: () => void;
}

export class QueryTextBox {
  /** Where the box is (put it after its label). */
  readonly host: HTMLElement;
  /** Says while the editor loads, or that it could not. */
  readonly note: HTMLParagraphElement;
  private readonly plain: HTMLTextAreaElement;
  private editor: Editor | null = null;
  private loading: Promise<void> | null = null;

  constructor(private readonly opts: QueryTextBoxOptions) {
    this.plain = h('textarea', { id: 'query-cypher-plain', class: 'cypher-plain', rows: '8', spellcheck: 'false', 'data-testid': 'cypher-plain' });
    this.plain.addEventListener('input', () => opts.onChange());
    this.plain.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        opts.onRun();
      }
    });
    this.host = h('div', { class: 'cypher-editor', 'data-testid': 'cypher-editor' }, this.plain);
    this.note = h('p', { class: 'help', 'aria-live': 'polite' });
  }

  text(): string {
    return this.editor ? this.editor.text() : this.plain.value;
  }

  setText(text: string): void {
    if (this.editor) this.editor.setText(text);
    else this.plain.value = text;
  }

  focus(): void {
    if (this.editor) this.editor.focus();
    else this.plain.focus();
  }

  relabel(s: Strings): void {
    this.editor?.relabel();
    this.plain.setAttribute('aria-label', s.qEditorLabel);
    this.plain.placeholder = s.qEditorPlaceholder;
  }

  /** The values of the parameters, for the editor's checks (nothing before it has loaded). */
  setParameters(values: Record<string, unknown>): void {
    this.editor?.setParameters(values);
  }

  showServerError(error: Parameters<Editor['showServerError']>[0]): void {
    this.editor?.showServerError(error);
  }

  /** Loads CodeMirror on first use and puts it in place of the plain text box. */
  load(): Promise<void> {
    if (this.loading) return this.loading;
    const s = () => t(this.opts.lang());
    this.note.textContent = s().qEditorLoading;
    this.loading = import('../queries/cypher-editor.js')
      .then(({ createCypherEditor }) => {
        const hadFocus = document.activeElement === this.plain;
        const host = h('div');
        this.host.replaceChildren(host);
        const editor = createCypherEditor(host, this.plain.value, {
          onRun: () => this.opts.onRun(),
          onChange: () => this.opts.onChange(),
          engine: this.opts.engine,
          labels: () => ({ editor: s().qEditorLabel, placeholder: s().qEditorPlaceholder, kuzuNote: s().qKuzuNote }),
        });
        this.editor = editor;
        // The editor's content names itself (aria-label, with its keys); the visible label now just focuses it.
        const label = this.host.previousElementSibling;
        label?.removeAttribute('for');
        label?.addEventListener('click', () => editor.focus());
        this.note.textContent = '';
        this.opts.onReady();
        if (hadFocus) editor.focus();
      })
      .catch(() => {
        this.note.textContent = s().qEditorFailed;
      });
    return this.loading;
  }
}
