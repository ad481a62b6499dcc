/**
 * The page's keys: Escape stops picking a route end, ←/→ walk through the route shown, and on the graph
 * the arrows pan, +/− zoom and F fits.
 */
import { shownRoute } from '../state/app-state.js';
import type { AppContext } from './context.js';
import type { RouteFinder } from './routes.js';

export function mountKeyboard(ctx: AppContext, routes: Pick<RouteFinder, 'stepBy'>): void {
  const { store, graph } = ctx;
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (e.key === 'Escape' && store.get().picking) return store.set({ picking: null });
    // Inputs (text, radio, range, number) use the arrow keys themselves.
    if (target.closest('input, select, textarea, [role="listbox"], [contenteditable="true"]') || e.altKey || e.ctrlKey || e.metaKey) return;
    const view = graph.view;
    if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && shownRoute(store.get())) {
      e.preventDefault();
      routes.stepBy(e.key === 'ArrowRight' ? 1 : -1);
    } else if (target.id === 'cy' && view) {
      const pan = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] }[e.key];
      if (pan) view.panBy(pan[0]!, pan[1]!);
      else if (e.key === '+' || e.key === '=' || e.key === '-') view.zoomBy(e.key === '-' ? 0.8 : 1.25);
      else if (e.key === 'f' || e.key === 'F') view.fit();
      else return;
      e.preventDefault();
    }
  });
}
