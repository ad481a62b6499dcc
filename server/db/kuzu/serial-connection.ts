/**
 * A Kùzu connection that runs one statement at a time. Kùzu 0.11.3's Node
 * binding crashed the process (SIGSEGV, seen here) when several prepared
 * statements ran concurrently on one connection, so every use of a
 * connection goes through this queue; parallelism comes from several
 * connections instead.
 */
import type { Connection, KuzuValue, PreparedStatement, QueryResult } from 'kuzu';
import { storeUnavailable } from '../../errors.js';

type Row = Record<string, unknown>;

export class SerialConnection {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly prepared = new Map<string, PreparedStatement>();

  constructor(readonly conn: Connection) {}

  /** Runs `work` after everything queued before it, whatever their outcome. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Runs a statement with parameters (prepared once per text) and returns all rows. Call inside `exclusive`. */
  async executeUnqueued(text: string, params: Record<string, KuzuValue>): Promise<Row[]> {
    try {
      let ps = this.prepared.get(text);
      if (!ps) {
        ps = await this.conn.prepare(text);
        if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
        this.prepared.set(text, ps);
      }
      return await readRows(await this.conn.execute(ps, params));
    } catch (err) {
      throw translateError(err);
    }
  }

  /** Runs a statement without parameters. Call inside `exclusive`. */
  async queryUnqueued(text: string): Promise<Row[]> {
    try {
      return await readRows(await this.conn.query(text));
    } catch (err) {
      throw translateError(err);
    }
  }

  /** Queued `executeUnqueued`. */
  execute(text: string, params: Record<string, KuzuValue> = {}): Promise<Row[]> {
    return this.exclusive(() => this.executeUnqueued(text, params));
  }

  /** Waits for queued work, then closes the connection. */
  async close(): Promise<void> {
    await this.tail;
    await this.conn.close();
  }
}

/** Rows read between two hand-backs of the event loop. */
const ROWS_PER_CHUNK = 2000;

/**
 * Reads every row of the last result and frees all of them. Small results use
 * the synchronous bulk read; large ones are read row by row with `getNextSync`
 * in chunks, handing the event loop back between chunks (measured here: 300,000
 * rows in ~0.45 s, no chunk over ~9 ms, where one `getAllSync` held the loop ~0.6 s).
 */
export async function readRows(result: QueryResult | QueryResult[]): Promise<Row[]> {
  const results = Array.isArray(result) ? result : [result];
  const last = results[results.length - 1];
  try {
    if (!last) return [];
    if (last.getNumTuples() <= ROWS_PER_CHUNK) return last.getAllSync() as Row[];
    const rows: Row[] = [];
    while (last.hasNext()) {
      rows.push(last.getNextSync() as Row);
      if (rows.length % ROWS_PER_CHUNK === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return rows;
  } finally {
    for (const r of results) r.close();
  }
}

/** Messages Kùzu gives when the database itself is gone or locked, rather than a query being wrong. */
const GONE = /Connection is closed|Database is closed|Could not set lock|IO exception/i;

/** The database going away becomes a 503 AppError (the caller may reopen); other errors pass through. */
export function translateError(err: unknown): unknown {
  const message = err instanceof Error ? err.message : String(err);
  return GONE.test(message) ? storeUnavailable(`The embedded graph database is not available: ${message.split('\n')[0]}`) : err;
}
