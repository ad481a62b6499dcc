/**
 * Loading the graph: the first time (then the route, role and query the link names), again after a
 * sign-in or a retry, and when another choice of datasets is made in the picker, which this module owns
 * with the sign-in form since both answer what loading the graph ran into.
 */
import type { GraphResponse } from '../../../server/contract/api.js';
import { api, ApiError } from '../api/client.js';
import { readToken } from '../api/read-token.js';
import { DatasetPicker } from '../ui/dataset-picker.js';
import { SignInForm } from '../ui/sign-in.js';
import { byId, type AppContext } from './context.js';
import type { GraphDrawer } from './graph.js';
import type { SavedQueries } from './queries.js';
import type { Roles } from './roles.js';
import type { RouteFinder } from './routes.js';

export interface BootParts {
  graph: GraphDrawer;
  routes: Pick<RouteFinder, 'run' | 'fill'>;
  roles: Pick<Roles, 'show'>;
  queries: SavedQueries;
}

/** Mounts the dataset picker and the sign-in form; returns `start`, which loads and draws the graph (`prefetched`: a graph already loaded or being fetched). */
export function mountBoot(ctx: AppContext, parts: BootParts): (prefetched?: GraphResponse | Promise<GraphResponse>) => Promise<void> {
  const { store, status, link } = ctx;
  /** Whether the first graph has loaded (a later start is a change of datasets: the route and role shown are asked again). */
  let started = false;

  // A choice is loaded before anything changes: a mix the server refuses leaves the page as it was, with the message in the picker.
  const picker = new DatasetPicker({
    lang: ctx.lang,
    list: api.datasets,
    choose: async (next) => {
      const graph = await api.graph(next ?? undefined);
      store.set({ chosenDatasets: next ?? undefined });
      await start(graph);
    },
  });
  byId('export-open').before(picker.root);
  /** Shown when the server needs a read token (READ_TOKEN) the page does not have. */
  const signIn = new SignInForm(ctx.s, () => void start());
  status.el.after(signIn.root);
  store.watch((st) => st.lang, () => {
    picker.refresh();
    signIn.refresh();
  });
  if (link.route) parts.routes.fill(link.route);

  async function start(prefetched?: GraphResponse | Promise<GraphResponse>): Promise<void> {
    status.say(ctx.s().loading);
    try {
      const graph = await (prefetched ?? api.graph(store.get().chosenDatasets));
      const shownDatasets = graph.datasets?.used ?? [...new Set(graph.elements.edges.map((e) => e.data.dataset))];
      store.set({
        shownDatasets,
        unit: graph.datasets?.unit ?? null,
        // Fetched right after the graph, so exports of the view name the data version they show.
        dataVersion: api.health().then(
          (health) => health.dataVersion,
          () => 'unknown',
        ),
      });
      picker.setShown(graph.datasets ?? null);
      await parts.graph.draw(graph);
      byId('export-open').hidden = false;
      status.loaded(graph.elements.nodes.length, graph.elements.edges.length, ctx.graph.view?.groupCount ?? null);
      document.body.dataset.ready = 'true';
      document.body.dataset.datasets = shownDatasets.join(',');
      if (started) {
        ctx.writeUrl();
        const { routeQuery, alt } = store.get();
        if (routeQuery) await parts.routes.run(routeQuery, alt);
        return await parts.roles.show(store.get().role);
      }
      started = true;
      if (link.route) {
        parts.routes.fill(link.route);
        await parts.routes.run(link.route, link.alt);
      }
      const role = store.get().role;
      await parts.roles.show(role);
      ctx.writeUrl();
      if (role && !link.route) ctx.graph.view?.centre(role);
      if (link.query) await (await parts.queries.panel()).openQuery(link.query, false);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        status.say('');
        return signIn.show(readToken.get() !== null);
      }
      // A link naming datasets the server refuses (a mix of units, a name it does not know): its message, and the picker to choose again.
      if (err instanceof ApiError && err.status === 400 && (err.code === 'dataset_mix' || err.details.some((d) => d.field === 'datasets'))) {
        status.say(ctx.s().error(err.message), { error: true });
        return void picker.open(err, store.get().chosenDatasets);
      }
      const s = ctx.s();
      const text = err instanceof ApiError && err.code === 'network' ? s.networkError : s.error(err instanceof Error ? err.message : String(err));
      status.say(text, { error: true, retry: { label: s.retry, run: () => void start() } });
    }
  }
  return start;
}
