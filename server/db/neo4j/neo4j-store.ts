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
import { storeUnavailable } from '../../errors.js';
import { toPlain } from './values.js';
import * as userCypher from './neo4j-user-cypher.js';
import type { ImportWrite } from '../import-write.js';
import { writeImportNeo4j } from './neo4j-imports.js';
import type { QueryParams, ReadOnlyResult, ReadOnlyRunOptions, StoredQuery } from '../query-types.js';

/** Driver errors that mean the server (or cluster leader) is unreachable rather than the query being wrong. */
const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** An unreachable server becomes a 503 AppError; the driver reconnects by itself on later calls. */
function translateError(err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE.has(code)) {
    return storeUnavailable(`Neo4j is not available: ${(err as Error).message.split('\n')[0]}`);
  }
  return err;
}

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

  constructor(options: Neo4jStoreOptions) {
    super();
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      disableLosslessIntegers: false,
    });
    this.database = options.database;
  }

  async init(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.database }).catch((err: unknown) => {
      throw translateError(err);
    });
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      // Schema statements cannot share a transaction with each other in Neo4j; run each on its own.
      for (const statement of loadSchema('neo4j')) await session.run(statement);
    } finally {
      await session.close();
    }
  }

  async writeGraph(data: GraphData): Promise<void> {
    const rows = graphToWriteRows(data);
    const transitions = rows.transitions.map((t) => ({ ...t, count: neo4j.int(t.count) }));
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(async (tx) => {
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
    return userCypher.runReadOnly(this.driver, this.database, cypher, params, options);
  }

  listUserQueries(): Promise<StoredQuery[]> {
    return userCypher.listUserQueries(this.driver, this.database);
  }

  saveUserQuery(query: StoredQuery): Promise<void> {
    return userCypher.saveUserQuery(this.driver, this.database, query);
  }

  deleteUserQuery(name: string): Promise<boolean> {
    return userCypher.deleteUserQuery(this.driver, this.database, name);
  }

  /** Deletes every role, transition, history and saved query. For tests against a throwaway database only. */
  async dangerouslyDeleteEverything(): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite((tx) => tx.run(loadQuery('delete-graph', 'neo4j')));
    } finally {
      await session.close();
    }
    await userCypher.deleteAllUserQueries(this.driver, this.database);
  }

  /** See neo4j-imports.ts. */
  async writeImport(data: ImportWrite): Promise<void> {
    try {
      await writeImportNeo4j(this.driver, this.database, data);
    } catch (err) {
      throw translateError(err);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  protected override async read(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const query = loadQuery(name, 'neo4j');
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
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
