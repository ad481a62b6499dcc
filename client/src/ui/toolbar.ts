/**
 * Graph controls: zoom, fit, re-layout, "show all" after a focus, and the
 * minimum-count slider that thins edges (the large-graph lever).
 */
import { t, type Lang, type Strings } from '../i18n/strings.js';
import { h } from './dom.js';

/** What the toolbar drives. */
export interface ToolbarActions {
  zoomIn: () => void;
  zoomOut: () => void;
  fit: () => void;
  relayout: () => void;
  showAll: () => void;
  /** Returns how many moves remain at this minimum. */
  setMinCount: (min: number) => number;
}

/**
 * The toolbar, built into `container`. A plain labelled group rather than
 * role="toolbar": every control stays in the Tab order, so no roving focus is needed.
 */
export class Toolbar {
  private readonly relabels: ((s: Strings) => void)[] = [];
  private readonly showAllButton: HTMLButtonElement;
  private readonly slider: HTMLInputElement;
  private readonly output: HTMLOutputElement;
  private shown: number;

  constructor(
    container: HTMLElement,
    private readonly lang: () => Lang,
    private readonly actions: ToolbarActions,
    private readonly maxCount: number,
    private readonly totalEdges: number,
  ) {
    this.shown = totalEdges;
    const button = (text: (s: Strings) => string, label: ((s: Strings) => string) | null, onClick: () => void, testId: string) => {
      const b = h('button', { type: 'button', 'data-testid': testId });
      this.relabels.push((s) => {
        b.textContent = text(s);
        if (label) b.setAttribute('aria-label', label(s));
        b.title = label ? label(s) : text(s);
      });
      b.addEventListener('click', onClick);
      return b;
    };
    this.showAllButton = button((s) => s.showAll, null, actions.showAll, 'show-all');
    this.showAllButton.hidden = true;
    this.slider = h('input', { type: 'range', id: 'min-count', min: '1', max: String(maxCount), step: '1', value: '1' });
    // A slider with one position does nothing: say so by disabling it rather than hiding the control.
    this.slider.disabled = maxCount <= 1;
    this.output = h('output', { for: 'min-count', class: 'min-count-out' });
    this.slider.addEventListener('input', () => {
      this.shown = actions.setMinCount(Number(this.slider.value));
      this.renderOutput();
    });
    const label = h('label', { for: 'min-count' });
    this.relabels.push((s) => (label.textContent = s.minCount));
    container.setAttribute('role', 'group');
    container.replaceChildren(
      button(() => '+', (s) => s.zoomIn, actions.zoomIn, 'zoom-in'),
      button(() => '−', (s) => s.zoomOut, actions.zoomOut, 'zoom-out'),
      button((s) => s.fit, null, actions.fit, 'fit'),
      button((s) => s.relayout, null, actions.relayout, 'relayout'),
      this.showAllButton,
      h('span', { class: 'min-count' }, label, this.slider, this.output),
    );
    this.setLang();
  }

  setLang(): void {
    const s = t(this.lang());
    this.relabels.forEach((f) => f(s));
    this.renderOutput();
  }

  /** Shows "show all" only while something is hidden. */
  setHasHidden(hidden: boolean): void {
    this.showAllButton.hidden = !hidden;
  }

  private renderOutput(): void {
    this.output.textContent = t(this.lang()).minCountHelp(Number(this.slider.value), this.shown, this.totalEdges);
  }
}
