/**
 * What every part of the page shares: the store (state/store.ts), the strings of the page's language,
 * the graph on screen with what is derived from it, and the status line. Made once by `createContext`;
 * the panels get it when they are mounted.
 */
import { api } from '../api/client.js';
import type { Reach } from '../graph/reach.js';
import { RoleDirectory } from '../graph/role-directory.js';
import type { GraphView } from '../graph/view.js';
import { t, type Lang, type Strings } from '../i18n/strings.js';
import { firstLanguage, initialState, LANG_KEY, type AppState } from '../state/app-state.js';
import { createStore, type Store } from '../state/store.js';
import { parseViewState, type ViewState } from '../state/url-state.js';
import { syncUrl } from '../state/url-sync.js';
import type { RoleOption } from '../ui/role-combobox.js';
import { StatusLine } from './status.js';

/** The graph drawn and what is derived from it; all three are replaced when another choice of datasets is drawn. */
export interface GraphShown {
  view: GraphView | null;
  /** The roles of the graph by id, with their names in both languages. */
  directory: RoleDirectory;
  /** Distances along recorded moves (null until the graph has loaded). */
  reach: Reach | null;
}

export interface AppContext {
  readonly store: Store<AppState>;
  /** The language and strings of the page as it is now. */
  lang(): Lang;
  s(): Strings;
  readonly graph: GraphShown;
  readonly status: StatusLine;
  /** The link the page was opened with (the route and the query it names are asked for once the graph has loaded). */
  readonly link: ViewState;
  /** Writes the address bar now (it follows every change of what a link restores on its own). */
  readonly writeUrl: () => void;
  /** Roles matching what was typed, for the search boxes. */
  searchRoles(q: string): Promise<RoleOption[]>;
}

/** An element the page's HTML (client/index.html) has. */
export const byId = (id: string): HTMLElement => document.getElementById(id)!;

/** The language remembered from an earlier visit, if storage can be read. */
function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    // storage may be off (private mode, policy): fall through to the browser's languages
    return null;
  }
}

/** The context of a page opened at the address bar's link. */
export function createContext(): AppContext {
  const search = window.location.search;
  const lang = firstLanguage(search, rememberedLanguage(), navigator.languages ?? [navigator.language]);
  const store = createStore(initialState(search, lang));
  const url = syncUrl(store);
  return {
    store,
    lang: () => store.get().lang,
    s: () => t(store.get().lang),
    graph: { view: null, directory: new RoleDirectory([]), reach: null },
    status: new StatusLine(byId('status'), store),
    link: parseViewState(search),
    writeUrl: url.now,
    searchRoles: (q) => api.searchRoles(q, 8).then((r) => r.roles),
  };
}
