/**
 * The GraphStore contract: one suite, run against every engine. A new adapter
 * is done when this passes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../server/db/graph-store.js';
import { buildRole, smallGraph } from '../fixtures/graph.js';
import { importStoreContract } from './import-store.contract.js';
import { userCypherContract } from './user-cypher.contract.js';

/** Registers the contract tests for stores made by `open` (a fresh, empty, initialised store each time). */
export function graphStoreContract(engine: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore contract (${engine})`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('starts empty and reports its engine', async () => {
      expect(store.engine).toBe(engine);
      expect(await store.counts()).toEqual({ roles: 0, transitions: 0, histories: 0 });
    });

    it('round-trips roles, transitions and histories as plain JSON', async () => {
      const data = smallGraph();
      await store.writeGraph(data);
      expect(await store.counts()).toEqual({ roles: 4, transitions: 4, histories: 1 });
      expect(await store.listRoles()).toEqual([...data.roles].sort((a, b) => a.id.localeCompare(b.id)));
      expect(await store.getRole('a')).toEqual(data.roles[0]);
      expect(await store.getRole('nope')).toBeNull();
      const transitions = await store.listTransitions();
      expect(transitions).toEqual(expect.arrayContaining(data.transitions));
      expect(transitions).toHaveLength(data.transitions.length);
      expect(JSON.parse(JSON.stringify(transitions))).toEqual(transitions);
      expect(await store.listHistories()).toEqual(data.histories);
    });

    it('is idempotent: writing the same data twice leaves the same counts and values', async () => {
      const data = smallGraph();
      await store.writeGraph(data);
      await store.writeGraph(data);
      expect(await store.counts()).toEqual({ roles: 4, transitions: 4, histories: 1 });
      expect(await store.listTransitions()).toHaveLength(4);
    });

    it('updates properties on a second write instead of duplicating', async () => {
      const data = smallGraph();
      await store.writeGraph(data);
      const renamed = { ...data, roles: data.roles.map((r) => (r.id === 'a' ? { ...r, name: 'Renamed' } : r)) };
      await store.writeGraph(renamed);
      expect((await store.getRole('a'))?.name).toBe('Renamed');
      expect((await store.counts()).roles).toBe(4);
    });

    it('keeps transitions of different datasets apart', async () => {
      await store.writeGraph(smallGraph('one'));
      await store.writeGraph({ ...smallGraph('two'), histories: [] });
      expect((await store.counts()).transitions).toBe(8);
      const datasets = new Set((await store.listTransitions()).map((t) => t.dataset));
      expect(datasets).toEqual(new Set(['one', 'two']));
    });

    it('splits a role\'s transitions into incoming and outgoing', async () => {
      await store.writeGraph(smallGraph());
      const { incoming, outgoing } = await store.roleTransitions('c');
      expect(incoming.map((t) => t.from).sort()).toEqual(['a', 'b']);
      expect(outgoing.map((t) => t.to)).toEqual(['d']);
      expect(await store.roleTransitions('nope')).toEqual({ incoming: [], outgoing: [] });
    });

    it('writes all or nothing: a failing write leaves the store as it was', async () => {
      await store.writeGraph(smallGraph());
      const before = await store.counts();
      const bad = {
        ...smallGraph(),
        // A null primary key fails on both engines, after the first rows were written.
        roles: [buildRole({ id: 'new-role' }), { ...buildRole(), id: null as unknown as string }],
      };
      await expect(store.writeGraph(bad)).rejects.toThrow();
      expect(await store.counts()).toEqual(before);
      expect(await store.getRole('new-role')).toBeNull();
    });

    it('writes in batches: thousands of rows with mixed whole and fractional numbers round-trip exactly', async () => {
      const roles = Array.from({ length: 2100 }, (_, i) => buildRole({ id: `r${i}`, aliases: i % 3 ? [] : [`a${i}`] }));
      const transitions = roles.slice(1).map((r, i) => ({
        from: roles[i]!.id,
        to: r.id,
        dataset: 'bulk',
        kind: 'move' as const,
        count: (i % 7) + 1,
        probability: i % 2 ? 1 : 1 / ((i % 5) + 2),
        skills: i % 4 ? [] : ['x', 'y'],
        evidence: [],
      }));
      await store.writeGraph({ dataset: 'bulk', roles, transitions, histories: [] });
      expect(await store.counts()).toEqual({ roles: 2100, transitions: 2099, histories: 0 });
      const back = new Map((await store.listTransitions()).map((t) => [`${t.from}>${t.to}`, t]));
      for (const t of transitions) expect(back.get(`${t.from}>${t.to}`)).toEqual(t);
      expect((await store.getRole('r3'))?.aliases).toEqual(['a3']);
      expect((await store.getRole('r4'))?.aliases).toEqual([]);
    });

    it('handles Japanese, emoji and quotes in values', async () => {
      const role = buildRole({ id: 'tricky', name: 'O\'Brien "QA" 🚀', nameJa: 'カスタマー・サポート（CS）', aliases: ['\u202eRTL', '改行\nあり'] });
      await store.writeGraph({ dataset: 'test', roles: [role], transitions: [], histories: [] });
      expect(await store.getRole('tricky')).toEqual(role);
    });

    it('stores the Japanese text: role descriptions, skills item for item and evidence glosses', async () => {
      const a = buildRole({ id: 'ja-a', descriptionJa: '電話・メールで問い合わせに対応する。' });
      const b = buildRole({ id: 'ja-b' });
      const evidence = [{ source: 's.txt', quote: '引用', gloss: 'A quote.', glossJa: '引用の説明。' }];
      const t = { from: 'ja-a', to: 'ja-b', dataset: 'test', kind: 'move' as const, count: 1, probability: 1, skills: ['CS × QA', 'empathy'], skillsJa: ['CS × QA', '共感'], evidence };
      const plain = { from: 'ja-b', to: 'ja-a', dataset: 'test', kind: 'move' as const, count: 1, probability: 1, skills: ['x'], evidence: [] };
      await store.writeGraph({ dataset: 'test', roles: [a, b], transitions: [t, plain], histories: [] });
      expect(await store.getRole('ja-a')).toEqual(a);
      // A role or move without Japanese reads back without the field (not as '' or []).
      expect(await store.getRole('ja-b')).not.toHaveProperty('descriptionJa');
      const back = await store.listTransitions();
      expect(back.find((x) => x.from === 'ja-a')).toEqual(t);
      expect(back.find((x) => x.from === 'ja-b')).not.toHaveProperty('skillsJa');
    });
  });
  userCypherContract(engine, open);
  importStoreContract(engine, open);
}
