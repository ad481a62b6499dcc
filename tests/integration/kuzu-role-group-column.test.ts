/**
 * A Kùzu database written before roles had a group (its Role table has no `roleGroup` column) opens,
 * gains the column (`ALTER TABLE Role ADD IF NOT EXISTS roleGroup`), reads its roles without a group,
 * and stores groups from then on. Kùzu leg only: a Neo4j node simply lacks the property, which reads
 * the same way (rows.ts).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import kuzu from 'kuzu';
import { describe, expect, it } from 'vitest';
import { KuzuGraphStore } from '../../server/db/kuzu/kuzu-store.js';
import { onKuzu } from '../fixtures/engine.js';
import { buildRole, smallGraph } from '../fixtures/graph.js';

/** The Role table's columns, as Kùzu lists them. */
async function roleColumns(conn: InstanceType<typeof kuzu.Connection>): Promise<string[]> {
  const r = await conn.query("CALL TABLE_INFO('Role') RETURN name");
  const result = Array.isArray(r) ? r[0]! : r;
  const rows = (await result.getAll()) as { name: string }[];
  result.close();
  return rows.map((x) => x.name);
}

describe.runIf(onKuzu)('a Kùzu database from before role groups', () => {
  it('gains the roleGroup column on open, reads old roles without a group, and stores groups afterwards', async () => {
    const dbPath = path.join(await mkdtemp(path.join(tmpdir(), 'rolepath-groups-')), 'old.kuzu');
    const fresh = new KuzuGraphStore({ path: dbPath });
    await fresh.init();
    const graph = smallGraph('articles');
    await fresh.writeGraph(graph);
    await fresh.close();

    // Make it look old: the Role table as it was before this column existed.
    {
      const db = new kuzu.Database(dbPath);
      const conn = new kuzu.Connection(db);
      const dropped = await conn.query('ALTER TABLE Role DROP roleGroup');
      (Array.isArray(dropped) ? dropped : [dropped]).forEach((x) => x.close());
      expect(await roleColumns(conn)).not.toContain('roleGroup');
      await conn.close();
      await db.close();
    }

    const store = new KuzuGraphStore({ path: dbPath });
    try {
      await store.init();
      expect(await store.listRoles()).toEqual(graph.roles);
      expect(await store.getRole('a')).toEqual(graph.roles[0]);
      const grouped = buildRole({ id: 'sales-ops', nameJa: '営業企画', group: '営業本部', descriptionJa: '営業の仕組みを回す。' });
      await store.writeImport({ dataset: null, roles: [grouped, { ...graph.roles[1]!, group: 'Support' }], transitions: [], routes: [] });
      expect(await store.getRole('sales-ops')).toEqual(grouped);
      expect((await store.getRole('b'))?.group).toBe('Support');
    } finally {
      await store.close();
    }

    // The column is really in the file now (not only in this process's view of it).
    const db = new kuzu.Database(dbPath);
    const conn = new kuzu.Connection(db);
    try {
      expect(await roleColumns(conn)).toContain('roleGroup');
    } finally {
      await conn.close();
      await db.close();
    }
  });
});
