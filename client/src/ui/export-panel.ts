/**
 * The export dialog: choose the selected route (shown as its path diagram) or
 * the current view, set the picture options (PNG scale, background, whole
 * graph or visible part, diagram direction) and download any format. Says
 * what was saved, and when a PNG had to be drawn smaller than asked.
 */
import { CLIENT_FORMATS, download, makeExport, previewSvg, supports, type ClientFormat, type ExportOptions, type ExportScope, type ExportSource } from '../export/exporter.js';
import { t, type Lang } from '../i18n/strings.js';
import { h } from './dom.js';

export interface ExportPanelOptions {
  lang: () => Lang;
  source: ExportSource;
}

type Settings = Omit<ExportOptions, 'format' | 'lang'>;

/** The export dialog, appended to `document.body`. */
export class ExportPanel {
  readonly dialog: HTMLDialogElement;
  private settings: Settings = { scope: 'view', scale: 2, background: 'white', area: 'full', direction: 'auto' };
  private previewUrl: string | null = null;
  /** Kept across re-renders so screen readers announce its changes. */
  private readonly status: HTMLParagraphElement;
  private busy = false;

  constructor(private readonly opts: ExportPanelOptions) {
    this.dialog = h('dialog', { class: 'export-dialog', 'aria-labelledby': 'export-title', 'data-testid': 'export-dialog' });
    this.dialog.addEventListener('close', () => this.dropPreview());
    this.status = h('p', { class: 'export-status', role: 'status', 'data-testid': 'export-status' });
    document.body.append(this.dialog);
  }

  /** Opens the dialog on `scope` (the route when one is shown, unless told otherwise). */
  open(scope?: ExportScope): void {
    const hasRoute = this.opts.source.route() !== null;
    this.settings.scope = scope === 'route' && hasRoute ? 'route' : scope === 'view' || !hasRoute ? 'view' : 'route';
    this.say('');
    this.render();
    if (!this.dialog.open) this.dialog.showModal();
    this.dialog.querySelector<HTMLElement>('input[name="export-scope"]:checked')?.focus();
  }

  /** Re-draws after a language switch or a new route (while open). */
  refresh(): void {
    if (!this.dialog.open) return;
    if (this.settings.scope === 'route' && !this.opts.source.route()) this.settings.scope = 'view';
    this.render();
  }

  private dropPreview(): void {
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.previewUrl = null;
  }

  private render(): void {
    const lang = this.opts.lang();
    const s = t(lang);
    const st = this.settings;
    const hasRoute = this.opts.source.route() !== null;
    const focused = (document.activeElement as HTMLElement | null)?.dataset.key;

    const radio = <K extends keyof Settings>(name: string, key: K, value: Settings[K], label: string, disabled = false) => {
      const id = `${name}-${String(value)}`;
      const input = h('input', { type: 'radio', name, id, value: String(value), 'data-key': id });
      input.checked = st[key] === value;
      input.disabled = disabled;
      input.addEventListener('change', () => {
        st[key] = value;
        if (key === 'scope') this.say('');
        this.render();
      });
      return h('span', { class: 'export-choice' }, input, h('label', { for: id }, label));
    };
    const group = (legend: string, ...children: HTMLElement[]) => h('fieldset', { class: 'export-group' }, h('legend', {}, legend), ...children);

    const scope = group(
      s.exportScope,
      radio('export-scope', 'scope', 'route', s.exportRoute, !hasRoute),
      radio('export-scope', 'scope', 'view', s.exportView),
      ...(hasRoute ? [] : [h('p', { class: 'help' }, s.exportNoRoute)]),
    );

    // The path diagram itself, drawn as it will be saved.
    this.dropPreview();
    let preview: HTMLElement;
    const svg = st.scope === 'route' ? previewSvg(this.opts.source, lang, st.direction) : null;
    if (svg) {
      this.previewUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      preview = h('figure', { class: 'export-preview', 'data-testid': 'export-preview' }, h('img', { src: this.previewUrl, alt: s.exportPreview }));
    } else {
      preview = h('p', { class: 'export-view-hint help' }, s.exportOpenTitle);
    }

    const scale = h('select', { id: 'export-scale', 'data-key': 'scale', 'data-testid': 'export-scale' });
    for (const n of [1, 2, 3, 4]) {
      const o = h('option', { value: String(n) }, `${n}×`);
      o.selected = st.scale === n;
      scale.append(o);
    }
    scale.addEventListener('change', () => (st.scale = Number(scale.value)));
    const direction = h('select', { id: 'export-direction', 'data-key': 'direction' });
    for (const [v, label] of [
      ['auto', s.exportAuto],
      ['lr', s.exportLr],
      ['tb', s.exportTb],
    ] as const) {
      const o = h('option', { value: v }, label);
      o.selected = st.direction === v;
      direction.append(o);
    }
    direction.addEventListener('change', () => {
      st.direction = direction.value as Settings['direction'];
      this.render();
    });
    const options = group(
      s.exportImage,
      h('span', { class: 'export-field' }, h('label', { for: 'export-scale' }, s.exportScale), scale),
      h('span', { class: 'export-field' }, h('span', {}, `${s.exportBackground}:`), radio('export-bg', 'background', 'white', s.exportWhite), radio('export-bg', 'background', 'transparent', s.exportTransparent)),
      st.scope === 'view'
        ? h('span', { class: 'export-field' }, h('span', {}, `${s.exportArea}:`), radio('export-area', 'area', 'full', s.exportFull), radio('export-area', 'area', 'visible', s.exportVisible))
        : h('span', { class: 'export-field' }, h('label', { for: 'export-direction' }, s.exportDirection), direction),
    );

    const buttons = h(
      'div',
      { class: 'export-buttons', role: 'group', 'aria-label': s.exportFormats },
      ...CLIENT_FORMATS.map((f) => {
        const b = h(
          'button',
          { type: 'button', class: 'export-format', 'data-format': f, 'data-key': `format-${f}`, 'data-testid': `export-${f}` },
          h('strong', {}, s.exportFormat[f]),
          h('span', {}, s.exportFormatHelp[f]),
        );
        b.disabled = this.busy || !supports(st.scope, f);
        if (!supports(st.scope, f)) b.title = s.exportCsvRouteOnly;
        b.addEventListener('click', () => void this.run(f));
        return b;
      }),
    );
    const close = h('button', { type: 'button', class: 'export-close', 'aria-label': s.exportClose, title: s.exportClose, 'data-key': 'close' }, '×');
    close.addEventListener('click', () => this.dialog.close());

    this.dialog.replaceChildren(
      h('header', { class: 'export-head' }, h('h2', { id: 'export-title' }, s.exportTitle), close),
      h('div', { class: 'export-body' }, h('div', { class: 'export-side' }, scope, options, h('h3', {}, s.exportFormats), buttons, h('p', { class: 'help' }, s.exportProvenance), this.status), preview),
    );
    if (focused) this.dialog.querySelector<HTMLElement>(`[data-key="${focused}"]`)?.focus();
  }

  private say(text: string, error = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('error', error);
  }

  private async run(format: ClientFormat): Promise<void> {
    const lang = this.opts.lang();
    const s = t(lang);
    this.busy = true;
    this.say(s.exporting);
    this.render();
    try {
      const file = await makeExport(this.opts.source, { ...this.settings, format, lang });
      download(file);
      const parts = [s.exportSaved(file.fileName)];
      if (file.png) {
        parts.push(s.exportSize(file.png.width, file.png.height));
        if (file.png.reduced) parts.push(s.exportReduced(file.png.asked, file.png.scale));
      }
      this.say(parts.join(' '));
    } catch (err) {
      this.say(s.exportFailed(err instanceof Error ? err.message : String(err)), true);
    } finally {
      this.busy = false;
      this.render();
    }
  }
}
