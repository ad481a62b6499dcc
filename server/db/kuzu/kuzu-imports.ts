/**
 * Kùzu side of imports: one explicit transaction that replaces a dataset's
 * aggregates (delete, then create) and writes its record and any new roles.
 *
 * Why not `COPY FROM` a temporary CSV, which loads ~10× faster: tried here on
 * Kùzu 0.11.3, rolling back a transaction that had run a COPY left the table
 * wrong (a rolled-back COPY's rows resurfaced in the next transaction, or the
 * rows deleted before it were lost) or aborted the process ("free(): invalid
 * size"). All or nothing matters more, so rows go in with UNWIND over
 * parallel lists of plain values, which the Node binding converts several
 * times faster than lists of structs (26,000 route patterns in ~0.2 s here,
 * against ~1 s as structs).
 */
import type { KuzuValue } from 'kuzu';
import type { RoutePattern } from '../../contract/datasets.js';
import { checkImportWrite, datasetToRow } from '../import-rows.js';
import type { ImportWrite } from '../import-write.js';
import { loadQuery } from '../query-loader.js';
import { roleToWriteRow } from '../rows.js';
import { batches, encodeLists, LIST_SEPARATOR } from './list-encoding.js';
import type { SerialConnection } from './serial-connection.js';

/** Rows per statement: large batches amortise the per-statement cost; 20,000 stays well inside memory. */
const BATCH = 20_000;

type Params = Record<string, KuzuValue>;

/** Writes an import in one transaction on `writer`. Call inside `writer.exclusive`. */
export async function writeImportKuzu(writer: SerialConnection, data: ImportWrite): Promise<void> {
  checkImportWrite(data);
  const run = (name: string, params: Params) => writer.executeUnqueued(loadQuery(name, 'kuzu'), params);
  await writer.queryUnqueued('BEGIN TRANSACTION');
  try {
    for (const batch of batches(data.roles, 2000)) {
      await run('upsert-roles', { sep: LIST_SEPARATOR, rows: batch.map((r) => encodeLists(roleToWriteRow(r))) as KuzuValue[] });
    }
    const dataset = data.dataset;
    if (dataset) {
      await run('delete-dataset-transitions', { dataset: dataset.name });
      await run('delete-dataset-routes', { dataset: dataset.name });
      for (const batch of batches(data.transitions, BATCH)) {
        await run('create-import-transitions', {
          dataset: dataset.name,
          from: batch.map((t) => t.from),
          to: batch.map((t) => t.to),
          kinds: batch.map((t) => t.kind),
          counts: batch.map((t) => t.count),
          // Text, CAST in the query: see list-encoding.ts on whole-number doubles.
          probabilities: batch.map((t) => String(t.probability)),
        });
      }
      for (const batch of batches<RoutePattern>(data.routes, BATCH)) {
        await run('create-route-patterns', {
          dataset: dataset.name,
          sep: LIST_SEPARATOR,
          ids: batch.map((r) => r.id),
          roles: batch.map((r) => r.roles.join(LIST_SEPARATOR)),
          counts: batch.map((r) => r.count),
        });
      }
      await run('upsert-dataset', datasetToRow(dataset));
    }
    await writer.queryUnqueued('COMMIT');
  } catch (err) {
    await writer.queryUnqueued('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
