/**
 * The parameter form of a saved query, generated from its header: role
 * pickers (with suggestions) for `role-id`, a picker with chips for
 * `role-id[]`, number inputs with the declared bounds, a tick box for
 * `boolean`, a family list, a text box for `string`, and a text box for each
 * `$parameter` the Cypher uses without declaring it. Shows the server's
 * message next to the parameter it names.
 */
import { ROLE_FAMILIES } from '../../../server/contract/graph-data.js';
import type { ParamSpec } from '../../../server/contract/queries.js';
import { FAMILY_STYLE } from '../graph/families.js';
import type { RoleDirectory } from '../graph/role-directory.js';
import { t, type Lang, type Strings } from '../i18n/strings.js';
import { initialValue, type FieldValue } from '../queries/params.js';
import { h } from './dom.js';
import { RoleCombobox, type RoleOption } from './role-combobox.js';

export interface QueryParamsOptions {
  lang: () => Lang;
  directory: () => RoleDirectory;
  search: (q: string) => Promise<RoleOption[]>;
  /** Enter in a field (outside open suggestions) runs the query. */
  onSubmit: () => void;
  /** Called after any value changes. */
  onChange: () => void;
}

interface Field {
  spec: ParamSpec | null;
  read: () => FieldValue;
  error: HTMLElement;
  focus: () => void;
  relabel: (s: Strings) => void;
}

/** The form for one query's parameters, built into `container`. */
export class QueryParamsForm {
  private readonly form: HTMLFormElement;
  private readonly fields = new Map<string, Field>();
  private declared: ParamSpec[] = [];
  private extra: string[] = [];
  private readonly none: HTMLParagraphElement;
  /** Counts forms, so field ids stay unique if the panel is ever built twice. */
  private static serial = 0;
  private readonly prefix = `qp${QueryParamsForm.serial++}`;

  constructor(container: HTMLElement, private readonly opts: QueryParamsOptions) {
    this.none = h('p', { class: 'help' });
    this.form = h('form', { class: 'query-params', novalidate: '', 'data-testid': 'query-params' });
    this.form.addEventListener('submit', (e) => e.preventDefault());
    // Enter in a text or number box runs the query, unless a suggestion list took it (it then prevents the default).
    this.form.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (e.key === 'Enter' && !e.defaultPrevented && !e.isComposing && target instanceof HTMLInputElement && ['text', 'number'].includes(target.type)) {
        e.preventDefault();
        opts.onSubmit();
      }
    });
    this.form.addEventListener('input', () => opts.onChange());
    this.form.addEventListener('change', () => opts.onChange());
    container.replaceChildren(this.form);
  }

  /** Builds the fields for `specs` (declared) and `extra` (used in the Cypher but not declared), keeping values typed for the same names. */
  show(specs: readonly ParamSpec[], extra: readonly string[] = [], keep = true): void {
    const previous = keep ? this.values() : new Map<string, FieldValue>();
    this.declared = [...specs];
    this.extra = extra.filter((n) => !specs.some((s) => s.name === n));
    this.fields.clear();
    const rows: HTMLElement[] = [];
    for (const spec of this.declared) rows.push(this.build(spec.name, spec, previous.get(spec.name)));
    for (const name of this.extra) rows.push(this.build(name, null, previous.get(name)));
    this.none.hidden = rows.length > 0;
    this.form.replaceChildren(this.none, ...rows);
    this.setLang();
  }

  /** Updates the undeclared parameters after the Cypher changed. */
  setExtra(extra: readonly string[]): void {
    const next = extra.filter((n) => !this.declared.some((s) => s.name === n));
    if (next.join() !== this.extra.join()) this.show(this.declared, next);
  }

  get specs(): readonly ParamSpec[] {
    return this.declared;
  }

  /** Every field's value by parameter name. */
  values(): Map<string, FieldValue> {
    return new Map([...this.fields].map(([name, f]) => [name, f.read()]));
  }

  /** Shows `message` under the parameter's field (null clears); false when there is no such field. */
  showError(name: string, message: string | null): boolean {
    const f = this.fields.get(name);
    if (!f) return false;
    f.error.textContent = message ?? '';
    f.error.hidden = !message;
    return true;
  }

  clearErrors(): void {
    for (const name of this.fields.keys()) this.showError(name, null);
  }

  focus(name: string): void {
    this.fields.get(name)?.focus();
  }

  setLang(): void {
    const s = t(this.opts.lang());
    this.none.textContent = s.qNoParams;
    for (const f of this.fields.values()) f.relabel(s);
  }

  private build(name: string, spec: ParamSpec | null, kept: FieldValue | undefined): HTMLElement {
    const id = `${this.prefix}-${name}`;
    const errorId = `${id}-error`;
    const error = h('p', { class: 'field-error', id: errorId, role: 'alert', hidden: '' });
    const nameText = h('span', { class: 'param-name' }, name);
    const hint = h('span', { class: 'param-type' });
    const label = h('label', { for: id }, nameText, ' ', hint);
    const start = kept ?? (spec ? initialValue(spec) : '');
    const describe = (el: HTMLElement) => el.setAttribute('aria-describedby', errorId);
    const typeHint = (s: Strings) => {
      if (!spec) return s.qAdHoc;
      const range = spec.min !== undefined && spec.max !== undefined ? ` · ${s.qRange(spec.min, spec.max)}` : '';
      return `${spec.type}${range}${spec.default === undefined ? ` · ${s.qRequired}` : ''}`;
    };
    let control: HTMLElement;
    let field: Omit<Field, 'spec' | 'error' | 'relabel'>;
    let relabelControl: (s: Strings) => void = () => undefined;

    if (spec?.type === 'role-id') {
      const box = new RoleCombobox({ id, search: this.opts.search, lang: this.opts.lang, onChoose: () => this.opts.onChange() });
      const v = typeof start === 'string' ? start : '';
      if (v) box.set(v, this.opts.directory().name(v, this.opts.lang()));
      describe(box.input);
      control = box.root;
      field = { read: () => box.chosenId ?? this.opts.directory().resolve(box.text) ?? box.text, focus: () => box.input.focus() };
      relabelControl = () => {
        const chosen = box.chosenId;
        if (chosen) box.set(chosen, this.opts.directory().name(chosen, this.opts.lang()));
      };
    } else if (spec?.type === 'role-id[]') {
      let ids = Array.isArray(start) ? [...start] : [];
      const chips = h('ul', { class: 'chips', 'aria-live': 'polite' });
      const box = new RoleCombobox({
        id,
        search: this.opts.search,
        lang: this.opts.lang,
        onChoose: (o) => {
          if (!ids.includes(o.id)) ids.push(o.id);
          box.clear();
          render();
          this.opts.onChange();
        },
      });
      describe(box.input);
      const render = () => {
        const s = t(this.opts.lang());
        box.input.placeholder = s.qAddRole;
        chips.replaceChildren(
          ...ids.map((rid) => {
            const name = this.opts.directory().name(rid, this.opts.lang());
            const remove = h('button', { type: 'button', class: 'chip-remove', 'aria-label': s.qRemoveRole(name) }, '×');
            remove.addEventListener('click', () => {
              ids = ids.filter((x) => x !== rid);
              render();
              this.opts.onChange();
              box.input.focus();
            });
            return h('li', { class: 'chip chip-role', 'data-role-id': rid }, name, remove);
          }),
        );
      };
      render();
      control = h('div', { class: 'param-list' }, chips, box.root);
      field = { read: () => [...ids], focus: () => box.input.focus() };
      relabelControl = render;
    } else if (spec?.type === 'int' || spec?.type === 'float') {
      const input = h('input', { id, type: 'number', step: spec.type === 'int' ? '1' : 'any', inputmode: spec.type === 'int' ? 'numeric' : 'decimal' });
      if (spec.min !== undefined) input.min = String(spec.min);
      if (spec.max !== undefined) input.max = String(spec.max);
      input.value = typeof start === 'string' ? start : '';
      describe(input);
      control = input;
      field = { read: () => input.value, focus: () => input.focus() };
    } else if (spec?.type === 'boolean') {
      const box = h('input', { id, type: 'checkbox' });
      box.checked = start === true;
      describe(box);
      const yes = h('span', {});
      control = h('span', { class: 'param-check' }, box, yes);
      field = { read: () => box.checked, focus: () => box.focus() };
      relabelControl = (s) => (yes.textContent = s.qYes);
    } else if (spec?.type === 'family') {
      const select = h('select', { id });
      const options = ROLE_FAMILIES.map((f) => h('option', { value: f }));
      select.append(...options);
      select.value = typeof start === 'string' && start ? start : ROLE_FAMILIES[0];
      describe(select);
      control = select;
      field = { read: () => select.value, focus: () => select.focus() };
      relabelControl = () => options.forEach((o) => (o.textContent = FAMILY_STYLE[o.value as (typeof ROLE_FAMILIES)[number]][this.opts.lang()]));
    } else {
      const input = h('input', { id, type: 'text', spellcheck: 'false', autocomplete: 'off' });
      input.value = typeof start === 'string' ? start : Array.isArray(start) ? start.join(', ') : String(start);
      describe(input);
      control = input;
      field = { read: () => input.value, focus: () => input.focus() };
    }

    const help = spec ? null : h('p', { class: 'help' });
    this.fields.set(name, {
      ...field,
      spec,
      error,
      relabel: (s) => {
        hint.textContent = typeHint(s);
        if (help) help.textContent = s.qAdHocHelp;
        relabelControl(s);
      },
    });
    return h('div', { class: `field param-field param-${spec ? spec.type.replace('[]', '-list') : 'adhoc'}`, 'data-param': name }, label, control, help, error);
  }
}
