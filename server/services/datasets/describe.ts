/** `GET /api/datasets`: what the datasets are, as the page and the CLIs list them. */
import { SEED_DATASET_UNIT, type DatasetListResponse } from '../../contract/datasets.js';
import type { GraphSnapshot } from '../graph-snapshot.js';
import { datasetNames, defaultDatasets } from './units.js';

/**
 * Every dataset with its record (imported ones) or, for datasets written without an import (the seed's
 * `articles`), a built-in record derived from the snapshot: unit `accounts`, no threshold, its stored
 * transition count; and the default selection.
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
