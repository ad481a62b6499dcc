/**
 * The saved-query library: a filter box, every query with its description
 * and whether it is built in or user-made, a "new query" button, and the
 * tools that act on the whole library (export, import, admin token).
 */
import type { SavedQuerySummary } from '../../../server/contract/queries.js';
import { fold } from '../graph/role-directory.js';
import { t, type Lang, type Strings } from '../i18n/strings.js';
import { adminToken } from '../queries/admin-token.js';
import { h, relabelling } from './dom.js';
import type { Reporter } from './queries-files.js';

/** Title and description in the page's language (English when there is no Japanese). */
export function localized(q: Pick<SavedQuerySummary, 'title' | 'titleJa' | 'description' | 'descriptionJa'>, lang: Lang): { title: string; description: string } {
  return lang === 'ja' ? { title: q.titleJa || q.title, description: q.descriptionJa || q.description } : { title: q.title, description: q.description };
}

/** "built-in" or "yours", as a small badge. */
export function originBadge(builtIn: boolean, s: Strings): HTMLElement {
  return h('span', { class: `badge ${builtIn ? 'badge-builtin' : 'badge-user'}`, title: builtIn ? s.qBuiltInTitle : s.qUserMadeTitle }, builtIn ? s.qBuiltIn : s.qUserMade);
}

/** The admin token field: a password box kept in sessionStorage, and a button to forget it. */
export class TokenField {
  readonly root: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly state: HTMLParagraphElement;
  private readonly label: HTMLLabelElement;
  private readonly help: HTMLParagraphElement;
  private readonly forget: HTMLButtonElement;

  constructor(
    id: string,
    private readonly lang: () => Lang,
    private readonly onChange: () => void,
  ) {
    this.input = h('input', { id, type: 'password', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-help ${id}-state`, 'data-testid': 'admin-token' });
    this.label = h('label', { for: id });
    this.help = h('p', { class: 'help', id: `${id}-help` });
    this.state = h('p', { class: 'help', id: `${id}-state`, 'aria-live': 'polite' });
    this.forget = h('button', { type: 'button', class: 'small-button' });
    this.input.addEventListener('change', () => {
      adminToken.set(this.input.value.trim());
      this.onChange();
    });
    this.forget.addEventListener('click', () => {
      adminToken.clear();
      this.onChange();
      this.input.focus();
    });
    this.root = h('div', { class: 'field token-field' }, this.label, h('div', { class: 'control' }, this.input, this.forget), this.state, this.help);
    this.refresh();
  }

  /** Re-reads the stored token (another field may have changed it) and the language. */
  refresh(): void {
    const s = t(this.lang());
    const token = adminToken.get();
    if (document.activeElement !== this.input) this.input.value = token ?? '';
    this.label.textContent = s.qToken;
    this.help.textContent = s.qTokenHelp;
    this.state.textContent = token ? s.qTokenSet : s.qTokenUnset;
    this.forget.textContent = s.qTokenForget;
    this.forget.hidden = !token;
  }

  focus(): void {
    this.input.focus();
  }
}

export interface QueryLibraryOptions {
  lang: () => Lang;
  onOpen: (name: string) => void;
  onNew: () => void;
  onExportBundle: (scope: 'user' | 'all') => void;
  onImport: (file: File) => void;
  onTokenChange: () => void;
}

/** The library view, built into `container`; its status line says what an export, import or delete did (`Reporter`). */
export class QueryLibrary implements Reporter {
  private queries: SavedQuerySummary[] = [];
  private engine = '';
  private readonly search: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly count: HTMLParagraphElement;
  private readonly relabels: ((s: Strings) => void)[] = [];
  private readonly tools: HTMLDetailsElement;
  private readonly token: TokenField;
  private readonly status: HTMLParagraphElement;
  /** The status line says the library could not be loaded (cleared once it loads). */
  private loadFailed = false;

  constructor(container: HTMLElement, private readonly opts: QueryLibraryOptions) {
    const { text, button } = relabelling<Strings>(this.relabels);
    const label = (get: (s: Strings) => string, attrs: Record<string, string> = {}, tag: 'label' | 'h2' | 'summary' | 'p' = 'label') => text(tag, get, attrs);
    this.search = h('input', { id: 'query-search', type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-controls': 'query-list', 'data-testid': 'query-search' });
    this.search.addEventListener('input', () => this.render());
    this.list = h('ul', { id: 'query-list', class: 'query-list', 'data-testid': 'query-list' });
    this.count = h('p', { class: 'help', 'aria-live': 'polite' });
    this.token = new TokenField('query-token', opts.lang, opts.onTokenChange);
    this.status = h('p', { class: 'query-status', role: 'status', 'data-testid': 'library-status' });

    const file = h('input', { id: 'query-import-file', type: 'file', accept: '.json,.cypher,.txt,application/json,text/plain', class: 'sr-only', 'data-testid': 'query-import' });
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (f) opts.onImport(f);
      file.value = '';
    });
    // A label styled as a button opens the file chooser and stays keyboard reachable through the (visually hidden) input.
    const importLabel = label((s) => s.qImport, { for: 'query-import-file', class: 'file-button' });
    this.tools = h(
      'details',
      { class: 'more query-tools', 'data-testid': 'query-tools' },
      label((s) => s.qTools, {}, 'summary'),
      h(
        'div',
        { class: 'tool-row' },
        button((s) => s.qExportMine, () => opts.onExportBundle('user'), { class: 'small-button' }),
        button((s) => s.qExportAll, () => opts.onExportBundle('all'), { class: 'small-button' }),
      ),
      h('div', { class: 'tool-row' }, file, importLabel),
      label((s) => s.qImportHelp, { class: 'help' }, 'p'),
      this.token.root,
    );
    container.replaceChildren(
      label((s) => s.queriesTitle, { id: 'queries-title' }, 'h2'),
      h(
        'div',
        { class: 'query-search-row' },
        label((s) => s.qSearchLabel, { for: 'query-search', class: 'sr-only' }),
        this.search,
        button((s) => `＋ ${s.qNew}`, () => opts.onNew(), { class: 'small-button', 'data-testid': 'query-new' }),
      ),
      this.tools,
      this.status,
      this.count,
      this.list,
    );
    this.setLang();
  }

  show(queries: SavedQuerySummary[], engine: string): void {
    this.queries = queries;
    this.engine = engine;
    this.render();
  }

  /** Names of built-in and of user queries (the save dialog warns about both). */
  names(): { builtIn: string[]; user: string[] } {
    return { builtIn: this.queries.filter((q) => q.builtIn).map((q) => q.name), user: this.queries.filter((q) => !q.builtIn).map((q) => q.name) };
  }

  get(name: string): SavedQuerySummary | undefined {
    return this.queries.find((q) => q.name === name);
  }

  say(content: string | (Node | string)[], error = false): void {
    this.loadFailed = false;
    this.status.replaceChildren(...[content].flat());
    this.status.classList.toggle('error', error);
    this.status.setAttribute('role', error ? 'alert' : 'status');
  }

  /** Says the library could not be loaded; `loaded()` takes it back. */
  sayLoadFailed(text: string): void {
    this.say(text, true);
    this.loadFailed = true;
  }

  /** The library loaded: a failure to load said before goes (not what an import or delete just reported). */
  loaded(): void {
    if (this.loadFailed) this.say('');
  }

  askToken(): void {
    this.openTools();
    this.token.focus();
  }

  /** Opens the tools (export, import, admin token). */
  openTools(): void {
    this.tools.open = true;
  }

  /** Re-reads the admin token (the other field may have changed it). */
  refreshToken(): void {
    this.token.refresh();
  }

  focusSearch(): void {
    this.search.focus();
  }

  /** Moves focus to the entry for `name` (after coming back from it). */
  focusEntry(name: string): boolean {
    const b = this.list.querySelector<HTMLButtonElement>(`[data-query="${CSS.escape(name)}"]`);
    b?.focus();
    return Boolean(b);
  }

  setLang(): void {
    const s = t(this.opts.lang());
    for (const r of this.relabels) r(s);
    this.search.placeholder = s.qSearchPlaceholder;
    this.token.refresh();
    this.render();
  }

  private render(): void {
    const lang = this.opts.lang();
    const s = t(lang);
    const q = fold(this.search.value);
    const shown = this.queries.filter((x) => !q || [x.name, x.title, x.titleJa, x.description, x.descriptionJa].some((f) => fold(f).includes(q)));
    this.count.textContent = shown.length === 0 && q ? s.qNoMatch(this.search.value.trim()) : s.qCount(shown.length, this.queries.length);
    this.list.replaceChildren(
      ...shown.map((x) => {
        const { title, description } = localized(x, lang);
        const b = h(
          'button',
          { type: 'button', class: 'query-item', 'data-query': x.name },
          h('span', { class: 'query-item-head' }, h('span', { class: 'query-item-title' }, title), originBadge(x.builtIn, s)),
          h('span', { class: 'query-item-desc' }, description),
          x.runnable ? null : h('span', { class: 'query-item-note' }, s.qNotRunnable(this.engine)),
        );
        b.addEventListener('click', () => this.opts.onOpen(x.name));
        return h('li', {}, b);
      }),
    );
  }
}
