/** The family colour legend. */
import { FAMILY_STYLE } from '../graph/families.js';
import type { Lang } from '../i18n/strings.js';
import { h } from './dom.js';

export function renderLegend(container: HTMLElement, lang: Lang): void {
  container.replaceChildren(
    h(
      'ul',
      {},
      ...Object.values(FAMILY_STYLE).map((s) =>
        h('li', {}, h('span', { class: 'swatch', style: `background:${s.color}`, 'aria-hidden': 'true' }), s[lang]),
      ),
    ),
  );
}
