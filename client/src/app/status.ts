/**
 * The status line under the graph: loading, what was loaded, which route end is being picked on the
 * graph, how far a layout got, or what went wrong (with a retry). It follows the language and the picking.
 */
import { t, type Strings } from '../i18n/strings.js';
import type { AppState } from '../state/app-state.js';
import type { Store } from '../state/store.js';
import { showMessage, type MessageOptions } from '../ui/message.js';

export class StatusLine {
  /** What the line says when nothing else is going on (the graph's size, once loaded). */
  private idle: (s: Strings) => string = (s) => s.loading;

  constructor(
    readonly el: HTMLElement,
    private readonly store: Store<AppState>,
  ) {
    store.watch((st) => st.lang, () => {
      // A failure stays as it was said until it is retried.
      if (!el.classList.contains('error')) this.showCurrent();
    });
    store.watch((st) => st.picking, () => this.showCurrent());
  }

  say(text: string, options?: MessageOptions): void {
    showMessage(this.el, text, options);
  }

  /** The graph shown has `nodes` roles and `edges` moves (drawn as `groups` groups when it is an overview): says so, now and whenever the line is idle. */
  loaded(nodes: number, edges: number, groups: number | null = null): void {
    this.idle = (s) => (groups === null ? s.loaded(nodes, edges) : s.loadedOverview(nodes, edges, groups));
    this.showCurrent();
  }

  /** Says what is going on: the end being picked on the graph, or what was loaded. */
  showCurrent(): void {
    const { picking, lang } = this.store.get();
    const s = t(lang);
    this.say(picking ? s.pickOnGraph(picking === 'via' ? s.via : s[picking]) : this.idle(s));
  }
}
