/**
 * A query's result: a summary line (rows, time, row limit), what was drawn on
 * the graph with a button to clear it, and the rows as a table. Role nodes in
 * the table are buttons that open the role.
 */
import type { RunResponse } from '../../../server/contract/queries.js';
import type { RoleDirectory } from '../graph/role-directory.js';
import { t, type Lang } from '../i18n/strings.js';
import { describeValue, MAX_TABLE_ROWS } from '../queries/results.js';
import { h } from './dom.js';

export interface QueryResultsOptions {
  lang: () => Lang;
  directory: () => RoleDirectory;
  /** A role in the table was clicked. */
  onRole: (id: string) => void;
  onClearHighlight: () => void;
}

/** The result area, built into `container`. */
export class QueryResults {
  private result: RunResponse | null = null;
  /** Roles and moves drawn on the graph for the shown result (null: none drawn, or cleared). */
  private drawn: { nodes: number; edges: number } | null = null;

  constructor(
    readonly container: HTMLElement,
    private readonly opts: QueryResultsOptions,
  ) {
    container.classList.add('query-results');
    container.dataset.testid = 'query-results';
  }

  show(result: RunResponse, drawn: { nodes: number; edges: number } | null): void {
    this.result = result;
    this.drawn = drawn;
    this.render();
  }

  /** The graph highlight was cleared elsewhere (a route, the clear button). */
  highlightCleared(): void {
    if (!this.drawn) return;
    this.drawn = null;
    this.render();
  }

  clear(): void {
    this.result = null;
    this.drawn = null;
    this.container.replaceChildren();
  }

  setLang(): void {
    this.render();
  }

  private render(): void {
    const r = this.result;
    if (!r) return this.container.replaceChildren();
    const lang = this.opts.lang();
    const s = t(lang);
    const names = (id: string) => this.opts.directory().name(id, lang);
    const summary = [s.qRows(r.rowCount), s.qMs(r.ms), ...(r.truncated ? [s.qTruncated(r.limits.rowLimit)] : [])].join(' · ');
    const parts: HTMLElement[] = [h('h3', { class: 'query-result-title' }, s.qResultTitle), h('p', { class: 'query-summary', 'data-testid': 'query-summary' }, summary)];

    if (this.drawn) {
      const clear = h('button', { type: 'button', class: 'clear-route', 'data-testid': 'query-clear-highlight' }, s.qClearHighlight);
      clear.addEventListener('click', () => {
        this.opts.onClearHighlight();
        this.highlightCleared();
      });
      parts.push(h('p', { class: 'query-drawn' }, h('span', { class: 'result-swatch', 'aria-hidden': 'true' }), s.qHighlighted(this.drawn.nodes, this.drawn.edges), ' ', clear));
    } else if (!r.graph) {
      parts.push(h('p', { class: 'help' }, s.qNothingToDraw));
    }

    if (r.rows.length === 0) {
      parts.push(h('p', { class: 'muted' }, s.qNoRows));
    } else {
      const shown = r.rows.slice(0, MAX_TABLE_ROWS);
      const head = h('tr', {}, ...r.columns.map((c) => h('th', { scope: 'col' }, c)));
      const body = shown.map((row) =>
        h(
          'tr',
          {},
          ...r.columns.map((c) => {
            const cell = describeValue(row[c], lang, names);
            if (cell.roleId) {
              const id = cell.roleId;
              const b = h('button', { type: 'button', class: 'role-link', 'data-role-id': id }, cell.text);
              b.addEventListener('click', () => this.opts.onRole(id));
              return h('td', { class: 'cell-node' }, b);
            }
            return h('td', { class: `cell-${cell.kind}` }, cell.text);
          }),
        ),
      );
      const table = h('table', { class: 'query-table', 'data-testid': 'query-table' }, h('thead', {}, head), h('tbody', {}, ...body));
      parts.push(h('div', { class: 'query-table-wrap', tabindex: '0', role: 'region', 'aria-label': s.qResultTitle }, table));
      if (r.rows.length > shown.length) parts.push(h('p', { class: 'help' }, s.qTableCut(shown.length, r.rows.length)));
    }
    this.container.replaceChildren(...parts);
  }
}
