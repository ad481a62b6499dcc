/**
 * Wiring only: reads the address bar, loads the graph, and connects the search
 * box, the role panel, the route finder, the toolbar and the language switch
 * to the graph view. The address bar is rewritten after every change so the
 * page can be shared as it is.
 */
// First: zod's settings must be in place before any schema is built.
import './api/zod-config.js';
import type { GraphResponse, RoleDetailsResponse } from '../../server/contract/api.js';
import type { DatasetUnit } from '../../server/contract/datasets.js';
import type { RouteResponse } from '../../server/contract/routes.js';
import { api, ApiError } from './api/client.js';
import { readToken } from './api/read-token.js';
import { applyRouteColour } from './graph/families.js';
import { Reach } from './graph/reach.js';
import { RoleDirectory } from './graph/role-directory.js';
import { GraphView } from './graph/view.js';
import { t, type Lang, type Strings } from './i18n/strings.js';
import { parseViewState, serializeViewState, type RouteParams } from './state/url-state.js';
import { DatasetPicker } from './ui/dataset-picker.js';
import { h } from './ui/dom.js';
import { ExportPanel } from './ui/export-panel.js';
import { ImportDialog } from './ui/import-dialog.js';
import { renderLegend } from './ui/legend.js';
import type { QueriesPanel } from './ui/queries-panel.js';
import { SideTabs, type SideTab } from './ui/side-tabs.js';
import { renderRoleHint, renderRolePanel } from './ui/role-panel.js';
import { RoleCombobox } from './ui/role-combobox.js';
import { describeRouteError } from './ui/route-errors.js';
import { RouteForm, type PickerName } from './ui/route-form.js';
import { RouteResults } from './ui/route-results.js';
import { SignInForm } from './ui/sign-in.js';
import { Toolbar } from './ui/toolbar.js';

const $ = (id: string) => document.getElementById(id)!;
applyRouteColour();

/** Where the choice of language is remembered between visits. */
const LANG_KEY = 'rolepath.lang';
const initial = parseViewState(window.location.search);
let lang: Lang = firstLanguage();
let selected: string | null = initial.role;
/** The route query whose answer is shown (null = none). */
let routeQuery: RouteParams | null = null;
let alt = 0;
let view: GraphView | null = null;
let toolbar: Toolbar | null = null;
let directory = new RoleDirectory([]);
let reach: Reach | null = null;
let details: RoleDetailsResponse | null = null;
let picking: PickerName | null = null;
let loadedText = (s: Strings) => s.loading;
/** The route answer shown (for exports), the data version of the graph on screen and its datasets. */
let routeAnswer: RouteResponse | null = null;
let dataVersion: Promise<string> = Promise.resolve('unknown');
let datasets: string[] = [];
/** The datasets asked for (`datasets=a,b`; undefined = the server's default) and the unit of those shown. */
let chosenDatasets: string[] | undefined = initial.datasets;
let datasetUnit: DatasetUnit | null = null;

const s = () => t(lang);

/**
 * The page's language: the address bar's `?lang=` (a shared link), else the
 * visitor's last choice, else the first of the browser's languages we have
 * (navigator.languages), else English.
 */
function firstLanguage(): Lang {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked === 'ja' || asked === 'en') return asked;
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(LANG_KEY);
  } catch {
    // storage may be off (private mode, policy): fall through to the browser's languages
  }
  if (remembered === 'ja' || remembered === 'en') return remembered;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}
const searchRoles = (q: string) => api.searchRoles(q, 8).then((r) => r.roles);

function syncUrl(): void {
  // Until the panel has loaded, the query the link named is still the one to keep.
  const open = queriesPanel ? queriesPanel.openName : (initial.query ?? null);
  const queries = sideTabs.selected === 'queries' ? { panel: 'queries' as const, ...(open ? { query: open } : {}) } : {};
  const query = serializeViewState({ lang, role: selected, route: routeQuery, alt, ...queries, ...(chosenDatasets ? { datasets: chosenDatasets } : {}) });
  history.replaceState(null, '', `${window.location.pathname}?${query}`);
}

function status(text: string, isError = false, retry?: () => void): void {
  const el = $('status');
  el.classList.toggle('error', isError);
  el.replaceChildren(text);
  if (retry) {
    const b = h('button', { type: 'button', class: 'retry' }, s().retry);
    b.addEventListener('click', retry);
    el.append(' ', b);
  }
}

function routeMessage(text: string, isError = false, retry?: () => void): void {
  const el = $('route-message');
  el.classList.toggle('error', isError);
  el.classList.remove('sr-only');
  el.replaceChildren(text);
  if (retry) {
    const b = h('button', { type: 'button', class: 'retry' }, s().retry);
    b.addEventListener('click', retry);
    el.append(' ', b);
  }
}

// ——— roles ———

async function showRole(id: string | null): Promise<void> {
  selected = id;
  syncUrl();
  view?.select(id);
  if (!id) {
    details = null;
    return renderRoleHint($('details'), lang);
  }
  try {
    details = await api.role(id, chosenDatasets);
    if (selected === id) renderDetails();
  } catch (err) {
    const text = err instanceof ApiError && err.code === 'network' ? s().networkError : s().error(err instanceof Error ? err.message : String(err));
    $('details').replaceChildren(h('p', { class: 'error', role: 'alert' }, text));
  }
}

function renderDetails(): void {
  if (!details) return renderRoleHint($('details'), lang);
  renderRolePanel($('details'), details, lang, {
    onRole: (other) => {
      void showRole(other);
      view?.centre(other);
    },
    onExpand: (id) => view?.expand(id),
    onFocus: (id) => view?.focus(id),
    onRouteFrom: (id) => setEnd('from', id),
    onRouteTo: (id) => setEnd('to', id),
  });
}

// ——— routes ———

const form = new RouteForm($('route-form'), {
  lang: () => lang,
  directory: () => directory,
  search: searchRoles,
  onSubmit: (params) => void runRoute(params, 0),
  onClear: clearRoute,
  onPick: armPick,
  reach: () => reach,
});

const results = new RouteResults($('route-results'), {
  lang: () => lang,
  directory: () => directory,
  onAlt: (i) => {
    alt = i;
    view?.highlightRoute(results.route?.roles ?? null);
    syncUrl();
    syncExport();
  },
  onStep: (i) => view?.setStep(i),
  onClear: clearRoute,
  onPickEnd: (end, id) => setEnd(end, id),
});

/** Fills one end of the route; with both ends known, finds the route at once. */
function setEnd(which: 'from' | 'to', id: string): void {
  sideTabs.select('routes');
  form.setRole(which, id);
  const other = which === 'from' ? 'to' : 'from';
  if (form.value(other)) {
    const params = form.read();
    if (params) void runRoute(params, 0);
  } else {
    form.focusField(other);
  }
}

async function runRoute(params: RouteParams, chosen: number): Promise<void> {
  form.clearErrors();
  routeMessage(s().finding);
  try {
    const response = await api.routes(params, lang, chosenDatasets);
    routeQuery = params;
    routeAnswer = response;
    results.show(response, chosen);
    alt = response.routes.length ? Math.min(chosen, response.routes.length - 1) : 0;
    routeMessage('');
    view?.highlightRoute(results.route?.roles ?? null);
    // A route found replaces a query result on the graph.
    if (results.route) queriesPanel?.highlightCleared();
    syncExport();
  } catch (err) {
    // Keep the form as typed and the last answer as drawn: only say what went wrong.
    const report = describeRouteError(err, params, directory, lang);
    const shown = report.fields.filter((f) => form.showError(f.field, f.message, f.suggestions));
    routeMessage(report.summary, true, report.retry ? () => void runRoute(params, chosen) : undefined);
    // Errors shown next to their fields are not repeated on screen; the alert still reads them out.
    $('route-message').classList.toggle('sr-only', shown.length > 0 && shown.length === report.fields.length);
    if (shown[0]) form.focusField(shown[0].field);
  }
  syncUrl();
}

function clearRoute(): void {
  routeQuery = null;
  routeAnswer = null;
  alt = 0;
  results.clear();
  routeMessage('');
  view?.highlightRoute(null);
  syncUrl();
  syncExport();
}

// ——— export ———

const exportPanel = new ExportPanel({
  lang: () => lang,
  source: {
    cy: () => view?.core ?? null,
    route: () => (routeAnswer?.routes[alt] ? { response: routeAnswer, alt } : null),
    directory: () => directory,
    dataVersion: () => dataVersion,
    datasets: () => datasets,
    unit: () => datasetUnit,
  },
});
$('export-open').addEventListener('click', () => exportPanel.open());
$('path-diagram').addEventListener('click', () => exportPanel.open('route'));

// ——— import ———

// The import dialog's button sits next to Export…; a written import reloads the page (its state is in the address bar).
// The reloaded page offers the dataset just imported (a role catalogue writes none).
const importDialog = new ImportDialog({
  lang: () => lang,
  onImported: (report) => {
    if (report.unit) DatasetPicker.rememberOffer(report.dataset);
    setTimeout(() => window.location.reload(), 1500);
  },
});
$('export-open').after(importDialog.button);

// ——— datasets ———

// A choice is loaded before anything changes: a mix the server refuses leaves the page as it was, with the message in the picker.
const datasetPicker = new DatasetPicker({
  lang: () => lang,
  list: api.datasets,
  choose: async (next) => {
    const graph = await api.graph(next ?? undefined);
    chosenDatasets = next ?? undefined;
    await start(graph);
  },
});
$('export-open').before(datasetPicker.root);

/** Shows the path-diagram button while a route is shown, and keeps an open export dialog current. */
function syncExport(): void {
  $('route-export').hidden = !routeAnswer?.routes[alt];
  $('export-open').title = s().exportOpenTitle;
  exportPanel.refresh();
}

// ——— saved queries ———

let queriesPanel: QueriesPanel | null = null;
let queriesPanelLoading: Promise<QueriesPanel> | null = null;

/** The queries panel, with its own chunk loaded the first time it is needed (the explorer's first paint does not pay for it). */
function loadQueriesPanel(): Promise<QueriesPanel> {
  queriesPanelLoading ??= import('./ui/queries-panel.js').then(
    ({ QueriesPanel }) =>
      (queriesPanel = new QueriesPanel($('queries-panel'), {
        lang: () => lang,
        directory: () => directory,
        search: searchRoles,
        queries: api.queries,
        highlight: (ids) => view?.highlightResult(ids) ?? { nodes: 0, edges: 0 },
        onRole: (id) => {
          void showRole(id);
          view?.centre(id);
        },
        onOpen: () => syncUrl(),
      })),
    (err: unknown) => {
      queriesPanelLoading = null;
      const text = s().error(err instanceof Error ? err.message : String(err));
      $('queries-panel').replaceChildren(h('p', { class: 'error', role: 'alert' }, text));
      throw err;
    },
  );
  return queriesPanelLoading;
}

/** The queries tab widens the left column (the graph gets narrower) and loads the library on first use. */
function showTab(tab: SideTab): void {
  document.body.classList.toggle('queries-open', tab === 'queries');
  // The graph's box changed size: keep what was in its middle in the middle.
  const cy = view?.core;
  if (cy) {
    const [width, height] = [cy.width(), cy.height()];
    cy.resize();
    cy.panBy({ x: (cy.width() - width) / 2, y: (cy.height() - height) / 2 });
  }
  if (tab === 'queries') {
    if (!queriesPanel) $('queries-panel').replaceChildren(h('p', { class: 'muted' }, s().qLoading));
    loadQueriesPanel().then((panel) => panel.load(), () => undefined);
  }
}

const sideTabs = new SideTabs($('side-tabs'), (tab) => {
  showTab(tab);
  syncUrl();
});
if (initial.panel === 'queries') {
  sideTabs.select('queries', false, false);
  showTab('queries');
}

const pickLabel = (which: PickerName) => (which === 'via' ? s().via : s()[which]);

function armPick(which: PickerName): void {
  picking = which;
  $('cy').classList.add('picking');
  status(s().pickOnGraph(pickLabel(which)));
  $('cy').focus();
}

function disarmPick(): void {
  picking = null;
  $('cy').classList.remove('picking');
  status(loadedText(s()));
}

// ——— search, language, keyboard ———

const search = new RoleCombobox({
  id: 'search',
  search: searchRoles,
  lang: () => lang,
  enterChoosesFirst: true,
  onChoose: (o) => {
    void showRole(o.id);
    view?.centre(o.id);
  },
});
$('search-box').replaceWith(search.root);

function applyLanguage(): void {
  document.documentElement.lang = lang;
  importDialog.refresh();
  datasetPicker.refresh();
  signIn.refresh();
  document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => (el.textContent = String(s()[el.dataset.i18n as 'tagline'])));
  document.querySelectorAll<HTMLElement>('[data-i18n-label]').forEach((el) => el.setAttribute('aria-label', String(s()[el.dataset.i18nLabel as 'legend'])));
  document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
  search.input.placeholder = s().searchPlaceholder;
  renderLegend($('legend'), lang);
  view?.setLanguage(lang);
  form.setLang();
  results.setLang();
  toolbar?.setLang();
  queriesPanel?.setLang();
  renderDetails();
  syncExport();
  if (!$('status').classList.contains('error')) status(picking ? s().pickOnGraph(pickLabel(picking)) : loadedText(s()));
}

document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((button) =>
  button.addEventListener('click', () => {
    lang = button.dataset.lang === 'ja' ? 'ja' : 'en';
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // not remembered, but the address bar still says it
    }
    applyLanguage();
    syncUrl();
    // The server's note and no-route answer are in the old language: ask again.
    if (routeQuery && routeAnswer && (routeAnswer.note || routeAnswer.noRoute)) void runRoute(routeQuery, alt);
  }),
);

document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  if (e.key === 'Escape' && picking) return disarmPick();
  // Inputs (text, radio, range, number) use the arrow keys themselves.
  if (target.closest('input, select, textarea, [role="listbox"], [contenteditable="true"]') || e.altKey || e.ctrlKey || e.metaKey) return;
  if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && results.route) {
    e.preventDefault();
    results.stepBy(e.key === 'ArrowRight' ? 1 : -1);
  } else if (target.id === 'cy' && view) {
    const pan = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] }[e.key];
    if (pan) view.panBy(pan[0]!, pan[1]!);
    else if (e.key === '+' || e.key === '=' || e.key === '-') view.zoomBy(e.key === '-' ? 0.8 : 1.25);
    else if (e.key === 'f' || e.key === 'F') view.fit();
    else return;
    e.preventDefault();
  }
});

// ——— start ———

/** Shown when the server needs a read token (READ_TOKEN) the page does not have. */
const signIn = new SignInForm(s, () => void start());
$('status').after(signIn.root);

/** Whether the first graph has loaded (a later start is a change of datasets: the route and role shown are asked again). */
let started = false;

/** Loads and draws the graph (`prefetched`: the one a change of datasets already loaded). */
async function start(prefetched?: GraphResponse): Promise<void> {
  status(s().loading);
  try {
    const graph = prefetched ?? (await api.graph(chosenDatasets));
    // Fetched right after the graph, so exports of the view name the data version they show.
    dataVersion = api.health().then(
      (health) => health.dataVersion,
      () => 'unknown',
    );
    datasets = graph.datasets?.used ?? [...new Set(graph.elements.edges.map((e) => e.data.dataset))];
    datasetUnit = graph.datasets?.unit ?? null;
    datasetPicker.setShown(graph.datasets ?? null);
    directory = RoleDirectory.fromGraph(graph);
    reach = new Reach(graph.elements.edges.map((e) => e.data));
    // Another choice of datasets replaces the graph drawn (and stops a layout still running for it).
    view?.cancelLayout();
    view?.core.destroy();
    $('cy').replaceChildren();
    view = new GraphView($('cy'), graph, lang);
    const v = view;
    const edges = graph.elements.edges.length;
    toolbar = new Toolbar($('toolbar'), () => lang, {
      zoomIn: () => v.zoomBy(1.25),
      zoomOut: () => v.zoomBy(0.8),
      fit: () => v.fit(),
      relayout: () => {
        // A large graph is laid out in a worker: the page stays usable, shows how far it got, and can stop it.
        const progress = (fraction: number) => {
          status(`${s().laying} ${Math.round(fraction * 100)} %`);
          const cancel = h('button', { type: 'button', class: 'retry', 'data-testid': 'cancel-layout' }, s().qCancel);
          cancel.addEventListener('click', () => v.cancelLayout());
          $('status').append(' ', cancel);
        };
        document.body.dataset.layout = 'running';
        progress(0);
        void v.relayout(progress).then(() => {
          delete document.body.dataset.layout;
          status(loadedText(s()));
        });
      },
      showAll: () => v.showAll(),
      setMinCount: (min) => v.setMinCount(min),
    }, v.maxCount, edges);
    v.onVisibilityChange((hidden) => toolbar?.setHasHidden(hidden));
    v.onRoleTap((id) => {
      if (picking && id) {
        const which = picking;
        disarmPick();
        if (which === 'via') form.setRole('via', id);
        else return setEnd(which, id);
      }
      void showRole(id);
    });
    await v.ready;
    $('export-open').hidden = false;
    loadedText = (st) => st.loaded(graph.elements.nodes.length, edges);
    status(loadedText(s()));
    document.body.dataset.ready = 'true';
    document.body.dataset.datasets = datasets.join(',');
    if (started) {
      syncUrl();
      if (routeQuery) await runRoute(routeQuery, alt);
      return await showRole(selected);
    }
    started = true;
    if (initial.route) {
      form.fill(initial.route);
      await runRoute(initial.route, initial.alt);
    }
    await showRole(selected);
    if (selected && !initial.route) view.centre(selected);
    if (initial.query) await (await loadQueriesPanel()).openQuery(initial.query, false);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      status('');
      return signIn.show(readToken.get() !== null);
    }
    // A link naming datasets the server refuses (a mix of units, a name it does not know): its message, and the picker to choose again.
    if (err instanceof ApiError && err.status === 400 && (err.code === 'dataset_mix' || err.details.some((d) => d.field === 'datasets'))) {
      status(s().error(err.message), true);
      return void datasetPicker.open(err, chosenDatasets);
    }
    const text = err instanceof ApiError && err.code === 'network' ? s().networkError : s().error(err instanceof Error ? err.message : String(err));
    status(text, true, () => void start());
  }
}

applyLanguage();
if (initial.route) form.fill(initial.route);
void start();
