/**
 * The selected role: the search box, the role panel (rendered from the store's role details) and the
 * graph's selection.
 */
import { api, ApiError } from '../api/client.js';
import { h } from '../ui/dom.js';
import { renderRoleHint, renderRolePanel } from '../ui/role-panel.js';
import { RoleCombobox } from '../ui/role-combobox.js';
import { byId, type AppContext } from './context.js';
import type { RouteFinder } from './routes.js';

export interface Roles {
  /** Selects `id` (null: none) and loads its details for the panel. */
  show(id: string | null): Promise<void>;
  /** Selects `id` and brings it to the middle of the graph. */
  choose(id: string): void;
}

export function mountRoles(ctx: AppContext, routes: Pick<RouteFinder, 'setEnd'>): Roles {
  const { store, graph } = ctx;
  const panel = byId('details');

  const search = new RoleCombobox({
    id: 'search',
    search: (q) => ctx.searchRoles(q),
    lang: ctx.lang,
    enterChoosesFirst: true,
    onChoose: (o) => choose(o.id),
  });
  byId('search-box').replaceWith(search.root);

  function render(): void {
    const { roleDetails, lang } = store.get();
    if (!roleDetails) return renderRoleHint(panel, lang);
    renderRolePanel(panel, roleDetails, lang, {
      onRole: choose,
      onExpand: (id) => graph.view?.expand(id),
      onFocus: (id) => graph.view?.focus(id),
      onRouteFrom: (id) => routes.setEnd('from', id),
      onRouteTo: (id) => routes.setEnd('to', id),
    });
  }
  store.watch((st) => st.roleDetails, render);
  store.watch((st) => st.lang, () => {
    search.input.placeholder = ctx.s().searchPlaceholder;
    render();
  });
  search.input.placeholder = ctx.s().searchPlaceholder;
  render();

  async function show(id: string | null): Promise<void> {
    store.set({ role: id });
    graph.view?.select(id);
    if (!id) {
      store.set({ roleDetails: null });
      return render();
    }
    try {
      const details = await api.role(id, store.get().chosenDatasets);
      if (store.get().role === id) store.set({ roleDetails: details });
    } catch (err) {
      const s = ctx.s();
      const text = err instanceof ApiError && err.code === 'network' ? s.networkError : s.error(err instanceof Error ? err.message : String(err));
      panel.replaceChildren(h('p', { class: 'error', role: 'alert' }, text));
    }
  }

  function choose(id: string): void {
    void show(id);
    graph.view?.centre(id);
  }

  return { show, choose };
}
