/**
 * What the address bar holds: language, selected role, the route query and the
 * chosen alternative. Pure (strings in, objects out) so a shared link restores
 * exactly the view it was copied from, and so it is tested without a browser.
 */
import { ROUTE_LIMITS, ROUTE_MODES, type RouteModeName } from '../../../server/contract/routes.js';
import type { Lang } from '../i18n/strings.js';

/** A route query as the form holds it; defaults match the route API's. */
export interface RouteParams {
  from: string;
  to: string;
  mode: RouteModeName;
  k: number;
  maxHops: number;
  avoid: string[];
  via: string;
  families: string[];
  minCount: number;
  /** Rank over moves people made only (`kinds=move`); false = recommendations and splits too (the API default). */
  observedOnly: boolean;
}

/** Everything a link restores. */
export interface ViewState {
  lang: Lang;
  role: string | null;
  route: RouteParams | null;
  /** Index of the chosen alternative (0 = best). */
  alt: number;
  /** The left column shows the saved queries (`panel=queries`); absent = the route finder. */
  panel?: 'queries';
  /** The saved query open there (`q=name`). */
  query?: string;
  /** The datasets shown (`datasets=a,b`, the API's parameter); absent = the server's default selection. */
  datasets?: string[];
}

/** The route API's defaults (server/contract/routes.ts). */
export const ROUTE_DEFAULTS: Omit<RouteParams, 'from' | 'to'> = {
  mode: ROUTE_LIMITS.defaultMode,
  k: ROUTE_LIMITS.defaultK,
  maxHops: ROUTE_LIMITS.defaultMaxHops,
  avoid: [],
  via: '',
  families: [],
  minCount: ROUTE_LIMITS.defaultMinCount,
  observedOnly: false,
};

const list = (s: string | null) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

/** An integer in [min, max], or the fallback when absent or malformed (a hand-edited link must not break the page). */
function int(s: string | null, fallback: number, min: number, max: number): number {
  if (s === null || !/^\d+$/.test(s)) return fallback;
  return Math.min(max, Math.max(min, Number(s)));
}

/** Reads a ViewState from a query string (`?lang=ja&from=…`). */
export function parseViewState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const from = p.get('from')?.trim() ?? '';
  const to = p.get('to')?.trim() ?? '';
  const mode = p.get('mode');
  const datasets = datasetList(p.get('datasets'));
  const route: RouteParams | null =
    from && to
      ? {
          from,
          to,
          mode: (ROUTE_MODES as readonly string[]).includes(mode ?? '') ? (mode as RouteModeName) : ROUTE_DEFAULTS.mode,
          k: int(p.get('k'), ROUTE_DEFAULTS.k, ROUTE_LIMITS.minK, ROUTE_LIMITS.maxK),
          maxHops: int(p.get('maxHops'), ROUTE_DEFAULTS.maxHops, ROUTE_LIMITS.minMaxHops, ROUTE_LIMITS.maxMaxHops),
          avoid: list(p.get('avoid')),
          via: p.get('via')?.trim() ?? '',
          families: list(p.get('families')),
          minCount: int(p.get('minCount'), ROUTE_DEFAULTS.minCount, 0, 1_000_000),
          observedOnly: p.get('kinds') === 'move',
        }
      : null;
  return {
    lang: p.get('lang') === 'ja' ? 'ja' : 'en',
    role: p.get('role')?.trim() || null,
    route,
    alt: route ? int(p.get('alt'), 0, 0, 19) : 0,
    // Left out when absent, so links without them read back exactly as before.
    ...(p.get('panel') === 'queries' || p.get('q')?.trim() ? { panel: 'queries' as const } : {}),
    ...(p.get('q')?.trim() ? { query: p.get('q')!.trim() } : {}),
    ...(datasets.length ? { datasets } : {}),
  };
}

/** `datasets=a,b` as the API takes it: names trimmed, empty and repeated ones dropped, order kept. */
export function datasetList(s: string | null): string[] {
  return [...new Set(list(s))];
}

/**
 * The route parameters that differ from the API defaults, in a stable order.
 * Used both for the address bar and for the API request, so they never disagree.
 */
export function routeSearchParams(route: RouteParams): URLSearchParams {
  const p = new URLSearchParams({ from: route.from, to: route.to });
  if (route.mode !== ROUTE_DEFAULTS.mode) p.set('mode', route.mode);
  if (route.k !== ROUTE_DEFAULTS.k) p.set('k', String(route.k));
  if (route.maxHops !== ROUTE_DEFAULTS.maxHops) p.set('maxHops', String(route.maxHops));
  if (route.avoid.length) p.set('avoid', route.avoid.join(','));
  if (route.via) p.set('via', route.via);
  if (route.families.length) p.set('families', route.families.join(','));
  if (route.minCount !== ROUTE_DEFAULTS.minCount) p.set('minCount', String(route.minCount));
  if (route.observedOnly) p.set('kinds', 'move');
  return p;
}

/** Writes a ViewState as a query string (without the leading `?`); defaults are left out to keep links short. */
export function serializeViewState(state: ViewState): string {
  const p = new URLSearchParams({ lang: state.lang });
  if (state.datasets?.length) p.set('datasets', [...new Set(state.datasets)].join(','));
  if (state.role) p.set('role', state.role);
  if (state.route) {
    for (const [k, v] of routeSearchParams(state.route)) p.set(k, v);
    if (state.alt > 0) p.set('alt', String(state.alt));
  }
  if (state.panel === 'queries') {
    if (state.query) p.set('q', state.query);
    else p.set('panel', 'queries');
  }
  return p.toString();
}

/** True when any constraint beyond from/to/mode/k is set (the form then opens its "more" section). */
export function hasConstraints(route: RouteParams): boolean {
  return (
    route.maxHops !== ROUTE_DEFAULTS.maxHops ||
    route.avoid.length > 0 ||
    route.via !== '' ||
    route.families.length > 0 ||
    route.minCount !== ROUTE_DEFAULTS.minCount ||
    route.observedOnly
  );
}
