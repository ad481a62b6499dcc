/**
 * Choosing datasets for an answer: `datasets=a,b` on the graph, role and
 * route endpoints keeps only those datasets' transitions and travelled careers.
 * Each answer says which datasets it used, in which unit, and how many
 * aggregates privacy suppression hid from them.
 *
 * What combining means depends on each dataset's unit (DatasetInfo.unit; the
 * seed's `articles` and any dataset written without an import count `accounts`;
 * the checks are in units.ts):
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
import type { History, Transition } from '../../contract/graph-data.js';
import { SEED_DATASET_NAME, SEED_DATASET_UNIT, type DatasetUnit, type DatasetUsage } from '../../contract/datasets.js';
import { invalidRequest } from '../../errors.js';
import type { GraphSnapshot } from '../graph-snapshot.js';
import { suppressionOf } from './privacy.js';
import { datasetNames, defaultDatasets, mixError, mixProblem, unitOf } from './units.js';

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
