/**
 * Dataset units and what combining them means (the rules are stated in selection.ts, and in the
 * README's "Datasets and units"): which datasets a snapshot knows, each one's unit, whether a set of
 * them combines, the 400 `dataset_mix` when it does not, and the unit of records written before
 * units were recorded.
 */
import type { Transition } from '../../contract/graph-data.js';
import { SEED_DATASET_NAME, SEED_DATASET_UNIT, type DatasetInfo, type DatasetUnit } from '../../contract/datasets.js';
import { AppError } from '../../errors.js';
import type { GraphSnapshot } from '../graph-snapshot.js';

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

/** Whether these datasets combine; null when they do, else why not. */
export function mixProblem(snapshot: GraphSnapshot, names: readonly string[]): string | null {
  if (names.length < 2) return null;
  const units = names.map((n) => unitOf(snapshot, n));
  if (units.includes('probability')) return 'a dataset of probabilities only combines with no other dataset';
  if (new Set(units).size > 1) return 'counts of different units do not add up (an account in an article is not a person)';
  return null;
}

/** The datasets an answer without `datasets=` uses; null when there is no sane default. */
export function defaultDatasets(snapshot: GraphSnapshot): string[] | null {
  const known = datasetNames(snapshot);
  if (!mixProblem(snapshot, known)) return known;
  if (known.includes(SEED_DATASET_NAME)) return [SEED_DATASET_NAME];
  return null;
}

/** The 400 for datasets that do not combine: names each with its unit and says how to choose. */
export function mixError(snapshot: GraphSnapshot, names: readonly string[], asked: boolean): AppError {
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
 * Records written before units were recorded read as `people` (db/import-rows.ts); a transition table among
 * them whose every stored transition has count 0 held probabilities only, so its unit is `probability`.
 * (A counted dataset never stores count 0, so this never relabels one.)
 */
export function withLegacyUnits(records: DatasetInfo[], stored: readonly Transition[]): DatasetInfo[] {
  const candidates = new Set(records.filter((d) => d.kind === 'transitions' && d.unit === 'people').map((d) => d.name));
  if (!candidates.size) return records;
  const zeroOnly = new Map<string, boolean>();
  for (const t of stored) if (candidates.has(t.dataset)) zeroOnly.set(t.dataset, (zeroOnly.get(t.dataset) ?? true) && t.count === 0);
  return records.map((d) => (zeroOnly.get(d.name) ? { ...d, unit: 'probability' as const } : d));
}
