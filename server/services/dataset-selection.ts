/**
 * Choosing datasets for an answer: `datasets=a,b` on the graph, role and
 * route endpoints keeps only those datasets' transitions and travelled careers
 * (several datasets are combined: counts of the same move are summed); no
 * parameter means every dataset. Each answer says which datasets it used and
 * how many aggregates privacy suppression hid from them.
 *
 * The seed's personal career histories carry no dataset in the History type;
 * they were extracted from the articles, so they travel with the seed's
 * dataset (`articles`).
 */
import type { History, Transition } from '../contract/graph-data.js';
import { SEED_DATASET_NAME, type DatasetListResponse, type DatasetUsage } from '../contract/imports.js';
import { invalidRequest } from '../errors.js';
import type { GraphSnapshot } from './graph-snapshot.js';
import { suppressionOf } from './imports/privacy.js';

/** What an answer over some datasets reads. */
export interface DatasetSelection {
  /** Stable key of the selection ('' = every dataset). */
  key: string;
  usage: DatasetUsage;
  transitions: Transition[];
  /** Career sequences for travelled routes: histories (one person each) and route patterns (`count` people each). */
  travel: (History & { count?: number })[];
}

const cache = new WeakMap<GraphSnapshot, Map<string, DatasetSelection>>();

/** Every dataset name the snapshot knows, sorted. */
export function datasetNames(snapshot: GraphSnapshot): string[] {
  const names = new Set<string>(Object.keys(snapshot.datasets));
  for (const d of snapshot.datasetRecords) names.add(d.name);
  for (const p of snapshot.routePatterns) names.add(p.dataset);
  if (snapshot.histories.length) names.add(SEED_DATASET_NAME);
  return [...names].sort();
}

/**
 * The selection for `requested` dataset names (undefined or empty = all).
 * @throws AppError 400 naming the unknown datasets and the known ones
 */
export function selectDatasets(snapshot: GraphSnapshot, requested: readonly string[] | undefined): DatasetSelection {
  const known = datasetNames(snapshot);
  const wanted = requested && requested.length ? [...new Set(requested)].sort() : null;
  if (wanted) {
    const unknown = wanted.filter((d) => !known.includes(d));
    if (unknown.length) {
      throw invalidRequest(`Unknown dataset${unknown.length > 1 ? 's' : ''} ${unknown.map((d) => `"${d}"`).join(', ')}. Datasets: ${known.join(', ') || 'none'}.`, [
        { field: 'datasets', message: `unknown: ${unknown.join(', ')}`, known },
      ]);
    }
  }
  const key = wanted ? wanted.join(',') : '';
  let perSnapshot = cache.get(snapshot);
  if (!perSnapshot) cache.set(snapshot, (perSnapshot = new Map()));
  const hit = perSnapshot.get(key);
  if (hit) return hit;

  const used = wanted ?? known;
  const keep = wanted ? new Set(wanted) : null;
  const transitions = keep ? snapshot.transitions.filter((t) => keep.has(t.dataset)) : snapshot.transitions;
  const travel: DatasetSelection['travel'] = [];
  if (!keep || keep.has(SEED_DATASET_NAME)) travel.push(...snapshot.histories);
  for (const p of snapshot.routePatterns) {
    if (keep && !keep.has(p.dataset)) continue;
    travel.push({ id: p.id, label: p.id, labelJa: p.id, source: p.dataset, roles: p.roles, evidence: [], count: p.count });
  }
  const selection: DatasetSelection = {
    key,
    usage: { used, suppressed: suppressionOf(used, snapshot.datasetRecords, snapshot.hidden) },
    transitions,
    travel,
  };
  perSnapshot.set(key, selection);
  return selection;
}

/** `GET /api/datasets`: every dataset with its record (imported ones) or its stored transition count (the seed). */
export function describeDatasets(snapshot: GraphSnapshot): DatasetListResponse {
  return {
    datasets: datasetNames(snapshot).map((name) => {
      const record = snapshot.datasetRecords.find((d) => d.name === name);
      if (record) return { ...record, imported: true };
      return {
        name,
        kind: 'transitions' as const,
        minCount: 1,
        importedAt: '',
        rowsRead: 0,
        people: 0,
        stints: 0,
        transitions: snapshot.datasets[name] ?? 0,
        routes: 0,
        suppressedTransitions: 0,
        suppressedRoutes: 0,
        imported: false,
      };
    }),
  };
}
