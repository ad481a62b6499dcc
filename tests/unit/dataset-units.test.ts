/**
 * Dataset units (issue 14, item 1): what each import records, what combining datasets means for each
 * unit (and the default selection), probability tables driving routes with their own probabilities, and
 * the bad input of transition tables with probabilities (disagreeing counts, sums over and under 1).
 */
import { describe, expect, it } from 'vitest';
import type { Role, Transition } from '../../server/contract/graph-data.js';
import type { DatasetInfo } from '../../server/contract/datasets.js';
import { formatRoutes } from '../../server/cli/route-format.js';
import { AppError } from '../../server/errors.js';
import { describeDatasets } from '../../server/services/datasets/describe.js';
import { selectDatasets } from '../../server/services/datasets/selection.js';
import { makeSnapshot, type GraphSnapshot } from '../../server/services/graph-snapshot.js';
import { bytesSource, runImport, type RunImportOptions } from '../../server/services/imports/import-pipeline.js';
import { RouteService } from '../../server/services/route-service.js';
import { buildCompactGraph, findRoutes } from '../../server/services/routes/index.js';
import { buildHistory, buildRole, buildTransition } from '../fixtures/graph.js';
import { buildDatasetInfo } from './dataset-info.js';

const record = (name: string, unit: DatasetInfo['unit'], overrides: Partial<DatasetInfo> = {}): DatasetInfo =>
  buildDatasetInfo({ name, unit, kind: unit === 'people' ? 'histories' : 'transitions', ...overrides });

const ROLES = ['a', 'b', 'c', 'd'].map((id) => buildRole({ id }));
const t = (dataset: string, from: string, to: string, count: number, probability = 1): Transition => buildTransition({ dataset, from, to, count, probability });

/** articles (accounts, no record), hr and hr2 (people), table and table2 (probability). */
function mixed(): GraphSnapshot {
  return makeSnapshot(
    1,
    ROLES,
    [
      t('articles', 'a', 'b', 1),
      t('hr', 'a', 'b', 10),
      t('hr2', 'a', 'b', 5),
      t('table', 'a', 'b', 0, 0.2),
      t('table', 'a', 'c', 0, 0.7),
      t('table2', 'a', 'c', 0, 0.5),
    ],
    [buildHistory({ id: 'h1', roles: ['a', 'b'] })],
    { datasetRecords: [record('hr', 'people'), record('hr2', 'people'), record('table', 'probability'), record('table2', 'probability')] },
  );
}

/** The AppError a call throws. */
function errorOf(f: () => unknown): AppError {
  try {
    f();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('did not throw');
}

describe('combining datasets by unit', () => {
  it('sums counts of one unit; a probability dataset alone is weighed by its probabilities', () => {
    const s = mixed();
    const hr = selectDatasets(s, ['hr2', 'hr']);
    expect([hr.unit, hr.weights, hr.usage.used, hr.usage.unit]).toEqual(['people', 'counts', ['hr', 'hr2'], 'people']);
    const table = selectDatasets(s, ['table']);
    expect([table.unit, table.weights, table.transitions.length]).toEqual(['probability', 'probabilities', 2]);
    expect(selectDatasets(s, ['articles']).usage).toEqual({ used: ['articles'], unit: 'accounts', suppressed: { transitions: 0, routes: 0 } });
  });

  it('refuses a mix with a 400 naming the datasets, their units and how to choose', () => {
    const s = mixed();
    const e = errorOf(() => selectDatasets(s, ['table', 'hr', 'hr2']));
    expect([e.status, e.code]).toEqual([400, 'dataset_mix']);
    expect(e.message).toBe(
      'Datasets "hr" (people), "hr2" (people), "table" (probability) cannot be combined: a dataset of probabilities only combines with no other dataset. Choose datasets of one unit, e.g. datasets=table or datasets=hr,hr2.',
    );
    expect(e.details[0]).toMatchObject({ field: 'datasets', choices: ['datasets=table', 'datasets=hr,hr2'] });
    expect(errorOf(() => selectDatasets(s, ['table', 'table2'])).code).toBe('dataset_mix');
    expect(errorOf(() => selectDatasets(s, ['articles', 'hr'])).message).toMatch(/"articles" \(accounts\), "hr" \(people\) cannot be combined: counts of different units do not add up/);
  });

  it('defaults to every dataset when they combine, else to the articles, else asks to choose', () => {
    const s = mixed();
    expect(selectDatasets(s, undefined).usage.used).toEqual(['articles']);
    expect(selectDatasets(s, []).transitions.map((x) => x.dataset)).toEqual(['articles']);
    const fresh = makeSnapshot(1, ROLES, [t('articles', 'a', 'b', 1), t('articles', 'b', 'c', 2)], [buildHistory({ roles: ['a', 'b'] })]);
    expect(selectDatasets(fresh, undefined).usage).toMatchObject({ used: ['articles'], unit: 'accounts' });
    const twoHr = makeSnapshot(1, ROLES, [t('hr', 'a', 'b', 10), t('hr2', 'a', 'b', 5)], [], { datasetRecords: [record('hr', 'people'), record('hr2', 'people')] });
    expect(selectDatasets(twoHr, undefined).usage.used).toEqual(['hr', 'hr2']);
    const noArticles = makeSnapshot(1, ROLES, [t('hr', 'a', 'b', 10), t('table', 'a', 'b', 0, 0.3)], [], {
      datasetRecords: [record('hr', 'people'), record('table', 'probability')],
    });
    const e = errorOf(() => selectDatasets(noArticles, undefined));
    expect(e.code).toBe('dataset_mix');
    expect(e.message).toMatch(/do not combine .* no "articles" dataset .* datasets=table or datasets=hr/);
  });

  it('lists each dataset with its unit (the articles as a built-in record) and the default selection', () => {
    const listed = describeDatasets(mixed());
    expect(listed.datasets.map((d) => [d.name, d.unit, d.imported])).toEqual([
      ['articles', 'accounts', false],
      ['hr', 'people', true],
      ['hr2', 'people', true],
      ['table', 'probability', true],
      ['table2', 'probability', true],
    ]);
    expect(listed.default).toEqual(['articles']);
  });

  it('reads a record written before units as probability when its table stored count 0 only', () => {
    const legacy = makeSnapshot(1, ROLES, [t('old', 'a', 'b', 0, 0.4), t('hr', 'a', 'b', 3)], [], {
      datasetRecords: [record('old', 'people', { kind: 'transitions' }), record('hr', 'people', { kind: 'transitions' })],
    });
    expect(legacy.datasetRecords.map((d) => [d.name, d.unit])).toEqual([
      ['old', 'probability'],
      ['hr', 'people'],
    ]);
  });
});

describe('routes over a probability table', () => {
  // a→b 0.9, b→d 0.9 (0.81 in two moves); a→d 0.05 (one move); a→c 0.05, c→d 1.
  const shares = [t('p', 'a', 'b', 0, 0.9), t('p', 'b', 'd', 0, 0.9), t('p', 'a', 'd', 0, 0.05), t('p', 'a', 'c', 0, 0.05), t('p', 'c', 'd', 0, 1)];

  it('keeps the given probabilities (the shares of a role need not add up to 1)', () => {
    const g = buildCompactGraph(ROLES, shares, [], { weights: 'probabilities' });
    expect([g.weights, g.edgeCount, g.skippedTransitions]).toEqual(['probabilities', 5, 0]);
    const likely = findRoutes(g, { from: 'a', to: 'd', mode: 'likely', k: 3, minCount: 0 });
    expect(likely.routes.map((r) => [r.roles.join('>'), +r.probability.toFixed(6)])).toEqual([
      ['a>b>d', 0.81],
      // Tied at 0.05: fewer moves first.
      ['a>d', 0.05],
      ['a>c>d', 0.05],
    ]);
    expect(likely.routes[0]!.steps.map((s) => [s.count, s.probability])).toEqual([
      [0, 0.9],
      [0, 0.9],
    ]);
    expect(findRoutes(g, { from: 'a', to: 'd', mode: 'fewest', k: 1, minCount: 0 }).routes[0]!.roles).toEqual(['a', 'd']);
    // Counting weights (today's behaviour for counted data) see no usable move in a table of count 0.
    expect(buildCompactGraph(ROLES, shares, []).edgeCount).toBe(0);
  });

  it('through the route service: the default minCount means no floor, a higher one is a 400', async () => {
    const snapshot = makeSnapshot(1, ROLES, shares, [], { datasetRecords: [record('p', 'probability')] });
    const service = new RouteService({ get: async () => snapshot });
    const base = { from: 'a', to: 'd', k: 3, maxHops: 6, minCount: 1, moves: 'all' as const, datasets: ['p'] as string[] | undefined };
    const likely = await service.find({ ...base, mode: 'likely' });
    expect(likely.routes.map((r) => r.roles.join('>'))).toEqual(['a>b>d', 'a>d', 'a>c>d']);
    expect(likely.datasets).toMatchObject({ used: ['p'], unit: 'probability' });
    // The only dataset: the default selection is the table, too.
    expect((await service.find({ ...base, datasets: undefined, mode: 'fewest' })).routes[0]!.roles).toEqual(['a', 'd']);
    await expect(service.find({ ...base, mode: 'likely', minCount: 2 })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/"p" holds probabilities only/) });
  });

  it('the route CLI shows a probability table\'s moves by p alone, and people as people', async () => {
    const snapshot = makeSnapshot(1, ROLES, [...shares, t('hr', 'a', 'b', 7)], [], { datasetRecords: [record('p', 'probability'), record('hr', 'people')] });
    const service = new RouteService({ get: async () => snapshot });
    const base = { from: 'a', to: 'b', mode: 'likely' as const, k: 1, maxHops: 6, minCount: 1, moves: 'all' as const };
    const names = new Map<string, { name: string; nameJa: string }>();
    const table = formatRoutes(await service.find({ ...base, datasets: ['p'] }), names);
    expect(table).toContain('a → b: p=90.0%');
    expect(table).not.toContain('account');
    expect(formatRoutes(await service.find({ ...base, datasets: ['hr'] }), names)).toContain('a → b: 7 people, p=100.0%');
    expect(formatRoutes(await service.find({ ...base, datasets: ['hr'] }), names, 'ja')).toContain('a → b: 7 人、p=100.0%');
  });
});

const CATALOGUE: Role[] = ['cs', 'qa', 'pm', 'hr'].map((id) => buildRole({ id, name: id.toUpperCase() }));
const run = (text: string, overrides: Partial<RunImportOptions> = {}) =>
  runImport(bytesSource(text), { kind: 'transitions', dataset: 'table', dryRun: false, createRoles: false, encoding: 'auto', format: 'auto', minCount: 5, ...overrides }, CATALOGUE);

describe('transition tables with probabilities', () => {
  it('records the unit: probability for a table of shares (no counts to protect, said in the report), people otherwise', async () => {
    const shares = await run('from,to,probability\ncs,qa,0.6\ncs,pm,40%\nqa,pm,0.25\n');
    expect(shares.report).toMatchObject({ ok: true, unit: 'probability', suppressed: { transitions: 0, routes: 0 } });
    expect(shares.write!.dataset).toMatchObject({ unit: 'probability', kind: 'transitions' });
    const reasons = shares.report.warnings.map((w) => w.reason);
    expect(reasons).toContainEqual(expect.stringMatching(/probabilities only carries no counts .* nothing for the privacy threshold \(k = 5\) to protect/));
    // qa's moves add up to 0.25: fine, and said.
    expect(reasons).toContainEqual(expect.stringMatching(/the moves out of 1 of 2 roles add up to less than 1 \("qa" 0.25\): fine, the rest left the table/));
    expect((await run('from,to,count\ncs,qa,6\n')).report.unit).toBe('people');
    expect((await run('person_id,seq,role\np,1,cs\np,2,qa\n', { kind: 'histories', minCount: 1 })).write!.dataset!.unit).toBe('people');
    expect((await run('id,name\nx,X\n', { kind: 'roles' })).report.unit).toBeNull();
  });

  it('refuses shares of one role adding up to more than 1', async () => {
    const { report, write } = await run('from,to,probability\ncs,qa,0.7\ncs,pm,0.5\n');
    expect(write).toBeNull();
    expect(report.errors[0]).toMatchObject({ line: 2, reason: expect.stringContaining('add up to 1.2, over 1') });
  });

  it('accepts counts and probabilities that agree up to rounding: over Σ counts, or over a larger total (some left the table)', async () => {
    // 1/3 and 2/3 written to two decimals; 12 and 6 of 60 people (the other 42 left the table); percentages.
    const csv = 'from,to,count,probability\ncs,qa,10,0.33\ncs,pm,20,0.67\nqa,pm,12,0.2\nqa,hr,6,0.1\npm,hr,7,100%\nhr,cs,9,\n';
    const { report, write } = await run(csv);
    expect(report.errors).toEqual([]);
    expect(report.unit).toBe('people');
    expect(write!.transitions.map((x) => [x.from, x.to, x.count, x.probability])).toEqual([
      ['cs', 'qa', 10, 0.33],
      ['cs', 'pm', 20, 0.67],
      ['qa', 'pm', 12, 0.2],
      ['qa', 'hr', 6, 0.1],
      ['pm', 'hr', 7, 1],
      ['hr', 'cs', 9, 1],
    ]);
  });

  it('names each line whose probability disagrees with its count beyond rounding, and only those', async () => {
    const csv = [
      'from,to,count,probability',
      'cs,qa,10,0.25', // 10 of 40
      'cs,pm,20,0.5',
      'cs,hr,10,0.15', // should be 0.25: this line alone is wrong
      'qa,pm,5,0.6', // 5 and 5, but 0.6 and 0.4: 5 / 0.6 is under the 10 people these rows count; 5 / 0.4 is not
      'qa,hr,5,0.4',
      'pm,hr,3,0.3333', // 3 of 9 = 0.3333 (within 0.00005)
      'pm,cs,6,0.6667',
      'hr,qa,8,0.8',
      'hr,cs,2,0.05', // 2 of 10 = 0.2; 2 / 0.05 = 40 fits no total the other row admits
    ].join('\n');
    const { report, write } = await run(csv);
    expect(write).toBeNull();
    expect(report.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [4, 'probability', '0.15'],
      [5, 'probability', '0.6'],
      [10, 'probability', '0.05'],
    ]);
    expect(report.errors[0]!.reason).toBe('the probability disagrees with the count beyond rounding: a count of 10 out of 40 (the counts of the moves out of "cs") is 0.25');
    expect(report.errors[2]!.reason).toBe('the probability disagrees with the count beyond rounding: a count of 2 out of 10 (the counts of the moves out of "hr") is 0.2');
  });
});
