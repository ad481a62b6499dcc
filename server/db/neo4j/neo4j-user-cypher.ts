/**
 * Neo4j side of user Cypher: read-only runs and the SavedQuery nodes.
 *
 * Read-only is enforced by the server: the session is opened in READ access
 * mode and the work runs in a read transaction, so Neo4j refuses any write
 * (Neo.ClientError.Statement.AccessMode) and any writing procedure. The time
 * limit is the transaction timeout (the server terminates the transaction),
 * backed by a client-side deadline a little later in case the server is slow
 * to notice.
 *
 * Not `executeRead`: it retries transient errors for up to 30 s, and a user
 * query that ran out of memory (Neo.TransientError.General.MemoryPool…) would
 * be retried into a timeout. User Cypher runs once, in an explicit
 * transaction, and its errors are reported as they are.
 *
 * Files, settings and unknown procedures: READ transactions still allow
 * LOAD CSV, SHOW SETTINGS and `CALL dbms.listConfig()`. The text guard
 * (cypher-guard.ts, which first decodes \uXXXX escapes as Neo4j does) refuses
 * them, and the engine holds the line as well: the query is planned with
 * EXPLAIN first and refused when its plan loads files, runs a command or calls
 * a procedure that is not on the guard's allow-list.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { READ_PROCEDURES, refuseSideEffects } from '../cypher-guard.js';
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
import { ResultBudget } from '../result-size.js';
import { rowToStoredQuery, storedQueryToRow } from '../rows.js';
import { Neo4jValueConverter, toNeo4jParams, toPlain } from './values.js';

/** How long after the server-side timeout the client gives up by itself (the time limit holds within ±0.5 s). */
const CLIENT_GRACE_MS = 300;
/** Records fetched per round trip: small, so an oversized result is noticed before much of it is buffered. */
const FETCH_SIZE = 100;

/** A notification of an EXPLAIN (the driver's `summary.notifications`). */
interface PlanNotification {
  code: string;
  description: string;
  position?: { offset?: number; line?: number; column?: number };
}

/** Neo4j's warnings that a query names a label, relationship type or property the graph does not have. */
const UNKNOWN_NAME = /Unknown(Label|RelationshipType|PropertyKey)Warning$/;

/**
 * Neo4j only warns about a label, relationship type or property the graph does not have (and the
 * query quietly finds nothing); Kùzu refuses such a query. Refused here too, with Neo4j's words and
 * position, so both engines answer the same and a misspelt `n.nmae` is a marked error, not empty rows.
 */
export function unknownNameError(notifications: readonly PlanNotification[] | undefined, prefixLength = 0): CypherRunError | null {
  const hit = (notifications ?? []).find((n) => UNKNOWN_NAME.test(n.code));
  if (!hit) return null;
  // Positions are in the text Neo4j planned, `EXPLAIN ` + the query: take the prefix off (it sits on line 1).
  const line = hit.position?.line ?? 1;
  const column = Math.max(1, (hit.position?.column ?? 1) - (line === 1 ? prefixLength : 0));
  const offset = hit.position?.offset !== undefined ? Math.max(0, hit.position.offset - prefixLength) : undefined;
  const first = hit.description.split('\n')[0];
  return new CypherRunError('semantic', `${first} (line ${line}, column ${column})`, { line, column, ...(offset !== undefined ? { offset } : {}) });
}

/** A step of an EXPLAIN plan (the driver's `summary.plan`). */
interface PlanStep {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanStep[];
}

/**
 * What a plan does that user Cypher must not: load files, run a command
 * (SHOW …, TERMINATE …) or call a procedure off the allow-list. Null when the
 * plan is fine.
 */
export function refusedPlanStep(plan: PlanStep | null | undefined): string | null {
  if (!plan) return null;
  const operator = plan.operatorType.split('@')[0]!;
  if (operator === 'LoadCSV') return 'LOAD CSV reads files or URLs';
  if (/^(Show|Terminate|Create|Drop|Alter|Grant|Revoke|Deny|Start|Stop|Enable|Rename)/.test(operator)) return `${operator} is an administration command`;
  if (/ProcedureCall/.test(operator)) {
    const name = /^\s*([\w.`]+)\s*\(/.exec(String(plan.arguments.Details ?? plan.arguments.Signature ?? ''))?.[1]?.replace(/`/g, '') ?? '';
    if (!READ_PROCEDURES.has(name.toLowerCase())) return `the procedure ${name || '(unknown)'} is not one of ${[...READ_PROCEDURES].join(', ')}`;
  }
  for (const child of plan.children ?? []) {
    const refused = refusedPlanStep(child);
    if (refused) return refused;
  }
  return null;
}

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

/**
 * Runs user Cypher once in a READ session's explicit transaction (no retries), at most `rowLimit` rows
 * and `resultBytes` bytes, within `timeoutMs`, after its EXPLAIN plan passed refusedPlanStep.
 */
export async function runReadOnly(
  driver: Driver,
  database: string | undefined,
  cypher: string,
  params: QueryParams,
  { timeoutMs, rowLimit, resultBytes }: ReadOnlyRunOptions,
): Promise<ReadOnlyResult> {
  // LOAD CSV (files, URLs), SHOW … and unknown procedures are allowed in a READ transaction: refuse them here.
  refuseSideEffects(cypher);
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, fetchSize: Math.min(rowLimit + 1, FETCH_SIZE) });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CypherRunError('timeout', `The query was stopped after ${timeoutMs} ms (the time limit).`)),
      timeoutMs + CLIENT_GRACE_MS,
    );
  });
  const work = (async () => {
    const tx = await session.beginTransaction({ timeout: timeoutMs });
    try {
      const neoParams = toNeo4jParams(params) as Record<string, unknown>;
      // The engine's own word on what the query would do, before it does anything.
      const explained = await tx.run(`EXPLAIN ${cypher}`, neoParams);
      const plan = explained.summary.plan;
      const refused = refusedPlanStep(plan ? (plan as unknown as PlanStep) : null);
      if (refused) throw new CypherRunError('read-only', `Only read queries can run here: ${refused} (line 1, column 1).`, { line: 1, column: 1 });
      const unknown = unknownNameError(explained.summary.notifications as unknown as PlanNotification[], 'EXPLAIN '.length);
      if (unknown) throw unknown;
      const result = tx.run(cypher, neoParams);
      const keys = (await result.keys()).map(String);
      const raw: Record<string, unknown>[] = [];
      const budget = new ResultBudget(resultBytes);
      let truncated = false;
      for await (const record of result) {
        if (raw.length >= rowLimit) {
          truncated = true;
          break; // cancels the rest of the stream
        }
        const row = Object.fromEntries(keys.map((k) => [k, record.get(k)]));
        budget.add(row);
        raw.push(row);
      }
      const missing = Neo4jValueConverter.missingEnds(raw);
      const extra = missing.length > 0 ? (await tx.run(loadQuery('nodes-by-element-id', 'neo4j'), { ids: missing })).records.map((r) => r.get('n')) : [];
      return { keys, raw, truncated, extra };
    } finally {
      await tx.rollback().catch(() => undefined);
    }
  })();
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
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, bookmarkManager: driver.executeQueryBookmarkManager });
  try {
    const result = await session.executeRead((tx) => tx.run(loadQuery(name, 'neo4j')));
    return result.records.map((rec) => Object.fromEntries(rec.keys.map((k) => [String(k), toPlain(rec.get(k))])));
  } finally {
    await session.close();
  }
}

async function write(driver: Driver, database: string | undefined, name: string, params: Record<string, unknown>) {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: driver.executeQueryBookmarkManager });
  try {
    return await session.executeWrite(async (tx) => {
      await tx.run(loadQuery('bump-data-version', 'neo4j'));
      return tx.run(loadQuery(name, 'neo4j'), params);
    });
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
