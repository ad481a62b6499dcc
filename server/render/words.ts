/** Words the page, the exported diagrams and the terminal all use, in English and Japanese. */
import type { Lang } from '../contract/lang.js';
import type { RouteModeName } from '../contract/routes.js';

/** What each route mode ranks by, in running text (the page capitalises them as labels). */
export const MODE_NAMES: Readonly<Record<Lang, Readonly<Record<RouteModeName, string>>>> = {
  en: { fewest: 'fewest moves', likely: 'most likely', travelled: 'most travelled' },
  ja: { fewest: '移動が最少', likely: '確率が最高', travelled: '実績が最多' },
};
