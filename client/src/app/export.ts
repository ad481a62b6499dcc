/**
 * The Export… dialog (ui/export-panel.ts) and the path-diagram button under a route: the dialog reads
 * the view, the route shown and the datasets from here; the button shows while a route is shown.
 */
import { shownRoute } from '../state/app-state.js';
import { ExportPanel } from '../ui/export-panel.js';
import { byId, type AppContext } from './context.js';

export function mountExport(ctx: AppContext): void {
  const { store, graph } = ctx;
  const panel = new ExportPanel({
    lang: ctx.lang,
    source: {
      view: () => graph.view,
      route: () => {
        const { routeAnswer, alt } = store.get();
        return routeAnswer?.routes[alt] ? { response: routeAnswer, alt } : null;
      },
      directory: () => graph.directory,
      dataVersion: () => store.get().dataVersion,
      datasets: () => store.get().shownDatasets,
      unit: () => store.get().unit,
    },
  });
  byId('export-open').addEventListener('click', () => panel.open());
  byId('path-diagram').addEventListener('click', () => panel.open('route'));

  /** Shows the path-diagram button while a route is shown, and keeps an open export dialog current. */
  const sync = () => {
    byId('route-export').hidden = !shownRoute(store.get());
    byId('export-open').title = ctx.s().exportOpenTitle;
    panel.refresh();
  };
  store.subscribe((now, before) => {
    if (now.routeAnswer !== before.routeAnswer || now.alt !== before.alt || now.lang !== before.lang) sync();
  });
  sync();
}
