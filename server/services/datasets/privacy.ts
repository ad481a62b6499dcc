/**
 * Privacy suppression when data is read: transitions and route patterns of an
 * imported dataset seen fewer than the dataset's k times are left out, and
 * counted. Imports already store nothing below k (so saved queries, which read
 * the database itself, cannot see such aggregates either); this second pass
 * keeps the rule true if a dataset's k is ever raised after its import.
 * Datasets without a record (the seed's `articles`, data written by the seed
 * loader) are exempt. Probability-only transitions (count 0: no accounts) are
 * not counts and are never hidden.
 */
import type { Transition } from '../../contract/graph-data.js';
import type { DatasetInfo, DatasetUsage, RoutePattern } from '../../contract/datasets.js';

export interface PrivateView {
  transitions: Transition[];
  routePatterns: RoutePattern[];
  /** Per dataset: what this pass hid. */
  hidden: Record<string, { transitions: number; routes: number }>;
}

/** Drops aggregates below their dataset's k. */
export function applyPrivacy(transitions: Transition[], routePatterns: RoutePattern[], records: readonly DatasetInfo[]): PrivateView {
  const k = new Map(records.map((d) => [d.name, d.minCount]));
  const hidden: PrivateView['hidden'] = {};
  const hide = (dataset: string, what: 'transitions' | 'routes') => {
    const h = (hidden[dataset] ??= { transitions: 0, routes: 0 });
    h[what]++;
  };
  const keptTransitions = k.size === 0 ? transitions : transitions.filter((t) => {
    const min = k.get(t.dataset);
    if (min === undefined || t.count === 0 || t.count >= min) return true;
    hide(t.dataset, 'transitions');
    return false;
  });
  const keptRoutes = routePatterns.filter((p) => {
    const min = k.get(p.dataset);
    if (min === undefined || p.count >= min) return true;
    hide(p.dataset, 'routes');
    return false;
  });
  return { transitions: keptTransitions, routePatterns: keptRoutes, hidden };
}

/** How many aggregates of `used` datasets are suppressed: what their imports left out plus what the snapshot hid. */
export function suppressionOf(used: readonly string[], records: readonly DatasetInfo[], hidden: PrivateView['hidden']): DatasetUsage['suppressed'] {
  let transitions = 0;
  let routes = 0;
  for (const name of used) {
    const record = records.find((d) => d.name === name);
    transitions += (record?.suppressedTransitions ?? 0) + (hidden[name]?.transitions ?? 0);
    routes += (record?.suppressedRoutes ?? 0) + (hidden[name]?.routes ?? 0);
  }
  return { transitions, routes };
}
