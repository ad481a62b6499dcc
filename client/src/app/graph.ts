/**
 * The graph on screen: draws a graph answer (replacing the one drawn before), its toolbar, and what a
 * click on a role does. GraphView (graph/view.ts) owns the drawing; this module only connects it.
 */
import type { GraphResponse } from '../../../server/contract/api.js';
import { Reach } from '../graph/reach.js';
import { RoleDirectory } from '../graph/role-directory.js';
import { GraphView } from '../graph/view.js';
import { h } from '../ui/dom.js';
import { Toolbar } from '../ui/toolbar.js';
import { byId, type AppContext } from './context.js';

export interface GraphDrawer {
  /** Draws `graph` in place of the graph shown, and resolves once it is laid out. */
  draw(graph: GraphResponse): Promise<void>;
}

/** `onRoleTap`: a role (null: the background) was clicked on the graph. */
export function mountGraph(ctx: AppContext, onRoleTap: (id: string | null) => void): GraphDrawer {
  const { store, graph: shown } = ctx;
  let toolbar: Toolbar | null = null;
  store.watch((st) => st.lang, (lang) => {
    shown.view?.setLanguage(lang);
    toolbar?.setLang();
  });

  /** A large graph is laid out in a worker: the page stays usable, shows how far it got, and can stop it. */
  function relayout(v: GraphView): void {
    const progress = (fraction: number) => {
      ctx.status.say(`${ctx.s().laying} ${Math.round(fraction * 100)} %`);
      const cancel = h('button', { type: 'button', class: 'retry', 'data-testid': 'cancel-layout' }, ctx.s().qCancel);
      cancel.addEventListener('click', () => v.cancelLayout());
      ctx.status.el.append(' ', cancel);
    };
    document.body.dataset.layout = 'running';
    progress(0);
    void v.relayout(progress).then(() => {
      delete document.body.dataset.layout;
      ctx.status.showCurrent();
    });
  }

  return {
    async draw(graph) {
      shown.directory = RoleDirectory.fromGraph(graph);
      shown.reach = new Reach(graph.elements.edges.map((e) => e.data));
      // Another choice of datasets replaces the graph drawn (and stops a layout still running for it).
      shown.view?.destroy();
      byId('cy').replaceChildren();
      const v = (shown.view = new GraphView(byId('cy'), graph, store.get().lang));
      toolbar = new Toolbar(
        byId('toolbar'),
        ctx.lang,
        {
          zoomIn: () => v.zoomBy(1.25),
          zoomOut: () => v.zoomBy(0.8),
          fit: () => v.fit(),
          relayout: () => relayout(v),
          showAll: () => v.showAll(),
          setMinCount: (min) => v.setMinCount(min),
        },
        v.maxCount,
        graph.elements.edges.length,
      );
      v.onVisibilityChange((hidden) => toolbar?.setHasHidden(hidden));
      v.onRoleTap(onRoleTap);
      await v.ready;
    },
  };
}
