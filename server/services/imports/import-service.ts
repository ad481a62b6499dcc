/**
 * Imports against the store: reads the stored roles and the dataset's
 * privacy threshold, runs the import (runImport), and — when the file has no
 * errors and this is not a dry run — writes it in one transaction and tells
 * the app its snapshot is stale. One writing import at a time per process:
 * an embedded Kùzu database takes one writer, and two imports of one dataset
 * would race anyway. Dry runs write nothing and take no turn.
 */
import type { ImportQuery, ImportReport } from '../../contract/imports.js';
import { DEFAULT_MIN_COUNT } from '../../contract/imports.js';
import type { GraphStore } from '../../db/graph-store.js';
import { AppError } from '../../errors.js';
import { runImport } from './run-import.js';

export interface ImportServiceOptions {
  /** Called after an import was written (the app invalidates its snapshot here). */
  onWritten?: () => void;
  /** Issues listed per kind in a report (default 100). */
  issueLimit?: number;
}

export class ImportService {
  private running = false;

  constructor(
    private readonly store: GraphStore,
    private readonly options: ImportServiceOptions = {},
  ) {}

  /** True while an import runs. */
  get busy(): boolean {
    return this.running;
  }

  /**
   * Imports one file read from `source`.
   * @throws AppError 409 when another import is running; store errors as they come
   */
  async run(source: AsyncIterable<Uint8Array>, query: ImportQuery, onProgress?: (bytes: number) => void): Promise<ImportReport> {
    // A dry run writes nothing, so it needs no turn: a slow (or trickling) upload must not make checks wait or fail.
    const writes = !query.dryRun;
    if (writes && this.running) throw new AppError(409, 'import_running', 'Another import is running. Try again when it has finished.');
    if (writes) this.running = true;
    const started = performance.now();
    try {
      const [roles, datasets] = await Promise.all([this.store.listRoles(), this.store.listDatasets()]);
      // k: as asked, else what the dataset had, else the default.
      const minCount = query.minCount ?? datasets.find((d) => d.name === query.dataset)?.minCount ?? DEFAULT_MIN_COUNT;
      const { report, write } = await runImport(
        source,
        {
          kind: query.kind,
          dataset: query.dataset,
          dryRun: query.dryRun,
          createRoles: query.createRoles,
          encoding: query.encoding,
          format: query.format,
          minCount,
          ...(this.options.issueLimit !== undefined ? { issueLimit: this.options.issueLimit } : {}),
          ...(onProgress ? { onProgress } : {}),
        },
        roles,
      );
      if (write && !query.dryRun) {
        await this.store.writeImport(write);
        report.written = true;
        this.options.onWritten?.();
      }
      report.ms = Math.round(performance.now() - started);
      return report;
    } finally {
      if (writes) this.running = false;
    }
  }
}
