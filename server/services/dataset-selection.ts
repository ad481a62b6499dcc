/**
 * Choosing datasets for an answer: `datasets=a,b` on the graph, role and
 * route endpoints keeps only those datasets' transitions and travelled careers.
 * Each answer says which datasets it used, in which unit, and how many
 * aggregates privacy suppression hid from them.
 *
 * What combining means depends on each dataset's unit (DatasetInfo.unit; the
 * seed's `articles` and any dataset written without an import count `accounts`):
 *
 * - Datasets of the same counted unit (`people` with `people`, `accounts` with
 *   `accounts`) combine: counts of the same move are summed and `likely`
 *   probabilities are recomputed from the summed counts.
 * - Counts of different units never add (an article's one account is not one
 *   person), and a `probability` dataset (a table of shares, no counts)
 *   combines with nothing, not even another one: asking for such a mix is a
 *   400 (`dataset_mix`) naming the datasets with their units and how to choose.
 *   A `probability` dataset alone drives every mode with its own probabilities.
 * - No `datasets=`: every dataset when they all combine (a fresh install: the
 *   articles alone); otherwise the seed's `articles` alone, so importing an HR
 *   system never silently changes what the page shows; otherwise (the articles
 *   are gone and the rest do not combine) a 400 asking to choose.
 *
 * The seed's personal career histories carry no dataset in the History type;
 * they were extracted from the articles, so they travel with the seed's
 * dataset (`articles`).
 */
import type { History, Transition } from '../contract/graph-data.js';
import {
  SEED_DATASET_NAME,
  SEED_DATASET_UNIT,
  type DatasetListResponse,
  type DatasetUnit,
  type DatasetUsage,
} from '../contract/imports.js';
import { AppError, invalidRequest } from '../errors.js';
import type { GraphSnapshot } from './graph-snapshot.js';
import { suppressionOf } from './imports/privacy.js';

/** What an answer over some datasets reads. */
export interface DatasetSelection {
  /** Stable key of the selection ('' = the default selection). */
  key: string;
  usage: DatasetUsage;
  /** The selection's unit (one: mixes are refused). */
  unit: DatasetUnit;
  /** What routes weigh moves by: summed counts, or (a probability dataset) the table's own probabilities. */
  weights: 'counts' | 'probabilities';
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

/** A dataset's unit: its record's, else (the seed, data written without an import) `accounts`. */
export function unitOf(snapshot: GraphSnapshot, name: string): DatasetUnit {
  return snapshot.datasetRecords.find((d) => d.name === name)?.unit ?? SEED_DATASET_UNIT;
}

/** Whether these datasets combine (see the rules at the top); null when they do, else why not. */
function mixProblem(snapshot: GraphSnapshot, names: readonly string[]): string | null {
  if (names.length < 2) return null;
  const units = names.map((n) => unitOf(snapshot, n));
  if (units.includes('probability')) return 'a dataset of probabilities only combines with no other dataset';
  if (new Set(units).size > 1) return 'counts of different units do not add up (an account in an article is not a person)';
  return null;
}

/** The datasets an answer without `datasets=` uses; null when there is no sane default (see the rules at the top). */
export function defaultDatasets(snapshot: GraphSnapshot): string[] | null {
  const known = datasetNames(snapshot);
  if (!mixProblem(snapshot, known)) return known;
  if (known.includes(SEED_DATASET_NAME)) return [SEED_DATASET_NAME];
  return null;
}

/** The 400 for datasets that do not combine: names each with its unit and says how to choose. */
function mixError(snapshot: GraphSnapshot, names: readonly string[], asked: boolean): AppError {
  const described = names.map((n) => ({ name: n, unit: unitOf(snapshot, n) }));
  const list = described.map((d) => `"${d.name}" (${d.unit})`).join(', ');
  const groups = new Map<DatasetUnit, string[]>();
  for (const d of described) if (d.unit !== 'probability') groups.set(d.unit, [...(groups.get(d.unit) ?? []), d.name]);
  const choices = [
    ...described.filter((d) => d.unit === 'probability').map((d) => `datasets=${d.name}`),
    ...[...groups.values()].map((g) => `datasets=${g.join(',')}`),
  ];
  const why = mixProblem(snapshot, names)!;
  const message = asked
    ? `Datasets ${list} cannot be combined: ${why}. Choose datasets of one unit, e.g. ${choices.join(' or ')}.`
    : `The stored datasets ${list} do not combine (${why}) and there is no "${SEED_DATASET_NAME}" dataset to use by default. Choose with datasets=, e.g. ${choices.join(' or ')}.`;
  return new AppError(400, 'dataset_mix', message, [{ field: 'datasets', message: why, datasets: described, choices }]);
}

/**
 * The selection for `requested` dataset names (undefined or empty = the default selection).
 * @throws AppError 400 naming the unknown datasets and the known ones, or (`dataset_mix`) datasets that do not combine
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

  if (wanted && mixProblem(snapshot, wanted)) throw mixError(snapshot, wanted, true);
  const used = wanted ?? defaultDatasets(snapshot);
  if (!used) throw mixError(snapshot, known, false);
  const unit = used.length ? unitOf(snapshot, used[0]!) : SEED_DATASET_UNIT;
  const everything = used.length === known.length;
  const keep = new Set(used);
  const transitions = everything ? snapshot.transitions : snapshot.transitions.filter((t) => keep.has(t.dataset));
  const travel: DatasetSelection['travel'] = [];
  if (keep.has(SEED_DATASET_NAME)) travel.push(...snapshot.histories);
  for (const p of snapshot.routePatterns) {
    if (!keep.has(p.dataset)) continue;
    travel.push({ id: p.id, label: p.id, labelJa: p.id, source: p.dataset, roles: p.roles, evidence: [], count: p.count });
  }
  const selection: DatasetSelection = {
    key,
    usage: { used, unit, suppressed: suppressionOf(used, snapshot.datasetRecords, snapshot.hidden) },
    unit,
    weights: unit === 'probability' ? 'probabilities' : 'counts',
    transitions,
    travel,
  };
  perSnapshot.set(key, selection);
  return selection;
}

/**
 * `GET /api/datasets`: every dataset with its record (imported ones) or, for datasets written without an
 * import (the seed's `articles`), a built-in record derived from the snapshot: unit `accounts`, no
 * threshold, its stored transition count; and the default selection.
 */
export function describeDatasets(snapshot: GraphSnapshot): DatasetListResponse {
  return {
    datasets: datasetNames(snapshot).map((name) => {
      const record = snapshot.datasetRecords.find((d) => d.name === name);
      if (record) return { ...record, imported: true };
      return {
        name,
        kind: 'transitions' as const,
        unit: SEED_DATASET_UNIT,
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
    default: defaultDatasets(snapshot) ?? [],
  };
}
