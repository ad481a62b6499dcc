/**
 * A Kùzu database written before datasets recorded their unit (its Dataset table has no `unit` column)
 * opens, gains the column (`ALTER TABLE Dataset ADD IF NOT EXISTS unit`), and reads its records as
 * `people`, or `probability` for a table whose every stored move has count 0. Kùzu leg only: a Neo4j
 * node simply lacks the property, which reads the same way (import-rows.ts).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import kuzu from 'kuzu';
import { describe, expect, it } from 'vitest';
import { KuzuGraphStore } from '../../server/db/kuzu/kuzu-store.js';
import { describeDatasets } from '../../server/services/datasets/describe.js';
import { makeSnapshot } from '../../server/services/graph-snapshot.js';
import { onKuzu } from '../fixtures/engine.js';
import { smallGraph } from '../fixtures/graph.js';

describe.runIf(onKuzu)('a Kùzu database from before dataset units', () => {
  it('gains the unit column on open and reads old records as people, or probability for a count-0 table', async () => {
    const dbPath = path.join(await mkdtemp(path.join(tmpdir(), 'rolepath-units-')), 'old.kuzu');
    const fresh = new KuzuGraphStore({ path: dbPath });
    await fresh.init();
    await fresh.writeGraph(smallGraph('articles'));
    await fresh.close();

    // Make it look old: no unit column, and two records written the old way.
    const db = new kuzu.Database(dbPath);
    const conn = new kuzu.Connection(db);
    const run = async (q: string) => {
      const r = await conn.query(q);
      for (const x of Array.isArray(r) ? r : [r]) x.close();
    };
    await run('ALTER TABLE Dataset DROP unit');
    for (const [name, kind] of [
      ['careers', 'histories'],
      ['shares', 'transitions'],
    ]) {
      await run(
        `CREATE (:Dataset {name: '${name}', kind: '${kind}', minCount: 5, importedAt: '2026-01-01T00:00:00.000Z', rowsRead: 1, people: 0, stints: 0, transitions: 1, routes: 0, suppressedTransitions: 0, suppressedRoutes: 0})`,
      );
    }
    await run(`MATCH (a:Role {id: 'a'}), (b:Role {id: 'd'}) CREATE (a)-[:TRANSITION {dataset: 'shares', kind: 'move', count: 0, probability: 0.25, skills: [], skillsJa: [], sources: [], evidenceJson: '[]'}]->(b)`);
    await run(`MATCH (a:Role {id: 'b'}), (b:Role {id: 'd'}) CREATE (a)-[:TRANSITION {dataset: 'careers', kind: 'move', count: 7, probability: 1, skills: [], skillsJa: [], sources: [], evidenceJson: '[]'}]->(b)`);
    await conn.close();
    await db.close();

    const store = new KuzuGraphStore({ path: dbPath });
    try {
      await store.init();
      const records = await store.listDatasets();
      expect(records.map((d) => [d.name, d.unit])).toEqual([
        ['careers', 'people'],
        ['shares', 'people'],
      ]);
      const snapshot = makeSnapshot(1, await store.listRoles(), await store.listTransitions(), await store.listHistories(), { datasetRecords: records });
      expect(describeDatasets(snapshot).datasets.map((d) => [d.name, d.unit])).toEqual([
        ['articles', 'accounts'],
        ['careers', 'people'],
        ['shares', 'probability'],
      ]);
      // New imports record their unit in the added column.
      await store.writeImport({ dataset: { ...records[0]!, name: 'again', unit: 'people' }, roles: [], transitions: [], routes: [] });
      expect((await store.listDatasets()).find((d) => d.name === 'again')?.unit).toBe('people');
    } finally {
      await store.close();
    }
  });
});
