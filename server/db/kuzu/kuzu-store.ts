/**
 * Kùzu adapter: the zero-setup embedded engine. An on-disk database file under
 * the data directory, or `:memory:` in tests.
 *
 * Writes go through one connection, one at a time (Kùzu allows one write
 * transaction), inside an explicit transaction so a failure leaves nothing
 * half-written. Reads are spread over a few other connections so they are
 * never pulled into an open write transaction.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import kuzu from 'kuzu';
import type { Database, KuzuValue } from 'kuzu';
import type { GraphData } from '../../contract/graph-data.js';
import type { GraphStore } from '../graph-store.js';
import { NamedReadStore } from '../named-reads.js';
import { loadQuery, loadSchema } from '../query-loader.js';
import type { QueryParams, ReadOnlyResult, ReadOnlyRunOptions, StoredQuery } from '../query-types.js';
import { graphToWriteRows, rowToStoredQuery, storedQueryToRow } from '../rows.js';
import { removeStaleSandboxDirs } from './sandbox-copies.js';
import { KuzuSandboxPool } from './sandbox-pool.js';
import type { ImportWrite } from '../import-write.js';
import { writeImportKuzu } from './kuzu-imports.js';
import { batches, encodeLists, LIST_SEPARATOR } from './list-encoding.js';
import { SerialConnection } from './serial-connection.js';

type Row = Record<string, unknown>;
/** Sandbox copies left by a server that died are removed once per process, when the first store opens. */
let staleCopiesRemoved = false;

/** Rows per UNWIND batch on Kùzu writes. */
const WRITE_BATCH = 2000;
type Params = Record<string, KuzuValue>;

/** Options for opening a Kùzu store. */
export interface KuzuStoreOptions {
  /** Database file path, or ':memory:'. */
  path: string;
  /** Read connections to spread concurrent reads over (default 2, one per core here). */
  readConnections?: number;
  /** Sandbox processes for user Cypher, i.e. user queries that can run at once (default 2; see sandbox-pool.ts). */
  queryWorkers?: number;
  /** OS memory limit of each sandbox process in MiB (default 1024; 0 = none). Worst case: queryMemoryMb × queryWorkers. */
  queryMemoryMb?: number;
  /** Kùzu's buffer pool in bytes (default: Kùzu's, a share of the machine's memory). A short-lived CLI import sets it smaller. */
  bufferPoolBytes?: number;
}

/** A GraphStore over an embedded Kùzu database. */
export class KuzuGraphStore extends NamedReadStore implements GraphStore {
  readonly engine = 'kuzu' as const;
  private readonly db: Database;
  private readonly readers: SerialConnection[];
  private readonly writer: SerialConnection;
  private nextReader = 0;
  private closed = false;
  /**
   * Writes started plus writes finished: odd while a write runs. Kùzu lets one process open a database
   * for writing and every write of this process goes through `write()`, so this count is the data
   * version (see GraphStore.dataVersion); a stored counter would add a statement to every write for nothing.
   */
  private writes = 0;
  /** Tells this process's versions apart from another run's over the same file. */
  private readonly runId = Math.random().toString(36).slice(2, 10);
  private sandbox: KuzuSandboxPool | null = null;
  private readonly queryWorkers: number | undefined;
  private readonly queryMemoryMb: number | undefined;

  constructor(options: KuzuStoreOptions) {
    super();
    this.queryWorkers = options.queryWorkers;
    this.queryMemoryMb = options.queryMemoryMb;
    if (!staleCopiesRemoved) {
      staleCopiesRemoved = true;
      removeStaleSandboxDirs();
    }
    if (options.path !== ':memory:') mkdirSync(path.dirname(options.path), { recursive: true });
    this.db = options.bufferPoolBytes ? new kuzu.Database(options.path, options.bufferPoolBytes) : new kuzu.Database(options.path);
    this.writer = new SerialConnection(new kuzu.Connection(this.db));
    this.readers = Array.from({ length: options.readConnections ?? 2 }, () => new SerialConnection(new kuzu.Connection(this.db)));
  }

  async init(): Promise<void> {
    await this.writer.exclusive(async () => {
      for (const statement of loadSchema('kuzu')) await this.writer.queryUnqueued(statement);
    });
  }

  async writeGraph(data: GraphData): Promise<void> {
    const rows = graphToWriteRows(data);
    const run = (name: string, params: Params) => this.writer.executeUnqueued(loadQuery(name, 'kuzu'), params);
    await this.write(async () => {
      await this.writer.queryUnqueued('BEGIN TRANSACTION');
      try {
        // Batched UNWIND with lists encoded as strings: see list-encoding.ts for why.
        for (const [name, list] of [
          ['upsert-roles', rows.roles],
          ['upsert-transitions', rows.transitions],
          ['upsert-histories', rows.histories],
        ] as const) {
          for (const batch of batches<object>(list, WRITE_BATCH)) await run(name, { sep: LIST_SEPARATOR, rows: batch.map(encodeLists) as KuzuValue[] });
        }
        await this.writer.queryUnqueued('COMMIT');
      } catch (err) {
        await this.writer.queryUnqueued('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  /**
   * User Cypher never runs on this process's connections: it runs in a sandbox
   * process on a read-only copy, which is killed at the time limit (see
   * sandbox-pool.ts and sandbox-child.ts for why and how).
   */
  runReadOnly(cypher: string, params: QueryParams, options: ReadOnlyRunOptions): Promise<ReadOnlyResult> {
    return this.queryPool().run(cypher, params, options);
  }

  /** Starts the query sandboxes now (they start on the first run otherwise). */
  warmQuerySandbox(): Promise<void> {
    return this.queryPool().warmUp();
  }

  /** Process ids of the query sandboxes (tests check that a runaway one is really gone). */
  sandboxPids(): number[] {
    return this.sandbox?.pids() ?? [];
  }

  private queryPool(): KuzuSandboxPool {
    this.sandbox ??= new KuzuSandboxPool({
      workers: this.queryWorkers,
      ...(this.queryMemoryMb !== undefined ? { memoryBytes: this.queryMemoryMb * 1024 * 1024 } : {}),
      version: () => this.writes,
      exportTo: (dir) => this.exportTo(dir),
    });
    return this.sandbox;
  }

  async listUserQueries(): Promise<StoredQuery[]> {
    return (await this.read('list-user-queries')).map(rowToStoredQuery);
  }

  async saveUserQuery(query: StoredQuery): Promise<void> {
    await this.write(() => this.writer.executeUnqueued(loadQuery('upsert-user-query', 'kuzu'), storedQueryToRow(query)));
  }

  async deleteUserQuery(name: string): Promise<boolean> {
    const rows = await this.write(() => this.writer.executeUnqueued(loadQuery('delete-user-query', 'kuzu'), { name }));
    return rows.length > 0;
  }

  /** See kuzu-imports.ts. */
  async writeImport(data: ImportWrite): Promise<void> {
    await this.write(() => writeImportKuzu(this.writer, data));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.sandbox?.close();
    await Promise.all([this.writer, ...this.readers].map((c) => c.close().catch(() => undefined)));
    await this.db.close();
  }

  dataVersion(): Promise<string> {
    return Promise.resolve(`kuzu-${this.runId}-${this.writes}`);
  }

  /** Runs `work` on the write connection, alone, and marks the data as changed (when it starts and when it ends). */
  private async write<T>(work: () => Promise<T>): Promise<T> {
    return this.writer.exclusive(async () => {
      this.writes++;
      try {
        return await work();
      } finally {
        this.writes++;
      }
    });
  }

  /**
   * Writes the whole database as Parquet files with `EXPORT DATABASE` (a
   * read-only statement: it takes no write lock), for the sandbox to import.
   */
  private async exportTo(dir: string): Promise<void> {
    if (/['\\]/.test(dir)) throw new Error(`Unsupported characters in export path ${dir}`);
    const reader = this.readers[this.nextReader++ % this.readers.length]!;
    await reader.exclusive(() => reader.queryUnqueued(`EXPORT DATABASE '${dir}' (format = 'parquet')`));
  }

  /** Runs a named read query on the next read connection (round robin). */
  protected override read(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const reader = this.readers[this.nextReader++ % this.readers.length]!;
    return reader.execute(loadQuery(name, 'kuzu'), params as Params);
  }
}
