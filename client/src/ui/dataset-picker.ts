/**
 * The dataset picker: a button in the top bar naming the datasets shown and
 * their unit, and a dialog listing every stored dataset with its unit, size
 * and import date, to show one or several. The choice is applied by the
 * caller (graph, role pages, routes and exports follow it; the address bar
 * keeps it as `datasets=a,b`); when the server refuses it — datasets of
 * different units, an unknown name — its message is shown here and the page
 * keeps what it showed. After an import the page offers the new dataset.
 */
import type { DatasetListResponse, DatasetUnit } from '../../../server/contract/datasets.js';
import { ApiError } from '../api/client.js';
import { t, type Lang } from '../i18n/strings.js';
import { h } from './dom.js';

/** Where an import remembers, across the page reload that follows it, the dataset to offer. */
const OFFER_KEY = 'rolepath.offerDataset';

type Listed = DatasetListResponse['datasets'][number];

export interface DatasetPickerOptions {
  lang: () => Lang;
  /** `GET /api/datasets`. */
  list: () => Promise<DatasetListResponse>;
  /** Shows `datasets` (null: the server's default); rejects with the server's refusal, which the dialog shows. */
  choose: (datasets: string[] | null) => Promise<void>;
}

/** Whether `units` combine by the server's rules (README, "Datasets and units"): one counted unit, or one probability table. */
export function combines(units: readonly DatasetUnit[]): boolean {
  if (units.length < 2) return true;
  return !units.includes('probability') && new Set(units).size === 1;
}

export class DatasetPicker {
  readonly root: HTMLSpanElement;
  readonly button: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;
  private readonly offerBox: HTMLSpanElement;
  private listed: DatasetListResponse | null = null;
  private listing: Promise<DatasetListResponse> | null = null;
  /** What the page shows: the datasets used and their unit (null until the graph has loaded). */
  private shown: { used: string[]; unit: DatasetUnit } | null = null;
  private offered: string | null = null;
  /** The boxes ticked in the open dialog (kept when the server refuses them); null = those shown. */
  private ticked: Set<string> | null = null;
  private error = '';
  private busy = false;

  /** Remembers an imported dataset so the page offers it after it reloads. */
  static rememberOffer(name: string): void {
    try {
      sessionStorage.setItem(OFFER_KEY, name);
    } catch {
      // storage off: the new dataset is still in the list
    }
  }

  constructor(private readonly opts: DatasetPickerOptions) {
    this.button = h('button', { type: 'button', class: 'export-open dataset-open', 'data-testid': 'datasets-open' });
    this.button.addEventListener('click', () => void this.open());
    this.offerBox = h('span', { class: 'dataset-offer', role: 'status', 'data-testid': 'dataset-offer', style: 'font-size:0.85rem' });
    this.offerBox.hidden = true;
    this.root = h('span', { class: 'dataset-picker', style: 'display:inline-flex;align-items:center;gap:0.4rem' }, this.button, this.offerBox);
    this.dialog = h('dialog', { class: 'save-dialog dataset-dialog', 'aria-labelledby': 'datasets-title', 'data-testid': 'datasets-dialog' });
    document.body.append(this.dialog);
    try {
      this.offered = sessionStorage.getItem(OFFER_KEY);
      sessionStorage.removeItem(OFFER_KEY);
    } catch {
      this.offered = null;
    }
    this.refresh();
  }

  /** The datasets the graph on screen uses (its answer's `datasets`). */
  setShown(shown: { used: string[]; unit: DatasetUnit } | null): void {
    this.shown = shown;
    if (shown && this.offered && shown.used.length === 1 && shown.used[0] === this.offered) this.offered = null;
    this.refresh();
    if (this.offered) void this.load().then(() => this.renderOffer(), () => undefined);
  }

  /**
   * Opens the dialog. `refusal` (a failed first load: a link naming datasets the server refuses) is shown in it,
   * with the datasets the link asked for ticked.
   */
  async open(refusal?: unknown, asked?: readonly string[]): Promise<void> {
    this.error = refusal !== undefined ? messageOf(refusal) : '';
    this.ticked = asked?.length ? new Set(asked) : null;
    this.render();
    if (!this.dialog.open) this.dialog.showModal();
    await this.load(true).then(
      () => this.render(),
      (err: unknown) => {
        this.error = t(this.opts.lang()).datasetsLoadFailed(messageOf(err));
        this.render();
      },
    );
  }

  /** Re-labels after a language switch. */
  refresh(): void {
    const s = t(this.opts.lang());
    this.button.textContent = this.shown
      ? s.datasetsButton(this.shown.used.join(', '), s.datasetUnitShort[this.shown.unit])
      : s.datasetsButtonDefault;
    this.button.title = s.datasetsButtonTitle;
    this.renderOffer();
    if (this.dialog.open && !this.busy) this.render();
  }

  private load(again = false): Promise<DatasetListResponse> {
    if (again || !this.listing) {
      this.listing = this.opts.list().then((list) => (this.listed = list));
      this.listing.catch(() => (this.listing = null));
    }
    return this.listing;
  }

  private describe(d: Listed): string {
    const s = t(this.opts.lang());
    const when = d.imported && d.importedAt ? s.datasetImported(d.importedAt.slice(0, 10)) : s.datasetBuiltIn;
    return `${s.datasetUnit[d.unit]} · ${s.datasetSize(d.transitions, d.people)} · ${when}`;
  }

  private renderOffer(): void {
    const s = t(this.opts.lang());
    const d = this.offered ? this.listed?.datasets.find((x) => x.name === this.offered) : undefined;
    this.offerBox.hidden = !d;
    if (!d) return this.offerBox.replaceChildren();
    const show = h('button', { type: 'button', class: 'retry', 'data-testid': 'dataset-offer-show' }, s.datasetShowNew);
    show.addEventListener('click', () => void this.apply([d.name]));
    const dismiss = h('button', { type: 'button', class: 'retry', 'aria-label': s.datasetDismiss, title: s.datasetDismiss }, '×');
    dismiss.addEventListener('click', () => {
      this.offered = null;
      this.renderOffer();
    });
    this.offerBox.replaceChildren(s.datasetNew(d.name, s.datasetUnitShort[d.unit]), ' ', show, ' ', dismiss);
  }

  /** Shows `datasets` (null = the server's default) through the page; a refusal stays in the dialog. */
  private async apply(datasets: string[] | null): Promise<void> {
    const s = t(this.opts.lang());
    this.busy = true;
    this.error = '';
    const status = this.dialog.querySelector<HTMLElement>('[data-testid="datasets-status"]');
    if (status) status.textContent = s.datasetsShowing;
    this.dialog.querySelectorAll<HTMLButtonElement>('button').forEach((b) => (b.disabled = true));
    try {
      await this.opts.choose(datasets);
      this.ticked = null;
      if (datasets?.length === 1 && datasets[0] === this.offered) this.offered = null;
      this.renderOffer();
      if (this.dialog.open) this.dialog.close();
    } catch (err) {
      this.error = messageOf(err);
      if (!this.dialog.open) this.dialog.showModal();
    } finally {
      this.busy = false;
      if (this.dialog.open) this.render();
    }
  }

  private render(): void {
    const s = t(this.opts.lang());
    const list = this.listed;
    const using = this.ticked ?? new Set(this.shown?.used ?? list?.default ?? []);
    const rows = (list?.datasets ?? []).map((d) => {
      const box = h('input', { type: 'checkbox', name: 'dataset', value: d.name, 'data-unit': d.unit });
      box.checked = using.has(d.name);
      const tags = [d.name === this.offered ? ` · ${s.datasetNew(d.name, s.datasetUnitShort[d.unit])}` : '', list?.default.includes(d.name) ? ` (${s.datasetDefault})` : ''].join('');
      return h(
        'label',
        { class: 'dataset-row', style: 'display:block;margin:0.4rem 0', 'data-testid': `dataset-${d.name}` },
        box,
        ' ',
        h('strong', {}, d.name),
        tags,
        h('br'),
        h('span', { class: 'muted', style: 'margin-left:1.6rem;font-size:0.85rem' }, this.describe(d)),
      );
    });
    const hint = h('p', { class: 'muted', 'data-testid': 'datasets-hint', style: 'font-size:0.85rem' });
    const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'datasets-error' });
    error.hidden = !this.error;
    if (this.error) error.append(h('strong', {}, s.datasetsRefused), ' ', this.error);
    const boxes = () => rows.map((r) => r.querySelector('input')!).filter((b) => b.checked);
    const updateHint = () => {
      if (list) this.ticked = new Set(boxes().map((b) => b.value));
      const units = boxes().map((b) => b.dataset.unit as DatasetUnit);
      hint.textContent = !units.length ? s.datasetsPickOne : combines(units) ? '' : s.datasetsMixHint;
    };
    rows.forEach((r) => r.addEventListener('change', updateHint));
    updateHint();
    const show = h('button', { type: 'button', class: 'primary', 'data-testid': 'datasets-show' }, s.datasetsShow);
    show.addEventListener('click', () => {
      const names = boxes().map((b) => b.value);
      if (names.length) void this.apply(names);
    });
    const useDefault = h('button', { type: 'button', 'data-testid': 'datasets-default' }, s.datasetsUseDefault);
    useDefault.addEventListener('click', () => void this.apply(null));
    const close = h('button', { type: 'button' }, s.exportClose);
    close.addEventListener('click', () => this.dialog.close());
    this.dialog.replaceChildren(
      h('h2', { id: 'datasets-title' }, s.datasetsTitle),
      h('p', { class: 'muted', style: 'font-size:0.9rem' }, s.datasetsHelp),
      h('fieldset', { style: 'border:0;padding:0;margin:0' }, h('legend', { class: 'sr-only' }, s.datasetsTitle), ...(list ? rows : [h('p', {}, s.datasetsLoading)])),
      hint,
      error,
      h('p', { class: 'import-actions' }, show, ' ', useDefault, ' ', close),
      h('p', { role: 'status', 'data-testid': 'datasets-status', class: 'muted' }),
    );
  }
}

/** The server's message (a refused mix names each dataset with its unit and how to choose). */
function messageOf(err: unknown): string {
  return err instanceof ApiError || err instanceof Error ? err.message : String(err);
}
