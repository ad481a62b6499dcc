/** Wiring only: fetch the graph, draw it, and connect taps, the panel and the language switch. */
import { api, ApiError } from './api/client.js';
import { toElements } from './graph/elements.js';
import { GraphView } from './graph/view.js';
import { t, type Lang } from './i18n/strings.js';
import { renderLegend } from './ui/legend.js';
import { renderRoleHint, renderRolePanel } from './ui/role-panel.js';

const $ = (id: string) => document.getElementById(id)!;
const url = new URL(window.location.href);
let lang: Lang = url.searchParams.get('lang') === 'ja' ? 'ja' : 'en';
let selected: string | null = url.searchParams.get('role');
let view: GraphView | null = null;

const status = (text: string, isError = false) => {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
};
const message = (err: unknown) => (err instanceof ApiError || err instanceof Error ? err.message : String(err));

function syncUrl(): void {
  const next = new URL(window.location.href);
  next.searchParams.set('lang', lang);
  if (selected) next.searchParams.set('role', selected);
  else next.searchParams.delete('role');
  history.replaceState(null, '', next);
}

async function showRole(id: string | null): Promise<void> {
  selected = id;
  syncUrl();
  view?.select(id);
  if (!id) return renderRoleHint($('details'), lang);
  try {
    renderRolePanel($('details'), await api.role(id), lang, (other) => void showRole(other));
  } catch (err) {
    $('details').textContent = t(lang).error(message(err));
  }
}

function applyLanguage(): void {
  document.documentElement.lang = lang;
  document.querySelectorAll<HTMLElement>('[data-i18n="tagline"]').forEach((el) => (el.textContent = t(lang).tagline));
  document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
  renderLegend($('legend'), lang);
  view?.setLanguage(lang);
}

document.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((button) =>
  button.addEventListener('click', () => {
    lang = button.dataset.lang === 'ja' ? 'ja' : 'en';
    applyLanguage();
    syncUrl();
    void showRole(selected);
  }),
);

async function start(): Promise<void> {
  applyLanguage();
  status(t(lang).loading);
  try {
    const graph = await api.graph();
    view = new GraphView($('cy'), toElements(graph), lang);
    view.onRoleTap((id) => void showRole(id));
    status(t(lang).loaded(graph.elements.nodes.length, graph.elements.edges.length));
    document.body.dataset.ready = 'true';
    await showRole(selected);
  } catch (err) {
    status(t(lang).error(message(err)), true);
  }
}

void start();
