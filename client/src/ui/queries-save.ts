/**
 * "Save as": a dialog for a new user query's name, titles, descriptions and
 * parameter declarations (header syntax, filled in from the Cypher), with the
 * admin token when none is set yet. Shows the server's message when it
 * refuses, next to the field it names.
 */
import type { QueryHeaderText, SavedQueryDto } from '../../../server/contract/queries.js';
import { ApiError } from '../api/client.js';
import { t, type Lang, type Strings } from '../i18n/strings.js';
import { adminToken } from '../queries/admin-token.js';
import { h } from './dom.js';

/** What the dialog starts with. */
export type SaveDraft = QueryHeaderText;

/** The dialog's start for saving `saved` (null: a new query) with `params` declared: a copy of a built-in query, the user's own as it is. */
export function draftFor(saved: SavedQueryDto | null, params: string): SaveDraft {
  const [en, ja] = [t('en'), t('ja')];
  return {
    name: saved ? (saved.builtIn ? `${saved.name}-copy` : saved.name) : '',
    title: saved ? en.qCopyOf(saved.title) : '',
    titleJa: saved?.titleJa ? ja.qCopyOf(saved.titleJa) : '',
    description: saved?.description ?? '',
    descriptionJa: saved?.descriptionJa ?? '',
    params,
  };
}

export interface SaveDialogOptions {
  lang: () => Lang;
  /** Names of built-in queries (refused) and of user queries (replaced, with a warning). */
  names: () => { builtIn: string[]; user: string[] };
  /** Saves; rejects with ApiError when the server refuses. */
  save: (draft: SaveDraft, token: string | null) => Promise<void>;
}

type FieldName = keyof SaveDraft | 'token';
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The dialog, appended to `document.body`. */
export class SaveQueryDialog {
  readonly dialog: HTMLDialogElement;
  private readonly inputs: Record<FieldName, HTMLInputElement | HTMLTextAreaElement>;
  private readonly errors = new Map<FieldName, HTMLElement>();
  private readonly status: HTMLParagraphElement;
  private readonly note: HTMLParagraphElement;
  private readonly tokenRow: HTMLElement;
  private readonly relabels: ((s: Strings) => void)[] = [];
  private busy = false;

  constructor(private readonly opts: SaveDialogOptions) {
    const text = (id: string, attrs: Record<string, string> = {}) => h('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs });
    this.inputs = {
      name: text('qs-name', { required: '', pattern: NAME.source, maxlength: '80', 'data-testid': 'save-name' }),
      title: text('qs-title', { required: '', maxlength: '120', 'data-testid': 'save-title' }),
      titleJa: text('qs-titleJa', { maxlength: '120' }),
      description: h('textarea', { id: 'qs-description', rows: '2', maxlength: '1000' }),
      descriptionJa: h('textarea', { id: 'qs-descriptionJa', rows: '2', maxlength: '1000' }),
      params: h('textarea', { id: 'qs-params', rows: '2', spellcheck: 'false', 'data-testid': 'save-params' }),
      token: h('input', { id: 'qs-token', type: 'password', autocomplete: 'off', 'data-testid': 'save-token' }),
    };
    this.inputs.name.addEventListener('input', () => this.checkName());
    this.status = h('p', { class: 'query-status', role: 'status', 'data-testid': 'save-status' });
    this.note = h('p', { class: 'help', 'aria-live': 'polite' });
    const field = (name: FieldName, label: (s: Strings) => string, help?: (s: Strings) => string) => {
      const labelEl = h('label', { for: this.inputs[name].id });
      const helpEl = help ? h('p', { class: 'help', id: `${this.inputs[name].id}-help` }) : null;
      const error = h('p', { class: 'field-error', id: `${this.inputs[name].id}-error`, hidden: '' });
      this.inputs[name].setAttribute('aria-describedby', [helpEl?.id, error.id].filter(Boolean).join(' '));
      this.errors.set(name, error);
      this.relabels.push((s) => {
        labelEl.textContent = label(s);
        if (helpEl && help) helpEl.textContent = help(s);
      });
      return h('div', { class: 'field' }, labelEl, this.inputs[name], helpEl, error);
    };
    this.tokenRow = field('token', (s) => s.qToken, (s) => s.qTokenHelp);
    const heading = h('h2', { id: 'save-query-title' });
    const save = h('button', { type: 'submit', class: 'find-button', 'data-testid': 'save-submit' });
    const cancel = h('button', { type: 'button', class: 'clear-button' });
    cancel.addEventListener('click', () => this.dialog.close());
    this.relabels.push((s) => {
      heading.textContent = s.qSaveTitle;
      save.textContent = s.qSave;
      cancel.textContent = s.qCancel;
    });
    const form = h(
      'form',
      { class: 'save-form', novalidate: '' },
      field('name', (s) => s.qName, (s) => s.qNameHelp),
      this.note,
      field('title', (s) => s.qTitleEn),
      field('titleJa', (s) => s.qTitleJa),
      field('description', (s) => s.qDescEn),
      field('descriptionJa', (s) => s.qDescJa),
      field('params', (s) => s.qParamsDecl, (s) => s.qParamsDeclHelp),
      this.tokenRow,
      this.status,
      h('div', { class: 'form-actions' }, save, cancel),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    this.dialog = h('dialog', { class: 'save-dialog', 'aria-labelledby': 'save-query-title', 'data-testid': 'save-dialog' }, heading, form);
    document.body.append(this.dialog);
  }

  /** Opens the dialog filled with `draft`. */
  open(draft: SaveDraft): void {
    for (const [k, v] of Object.entries(draft)) this.inputs[k as keyof SaveDraft].value = v;
    const token = adminToken.get();
    this.inputs.token.value = token ?? '';
    // With a token already entered for this tab there is nothing to ask.
    this.tokenRow.hidden = token !== null;
    this.clearErrors();
    this.say('');
    this.setLang();
    this.checkName();
    if (!this.dialog.open) this.dialog.showModal();
    this.inputs.name.focus();
    this.inputs.name.select();
  }

  setLang(): void {
    const s = t(this.opts.lang());
    for (const r of this.relabels) r(s);
    this.checkName();
  }

  private say(text: string, isError = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('error', isError);
    this.status.setAttribute('role', isError ? 'alert' : 'status');
  }

  private showError(name: FieldName, message: string | null): void {
    const el = this.errors.get(name);
    if (!el) return;
    el.textContent = message ?? '';
    el.hidden = !message;
    this.inputs[name].setAttribute('aria-invalid', String(Boolean(message)));
  }

  private clearErrors(): void {
    for (const name of this.errors.keys()) this.showError(name, null);
  }

  /** Says when the name is a built-in one (refused) or one of the user's own (replaced). */
  private checkName(): boolean {
    const s = t(this.opts.lang());
    const name = this.inputs.name.value.trim();
    const { builtIn, user } = this.opts.names();
    this.note.textContent = user.includes(name) ? s.qReplaces(name) : '';
    if (builtIn.includes(name)) {
      this.showError('name', s.qBuiltInName(name));
      return false;
    }
    this.showError('name', null);
    return true;
  }

  private async submit(): Promise<void> {
    if (this.busy) return;
    const s = t(this.opts.lang());
    this.clearErrors();
    const draft = Object.fromEntries((['name', 'title', 'titleJa', 'description', 'descriptionJa', 'params'] as const).map((k) => [k, this.inputs[k].value.trim()])) as unknown as SaveDraft;
    if (!this.checkName()) return this.inputs.name.focus();
    if (!NAME.test(draft.name)) {
      this.showError('name', s.qNameHelp);
      return this.inputs.name.focus();
    }
    if (!draft.title) {
      this.showError('title', s.qRequired);
      return this.inputs.title.focus();
    }
    const typed = this.inputs.token.value.trim();
    if (!this.tokenRow.hidden && typed) adminToken.set(typed);
    this.busy = true;
    this.say(s.qSaving);
    try {
      await this.opts.save(draft, adminToken.get() ?? (typed || null));
      this.dialog.close();
    } catch (err) {
      const e = err instanceof ApiError ? err : null;
      this.say(e ? e.message : s.error(String(err)), true);
      if (e && (e.status === 401 || e.code === 'admin_disabled')) {
        // A wrong token is dropped, so the next try asks for it again.
        if (e.status === 401) adminToken.clear();
        this.tokenRow.hidden = false;
        this.showError('token', e.status === 401 ? s.qNeedsToken : null);
        this.inputs.token.focus();
      } else if (e) {
        for (const d of e.details) {
          const f = d.field as FieldName;
          if (f in this.inputs) this.showError(f, d.message || e.message);
        }
        const first = e.details.map((d) => d.field).find((f) => f in this.inputs) as FieldName | undefined;
        if (first) this.inputs[first].focus();
      }
    } finally {
      this.busy = false;
    }
  }
}
