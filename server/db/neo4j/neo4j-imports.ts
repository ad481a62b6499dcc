/**
 * Neo4j side of imports: one `executeWrite` transaction that replaces a
 * dataset's aggregates (delete, then create in `UNWIND` batches) and writes its
 * record and any new roles; a failure rolls all of it back.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { checkImportWrite, datasetToRow } from '../import-rows.js';
import type { ImportWrite } from '../import-write.js';
import { loadQuery } from '../query-loader.js';
import { roleToWriteRow } from '../rows.js';

/** Rows per UNWIND batch. */
const BATCH = 5000;

async function batched(tx: ManagedTransaction, name: string, rows: readonly object[], extra: Record<string, unknown> = {}): Promise<void> {
  const query = loadQuery(name, 'neo4j');
  for (let i = 0; i < rows.length; i += BATCH) await tx.run(query, { ...extra, rows: rows.slice(i, i + BATCH) });
}

/** Writes an import in one transaction. */
export async function writeImportNeo4j(driver: Driver, database: string | undefined, data: ImportWrite): Promise<void> {
  checkImportWrite(data);
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: driver.executeQueryBookmarkManager });
  try {
    await session.executeWrite(async (tx) => {
      // First: raising the version locks its node, so imports from several instances run one after another.
      await tx.run(loadQuery('bump-data-version', 'neo4j'));
      await batched(tx, 'upsert-roles', data.roles.map(roleToWriteRow));
      const dataset = data.dataset;
      if (!dataset) return;
      await tx.run(loadQuery('delete-dataset-transitions', 'neo4j'), { dataset: dataset.name });
      await tx.run(loadQuery('delete-dataset-routes', 'neo4j'), { dataset: dataset.name });
      await batched(
        tx,
        'create-import-transitions',
        data.transitions.map((t) => ({ fromId: t.from, toId: t.to, kind: t.kind, count: neo4j.int(t.count), probability: t.probability })),
        { dataset: dataset.name },
      );
      await batched(
        tx,
        'create-route-patterns',
        data.routes.map((r) => ({ id: r.id, roles: r.roles, count: neo4j.int(r.count) })),
        { dataset: dataset.name },
      );
      const row = datasetToRow(dataset);
      const params: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) params[k] = typeof v === 'number' ? neo4j.int(v) : v;
      await tx.run(loadQuery('upsert-dataset', 'neo4j'), params);
    });
  } finally {
    await session.close();
  }
}
