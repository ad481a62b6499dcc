/** The legend: family colours (one list item per family), then what the arrows mean. */
import { FAMILY_STYLE } from '../graph/families.js';
import { t, type Lang } from '../i18n/strings.js';
import { h } from './dom.js';

/** Renders the legend into `container` in `lang`. */
export function renderLegend(container: HTMLElement, lang: Lang): void {
  const s = t(lang);
  // Collapsible, and stays as the person left it across language switches: on a large graph it covers part of the drawing.
  const open = container.querySelector('details')?.open ?? true;
  const details = h(
    'details',
    {},
    h('summary', {}, s.legendTitle),
    h(
      'ul',
      {},
      ...Object.values(FAMILY_STYLE).map((f) =>
        h('li', {}, h('span', { class: 'swatch', style: `background:${f.color}`, 'aria-hidden': 'true' }), f[lang]),
      ),
    ),
    h(
      'div',
      { class: 'legend-edges' },
      h('p', {}, h('span', { class: 'edge-sample', 'aria-hidden': 'true' }), s.legendMove),
      h('p', {}, h('span', { class: 'edge-sample dotted', 'aria-hidden': 'true' }), s.legendRecommended),
      h('p', {}, h('span', { class: 'edge-sample dashed', 'aria-hidden': 'true' }), s.legendSplit),
    ),
  );
  details.open = open;
  container.replaceChildren(details);
}
