/** A line that says what is going on (the status line, the route finder's message), with a retry button after a failure. */
import { h } from './dom.js';

export interface MessageOptions {
  /** Shown as a failure (red, for the eye; the line's role tells assistive technology). */
  error?: boolean;
  /** Offers to try again: the button's label and what it does. */
  retry?: { label: string; run: () => void };
}

/** Replaces what `el` says with `text`. */
export function showMessage(el: HTMLElement, text: string, { error = false, retry }: MessageOptions = {}): void {
  el.classList.toggle('error', error);
  el.classList.remove('sr-only');
  el.replaceChildren(text);
  if (retry) {
    const b = h('button', { type: 'button', class: 'retry' }, retry.label);
    b.addEventListener('click', retry.run);
    el.append(' ', b);
  }
}
