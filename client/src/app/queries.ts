/**
 * The left column's tabs and the saved-queries panel. The tab shown and the query open are in the store
 * (so the address bar has them); the panel's own chunk is loaded the first time the tab is opened, so
 * the explorer's first paint does not pay for it.
 */
import { api } from '../api/client.js';
import { shownRoute, type SidePanel } from '../state/app-state.js';
import { h } from '../ui/dom.js';
import type { QueriesPanel } from '../ui/queries-panel.js';
import { SideTabs } from '../ui/side-tabs.js';
import { byId, type AppContext } from './context.js';
import type { Roles } from './roles.js';

export interface SavedQueries {
  /** The panel, loaded on first use. */
  panel(): Promise<QueriesPanel>;
}

export function mountQueries(ctx: AppContext, roles: Pick<Roles, 'choose'>): SavedQueries {
  const { store, graph } = ctx;
  const host = byId('queries-panel');
  let panel: QueriesPanel | null = null;
  let loading: Promise<QueriesPanel> | null = null;

  function load(): Promise<QueriesPanel> {
    loading ??= import('../ui/queries-panel.js').then(
      ({ QueriesPanel }) =>
        (panel = new QueriesPanel(host, {
          lang: ctx.lang,
          directory: () => graph.directory,
          search: (q) => ctx.searchRoles(q),
          queries: api.queries,
          highlight: (ids) => graph.view?.highlightResult(ids) ?? { nodes: 0, edges: 0 },
          onRole: roles.choose,
          onOpen: (name) => store.set({ openQuery: name }),
        })),
      (err: unknown) => {
        loading = null;
        host.replaceChildren(h('p', { class: 'error', role: 'alert' }, ctx.s().error(err instanceof Error ? err.message : String(err))));
        throw err;
      },
    );
    return loading;
  }

  /** The queries tab widens the left column (the graph gets narrower) and loads the library on first use. */
  function showTab(tab: SidePanel): void {
    document.body.classList.toggle('queries-open', tab === 'queries');
    // The graph's box changed size: keep what was in its middle in the middle.
    graph.view?.resizeKeepingCentre();
    if (tab === 'queries') {
      if (!panel) host.replaceChildren(h('p', { class: 'muted' }, ctx.s().qLoading));
      load().then((p) => p.load(), () => undefined);
    }
  }

  const tabs = new SideTabs(byId('side-tabs'), (tab) => store.set({ panel: tab }));
  store.watch((st) => st.panel, (tab) => {
    tabs.select(tab, false, false);
    showTab(tab);
  });
  if (store.get().panel === 'queries') {
    tabs.select('queries', false, false);
    showTab('queries');
  }
  store.watch((st) => st.lang, () => panel?.setLang());
  // A route found replaces a query result on the graph.
  store.watch((st) => st.routeAnswer, () => {
    if (shownRoute(store.get())) panel?.highlightCleared();
  });

  return { panel: load };
}
