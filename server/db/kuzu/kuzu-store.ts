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
import type { GraphData, History, Role, Transition } from '../../contract/graph-data.js';
import type { GraphCounts, GraphStore, RoleTransitions } from '../graph-store.js';
import { loadQuery, loadSchema } from '../query-loader.js';
import { graphToWriteRows, rowToHistory, rowToRole, rowToTransition } from '../rows.js';
import { SerialConnection } from './serial-connection.js';

type Row = Record<string, unknown>;
type Params = Record<string, KuzuValue>;

/** Options for opening a Kùzu store. */
export interface KuzuStoreOptions {
  /** Database file path, or ':memory:'. */
  path: string;
  /** Read connections to spread concurrent reads over (default 2, one per core here). */
  readConnections?: number;
}

/** A GraphStore over an embedded Kùzu database. */
export class KuzuGraphStore implements GraphStore {
  readonly engine = 'kuzu' as const;
  private readonly db: Database;
  private readonly readers: SerialConnection[];
  private readonly writer: SerialConnection;
  private nextReader = 0;
  private closed = false;

  constructor(options: KuzuStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(path.dirname(options.path), { recursive: true });
    this.db = new kuzu.Database(options.path);
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
    await this.writer.exclusive(async () => {
      await this.writer.queryUnqueued('BEGIN TRANSACTION');
      try {
        // Per-row statements: see cypher/queries/upsert-role.kuzu.cypher for why not UNWIND.
        for (const r of rows.roles) await run('upsert-role', r);
        for (const t of rows.transitions) await run('upsert-transition', t);
        for (const h of rows.histories) await run('upsert-history', h);
        await this.writer.queryUnqueued('COMMIT');
      } catch (err) {
        await this.writer.queryUnqueued('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  async counts(): Promise<GraphCounts> {
    const [roles, transitions, histories] = await Promise.all(
      ['count-roles', 'count-transitions', 'count-histories'].map(async (q) => Number((await this.read(q))[0]?.n ?? 0)),
    );
    return { roles: roles ?? 0, transitions: transitions ?? 0, histories: histories ?? 0 };
  }

  async listRoles(): Promise<Role[]> {
    return (await this.read('list-roles')).map(rowToRole);
  }

  async getRole(id: string): Promise<Role | null> {
    const [row] = await this.read('get-role', { id });
    return row ? rowToRole(row) : null;
  }

  async listTransitions(): Promise<Transition[]> {
    return (await this.read('list-transitions')).map(rowToTransition);
  }

  async roleTransitions(id: string): Promise<RoleTransitions> {
    const all = (await this.read('role-transitions', { id })).map(rowToTransition);
    return { incoming: all.filter((t) => t.to === id), outgoing: all.filter((t) => t.from === id) };
  }

  async listHistories(): Promise<History[]> {
    return (await this.read('list-histories')).map(rowToHistory);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.writer, ...this.readers].map((c) => c.close().catch(() => undefined)));
    await this.db.close();
  }

  /** Runs a named read query on the next read connection (round robin). */
  private read(name: string, params: Params = {}): Promise<Row[]> {
    const reader = this.readers[this.nextReader++ % this.readers.length]!;
    return reader.execute(loadQuery(name, 'kuzu'), params);
  }
}
