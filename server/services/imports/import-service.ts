/**
 * Imports against the store: reads the stored roles and the dataset's
 * privacy threshold, runs the import (runImport), and — when the file has no
 * errors and this is not a dry run — writes it in one transaction and tells
 * the app its snapshot is stale. One writing import at a time per process:
 * an embedded Kùzu database takes one writer, and two imports of one dataset
 * would race anyway. Dry runs write nothing and take no turn.
 *
 * Shutting down (`stop()`): an import that has not started writing is refused
 * at once with 503 `shutting_down` (nothing written, the client is told to try
 * again), as is every new one; one already writing finishes and is answered.
 */
import type { ImportQuery, ImportReport } from '../../contract/imports.js';
import { DEFAULT_MIN_COUNT } from '../../contract/datasets.js';
import type { GraphStore } from '../../db/graph-store.js';
import { AppError } from '../../errors.js';
import { toLang, type Lang } from '../../contract/lang.js';
import { runImport } from './import-pipeline.js';
import { ANSWERS } from './messages.js';

export interface ImportServiceOptions {
  /** Issues listed per kind in a report (default 100). */
  issueLimit?: number;
}

/** The answer to an import that the server's shutdown stopped before it wrote anything. */
const shuttingDown = (lang: Lang = 'en') => new AppError(503, 'shutting_down', ANSWERS.shuttingDown(lang));

export class ImportService {
  private running = false;
  private stopping = false;
  /** Runs not yet writing: told to stop when the server shuts down. */
  private readonly stoppable = new Set<(err: AppError | null) => void>();

  constructor(
    private readonly store: GraphStore,
    private readonly options: ImportServiceOptions = {},
  ) {}

  /** True while an import runs. */
  get busy(): boolean {
    return this.running;
  }

  /**
   * The server is shutting down: refuse new imports and stop those that have not started writing
   * (a run that is writing finishes). Resolves at once; the stopped runs answer 503 `shutting_down`.
   */
  stop(): void {
    this.stopping = true;
    for (const abort of this.stoppable) abort(null);
    this.stoppable.clear();
  }

  /**
   * Imports one file read from `source`; the report's reasons are in `query.lang` (`en` or `ja`, else English).
   * @throws AppError 409 when another import is running; store errors as they come
   */
  async run(source: AsyncIterable<Uint8Array>, query: ImportQuery, onProgress?: (bytes: number) => void): Promise<ImportReport> {
    // A dry run writes nothing, so it needs no turn: a slow (or trickling) upload must not make checks wait or fail.
    const writes = !query.dryRun;
    const lang = toLang(query.lang) ?? 'en';
    if (this.stopping) throw shuttingDown(lang);
    if (writes && this.running) throw new AppError(409, 'import_running', ANSWERS.running(lang));
    if (writes) this.running = true;
    const started = performance.now();
    let abort!: (err: AppError | null) => void;
    const aborted = new Promise<never>((_, reject) => (abort = (err) => reject(err ?? shuttingDown(lang))));
    aborted.catch(() => undefined);
    this.stoppable.add(abort);
    try {
      const [roles, datasets] = await Promise.race([Promise.all([this.store.listRoles(), this.store.listDatasets()]), aborted]);
      // k: as asked, else what the dataset had, else the default.
      const minCount = query.minCount ?? datasets.find((d) => d.name === query.dataset)?.minCount ?? DEFAULT_MIN_COUNT;
      const { report, write } = await runImport(
        untilStopped(source, aborted),
        {
          kind: query.kind,
          dataset: query.dataset,
          dryRun: query.dryRun,
          createRoles: query.createRoles,
          encoding: query.encoding,
          format: query.format,
          minCount,
          lang,
          ...(this.options.issueLimit !== undefined ? { issueLimit: this.options.issueLimit } : {}),
          ...(onProgress ? { onProgress } : {}),
        },
        roles,
      );
      // Last point of refusal: from here on the write runs to its end and is answered.
      this.stoppable.delete(abort);
      if (this.stopping) throw shuttingDown(lang);
      if (write && !query.dryRun) {
        await this.store.writeImport(write);
        // Nobody is told: the store's data version moved, and the snapshot sees it on its next read.
        report.written = true;
      }
      report.ms = Math.round(performance.now() - started);
      return report;
    } finally {
      this.stoppable.delete(abort);
      if (writes) this.running = false;
    }
  }
}

/** `source`, failing with `aborted`'s reason as soon as it rejects (even while waiting for the next chunk). */
async function* untilStopped(source: AsyncIterable<Uint8Array>, aborted: Promise<never>): AsyncGenerator<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await Promise.race([it.next(), aborted]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    void it.return?.()?.catch(() => undefined);
  }
}
