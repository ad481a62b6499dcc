/** Privacy suppression when data is read, and dataset selection over a snapshot. */
import { describe, expect, it } from 'vitest';
import type { DatasetInfo, RoutePattern } from '../../server/contract/datasets.js';
import { selectDatasets } from '../../server/services/datasets/selection.js';
import { makeSnapshot } from '../../server/services/graph-snapshot.js';
import { buildHistory, buildRole, buildTransition } from '../fixtures/graph.js';
import { buildDatasetInfo } from './dataset-info.js';

const record = (name: string, minCount: number, suppressed = { transitions: 0, routes: 0 }, unit: DatasetInfo['unit'] = 'people'): DatasetInfo =>
  buildDatasetInfo({ name, unit, minCount, kind: unit === 'probability' ? 'transitions' : 'histories', suppressedTransitions: suppressed.transitions, suppressedRoutes: suppressed.routes });

const pattern = (dataset: string, n: number, count: number): RoutePattern => ({ id: `${dataset}:${n}`, dataset, roles: ['a', 'b'], count });

function snapshot() {
  const roles = ['a', 'b', 'c'].map((id) => buildRole({ id }));
  const transitions = [
    buildTransition({ from: 'a', to: 'b', dataset: 'articles', count: 1 }),
    buildTransition({ from: 'a', to: 'b', dataset: 'hr', count: 12 }),
    // Stored when k was 5; the dataset's k is now 10: hidden when read.
    buildTransition({ from: 'b', to: 'c', dataset: 'hr', count: 7 }),
    // A probability-only row (count 0) is not a count: never hidden.
    buildTransition({ from: 'a', to: 'c', dataset: 'table', count: 0, probability: 0.4 }),
  ];
  const patterns = [pattern('hr', 1, 15), pattern('hr', 2, 6)];
  return makeSnapshot(1, roles, transitions, [buildHistory({ id: 'h1', roles: ['a', 'b'] })], {
    datasetRecords: [record('hr', 10, { transitions: 4, routes: 9 }), record('table', 5, undefined, 'probability')],
    routePatterns: patterns,
  });
}

describe('privacy when reading', () => {
  it('hides aggregates below the dataset\'s k, exempts datasets without a record and probability-only rows', () => {
    const s = snapshot();
    expect(s.transitions.map((t) => `${t.dataset}:${t.from}>${t.to}`)).toEqual(['articles:a>b', 'hr:a>b', 'table:a>c']);
    expect(s.routePatterns.map((p) => p.id)).toEqual(['hr:1']);
    expect(s.hidden).toEqual({ hr: { transitions: 1, routes: 1 } });
  });

  it('reports what the import and the snapshot suppressed for the datasets an answer uses', () => {
    const s = snapshot();
    expect(selectDatasets(s, ['hr']).usage).toEqual({ used: ['hr'], unit: 'people', suppressed: { transitions: 5, routes: 10 } });
    // Units differ: the default is the articles alone (dataset-units.test.ts has the rules).
    expect(selectDatasets(s, undefined).usage).toEqual({ used: ['articles'], unit: 'accounts', suppressed: { transitions: 0, routes: 0 } });
    expect(selectDatasets(s, ['articles']).usage.suppressed).toEqual({ transitions: 0, routes: 0 });
  });
});

describe('dataset selection', () => {
  it('keeps the chosen datasets\' transitions and careers; the seed\'s histories go with "articles"', () => {
    const s = snapshot();
    const hr = selectDatasets(s, ['hr']);
    expect(hr.transitions.map((t) => t.dataset)).toEqual(['hr']);
    expect(hr.travel.map((t) => [t.id, t.count])).toEqual([['hr:1', 15]]);
    const seed = selectDatasets(s, ['articles']);
    expect(seed.travel.map((t) => t.id)).toEqual(['h1']);
    expect(() => selectDatasets(s, ['hr', 'articles'])).toThrow(/"articles" \(accounts\), "hr" \(people\) cannot be combined/);
    // The same selection of the same snapshot is built once.
    expect(selectDatasets(s, ['hr'])).toBe(hr);
  });

  it('names unknown datasets and lists the known ones', () => {
    expect(() => selectDatasets(snapshot(), ['hr', 'nope'])).toThrow(/Unknown dataset "nope".*articles, hr, table/);
  });
});
