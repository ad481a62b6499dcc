/**
 * The one interface every graph engine implements. Services depend on this,
 * never on a driver; `openGraphStore` (db/index.ts) picks the adapter from the config.
 */
import type { GraphData, History, Role, Transition } from '../contract/graph-data.js';
import type { EngineName } from '../contract/queries.js';
import type { QueryParams, ReadOnlyResult, ReadOnlyRunOptions, StoredQuery } from './query-types.js';
import type { DatasetInfo, RoutePattern } from '../contract/datasets.js';
import type { ImportWrite } from './import-write.js';

export type { ImportWrite } from './import-write.js';

/** Which engine answers (the names are the contract's). */
export type { EngineName };

/** How much is stored. */
export interface GraphCounts {
  roles: number;
  transitions: number;
  histories: number;
}

/** A role's moves in both directions. */
export interface RoleTransitions {
  incoming: Transition[];
  outgoing: Transition[];
}

/** Storage of the role graph. All methods return plain JSON-safe values. */
export interface GraphStore {
  readonly engine: EngineName;
  /** Creates the schema if it does not exist (idempotent). */
  init(): Promise<void>;
  /**
   * Writes roles, transitions and histories in one transaction with MERGE
   * semantics: running it twice with the same data leaves the same counts, and
   * a failure leaves the store as it was.
   */
  writeGraph(data: GraphData): Promise<void>;
  counts(): Promise<GraphCounts>;
  /**
   * A token that changes whenever stored data changes (seed, import, saved query), by this process
   * or any other (Neo4j: a counter stored in the database and raised in every write transaction;
   * Kùzu: one writing process per database, which counts its writes; odd while a write runs).
   * Cheap: callers poll it to know when a snapshot is stale, and compare it before and after a
   * multi-query read to know the reads did not straddle a commit. This is the one change tracker: a
   * snapshot of the data is keyed by it (services/graph-snapshot.ts), nobody is told about writes by hand.
   * @param maxAgeMs a version read from the database at most this long ago will do (default 0: read it
   *   now); writes made through this store object always show at once, whatever `maxAgeMs`. Only Neo4j,
   *   where other instances write, reads it from the database; Kùzu's is exact and in memory.
   */
  dataVersion(maxAgeMs?: number): Promise<string>;
  listRoles(): Promise<Role[]>;
  getRole(id: string): Promise<Role | null>;
  listTransitions(): Promise<Transition[]>;
  roleTransitions(id: string): Promise<RoleTransitions>;
  listHistories(): Promise<History[]>;
  /**
   * Runs user Cypher so that the engine itself refuses writes (Neo4j: READ
   * session + executeRead; Kùzu: a read-only copy in a child process), within
   * `options.timeoutMs` (a runaway query is stopped, other calls go on) and
   * returning at most `options.rowLimit` rows.
   * @throws CypherRunError saying why (syntax, read-only, timeout, …)
   */
  runReadOnly(cypher: string, params: QueryParams, options: ReadOnlyRunOptions): Promise<ReadOnlyResult>;
  /** User-made saved queries, ordered by name. */
  listUserQueries(): Promise<StoredQuery[]>;
  /** Creates or replaces the user query `query.name`. */
  saveUserQuery(query: StoredQuery): Promise<void>;
  /** Deletes a user query; resolves false when there was none of that name. */
  deleteUserQuery(name: string): Promise<boolean>;
  /**
   * Writes an import in one transaction (all or nothing): MERGEs `roles` and,
   * when `dataset` is given, replaces that dataset's transitions and route
   * patterns with the given ones and stores its record.
   */
  writeImport(data: ImportWrite): Promise<void>;
  /** Records of imported datasets, ordered by name (datasets written by writeGraph, like the seed, have none). */
  listDatasets(): Promise<DatasetInfo[]>;
  /** Every stored route pattern (aggregated careers of imported datasets). */
  listRoutePatterns(): Promise<RoutePattern[]>;
  /** Releases the database (idempotent). */
  close(): Promise<void>;
}
