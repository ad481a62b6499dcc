/**
 * A Kùzu query sandbox: a child process holding its own copy of the graph,
 * opened READ-ONLY, that runs user Cypher one statement at a time.
 *
 * Why a process: Kùzu 0.11.3 cannot always interrupt a running query (its own
 * timeout left `UNWIND range(1,20000000) AS x RETURN sum(x)` running 29 s), and
 * a native query cannot be stopped from JavaScript. A process can be killed at
 * the time limit, taking the runaway query with it, while the server's own
 * connections keep serving. Why a copy: an in-memory database cannot be shared
 * between processes, and an on-disk one has exactly one writer (the server).
 *
 * Read-only, enforced by the engine: the copy is built from `EXPORT DATABASE`
 * output with `IMPORT DATABASE`, closed, and reopened with `readOnly = true`;
 * Kùzu then refuses every write ("Cannot execute write operations in a
 * read-only database!") whatever the transaction state. Statements are
 * prepared, and Kùzu refuses to prepare more than one statement per string.
 * And even a write that got through would only touch this throwaway copy.
 * What a read-only database still allows (COPY … TO and EXPORT DATABASE write
 * files, LOAD FROM reads them, INSTALL/ATTACH, settings) is refused before
 * the text reaches Kùzu (cypher-guard.ts, refuseSideEffects).
 */
import { rmSync } from 'node:fs';
import kuzu from 'kuzu';
import type { Database, KuzuValue, QueryResult } from 'kuzu';
import { refuseSideEffects } from '../cypher-guard.js';
import { CypherRunError, type ResultNode } from '../query-types.js';
import { ResultBudget } from '../result-size.js';
import { KuzuValueConverter, classifyKuzuError, nodeLookup } from './kuzu-values.js';
import type { FromChild, ToChild } from './sandbox-protocol.js';
import { SerialConnection } from './serial-connection.js';

let db: Database | null = null;
let conn: SerialConnection | null = null;
let dbDir: string | null = null;
/** This process's OS memory limit in bytes (0 = none), named in out-of-memory errors. */
let memoryBytes = 0;
/** Every node of the copy by internal id, built on first need (relationship ends not in a result). */
let lookup: Map<string, ResultNode> | null = null;

const send = (msg: FromChild) => process.send?.(msg);

async function closeDb(): Promise<void> {
  const [c, d] = [conn, db];
  conn = null;
  db = null;
  lookup = null;
  if (c) await c.close().catch(() => undefined);
  if (d) await d.close().catch(() => undefined);
  if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  dbDir = null;
}

async function load(msg: Extract<ToChild, { type: 'load' }>): Promise<void> {
  await closeDb();
  if (/['\\]/.test(msg.exportDir)) throw new Error(`Unsupported characters in export path ${msg.exportDir}`);
  dbDir = msg.dbDir;
  memoryBytes = msg.memoryBytes;
  // Build the copy read-write, then reopen it read-only for queries. Kùzu reserves `maxDbBytes` of
  // address space up front (8 TB by default), which would not fit under the memory limit.
  const build = new kuzu.Database(msg.dbDir, msg.bufferPoolBytes, true, false, msg.maxDbBytes);
  const buildConn = new SerialConnection(new kuzu.Connection(build));
  try {
    await buildConn.exclusive(() => buildConn.queryUnqueued(`IMPORT DATABASE '${msg.exportDir}'`));
  } finally {
    await buildConn.close();
    await build.close();
  }
  db = new kuzu.Database(msg.dbDir, msg.bufferPoolBytes, true, true /* readOnly */, msg.maxDbBytes);
  // One thread per query: a heavy user query must not take every core from the server.
  conn = new SerialConnection(new kuzu.Connection(db, 1));
}

async function run(msg: Extract<ToChild, { type: 'run' }>): Promise<FromChild> {
  const c = conn;
  if (!c) return { type: 'error', id: msg.id, kind: 'unavailable', message: 'The query sandbox has no database loaded.' };
  return c.exclusive(async () => {
    // Kùzu's own timeout stops what it can stop, a little before the parent's hard kill.
    c.conn.setQueryTimeout(Math.max(1, Math.floor(msg.timeoutMs * 0.9)));
    let result: QueryResult | undefined;
    try {
      refuseSideEffects(msg.cypher);
      const ps = await c.conn.prepare(msg.cypher);
      if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
      const out = await c.conn.execute(ps, msg.params as Record<string, KuzuValue>);
      const results = Array.isArray(out) ? out : [out];
      for (const extra of results.slice(0, -1)) extra.close();
      result = results[results.length - 1];
      if (!result) return { type: 'result', id: msg.id, result: { columns: [], rows: [], truncated: false, related: [] } };
      const columns = result.getColumnNamesSync();
      const raw: Record<string, unknown>[] = [];
      // Counted row by row, so an oversized result is neither held here nor sent to the server.
      const budget = new ResultBudget(msg.resultBytes);
      while (raw.length < msg.rowLimit && result.hasNext()) {
        const row = result.getNextSync() as Record<string, unknown>;
        budget.add(row);
        raw.push(row);
      }
      const truncated = result.hasNext();
      if (KuzuValueConverter.missingEnds(raw).size > 0 && !lookup) {
        lookup = nodeLookup(await c.executeUnqueued('MATCH (n) RETURN n', {}));
      }
      const converter = new KuzuValueConverter(lookup ?? undefined);
      const rows = converter.convertRows(raw);
      return { type: 'result', id: msg.id, result: { columns, rows, truncated, related: converter.relatedNodes() } };
    } catch (err) {
      if (err instanceof CypherRunError) return { type: 'error', id: msg.id, kind: err.kind, message: err.message, ...(err.position ? { position: err.position } : {}) };
      const { kind, message, position } = classifyKuzuError(err instanceof Error ? err.message : String(err), msg.cypher);
      const named = kind === 'resources' && memoryBytes > 0 ? `${message} (the query sandbox's memory limit is ${Math.round(memoryBytes / 1048576)} MiB, QUERY_MEMORY_MB)` : message;
      return { type: 'error', id: msg.id, kind, message: named, ...(position ? { position } : {}) };
    } finally {
      result?.close();
    }
  });
}

process.on('message', (msg: ToChild) => {
  if (msg.type === 'load') {
    load(msg).then(
      () => send({ type: 'loaded' }),
      (err: unknown) => send({ type: 'load-failed', message: err instanceof Error ? err.message : String(err) }),
    );
  } else if (msg.type === 'run') {
    void run(msg).then(send);
  }
});

// The parent went away (or closed the pool): leave nothing behind. SIGKILL rather than exit():
// a query still running in Kùzu's threads can hold exit() up indefinitely (an orphan, found in use).
process.on('disconnect', () => {
  if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  process.kill(process.pid, 'SIGKILL');
});

send({ type: 'ready' });
