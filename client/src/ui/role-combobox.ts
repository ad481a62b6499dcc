/**
 * A text box with role suggestions (the ARIA 1.2 combobox pattern): type
 * English, Japanese or an alias, move with ↑/↓, choose with Enter or a click,
 * close with Escape. Used by the search box and every role picker.
 */
import type { RoleDto } from '../../../server/contract/api.js';
import { FAMILY_STYLE } from '../graph/families.js';
import { fold } from '../graph/role-directory.js';
import { t, type Lang } from '../i18n/strings.js';
import { h } from './dom.js';

/** A role as the suggestions show it. */
export type RoleOption = Pick<RoleDto, 'id' | 'name' | 'nameJa' | 'family' | 'aliases'>;

/** Options of RoleCombobox. */
export interface RoleComboboxOptions {
  /** Id of the input (a `<label for>` points at it); the list gets `${id}-list`. */
  id: string;
  /** Suggestions for a typed text, best first. */
  search: (q: string) => Promise<RoleOption[]>;
  /** Called when a suggestion is chosen. */
  onChoose: (option: RoleOption) => void;
  lang: () => Lang;
  /** A short mark after a suggestion, e.g. how far it is from the route's start (null = none). */
  annotate?: (option: RoleOption) => { text: string; reachable: boolean } | null;
  /** Enter with the list open but nothing highlighted chooses the first suggestion (the search box), instead of submitting the form (pickers). */
  enterChoosesFirst?: boolean;
}

/** One combobox: `root` holds the input, its suggestion list and a line for "no match" / errors. */
export class RoleCombobox {
  readonly root: HTMLDivElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly empty: HTMLParagraphElement;
  private options: RoleOption[] = [];
  private active = -1;
  private chosen: { id: string; text: string } | null = null;
  /** Guards against an older, slower answer replacing a newer one. */
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly opts: RoleComboboxOptions) {
    const listId = `${opts.id}-list`;
    this.input = h('input', {
      id: opts.id,
      type: 'text',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
    });
    this.list = h('ul', { id: listId, role: 'listbox', class: 'combobox-list', hidden: '' });
    this.empty = h('p', { class: 'combobox-empty', 'aria-live': 'polite' });
    this.root = h('div', { class: 'combobox' }, this.input, this.list, this.empty);
    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    // Close a moment after focus leaves (a click on a suggestion must land first), unless focus came back meanwhile.
    this.input.addEventListener('blur', () =>
      setTimeout(() => {
        if (document.activeElement !== this.input) this.close();
      }, 150),
    );
    this.input.addEventListener('focus', () => {
      if (this.input.value.trim() && !this.chosenId) this.onInput();
    });
  }

  /** The chosen role's id while the text still shows it; null once the text was edited. */
  get chosenId(): string | null {
    return this.chosen && this.chosen.text === this.input.value ? this.chosen.id : null;
  }

  get text(): string {
    return this.input.value.trim();
  }

  /** Fills the box with a role (from a click on the graph, a link or a swap). */
  set(id: string, text: string): void {
    this.chosen = { id, text };
    this.input.value = text;
    this.close();
  }

  clear(): void {
    this.chosen = null;
    this.input.value = '';
    this.close();
  }

  private onInput(): void {
    clearTimeout(this.timer);
    const q = this.input.value.trim();
    if (!q) return this.close();
    this.timer = setTimeout(() => void this.load(q), 120);
  }

  private async load(q: string): Promise<void> {
    const seq = ++this.seq;
    const s = t(this.opts.lang());
    try {
      const options = await this.opts.search(q);
      if (seq !== this.seq || document.activeElement !== this.input) return;
      this.render(options, q);
      this.empty.textContent = options.length ? '' : s.noMatch(q);
    } catch (err) {
      if (seq !== this.seq) return;
      this.close();
      this.empty.textContent = err instanceof Error && 'code' in err && err.code === 'network' ? s.networkError : s.error(String((err as Error).message));
    }
  }

  private render(options: RoleOption[], q: string): void {
    const lang = this.opts.lang();
    this.options = options;
    this.active = -1;
    this.list.replaceChildren(
      ...options.map((o, i) => {
        const [primary, secondary] = lang === 'ja' ? [o.nameJa, o.name] : [o.name, o.nameJa];
        // Show the alias that matched when neither name contains the text, so "SV" → "CS supervisor" makes sense.
        const alias = [primary, secondary].some((n) => fold(n).includes(fold(q))) ? null : o.aliases.find((a) => fold(a).includes(fold(q)));
        const mark = this.opts.annotate?.(o) ?? null;
        const li = h(
          'li',
          { id: `${this.opts.id}-opt-${i}`, role: 'option', 'aria-selected': 'false', 'data-role-id': o.id },
          h('span', { class: 'swatch', style: `background:${FAMILY_STYLE[o.family].color}`, 'aria-hidden': 'true' }),
          h('span', { class: 'primary' }, primary),
          h('span', { class: 'secondary' }, alias ? `${secondary} · ${alias}` : secondary),
          mark ? h('span', { class: mark.reachable ? 'reach reachable' : 'reach unreachable', 'data-testid': 'reach' }, mark.text) : null,
        );
        // pointerdown, not click: choosing must happen before the input's blur closes the list.
        li.addEventListener('pointerdown', (e) => {
          e.preventDefault();
          this.choose(i);
        });
        return li;
      }),
    );
    this.list.hidden = options.length === 0;
    this.input.setAttribute('aria-expanded', String(options.length > 0));
    this.input.removeAttribute('aria-activedescendant');
  }

  private close(): void {
    clearTimeout(this.timer);
    this.seq++;
    this.options = [];
    this.active = -1;
    this.list.hidden = true;
    this.list.replaceChildren();
    this.empty.textContent = '';
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private highlight(i: number): void {
    this.active = i;
    [...this.list.children].forEach((li, j) => li.setAttribute('aria-selected', String(i === j)));
    const li = this.list.children[i];
    if (li) {
      this.input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    }
  }

  private choose(i: number): void {
    const option = this.options[i];
    if (!option) return;
    this.set(option.id, this.opts.lang() === 'ja' ? option.nameJa : option.name);
    this.opts.onChoose(option);
  }

  private onKey(e: KeyboardEvent): void {
    const open = !this.list.hidden && this.options.length > 0;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!open) {
        if (this.input.value.trim()) void this.load(this.input.value.trim());
        return e.preventDefault();
      }
      e.preventDefault();
      const n = this.options.length;
      this.highlight(e.key === 'ArrowDown' ? (this.active + 1) % n : (this.active - 1 + n) % n);
    } else if (e.key === 'Enter' && open && (this.active >= 0 || this.opts.enterChoosesFirst)) {
      e.preventDefault();
      this.choose(Math.max(0, this.active));
    } else if (e.key === 'Enter' && this.opts.enterChoosesFirst && this.input.value.trim()) {
      // Enter before the suggestions arrived: search now and take the best match.
      e.preventDefault();
      clearTimeout(this.timer);
      const q = this.input.value.trim();
      void this.opts.search(q).then((options) => {
        this.render(options, q);
        if (options.length) this.choose(0);
        else this.empty.textContent = t(this.opts.lang()).noMatch(q);
      }).catch(() => undefined);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    } else if (e.key === 'Tab') {
      this.close();
    }
  }
}
