/**
 * The route finder: its form, its answer (ui/route-results.ts renders it from the store), its message
 * line, and picking a route end on the graph. The query, the answer and the alternative live in the
 * store only; the graph's route highlight follows them.
 */
import { api } from '../api/client.js';
import { shownRoute, type PickerName } from '../state/app-state.js';
import type { RouteParams } from '../state/url-state.js';
import { showMessage, type MessageOptions } from '../ui/message.js';
import { describeRouteError } from '../ui/route-errors.js';
import { RouteForm } from '../ui/route-form.js';
import { RouteResults } from '../ui/route-results.js';
import { byId, type AppContext } from './context.js';

/** What the rest of the page asks of the route finder. */
export interface RouteFinder {
  /** Fills one end of the route; with both ends known, finds the route at once. */
  setEnd(which: 'from' | 'to', id: string): void;
  /** Asks for the route `params` and shows alternative `chosen` of the answer. */
  run(params: RouteParams, chosen: number): Promise<void>;
  /** Puts a query in the form (a shared link's). */
  fill(params: RouteParams): void;
  /** A role was clicked on the graph: while an end is being picked it fills that end (true: nothing else to do). */
  tapped(id: string | null): boolean;
  /** Moves the step-through of the route shown by ±1 (false: no route shown). */
  stepBy(delta: number): boolean;
}

export function mountRoutes(ctx: AppContext): RouteFinder {
  const { store, graph } = ctx;
  const message = byId('route-message');
  const say = (text: string, options?: MessageOptions) => showMessage(message, text, options);
  const cy = byId('cy');

  const form = new RouteForm(byId('route-form'), {
    lang: ctx.lang,
    directory: () => graph.directory,
    search: (q) => ctx.searchRoles(q),
    onSubmit: (params) => void run(params, 0),
    onClear: clear,
    onPick: (which: PickerName) => store.set({ picking: which }),
    reach: () => graph.reach,
  });
  const results = new RouteResults(byId('route-results'), store, {
    directory: () => graph.directory,
    onStep: (i) => graph.view?.setStep(i),
    onClear: clear,
    onPickEnd: (end, id) => setEnd(end, id),
  });

  store.subscribe((now, before) => {
    if (now.routeAnswer !== before.routeAnswer || now.alt !== before.alt) graph.view?.highlightRoute(shownRoute(now)?.roles ?? null);
  });
  store.watch((st) => st.picking, (picking) => {
    cy.classList.toggle('picking', picking !== null);
    if (picking) cy.focus();
  });
  store.watch((st) => st.lang, () => {
    form.setLang();
    // The server's note and no-route answer are in the old language: ask again.
    const { routeQuery, routeAnswer, alt } = store.get();
    if (routeQuery && routeAnswer && (routeAnswer.note || routeAnswer.noRoute)) void run(routeQuery, alt);
  });

  function setEnd(which: 'from' | 'to', id: string): void {
    store.set({ panel: 'routes' });
    form.setRole(which, id);
    const other = which === 'from' ? 'to' : 'from';
    if (form.value(other)) {
      const params = form.read();
      if (params) void run(params, 0);
    } else {
      form.focusField(other);
    }
  }

  async function run(params: RouteParams, chosen: number): Promise<void> {
    form.clearErrors();
    say(ctx.s().finding);
    const { lang, chosenDatasets } = store.get();
    try {
      const answer = await api.routes(params, lang, chosenDatasets);
      say('');
      store.set({ routeQuery: params, routeAnswer: answer, alt: answer.routes.length ? Math.min(chosen, answer.routes.length - 1) : 0 });
    } catch (err) {
      // Keep the form as typed and the last answer as drawn: only say what went wrong.
      const report = describeRouteError(err, params, graph.directory, lang);
      const shown = report.fields.filter((f) => form.showError(f.field, f.message, f.suggestions));
      say(report.summary, { error: true, ...(report.retry ? { retry: { label: ctx.s().retry, run: () => void run(params, chosen) } } : {}) });
      // Errors shown next to their fields are not repeated on screen; the alert still reads them out.
      message.classList.toggle('sr-only', shown.length > 0 && shown.length === report.fields.length);
      if (shown[0]) form.focusField(shown[0].field);
    }
  }

  function clear(): void {
    store.set({ routeQuery: null, routeAnswer: null, alt: 0 });
    say('');
  }

  return {
    setEnd,
    run,
    fill: (params) => form.fill(params),
    tapped(id) {
      const which = store.get().picking;
      if (!which || !id) return false;
      store.set({ picking: null });
      if (which === 'via') {
        form.setRole('via', id);
        return false;
      }
      setEnd(which, id);
      return true;
    },
    stepBy: (delta) => results.stepBy(delta),
  };
}
