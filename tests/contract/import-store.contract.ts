/**
 * The import part of the GraphStore contract: writeImport (one transaction,
 * replacing a dataset's aggregates), listDatasets and listRoutePatterns. Run
 * against every engine from graph-store.contract.ts.
 */
import { describe, expect, it } from 'vitest';
import { eachStoreWithSmallGraph } from './each-store.js';
import type { Transition } from '../../server/contract/graph-data.js';
import type { DatasetInfo, RoutePattern } from '../../server/contract/datasets.js';
import type { GraphStore, ImportWrite } from '../../server/db/graph-store.js';
import { buildRole } from '../fixtures/graph.js';

const record = (name: string, overrides: Partial<DatasetInfo> = {}): DatasetInfo => ({
  name,
  kind: 'histories',
  unit: 'people',
  minCount: 5,
  importedAt: '2026-01-02T03:04:05.000Z',
  rowsRead: 100,
  people: 20,
  stints: 100,
  transitions: 2,
  routes: 1,
  suppressedTransitions: 3,
  suppressedRoutes: 4,
  ...overrides,
});

const move = (dataset: string, from: string, to: string, count: number, probability: number): Transition => ({
  from,
  to,
  dataset,
  kind: 'move',
  count,
  probability,
  skills: [],
  evidence: [],
});

/** An import of dataset `name` over the small graph's roles plus one new role. */
function importOf(name: string, counts: [number, number] = [6, 9]): ImportWrite {
  const transitions = [move(name, 'a', 'new-role', counts[0], counts[0] / (counts[0] + counts[1])), move(name, 'a', 'c', counts[1], counts[1] / (counts[0] + counts[1]))];
  const routes: RoutePattern[] = [{ id: `${name}:1`, dataset: name, roles: ['a', 'new-role'], count: counts[0] }];
  return { dataset: record(name, { transitions: 2, routes: 1 }), roles: [buildRole({ id: 'new-role', aliases: [] })], transitions, routes };
}

export function importStoreContract(engine: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore imports (${engine})`, () => {
    let store!: GraphStore;
    eachStoreWithSmallGraph(open, (s) => (store = s));

    it('writes roles, transitions, route patterns and the dataset record, and reads them back', async () => {
      const data = importOf('hr');
      await store.writeImport(data);
      expect(await store.getRole('new-role')).toEqual(data.roles[0]);
      const mine = (await store.listTransitions()).filter((t) => t.dataset === 'hr');
      expect(mine).toEqual(expect.arrayContaining(data.transitions));
      expect(mine).toHaveLength(2);
      expect(await store.listRoutePatterns()).toEqual(data.routes);
      expect(await store.listDatasets()).toEqual([data.dataset]);
      expect((await store.counts()).transitions).toBe(6);
    });

    it('replaces a dataset\'s aggregates on a second import, leaving other datasets alone', async () => {
      await store.writeImport(importOf('hr'));
      await store.writeImport(importOf('sales'));
      const second = { ...importOf('hr', [7, 1]), routes: [] };
      await store.writeImport(second);
      const byDataset = (d: string) => store.listTransitions().then((ts) => ts.filter((t) => t.dataset === d).map((t) => t.count).sort());
      expect(await byDataset('hr')).toEqual([1, 7]);
      expect(await byDataset('sales')).toEqual([6, 9]);
      expect(await byDataset('test')).toHaveLength(4);
      expect((await store.listRoutePatterns()).map((r) => r.id)).toEqual(['sales:1']);
      expect((await store.listDatasets()).map((d) => d.name)).toEqual(['hr', 'sales']);
    });

    it('records each dataset\'s unit, and keeps a probability table\'s count 0 and its probabilities exactly', async () => {
      await store.writeImport(importOf('hr'));
      const shares = [move('table', 'a', 'c', 0, 0.123456789012345), move('table', 'c', 'a', 0, 1e-7)];
      await store.writeImport({ dataset: record('table', { kind: 'transitions', unit: 'probability', people: 0, stints: 0, routes: 0 }), roles: [], transitions: shares, routes: [] });
      expect((await store.listDatasets()).map((d) => [d.name, d.kind, d.unit])).toEqual([
        ['hr', 'histories', 'people'],
        ['table', 'transitions', 'probability'],
      ]);
      expect((await store.listTransitions()).filter((t) => t.dataset === 'table')).toEqual(shares);
      // A re-import records the new unit.
      await store.writeImport({ ...importOf('table'), dataset: record('table', { kind: 'transitions', unit: 'people' }) });
      expect((await store.listDatasets()).find((d) => d.name === 'table')?.unit).toBe('people');
    });

    it('writes a role catalogue without touching any dataset', async () => {
      await store.writeImport(importOf('hr'));
      await store.writeImport({ dataset: null, roles: [buildRole({ id: 'a', name: 'Renamed A' }), buildRole({ id: 'z' })], transitions: [], routes: [] });
      expect((await store.getRole('a'))?.name).toBe('Renamed A');
      expect(await store.getRole('z')).not.toBeNull();
      expect((await store.listTransitions()).filter((t) => t.dataset === 'hr')).toHaveLength(2);
      expect(await store.listDatasets()).toHaveLength(1);
    });

    it("stores a catalogue role's group and Japanese description, and reads a role without them as having none", async () => {
      const grouped = buildRole({ id: 'sales-planning', nameJa: '営業企画', descriptionJa: '売上目標と施策を企画する。', group: '営業本部' });
      await store.writeImport({ dataset: null, roles: [grouped, { ...buildRole({ id: 'a' }), group: 'Support' }, buildRole({ id: 'plain' })], transitions: [], routes: [] });
      expect(await store.getRole('sales-planning')).toEqual(grouped);
      expect((await store.getRole('a'))?.group).toBe('Support');
      expect(await store.getRole('plain')).not.toHaveProperty('group');
      const listed = new Map((await store.listRoles()).map((r) => [r.id, r]));
      expect(listed.get('sales-planning')).toEqual(grouped);
      expect(listed.get('b')).not.toHaveProperty('group');
    });

    it('writes all or nothing: a failing import leaves roles, transitions, routes and records as they were', async () => {
      await store.writeImport(importOf('hr'));
      const before = {
        counts: await store.counts(),
        transitions: await store.listTransitions(),
        routes: await store.listRoutePatterns(),
        datasets: await store.listDatasets(),
      };
      const bad = importOf('hr', [50, 50]);
      // The second pattern repeats the first one's id: a primary-key violation after every other row is written.
      bad.roles = [buildRole({ id: 'another-new-role' })];
      bad.routes = [...bad.routes, { ...bad.routes[0]!, roles: ['a', 'c'] }];
      await expect(store.writeImport(bad)).rejects.toThrow();
      expect(await store.counts()).toEqual(before.counts);
      expect(await store.listTransitions()).toEqual(before.transitions);
      expect(await store.listRoutePatterns()).toEqual(before.routes);
      expect(await store.listDatasets()).toEqual(before.datasets);
      expect(await store.getRole('another-new-role')).toBeNull();
      // And the store still takes a good import afterwards, with exact counts.
      await store.writeImport(importOf('hr', [8, 2]));
      expect((await store.listTransitions()).filter((t) => t.dataset === 'hr').map((t) => t.count).sort()).toEqual([2, 8]);
    });

    it('refuses an import whose rows name another dataset', async () => {
      const data = importOf('hr');
      data.transitions[0] = { ...data.transitions[0]!, dataset: 'other' };
      await expect(store.writeImport(data)).rejects.toThrow(/belongs to dataset "other"/);
    });

    it('writes tens of thousands of route patterns and transitions with exact probabilities', async () => {
      const roles = Array.from({ length: 150 }, (_, i) => buildRole({ id: `r${i}` }));
      const transitions: Transition[] = [];
      for (let i = 0; i < 150; i++) for (let j = 0; j < 150; j += 7) if (i !== j) transitions.push(move('big', `r${i}`, `r${j}`, (i % 5) + 1, 1 / ((j % 9) + 1)));
      const routes: RoutePattern[] = Array.from({ length: 25_000 }, (_, n) => ({ id: `big:${n}`, dataset: 'big', roles: [`r${n % 150}`, `r${(n * 7) % 150}`, `r${(n * 13) % 150}`], count: 5 + (n % 11) }));
      await store.writeImport({ dataset: record('big', { transitions: transitions.length, routes: routes.length }), roles, transitions, routes });
      const back = new Map((await store.listTransitions()).filter((t) => t.dataset === 'big').map((t) => [`${t.from}>${t.to}`, t]));
      expect(back.size).toBe(transitions.length);
      for (const t of transitions) expect(back.get(`${t.from}>${t.to}`)).toEqual(t);
      const patterns = await store.listRoutePatterns();
      expect(patterns).toHaveLength(25_000);
      const byId = new Map(patterns.map((p) => [p.id, p]));
      for (const r of routes.filter((_, n) => n % 997 === 0)) expect(byId.get(r.id)).toEqual(r);
    });
  });
}
