/**
 * The queries panel: the library (queries-library.ts) and one query at a
 * time with its description, parameter form, Cypher editor (loaded on first
 * use), run (button or Ctrl+Enter), results table and graph highlight, "save
 * as", delete for the user's own queries, and export. Talks to the API only
 * through the functions it is given.
 */
import type { EngineName, RunResponse, SavedQueryDto } from '../../../server/contract/queries.js';
import { ApiError, type api } from '../api/client.js';
import type { RoleDirectory } from '../graph/role-directory.js';
import { t, type Lang, type Strings } from '../i18n/strings.js';
import { adminToken } from '../queries/admin-token.js';
import { formatParamSpecs, requestParams, specsForSave, usedParameters } from '../queries/params.js';
import { highlightIds } from '../queries/results.js';
import { h, relabelling } from './dom.js';
import { localized, originBadge, QueryLibrary, TokenField } from './queries-library.js';
import { QueryParamsForm } from './queries-params.js';
import { QueryResults } from './queries-results.js';
import { QueryTextBox } from './queries-text.js';
import { describeError, downloadQueries, importQueries, showWriteError, type Reporter } from './queries-files.js';
import { draftFor, SaveQueryDialog, type SaveDraft } from './queries-save.js';
import type { RoleOption } from './role-combobox.js';

export interface QueriesPanelOptions {
  lang: () => Lang;
  directory: () => RoleDirectory;
  search: (q: string) => Promise<RoleOption[]>;
  queries: typeof api.queries;
  /** Draws a result on the graph (null clears); returns how many roles and moves it found there. */
  highlight: (ids: { nodes: string[]; edges: string[] } | null) => { nodes: number; edges: number };
  /** A role in a result was clicked. */
  onRole: (id: string) => void;
  /** The query shown changed (null: the library). */
  onOpen?: (name: string | null) => void;
}

/** The query being looked at: a saved one (as loaded) or a new one. */
interface Current {
  saved: SavedQueryDto | null;
  /** The text and columns of the last run, to save a copy with the columns it returns. */
  lastRun: { text: string; columns: string[] } | null;
}

/** The panel, built into `container`. */
export class QueriesPanel {
  private readonly library: QueryLibrary;
  private readonly libraryView: HTMLElement;
  private readonly queryView: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly badge: HTMLElement;
  private readonly description: HTMLParagraphElement;
  private readonly noCypher: HTMLParagraphElement;
  private readonly params: QueryParamsForm;
  private readonly textBox: QueryTextBox;
  private readonly edited: HTMLParagraphElement;
  private readonly status: HTMLParagraphElement;
  private readonly results: QueryResults;
  private readonly dialog: SaveQueryDialog;
  private readonly token: TokenField;
  private readonly actions: { run: HTMLButtonElement; saveAs: HTMLButtonElement; del: HTMLButtonElement; json: HTMLButtonElement; cypher: HTMLButtonElement };
  private readonly relabels: ((s: Strings) => void)[] = [];
  private engine: EngineName = 'kuzu';
  private loaded: Promise<void> | null = null;
  private current: Current | null = null;
  private running = false;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(container: HTMLElement, private readonly opts: QueriesPanelOptions) {
    const { text, button } = relabelling<Strings>(this.relabels);

    this.libraryView = h('div', { class: 'query-library', 'data-testid': 'query-library' });
    this.library = new QueryLibrary(this.libraryView, {
      lang: opts.lang,
      onOpen: (name) => void this.openQuery(name),
      onNew: () => this.newQuery(),
      onExportBundle: (scope) => void downloadQueries(() => opts.queries.exportBundle(scope), this.library, opts.lang()),
      onImport: (file) => void this.importFile(file),
      onTokenChange: () => this.refreshTokens(),
    });

    this.heading = h('h2', { id: 'query-title', tabindex: '-1', 'data-testid': 'query-title' });
    this.badge = h('span');
    this.description = h('p', { class: 'query-description', 'data-testid': 'query-description' });
    this.noCypher = h('p', { class: 'route-note', hidden: '' });
    const paramsHost = h('div');
    this.params = new QueryParamsForm(paramsHost, {
      lang: opts.lang,
      directory: opts.directory,
      search: opts.search,
      onSubmit: () => void this.run(),
      onChange: () => this.paramsChanged(),
    });
    this.textBox = new QueryTextBox({
      lang: opts.lang,
      engine: () => this.engine,
      onRun: () => void this.run(),
      onChange: () => this.textChanged(),
      onReady: () => this.paramsChanged(),
    });
    this.edited = text('p', (s) => s.qEdited, { class: 'help query-edited', hidden: '' });
    this.status = h('p', { class: 'query-status', role: 'status', 'data-testid': 'query-status' });
    this.results = new QueryResults(h('div'), {
      lang: opts.lang,
      directory: opts.directory,
      onRole: opts.onRole,
      onClearHighlight: () => opts.highlight(null),
    });
    this.token = new TokenField('query-token-2', opts.lang, () => this.refreshTokens());
    const runButton = h('button', { type: 'submit', class: 'find-button run-button', 'data-testid': 'query-run' });
    this.relabels.push((s) => runButton.replaceChildren(s.qRun, ' ', h('kbd', {}, s.qRunHint)));
    runButton.addEventListener('click', () => void this.run());
    this.actions = {
      run: runButton,
      saveAs: button((s) => s.qSaveAs, () => this.openSave(), { class: 'small-button', 'data-testid': 'query-save-as' }),
      del: button((s) => s.qDelete, () => void this.remove(), { class: 'small-button danger', 'data-testid': 'query-delete' }),
      json: button((s) => s.qExportJson, () => this.exportOne('json'), { class: 'small-button' }),
      cypher: button((s) => s.qExportCypher, () => this.exportOne('cypher'), { class: 'small-button' }),
    };
    const back = button((s) => s.qBack, () => this.showLibrary(true), { class: 'back-button', 'data-testid': 'query-back' });

    this.queryView = h(
      'div',
      { class: 'query-view', hidden: '', 'data-testid': 'query-view' },
      back,
      h('div', { class: 'query-head' }, this.heading, this.badge),
      this.description,
      this.noCypher,
      text('h3', (s) => s.qParams),
      paramsHost,
      text('label', (s) => s.qCypher, { for: 'query-cypher-plain', id: 'query-cypher-label', class: 'cypher-label' }),
      this.textBox.host,
      this.textBox.note,
      this.edited,
      h('div', { class: 'form-actions query-actions' }, this.actions.run, this.actions.saveAs, this.actions.del),
      h('div', { class: 'query-exports' }, this.actions.json, this.actions.cypher),
      this.status,
      this.results.container,
      h('details', { class: 'more query-tools' }, text('summary', (s) => s.qToken), this.token.root),
    );
    container.replaceChildren(this.libraryView, this.queryView);
    this.dialog = new SaveQueryDialog({ lang: opts.lang, names: () => this.library.names(), save: (draft, token) => this.save(draft, token) });
    this.setLang();
  }

  /** Loads the library (once; again with `reload`). */
  load(reload = false): Promise<void> {
    if (this.loaded && !reload) return this.loaded;
    this.loaded = this.opts.queries
      .list()
      .then((r) => {
        this.engine = r.engine;
        this.library.show(r.queries, r.engine);
        this.library.loaded();
      })
      .catch((err: unknown) => {
        this.loaded = null;
        this.library.sayLoadFailed(t(this.opts.lang()).qLoadFailed(this.describe(err)));
      });
    return this.loaded;
  }

  /** The name of the saved query shown, or null (the library, or a new query). */
  get openName(): string | null {
    return this.current?.saved?.name ?? null;
  }

  /** The result highlight on the graph was replaced by something else (a route). */
  highlightCleared(): void {
    this.results.highlightCleared();
  }

  setLang(): void {
    const s = t(this.opts.lang());
    for (const r of this.relabels) r(s);
    this.library.setLang();
    this.params.setLang();
    this.results.setLang();
    this.dialog.setLang();
    this.token.refresh();
    this.textBox.relabel(s);
    this.renderHead();
  }

  /** Opens a saved query by name. */
  async openQuery(name: string, focus = true): Promise<void> {
    const s = t(this.opts.lang());
    this.say(s.qLoading);
    let dto: SavedQueryDto;
    try {
      dto = await this.opts.queries.get(name);
    } catch (err) {
      this.showLibrary(false);
      this.library.say(this.describe(err), true);
      return;
    }
    this.current = { saved: dto, lastRun: null };
    this.params.show(dto.params, [], false);
    this.textBox.setText(dto.cypher ?? '');
    this.afterOpen(focus);
  }

  /** Starts an empty query. */
  newQuery(): void {
    this.current = { saved: null, lastRun: null };
    this.params.show([], [], false);
    this.textBox.setText('');
    this.afterOpen(false);
    this.textBox.focus();
  }

  private afterOpen(focus: boolean): void {
    this.results.clear();
    this.opts.highlight(null);
    this.say('');
    this.renderHead();
    this.textChanged(true);
    this.libraryView.hidden = true;
    this.queryView.hidden = false;
    void this.textBox.load();
    if (focus) this.heading.focus();
    this.opts.onOpen?.(this.openName);
  }

  private showLibrary(focus: boolean): void {
    const name = this.openName;
    this.current = null;
    this.queryView.hidden = true;
    this.libraryView.hidden = false;
    this.opts.onOpen?.(null);
    if (focus && !(name && this.library.focusEntry(name))) this.library.focusSearch();
  }

  private renderHead(): void {
    const c = this.current;
    if (!c) return;
    const lang = this.opts.lang();
    const s = t(lang);
    const saved = c.saved;
    const { title, description } = saved ? localized(saved, lang) : { title: s.qNewTitle, description: '' };
    this.heading.textContent = title;
    this.badge.replaceChildren(saved ? originBadge(saved.builtIn, s) : '');
    this.description.textContent = description;
    this.description.hidden = !description;
    this.noCypher.hidden = !saved || saved.cypher !== null;
    this.noCypher.textContent = s.qNoCypher(this.engine);
    // Built-in queries cannot be deleted; new ones have nothing to delete or export yet.
    this.actions.del.hidden = !saved || saved.builtIn;
    this.actions.json.parentElement!.hidden = !saved;
  }

  /** After the text changed: note when it differs from the saved query, and offer fields for undeclared parameters. */
  private textChanged(now = false): void {
    clearTimeout(this.changeTimer);
    const apply = () => {
      const saved = this.current?.saved;
      const text = this.textBox.text();
      this.edited.hidden = !saved || saved.cypher === null || text === saved.cypher;
      this.params.setExtra(usedParameters(text));
      this.paramsChanged();
    };
    if (now) apply();
    else this.changeTimer = setTimeout(apply, 250);
  }

  private paramsChanged(): void {
    this.textBox.setParameters(Object.fromEntries(this.params.values()));
  }

  async run(): Promise<void> {
    const c = this.current;
    if (!c || this.running) return;
    const s = t(this.opts.lang());
    const text = this.textBox.text();
    if (!text.trim()) {
      this.say(s.qEmptyCypher, true);
      return this.textBox.focus();
    }
    const asSaved = Boolean(c.saved && c.saved.cypher !== null && text === c.saved.cypher);
    this.params.clearErrors();
    this.textBox.showServerError(null);
    this.running = true;
    this.actions.run.disabled = true;
    this.say(s.qRunning);
    try {
      const params = requestParams(this.params.values(), this.params.specs, text, asSaved);
      const result: RunResponse = asSaved && c.saved ? await this.opts.queries.run(c.saved.name, params) : await this.opts.queries.runCypher(text, params);
      if (this.current !== c) return;
      c.lastRun = { text, columns: result.columns };
      const drawn = this.opts.highlight(result.graph ? highlightIds(result.graph.elements) : null);
      this.results.show(result, drawn.nodes + drawn.edges > 0 ? drawn : null);
      this.say('');
    } catch (err) {
      if (this.current !== c) return;
      this.showRunError(err);
    } finally {
      this.running = false;
      this.actions.run.disabled = false;
    }
  }

  private showRunError(err: unknown): void {
    this.say(this.describe(err), true);
    if (!(err instanceof ApiError)) return;
    let focused = false;
    for (const d of err.details) {
      const param = /^params\.(.+)$/.exec(d.field)?.[1];
      if (param && this.params.showError(param, d.message || err.message) && !focused) {
        this.params.focus(param);
        focused = true;
      }
    }
    if (err.details.some((d) => d.field === 'cypher') || err.code.startsWith('cypher') || err.code === 'read_only') {
      const at = err.details.find((d) => d.field === 'cypher' && d.line !== undefined);
      this.textBox.showServerError({ message: err.message, ...(at ? { line: at.line, column: at.column } : {}) });
    }
  }

  // ——— saving, deleting, files ———

  private openSave(): void {
    const c = this.current;
    if (c) this.dialog.open(draftFor(c.saved, formatParamSpecs(specsForSave(this.textBox.text(), this.params.specs, this.params.values()))));
  }

  private async save(draft: SaveDraft, token: string | null): Promise<void> {
    const c = this.current;
    if (!c) return;
    const text = this.textBox.text();
    const columns = c.lastRun?.text === text ? c.lastRun.columns : c.saved?.cypher === text ? c.saved.columns : [];
    const dto = await this.opts.queries.save({ ...draft, cypher: text, columns }, token);
    this.refreshTokens();
    await this.load(true);
    if (this.current !== c) return;
    // Stay on what was just saved: same text, same values, the result still shown.
    c.saved = dto;
    this.params.show(dto.params, usedParameters(text));
    this.renderHead();
    this.textChanged(true);
    this.say(t(this.opts.lang()).qSaved(dto.name));
    this.opts.onOpen?.(dto.name);
    this.heading.focus();
  }

  private async remove(): Promise<void> {
    const saved = this.current?.saved;
    if (!saved || saved.builtIn) return;
    const s = t(this.opts.lang());
    if (!window.confirm(s.qDeleteConfirm(localized(saved, this.opts.lang()).title))) return;
    try {
      await this.opts.queries.delete(saved.name, adminToken.get());
    } catch (err) {
      this.showWriteError(err, this.queryReporter);
      return;
    }
    this.opts.highlight(null);
    await this.load(true);
    this.showLibrary(true);
    this.library.say(s.qDeleted(saved.name));
  }

  private exportOne(format: 'json' | 'cypher'): void {
    const name = this.current?.saved?.name;
    if (name) void downloadQueries(() => this.opts.queries.exportOne(name, format), this.queryReporter, this.opts.lang());
  }

  private async importFile(file: File): Promise<void> {
    if (await importQueries(file, this.opts.queries, this.library, this.opts.lang(), (err) => this.showWriteError(err, this.library))) await this.load(true);
    else this.library.openTools();
  }

  private showWriteError(err: unknown, to: Reporter): void {
    showWriteError(err, to, this.opts.lang(), () => this.refreshTokens());
  }

  /** The query view's status line, with its own token field. */
  private readonly queryReporter: Reporter = {
    say: (content, error) => this.say(content, error),
    askToken: () => {
      const details = this.token.root.closest('details');
      if (details) details.open = true;
      this.token.focus();
    },
  };

  private refreshTokens(): void {
    this.token.refresh();
    this.library.refreshToken();
  }

  private say(content: string | (Node | string)[], isError = false): void {
    this.status.replaceChildren(...[content].flat());
    this.status.classList.toggle('error', isError);
    this.status.setAttribute('role', isError ? 'alert' : 'status');
  }

  private describe(err: unknown): string {
    return describeError(err, this.opts.lang());
  }
}
