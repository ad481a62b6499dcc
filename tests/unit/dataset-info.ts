/** A dataset record (as /api/datasets lists it) for unit tests: override only what a test cares about. */
import type { DatasetInfo } from '../../server/contract/datasets.js';

export function buildDatasetInfo(overrides: Partial<DatasetInfo> & Pick<DatasetInfo, 'name'>): DatasetInfo {
  return {
    kind: 'histories',
    unit: 'people',
    minCount: 1,
    importedAt: '2026-01-01T00:00:00.000Z',
    rowsRead: 0,
    people: 0,
    stints: 0,
    transitions: 0,
    routes: 0,
    suppressedTransitions: 0,
    suppressedRoutes: 0,
    ...overrides,
  };
}
