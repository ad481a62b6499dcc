/**
 * The import dialog: pick a file, say what it holds and which dataset it
 * goes into, preview the report with a dry run, then import — with upload
 * progress and the report (counts, suppressed aggregates, unknown roles with
 * their closest matches, bad rows with their lines). Needs the admin token,
 * which is kept in memory only while the page is open.
 */
import type { ImportReport } from '../../../server/contract/imports.js';
import { IMPORT_KINDS } from '../../../server/contract/imports.js';
import { ApiError } from '../api/client.js';
import { uploadImport, type ImportRequest } from '../api/imports.js';
import type { Lang } from '../i18n/strings.js';
import { h } from './dom.js';

const STRINGS = {
  en: {
    open: 'Import…',
    title: 'Import career data',
    file: 'File (CSV, TSV or NDJSON)',
    kind: 'The file holds',
    kinds: { histories: 'career histories (one row per stint)', transitions: 'a transition table', roles: 'a role catalogue' },
    dataset: 'Dataset name',
    encoding: 'Encoding',
    encodings: { auto: 'detect', 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS' },
    minCount: 'Hide moves and routes of fewer than k people (k)',
    createRoles: 'Create roles the file names that do not exist',
    token: 'Admin token',
    preview: 'Preview (dry run)',
    run: 'Import',
    close: 'Close',
    needFile: 'Choose a file first.',
    sending: (pct: number) => `Sending and checking… ${pct}%`,
    ok: 'No errors: the file can be imported.',
    written: 'Imported. The graph is reloaded with the new data.',
    rejected: (n: number) => `${n} row(s) have errors: nothing was written.`,
    summary: (r: ImportReport) =>
      `${r.rowsRead} rows (${r.format}, ${r.encoding}); ${r.kind === 'histories' ? `${r.people} people, ${r.stints} stints; ` : ''}${r.transitions} transitions and ${r.routes} routes kept; ${r.suppressed.transitions} transitions and ${r.suppressed.routes} routes suppressed (k = ${r.minCount}); ${r.newRoles.length} new roles; ${(r.ms / 1000).toFixed(1)} s`,
    unknown: 'Unknown roles',
    closest: 'closest',
    errors: 'Bad rows',
    warnings: 'Warnings',
    more: (n: number) => `… and ${n} more`,
    line: (n: number) => (n > 0 ? `line ${n}` : 'file'),
  },
  ja: {
    open: 'インポート…',
    title: 'キャリアデータのインポート',
    file: 'ファイル（CSV・TSV・NDJSON）',
    kind: 'ファイルの内容',
    kinds: { histories: 'キャリア履歴（在籍1件につき1行）', transitions: '遷移表', roles: '職種カタログ' },
    dataset: 'データセット名',
    encoding: '文字コード',
    encodings: { auto: '自動判定', 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS' },
    minCount: 'k 人未満の移動・ルートを非表示にする（k）',
    createRoles: '存在しない職種を作成する',
    token: '管理者トークン',
    preview: 'プレビュー（書き込みなし）',
    run: 'インポート',
    close: '閉じる',
    needFile: 'ファイルを選んでください。',
    sending: (pct: number) => `送信・検証中… ${pct}%`,
    ok: 'エラーはありません。インポートできます。',
    written: 'インポートしました。新しいデータでグラフを読み込み直します。',
    rejected: (n: number) => `${n} 行にエラーがあります。何も書き込んでいません。`,
    summary: (r: ImportReport) =>
      `${r.rowsRead} 行（${r.format}・${r.encoding}）。${r.kind === 'histories' ? `${r.people} 人・在籍 ${r.stints} 件。` : ''}遷移 ${r.transitions} 件・ルート ${r.routes} 件を保存、遷移 ${r.suppressed.transitions} 件・ルート ${r.suppressed.routes} 件を非表示（k = ${r.minCount}）。新しい職種 ${r.newRoles.length} 件。${(r.ms / 1000).toFixed(1)} 秒`,
    unknown: '不明な職種',
    closest: '候補',
    errors: 'エラーのある行',
    warnings: '警告',
    more: (n: number) => `… ほか ${n} 件`,
    line: (n: number) => (n > 0 ? `${n} 行目` : 'ファイル'),
  },
} as const;

export interface ImportDialogOptions {
  lang: () => Lang;
  /** Called with the report after data was written (the page reloads its graph and offers the new dataset). */
  onImported: (report: ImportReport) => void;
}

/** The dialog, appended to `document.body`; `button` opens it. */
export class ImportDialog {
  readonly dialog: HTMLDialogElement;
  readonly button: HTMLButtonElement;
  private token = '';
  private busy = false;

  constructor(private readonly opts: ImportDialogOptions) {
    this.dialog = h('dialog', { class: 'save-dialog import-dialog', 'aria-labelledby': 'import-title', 'data-testid': 'import-dialog' });
    this.button = h('button', { type: 'button', class: 'export-open', 'data-testid': 'import-open' });
    this.button.addEventListener('click', () => this.open());
    document.body.append(this.dialog);
    this.refresh();
  }

  open(): void {
    this.render();
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Re-labels after a language switch. */
  refresh(): void {
    this.button.textContent = STRINGS[this.opts.lang()].open;
    if (this.dialog.open && !this.busy) this.render();
  }

  private render(): void {
    const s = STRINGS[this.opts.lang()];
    // Inline layout (one field per line) keeps the shared stylesheet untouched.
    const LINE = 'display:block;margin:0.45rem 0';
    const field = (label: string, control: HTMLElement) => h('label', { class: 'import-field', style: LINE }, label, ' ', control);
    const file = h('input', { type: 'file', name: 'file', accept: '.csv,.tsv,.txt,.ndjson,.jsonl', 'data-testid': 'import-file' });
    const kind = h('select', { name: 'kind' }, ...IMPORT_KINDS.map((k) => h('option', { value: k }, s.kinds[k])));
    const dataset = h('input', { type: 'text', name: 'dataset', required: '', pattern: '[a-z0-9]+([-_][a-z0-9]+)*', placeholder: 'hr-2024' });
    const encoding = h('select', { name: 'encoding' }, ...(['auto', 'utf-8', 'shift_jis'] as const).map((e) => h('option', { value: e }, s.encodings[e])));
    const minCount = h('input', { type: 'number', name: 'minCount', min: '1', step: '1', placeholder: '5' });
    const createRoles = h('input', { type: 'checkbox', name: 'createRoles' });
    const token = h('input', { type: 'password', name: 'token', autocomplete: 'off', value: this.token });
    const progress = h('progress', { max: '1', value: '0', hidden: '', style: 'width:100%' });
    const status = h('p', { class: 'import-status', role: 'status', 'data-testid': 'import-status' });
    const report = h('div', { class: 'import-report', 'data-testid': 'import-report' });
    const preview = h('button', { type: 'button' }, s.preview);
    const run = h('button', { type: 'button', class: 'primary' }, s.run);
    const close = h('button', { type: 'button' }, s.close);
    close.addEventListener('click', () => this.dialog.close());

    const go = async (dryRun: boolean) => {
      const chosen = file.files?.[0];
      if (!chosen) {
        status.textContent = s.needFile;
        return;
      }
      this.token = token.value;
      const request: ImportRequest = {
        kind: kind.value as ImportRequest['kind'],
        dataset: dataset.value.trim(),
        dryRun,
        createRoles: createRoles.checked,
        encoding: encoding.value as ImportRequest['encoding'],
        ...(minCount.value ? { minCount: Number(minCount.value) } : {}),
        lang: this.opts.lang(),
      };
      this.busy = true;
      preview.disabled = run.disabled = true;
      progress.hidden = false;
      report.replaceChildren();
      try {
        const result = await uploadImport(chosen, request, this.token, (share) => {
          progress.value = share;
          status.textContent = s.sending(Math.round(share * 100));
        });
        status.textContent = !result.ok ? s.rejected(result.rejected) : result.written ? s.written : s.ok;
        report.replaceChildren(...this.describe(result));
        if (result.written) this.opts.onImported(result);
      } catch (err) {
        status.textContent = err instanceof ApiError || err instanceof Error ? err.message : String(err);
      } finally {
        this.busy = false;
        preview.disabled = run.disabled = false;
        progress.hidden = true;
      }
    };
    preview.addEventListener('click', () => void go(true));
    run.addEventListener('click', () => void go(false));

    this.dialog.replaceChildren(
      h('h2', { id: 'import-title' }, s.title),
      field(s.file, file),
      field(s.kind, kind),
      field(s.dataset, dataset),
      field(s.encoding, encoding),
      field(s.minCount, minCount),
      h('label', { class: 'import-field', style: LINE }, createRoles, ' ', s.createRoles),
      field(s.token, token),
      h('p', { class: 'import-actions' }, preview, ' ', run, ' ', close),
      progress,
      status,
      report,
    );
  }

  /** The report as elements: the summary, unknown roles, bad rows and warnings. */
  private describe(r: ImportReport): HTMLElement[] {
    const s = STRINGS[this.opts.lang()];
    const out: HTMLElement[] = [h('p', {}, s.summary(r))];
    const list = (title: string, items: string[], more: number) => {
      if (!items.length) return;
      const ul = h('ul', {}, ...items.map((i) => h('li', {}, i)));
      if (more) ul.append(h('li', {}, s.more(more)));
      out.push(h('h3', {}, title), ul);
    };
    list(
      s.unknown,
      r.unknownRoles.map((u) =>
        this.opts.lang() === 'ja'
          ? `「${u.value}」(${u.rows} 行、最初は ${s.line(u.firstLine)})${u.suggestions.length ? ` — ${s.closest}: ${u.suggestions.map((x) => `${x.nameJa}(${x.id})`).join('、')}` : ''}`
          : `"${u.value}" (${u.rows}×, ${s.line(u.firstLine)})${u.suggestions.length ? ` — ${s.closest}: ${u.suggestions.map((x) => `${x.nameJa} / ${x.name} (${x.id})`).join(', ')}` : ''}`,
      ),
      0,
    );
    // The server says each reason in the page's language; a Japanese reason names its column (and an unknown role its value) itself.
    const issue = (i: ImportReport['errors'][number]) =>
      this.opts.lang() === 'ja'
        ? `${s.line(i.line)}: ${i.reason}${i.value !== undefined && i.value !== '' && !i.reason.includes(i.value) ? `(値: "${i.value}")` : ''}`
        : `${s.line(i.line)}: ${i.column ? `${i.column} ` : ''}${i.value !== undefined ? `"${i.value}" ` : ''}${i.reason}`;
    list(s.errors, r.errors.map(issue), r.moreErrors);
    list(s.warnings, r.warnings.map(issue), r.moreWarnings);
    return out;
  }
}
