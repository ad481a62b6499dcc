/**
 * The page's state, in one place: what the address bar restores (language, datasets, role, route,
 * side panel, open query) and what the panels render from (role details, the route answer, the
 * datasets of the graph shown, the end being picked on the graph). Pure, so it is tested without a browser.
 */
import type { RoleDetailsResponse } from '../../../server/contract/api.js';
import type { DatasetUnit } from '../../../server/contract/datasets.js';
import type { RouteResponse } from '../../../server/contract/routes.js';
import type { Lang } from '../i18n/strings.js';
import { parseViewState, type RouteParams, type ViewState } from './url-state.js';

/** The left column's tabs. */
export type SidePanel = 'routes' | 'queries';
/** Pickers that name a single role (the route's ends and its via). */
export type PickerName = 'from' | 'to' | 'via';

export interface AppState {
  lang: Lang;
  /** The datasets asked for (`datasets=a,b`); undefined = the server's default selection. */
  chosenDatasets: string[] | undefined;
  /** The datasets of the graph shown, their unit, and its data version (for exports). */
  shownDatasets: string[];
  unit: DatasetUnit | null;
  dataVersion: Promise<string>;
  /** The selected role and its details (the details of the last role loaded, until the next one arrives). */
  role: string | null;
  roleDetails: RoleDetailsResponse | null;
  /** The route query whose answer is shown (null = none), the answer, and the alternative chosen (0 = best). */
  routeQuery: RouteParams | null;
  routeAnswer: RouteResponse | null;
  alt: number;
  /** The left column's tab and the saved query open there (null: the library). */
  panel: SidePanel;
  openQuery: string | null;
  /** The picker waiting for a role to be clicked on the graph. */
  picking: PickerName | null;
}

/** Where the choice of language is remembered between visits. */
export const LANG_KEY = 'rolepath.lang';

/**
 * The page's language: the address bar's `?lang=` (a shared link), else the visitor's last choice
 * (`remembered`), else the first of the browser's languages we have, else English.
 */
export function firstLanguage(search: string, remembered: string | null, languages: readonly string[]): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'ja' || asked === 'en') return asked;
  if (remembered === 'ja' || remembered === 'en') return remembered;
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}

/** The state a page opened at `search` starts in (the route itself is asked for once the graph is loaded). */
export function initialState(search: string, lang: Lang): AppState {
  const link = parseViewState(search);
  return {
    lang,
    chosenDatasets: link.datasets,
    shownDatasets: [],
    unit: null,
    dataVersion: Promise.resolve('unknown'),
    role: link.role,
    roleDetails: null,
    routeQuery: null,
    routeAnswer: null,
    alt: 0,
    panel: link.panel ?? 'routes',
    openQuery: link.query ?? null,
    picking: null,
  };
}

/** What the address bar shows for `state` (the link that restores it). */
export function viewStateOf(state: AppState): ViewState {
  const queries = state.panel === 'queries' ? { panel: 'queries' as const, ...(state.openQuery ? { query: state.openQuery } : {}) } : {};
  return {
    lang: state.lang,
    role: state.role,
    route: state.routeQuery,
    alt: state.alt,
    ...queries,
    ...(state.chosenDatasets ? { datasets: state.chosenDatasets } : {}),
  };
}

/** The route drawn: the answer's chosen alternative, if it has one. */
export function shownRoute(state: Pick<AppState, 'routeAnswer' | 'alt'>) {
  return state.routeAnswer?.routes[state.alt] ?? null;
}
