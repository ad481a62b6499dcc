/**
 * The route finder's form: from/to pickers with a swap button, the ranking
 * mode, the number of alternatives and the route API's constraints. It holds
 * what the user typed; it never clears it on an error, and it shows each error
 * next to the field the server named.
 */
import { ROLE_FAMILIES } from '../../../server/contract/graph-data.js';
import { ROUTE_LIMITS, ROUTE_MODES } from '../../../server/contract/routes.js';
import { FAMILY_STYLE } from '../graph/families.js';
import type { Reach } from '../graph/reach.js';
import type { RoleDirectory } from '../graph/role-directory.js';
import { t, type Lang, type Strings } from '../i18n/strings.js';
import type { PickerName } from '../state/app-state.js';
import { hasConstraints, ROUTE_DEFAULTS, type RouteParams } from '../state/url-state.js';
import { h } from './dom.js';
import { RoleCombobox, type RoleComboboxOptions, type RoleOption } from './role-combobox.js';

export type { PickerName };

/** What the form needs from the page. */
export interface RouteFormOptions {
  lang: () => Lang;
  directory: () => RoleDirectory;
  search: (q: string) => Promise<RoleOption[]>;
  onSubmit: (params: RouteParams) => void;
  onClear: () => void;
  /** A "pick on the graph" button was pressed for this picker. */
  onPick: (which: PickerName) => void;
  /** Distances along recorded moves (null until the graph is loaded): marks reachable suggestions. */
  reach?: () => Reach | null;
}

/** The form, built into `container`. */
export class RouteForm {
  private readonly form: HTMLFormElement;
  private readonly pickers: Record<PickerName, RoleCombobox>;
  private readonly avoidBox: RoleCombobox;
  private readonly avoidChips: HTMLUListElement;
  private avoid: string[] = [];
  private readonly numbers: Record<'k' | 'maxHops' | 'minCount', HTMLInputElement>;
  private readonly more: HTMLDetailsElement;
  /** "Moves people made only": ranks over observed moves, leaving recommendations and splits out. */
  private readonly observedOnly: HTMLInputElement;
  private readonly errors = new Map<string, HTMLElement>();
  /** Re-run on a language change: every visible word of the form. */
  private readonly relabels: ((s: Strings) => void)[] = [];

  constructor(container: HTMLElement, private readonly opts: RouteFormOptions) {
    const combobox = (id: string, onChoose: (o: RoleOption) => void = () => undefined, annotate?: RoleComboboxOptions['annotate']) =>
      new RoleCombobox({ id, search: opts.search, onChoose, lang: opts.lang, annotate });
    // Once From is set, the To suggestions say which targets are reachable and how far; and the other way round.
    const mark = (end: 'from' | 'to') => (o: RoleOption) => {
      const reach = opts.reach?.();
      const other = this.value(end === 'to' ? 'from' : 'to');
      if (!reach || !other || other === o.id || !this.opts.directory().get(other)) return null;
      const s = t(opts.lang());
      const d = (end === 'to' ? reach.from(other) : reach.to(other)).get(o.id);
      if (end === 'to') return d ? { text: s.reachableIn(d), reachable: true } : { text: s.notReachable, reachable: false };
      return d ? { text: s.leadsThereIn(d), reachable: true } : { text: s.doesNotLeadThere, reachable: false };
    };
    this.pickers = { from: combobox('route-from', undefined, mark('from')), to: combobox('route-to', undefined, mark('to')), via: combobox('route-via') };
    this.avoidBox = combobox('route-avoid', (o) => {
      this.addAvoid(o.id);
      this.avoidBox.clear();
    });
    this.avoidChips = h('ul', { class: 'chips', 'aria-live': 'polite' });
    this.numbers = {
      k: h('input', { id: 'route-k', type: 'number', min: String(ROUTE_LIMITS.minK), max: String(ROUTE_LIMITS.maxK), value: String(ROUTE_DEFAULTS.k) }),
      maxHops: h('input', { id: 'route-maxHops', type: 'number', min: String(ROUTE_LIMITS.minMaxHops), max: String(ROUTE_LIMITS.maxMaxHops), value: String(ROUTE_DEFAULTS.maxHops) }),
      minCount: h('input', { id: 'route-minCount', type: 'number', min: '0', value: String(ROUTE_DEFAULTS.minCount) }),
    };

    const swap = this.button('button', 'swap-button', (s) => ({ text: '⇅', label: s.swap }), () => this.swap());
    // The modes as a segmented control (native radios, so arrow keys move between them); one help line for the chosen mode.
    const modeHelp = this.text('p', (s) => s.modeHelp[this.mode()], { class: 'help mode-help', id: 'mode-help' });
    const segments = h('div', { class: 'segmented' });
    for (const mode of ROUTE_MODES) {
      const radio = h('input', { type: 'radio', name: 'mode', value: mode, id: `mode-${mode}`, 'aria-describedby': 'mode-help' });
      // defaultChecked too, so the Clear button (form.reset) comes back to the default mode.
      if (mode === ROUTE_DEFAULTS.mode) radio.checked = radio.defaultChecked = true;
      radio.addEventListener('change', () => (modeHelp.textContent = t(opts.lang()).modeHelp[this.mode()]));
      segments.append(radio, this.text('label', (s) => s.modes[mode], { for: `mode-${mode}` }));
    }
    const modeFieldset = h('fieldset', { class: 'modes' }, this.text('legend', (s) => s.mode), segments, modeHelp);
    const families = h('fieldset', { class: 'families' }, this.text('legend', (s) => s.families));
    for (const f of ROLE_FAMILIES) {
      const box = h('input', { type: 'checkbox', name: 'families', value: f, id: `family-${f}` });
      const name = this.text('span', () => FAMILY_STYLE[f][opts.lang()]);
      families.append(h('label', { for: `family-${f}`, class: 'family-option' }, box, h('span', { class: 'swatch', style: `background:${FAMILY_STYLE[f].color}`, 'aria-hidden': 'true' }), name));
    }
    families.append(this.text('p', (s) => s.familiesHelp, { class: 'help' }));
    this.observedOnly = h('input', { type: 'checkbox', id: 'route-kinds', name: 'kinds', value: 'move', 'aria-describedby': 'route-kinds-help' });
    const observed = h(
      'div',
      { class: 'field field-kinds' },
      h('label', { for: 'route-kinds', class: 'check-option' }, this.observedOnly, this.text('span', (s) => s.observedOnly)),
      this.text('p', (s) => s.observedOnlyHelp, { class: 'help', id: 'route-kinds-help' }),
      this.errorLine('kinds'),
    );

    this.more = h(
      'details',
      { class: 'more' },
      this.text('summary', (s) => s.more),
      this.field('maxHops', (s) => s.maxHops, this.numbers.maxHops),
      this.field('via', (s) => s.via, this.pickers.via.root, this.pickButton('via')),
      this.field('avoid', (s) => s.avoid, this.avoidBox.root, this.avoidChips),
      families,
      this.errorLine('families'),
      this.field('minCount', (s) => s.routeMinCount, this.numbers.minCount),
      observed,
    );
    this.form = h(
      'form',
      { class: 'route-form', novalidate: '', 'aria-labelledby': 'route-title' },
      this.field('from', (s) => s.from, this.pickers.from.root, this.pickButton('from')),
      h('div', { class: 'swap-row' }, swap),
      this.field('to', (s) => s.to, this.pickers.to.root, this.pickButton('to')),
      modeFieldset,
      this.errorLine('mode'),
      this.field('k', (s) => s.k, this.numbers.k),
      this.more,
      h(
        'div',
        { class: 'form-actions' },
        this.button('submit', 'find-button', (s) => ({ text: s.find })),
        this.button('button', 'clear-button', (s) => ({ text: s.clear }), () => this.clear()),
      ),
    );
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      const params = this.read();
      if (params) opts.onSubmit(params);
    });
    container.replaceChildren(this.form);
    this.setLang();
  }

  /** Re-labels the form and shows chosen roles' names in the current language. */
  setLang(): void {
    const s = t(this.opts.lang());
    for (const relabel of this.relabels) relabel(s);
    this.pickers.from.input.placeholder = s.fromPlaceholder;
    this.pickers.to.input.placeholder = s.toPlaceholder;
    this.pickers.via.input.placeholder = s.viaPlaceholder;
    this.avoidBox.input.placeholder = s.avoidPlaceholder;
    for (const p of Object.values(this.pickers)) {
      const id = p.chosenId;
      if (id) p.set(id, this.opts.directory().name(id, this.opts.lang()));
    }
    this.renderChips();
  }

  /** Puts a role in a picker (from the graph, the role panel, a link or a suggestion). */
  setRole(which: PickerName, id: string): void {
    this.pickers[which].set(id, this.opts.directory().name(id, this.opts.lang()));
    this.showError(which, null);
  }

  /** The role currently chosen or typed in a picker ('' when empty). */
  value(which: PickerName): string {
    return this.resolve(this.pickers[which]);
  }

  private mode(): RouteParams['mode'] {
    return (this.form.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value ?? ROUTE_DEFAULTS.mode) as RouteParams['mode'];
  }

  /** Fills every field from a route query (a shared link). */
  fill(params: RouteParams): void {
    this.setRole('from', params.from);
    this.setRole('to', params.to);
    if (params.via) this.setRole('via', params.via);
    else this.pickers.via.clear();
    this.avoid = [...params.avoid];
    this.renderChips();
    this.form.querySelectorAll<HTMLInputElement>('input[name="mode"]').forEach((r) => (r.checked = r.value === params.mode));
    this.setLang();
    this.form.querySelectorAll<HTMLInputElement>('input[name="families"]').forEach((c) => (c.checked = params.families.includes(c.value)));
    this.numbers.k.value = String(params.k);
    this.numbers.maxHops.value = String(params.maxHops);
    this.numbers.minCount.value = String(params.minCount);
    this.observedOnly.checked = params.observedOnly;
    if (hasConstraints(params)) this.more.open = true;
  }

  /** Reverses from and to (keeping whatever was typed in each). */
  swap(): void {
    const [from, to] = [this.pickers.from, this.pickers.to];
    const a = { id: from.chosenId, text: from.input.value };
    const b = { id: to.chosenId, text: to.input.value };
    if (b.id) from.set(b.id, b.text); else { from.clear(); from.input.value = b.text; }
    if (a.id) to.set(a.id, a.text); else { to.clear(); to.input.value = a.text; }
    this.showError('from', null);
    this.showError('to', null);
  }

  /**
   * Shows an error under a field (null clears); suggestions become buttons that
   * fill the field and search again. Returns false when the form has no such field.
   */
  showError(field: string, message: string | null, suggestions: string[] = []): boolean {
    const line = this.errors.get(field);
    if (!line) return false;
    const s = t(this.opts.lang());
    const input = field in this.pickers ? this.pickers[field as PickerName].input : field === 'avoid' ? this.avoidBox.input : this.numbers[field as 'k'];
    input?.setAttribute('aria-invalid', String(message !== null));
    line.hidden = message === null;
    line.replaceChildren();
    if (message === null) return true;
    if (field === 'avoid' || field === 'via' || field === 'families' || field === 'minCount' || field === 'maxHops' || field === 'kinds') this.more.open = true;
    line.append(message);
    if (suggestions.length && field in this.pickers) {
      line.append(' ', s.didYouMean, ' ');
      for (const id of suggestions) {
        const b = h('button', { type: 'button', class: 'suggestion' }, this.opts.directory().name(id, this.opts.lang()));
        b.addEventListener('click', () => {
          this.setRole(field as PickerName, id);
          this.form.requestSubmit();
        });
        line.append(b, ' ');
      }
    }
    return true;
  }

  clearErrors(): void {
    for (const field of this.errors.keys()) this.showError(field, null);
  }

  focusField(field: string): void {
    (field in this.pickers ? this.pickers[field as PickerName].input : this.form.querySelector<HTMLElement>(`#route-${field}`))?.focus();
  }

  /** The form as a route query, or null (with a message) when from or to is empty. */
  read(): RouteParams | null {
    this.clearErrors();
    const from = this.resolve(this.pickers.from);
    const to = this.resolve(this.pickers.to);
    if (!from || !to) {
      this.showError(!from ? 'from' : 'to', t(this.opts.lang()).needBoth);
      this.focusField(!from ? 'from' : 'to');
      return null;
    }
    if (this.avoidBox.text) {
      this.addAvoid(this.resolve(this.avoidBox));
      this.avoidBox.clear();
    }
    const num = (input: HTMLInputElement, fallback: number) => (input.value.trim() === '' ? fallback : Number(input.value));
    return {
      from,
      to,
      mode: this.mode(),
      k: num(this.numbers.k, ROUTE_DEFAULTS.k),
      maxHops: num(this.numbers.maxHops, ROUTE_DEFAULTS.maxHops),
      avoid: [...this.avoid],
      via: this.resolve(this.pickers.via),
      families: [...this.form.querySelectorAll<HTMLInputElement>('input[name="families"]:checked')].map((c) => c.value),
      minCount: num(this.numbers.minCount, ROUTE_DEFAULTS.minCount),
      observedOnly: this.observedOnly.checked,
    };
  }

  /** Chosen id, else the id the text names exactly, else the raw text (the server then answers with suggestions). */
  private resolve(box: RoleCombobox): string {
    return box.chosenId ?? this.opts.directory().resolve(box.text) ?? box.text;
  }

  private clear(): void {
    for (const p of Object.values(this.pickers)) p.clear();
    this.avoidBox.clear();
    this.avoid = [];
    this.renderChips();
    this.form.reset();
    this.setLang();
    this.clearErrors();
    this.opts.onClear();
  }

  private addAvoid(id: string): void {
    if (id && !this.avoid.includes(id)) this.avoid.push(id);
    this.renderChips();
  }

  private renderChips(): void {
    const s = t(this.opts.lang());
    this.avoidChips.replaceChildren(
      ...this.avoid.map((id) => {
        const name = this.opts.directory().name(id, this.opts.lang());
        const remove = h('button', { type: 'button', class: 'chip-remove', 'aria-label': s.removeAvoid(name) }, '×');
        remove.addEventListener('click', () => {
          this.avoid = this.avoid.filter((x) => x !== id);
          this.renderChips();
          this.avoidBox.input.focus();
        });
        return h('li', { class: 'chip' }, name, remove);
      }),
    );
  }

  private text<K extends keyof HTMLElementTagNameMap>(tag: K, get: (s: Strings) => string, attrs: Record<string, string> = {}) {
    const el = h(tag, attrs);
    this.relabels.push((s) => (el.textContent = get(s)));
    return el;
  }

  private button(type: 'button' | 'submit', cls: string, get: (s: Strings) => { text: string; label?: string }, onClick?: () => void) {
    const b = h('button', { type, class: cls });
    this.relabels.push((s) => {
      const { text, label } = get(s);
      b.textContent = text;
      if (label) b.setAttribute('aria-label', label);
      if (label) b.title = label;
    });
    if (onClick) b.addEventListener('click', onClick);
    return b;
  }

  private pickButton(which: PickerName) {
    const name = (s: Strings) => (which === 'via' ? s.via : s[which]);
    // The crosshair is drawn by CSS; the button's name comes from aria-label.
    return this.button('button', 'pick-button', (s) => ({ text: '', label: s.pickButton(name(s)) }), () => this.opts.onPick(which));
  }

  private errorLine(field: string): HTMLElement {
    const line = h('p', { class: 'field-error', id: `route-${field}-error`, hidden: '' });
    this.errors.set(field, line);
    return line;
  }

  /** A labelled row: label, control(s), error line; the input is described by its error. */
  private field(name: string, label: (s: Strings) => string, ...controls: HTMLElement[]): HTMLElement {
    const error = this.errorLine(name);
    const input = controls[0]?.matches('input') ? controls[0] : controls[0]?.querySelector('input');
    input?.setAttribute('aria-describedby', error.id);
    return h('div', { class: `field field-${name}` }, this.text('label', label, { for: `route-${name}` }), h('div', { class: 'control' }, ...controls), error);
  }
}
