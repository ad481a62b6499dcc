/**
 * Neo4j adapter: the production engine (single server, cluster or Aura with
 * `neo4j+s://` routing). Reads run in `executeRead`, writes in one
 * `executeWrite` transaction with batched `UNWIND … MERGE`.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { GraphData } from '../../contract/graph-data.js';
import type { GraphStore } from '../graph-store.js';
import { NamedReadStore } from '../named-reads.js';
import { loadQuery, loadSchema } from '../query-loader.js';
import { graphToWriteRows } from '../rows.js';
import { AppError, storeUnavailable } from '../../errors.js';
import { toPlain } from './values.js';
import * as userCypher from './neo4j-user-cypher.js';
import type { ImportWrite } from '../import-write.js';
import { writeImportNeo4j } from './neo4j-imports.js';
import { CypherRunError, type QueryParams, type ReadOnlyResult, type ReadOnlyRunOptions, type StoredQuery } from '../query-types.js';

/** Driver errors that mean the server (or cluster leader) is unreachable rather than the query being wrong. */
const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * Every driver error becomes an AppError a client can act on (nothing reaches it as a bare 500): an
 * unreachable server, refused credentials or a missing database are 503 store_unavailable with the
 * reason (the store is reopened on a later request); a transient error (lock wait, leader switch,
 * memory) is 503 store_busy; anything else Neo4j refuses is 502 store_error naming its code.
 */
export function translateError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return err;
  const first = ((err as Error).message ?? '').split('\n')[0];
  // Besides the driver's own codes for a lost server, a server going down mid-request answers with its
  // own failures (Neo.DatabaseError.*) or the driver reports a broken connection under a code of its own
  // (no "Neo." prefix): all of them mean the store, not the request, is the problem.
  if (UNAVAILABLE.has(code) || code.startsWith('Neo.DatabaseError.') || !code.startsWith('Neo.')) {
    return storeUnavailable(`Neo4j is not available: ${first}`);
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return storeUnavailable(`Neo4j refused rolepath's credentials (check NEO4J_USER and NEO4J_PASSWORD): ${first}`);
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return storeUnavailable(`Neo4j has no such database (check NEO4J_DATABASE): ${first}`);
  }
  if (code.endsWith('MemoryPoolOutOfMemoryError')) {
    // "Transient" to Neo4j, but the same write would fail again: say which limit, don't invite a retry.
    return new AppError(422, 'store_memory_limit', `The operation needs more memory than Neo4j allows one transaction (db.memory.transaction.max); nothing was written. ${first}`, [{ code }]);
  }
  if (code.startsWith('Neo.TransientError.')) {
    return new AppError(503, 'store_busy', `Neo4j could not complete this now; try again shortly (${code}).`, [{ code }]);
  }
  return new AppError(502, 'store_error', `Neo4j refused the operation (${code}): ${first}`, [{ code }]);
}

const rethrow = (err: unknown): never => {
  throw translateError(err);
};

type Row = Record<string, unknown>;

/** Connection settings for Neo4j. */
export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  database?: string | undefined;
}

/** Rows per UNWIND batch: large enough to amortise round trips, small enough for modest heaps. */
const BATCH = 1000;

/** A GraphStore over a Neo4j 5 server or cluster. */
export class Neo4jGraphStore extends NamedReadStore implements GraphStore {
  readonly engine = 'neo4j' as const;
  private readonly driver: Driver;
  private readonly database: string | undefined;
  private closed = false;
  /** User Cypher runs in flight, stopped by close(). */
  private readonly userRuns = new Set<(err: CypherRunError) => void>();
  /** Writes through this object that have ended (committed or not): a data version read before one of them is stale. */
  private writesEnded = 0;
  /** The last data version read, when the read started, and how many writes had ended then. */
  private known: { version: string; at: number; writesEnded: number } | null = null;

  constructor(options: Neo4jStoreOptions) {
    super();
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      disableLosslessIntegers: false,
      // A server that is down must become a 503 within seconds, not after the driver's default 30 s of
      // retries and 60 s connection waits (see translateError).
      maxTransactionRetryTime: 2000,
      connectionTimeout: 2000,
      connectionAcquisitionTimeout: 3000,
    });
    this.database = options.database;
  }

  async init(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.database }).catch((err: unknown) => {
      throw translateError(err);
    });
    const session = this.session('WRITE');
    try {
      // Schema statements cannot share a transaction with each other in Neo4j; run each on its own.
      for (const statement of loadSchema('neo4j')) await session.run(statement);
    } catch (err) {
      throw translateError(err);
    } finally {
      await session.close();
    }
  }

  /**
   * A session that sees this instance's own earlier writes, also on a cluster (`neo4j+s://`): every
   * session shares the driver's bookmark manager, so a read after a write waits for a member that has it.
   */
  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
  }

  /** The counter every write transaction raises; a read less than `maxAgeMs` old is reused unless this object wrote since. */
  async dataVersion(maxAgeMs = 0): Promise<string> {
    const known = this.known;
    if (known && known.writesEnded === this.writesEnded && Date.now() - known.at < maxAgeMs) return known.version;
    const started = { at: Date.now(), writesEnded: this.writesEnded };
    const [row] = await this.read('get-data-version');
    const version = `neo4j-${String(row?.version ?? 0)}`;
    this.known = { version, ...started };
    return version;
  }

  /** Runs a write and counts it when it ends, so a data version read before it is not reused. */
  private async counted<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.writesEnded++;
    }
  }

  writeGraph(data: GraphData): Promise<void> {
    return this.counted(() => this.writeGraphNow(data));
  }

  private async writeGraphNow(data: GraphData): Promise<void> {
    const rows = graphToWriteRows(data);
    const transitions = rows.transitions.map((t) => ({ ...t, count: neo4j.int(t.count) }));
    const session = this.session('WRITE');
    try {
      await session.executeWrite(async (tx) => {
        await tx.run(loadQuery('bump-data-version', 'neo4j'));
        await this.batched(tx, 'upsert-roles', rows.roles);
        await this.batched(tx, 'upsert-transitions', transitions);
        await this.batched(tx, 'upsert-histories', rows.histories);
      });
    } catch (err) {
      throw translateError(err);
    } finally {
      await session.close();
    }
  }

  /** Read-only by the server itself: READ session + executeRead + transaction timeout (see neo4j-user-cypher.ts). */
  runReadOnly(cypher: string, params: QueryParams, options: ReadOnlyRunOptions): Promise<ReadOnlyResult> {
    if (this.closed) return Promise.reject(new CypherRunError('unavailable', 'The query was not run: the server is shutting down.'));
    // close() answers a run still going at once (the driver's close does not end it by itself).
    let stop!: (err: CypherRunError) => void;
    const stopped = new Promise<never>((_, reject) => (stop = reject));
    stopped.catch(() => undefined);
    this.userRuns.add(stop);
    return Promise.race([userCypher.runReadOnly(this.driver, this.database, cypher, params, options), stopped]).finally(() => this.userRuns.delete(stop));
  }

  listUserQueries(): Promise<StoredQuery[]> {
    return userCypher.listUserQueries(this.driver, this.database).catch(rethrow);
  }

  saveUserQuery(query: StoredQuery): Promise<void> {
    return this.counted(() => userCypher.saveUserQuery(this.driver, this.database, query).catch(rethrow));
  }

  deleteUserQuery(name: string): Promise<boolean> {
    return this.counted(() => userCypher.deleteUserQuery(this.driver, this.database, name).catch(rethrow));
  }

  /** Deletes every role, transition, history and saved query. For tests against a throwaway database only. */
  dangerouslyDeleteEverything(): Promise<void> {
    return this.counted(() => this.deleteEverythingNow());
  }

  private async deleteEverythingNow(): Promise<void> {
    const session = this.session('WRITE');
    try {
      await session.executeWrite(async (tx) => {
        // Raised, not reset: another instance must see a change even if it had seen the old count.
        await tx.run(loadQuery('bump-data-version', 'neo4j'));
        await tx.run(loadQuery('delete-graph', 'neo4j'));
      });
    } finally {
      await session.close();
    }
    await userCypher.deleteAllUserQueries(this.driver, this.database);
  }

  /** See neo4j-imports.ts. */
  writeImport(data: ImportWrite): Promise<void> {
    return this.counted(() =>
      writeImportNeo4j(this.driver, this.database, data).catch((err: unknown) => {
        throw translateError(err);
      }),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const stop of this.userRuns) stop(new CypherRunError('unavailable', 'The query was stopped: the server is shutting down.'));
    this.userRuns.clear();
    await this.driver.close();
  }

  protected override async read(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const query = loadQuery(name, 'neo4j');
    const session = this.session('READ');
    try {
      const result = await session.executeRead((tx) => tx.run(query, params));
      return result.records.map((rec) => {
        const row: Row = {};
        for (const key of rec.keys) row[String(key)] = toPlain(rec.get(key));
        return row;
      });
    } catch (err) {
      throw translateError(err);
    } finally {
      await session.close();
    }
  }

  private async batched(tx: ManagedTransaction, name: string, rows: readonly object[]): Promise<void> {
    const query = loadQuery(name, 'neo4j');
    for (let i = 0; i < rows.length; i += BATCH) await tx.run(query, { rows: rows.slice(i, i + BATCH) });
  }
}
