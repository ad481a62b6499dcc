/**
 * Neo4j side of user Cypher: read-only runs and the SavedQuery nodes.
 *
 * Read-only is enforced by the server: the session is opened in READ access
 * mode and the work runs in `executeRead`, so Neo4j refuses any write
 * (Neo.ClientError.Statement.AccessMode) and any writing procedure. The time
 * limit is the transaction timeout (the server terminates the transaction),
 * backed by a client-side deadline a little later in case the server is slow
 * to notice.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { refuseSideEffects } from '../cypher-guard.js';
import { loadQuery } from '../query-loader.js';
import {
  CypherRunError,
  type CypherErrorKind,
  type CypherPosition,
  type QueryParams,
  type ReadOnlyResult,
  type ReadOnlyRunOptions,
  type StoredQuery,
} from '../query-types.js';
import { rowToStoredQuery, storedQueryToRow } from '../rows.js';
import { Neo4jValueConverter, toNeo4jParams, toPlain } from './values.js';

/** How long after the server-side timeout the client gives up by itself. */
const CLIENT_GRACE_MS = 1000;

/** Sorts a driver error into a CypherRunError. */
export function classifyNeo4jError(err: unknown): CypherRunError {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim();
  let kind: CypherErrorKind = 'runtime';
  let position: CypherPosition | undefined;
  if (code === 'Neo.ClientError.Statement.SyntaxError') {
    kind = 'syntax';
    const full = err instanceof Error ? err.message : '';
    const m = /line (\d+), column (\d+) \(offset: (\d+)\)/.exec(full);
    if (m) position = { line: Number(m[1]), column: Number(m[2]), offset: Number(m[3]) };
  } else if (code === 'Neo.ClientError.Statement.AccessMode' || code.startsWith('Neo.ClientError.Security.Forbidden')) kind = 'read-only';
  else if (/TransactionTimedOut|Transaction\.Terminated|TransactionTerminated/.test(code)) kind = 'timeout';
  else if (/OutOfMemory|MemoryPool/i.test(code)) kind = 'resources';
  else if (['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable'].includes(code)) kind = 'unavailable';
  else if (code.startsWith('Neo.ClientError.Statement') || code.startsWith('Neo.ClientError.Procedure')) kind = 'semantic';
  return new CypherRunError(kind, message, position);
}

/** Runs user Cypher in a READ session with `executeRead`, at most `rowLimit` rows, within `timeoutMs`. */
export async function runReadOnly(
  driver: Driver,
  database: string | undefined,
  cypher: string,
  params: QueryParams,
  { timeoutMs, rowLimit }: ReadOnlyRunOptions,
): Promise<ReadOnlyResult> {
  // LOAD CSV (files, URLs), SHOW … and unknown procedures are allowed in a READ transaction: refuse them here.
  refuseSideEffects(cypher);
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, fetchSize: Math.min(rowLimit + 1, 1000) });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CypherRunError('timeout', `The query was stopped after ${timeoutMs} ms (the time limit).`)),
      timeoutMs + CLIENT_GRACE_MS,
    );
  });
  const work = session.executeRead(
    async (tx) => {
      const result = tx.run(cypher, toNeo4jParams(params) as Record<string, unknown>);
      const keys = (await result.keys()).map(String);
      const raw: Record<string, unknown>[] = [];
      let truncated = false;
      for await (const record of result) {
        if (raw.length >= rowLimit) {
          truncated = true;
          break; // cancels the rest of the stream
        }
        raw.push(Object.fromEntries(keys.map((k) => [k, record.get(k)])));
      }
      const missing = Neo4jValueConverter.missingEnds(raw);
      const extra = missing.length > 0 ? (await tx.run(loadQuery('nodes-by-element-id', 'neo4j'), { ids: missing })).records.map((r) => r.get('n')) : [];
      return { keys, raw, truncated, extra };
    },
    { timeout: timeoutMs },
  );
  try {
    const { keys, raw, truncated, extra } = await Promise.race([work, deadline]);
    const converter = new Neo4jValueConverter(extra);
    const rows = converter.convertRows(raw);
    return { columns: keys, rows, truncated, related: converter.relatedNodes() };
  } catch (err) {
    throw err instanceof CypherRunError ? err : classifyNeo4jError(err);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
    void session.close().catch(() => undefined);
  }
}

async function readRows(driver: Driver, database: string | undefined, name: string): Promise<Record<string, unknown>[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(loadQuery(name, 'neo4j')));
    return result.records.map((rec) => Object.fromEntries(rec.keys.map((k) => [String(k), toPlain(rec.get(k))])));
  } finally {
    await session.close();
  }
}

async function write(driver: Driver, database: string | undefined, name: string, params: Record<string, unknown>) {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite((tx) => tx.run(loadQuery(name, 'neo4j'), params));
  } finally {
    await session.close();
  }
}

export async function listUserQueries(driver: Driver, database: string | undefined): Promise<StoredQuery[]> {
  return (await readRows(driver, database, 'list-user-queries')).map(rowToStoredQuery);
}

export async function saveUserQuery(driver: Driver, database: string | undefined, query: StoredQuery): Promise<void> {
  await write(driver, database, 'upsert-user-query', storedQueryToRow(query));
}

export async function deleteUserQuery(driver: Driver, database: string | undefined, name: string): Promise<boolean> {
  return (await write(driver, database, 'delete-user-query', { name })).records.length > 0;
}

/** Deletes every SavedQuery node. For tests against a throwaway database only. */
export async function deleteAllUserQueries(driver: Driver, database: string | undefined): Promise<void> {
  await write(driver, database, 'delete-saved-queries', {});
}
