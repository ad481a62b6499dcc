/**
 * The address bar as a subscriber of the store: after every change it shows the link that restores
 * the page as it is (state/url-state.ts writes it), so the page can be shared at any moment.
 */
import { viewStateOf, type AppState } from './app-state.js';
import type { Store } from './store.js';
import { serializeViewState } from './url-state.js';

/** The query string (without `?`) of the link to `state`. */
export function linkOf(state: AppState): string {
  return serializeViewState(viewStateOf(state));
}

/** Keeps the address bar in step with the store from the next change on; `now()` writes it at once. */
export function syncUrl(store: Store<AppState>): { now: () => void } {
  const now = () => {
    const query = linkOf(store.get());
    if (window.location.search !== `?${query}`) history.replaceState(null, '', `${window.location.pathname}?${query}`);
  };
  store.subscribe(now);
  return { now };
}
