/**
 * The sign-in form shown when the server needs a read token (READ_TOKEN) and
 * the page has none, or one it no longer accepts. The token is kept for this
 * tab's session (api/read-token.ts) and sent with every API call.
 */
import { readToken } from '../api/read-token.js';
import type { Strings } from '../i18n/strings.js';
import { h } from './dom.js';

export class SignInForm {
  readonly root: HTMLFormElement;
  private readonly title = h('h2', { id: 'sign-in-title' });
  private readonly intro = h('p', { id: 'sign-in-help' });
  private readonly label = h('label', { for: 'sign-in-token' });
  private readonly input = h('input', {
    id: 'sign-in-token',
    type: 'password',
    autocomplete: 'current-password',
    spellcheck: 'false',
    required: '',
    'aria-describedby': 'sign-in-help sign-in-problem',
    'data-testid': 'sign-in-token',
  });
  private readonly submit = h('button', { type: 'submit', 'data-testid': 'sign-in-submit' });
  private readonly problem = h('p', { id: 'sign-in-problem', class: 'error', role: 'alert' });
  private wrong = false;

  constructor(
    private readonly strings: () => Strings,
    /** Called with the token once stored: load the page again. */
    private readonly onSignIn: () => void,
  ) {
    this.root = h(
      'form',
      { class: 'sign-in', 'aria-labelledby': 'sign-in-title', 'data-testid': 'sign-in', hidden: '' },
      this.title,
      this.intro,
      h('div', { class: 'field' }, this.label, this.input),
      this.problem,
      this.submit,
    );
    this.root.addEventListener('submit', (e) => {
      e.preventDefault();
      const token = this.input.value.trim();
      if (!token) return;
      readToken.set(token);
      this.hide();
      this.onSignIn();
    });
    this.refresh();
  }

  /** Shows the form; `rejected` when the page sent a token and the server refused it. */
  show(rejected: boolean): void {
    this.wrong = rejected;
    if (rejected) readToken.clear();
    this.refresh();
    this.root.hidden = false;
    this.input.focus();
  }

  hide(): void {
    this.root.hidden = true;
    this.input.value = '';
  }

  refresh(): void {
    const s = this.strings();
    this.title.textContent = s.signInTitle;
    this.intro.textContent = s.signInNeeded;
    this.label.textContent = s.signInToken;
    this.submit.textContent = s.signInSubmit;
    this.problem.textContent = this.wrong ? s.signInWrong : '';
  }
}
