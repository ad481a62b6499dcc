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
      return allRows(await this.conn.execute(ps, params));
    } catch (err) {
      throw translateError(err);
    }
  }

  /** Runs a statement without parameters. Call inside `exclusive`. */
  async queryUnqueued(text: string): Promise<Row[]> {
    try {
      return allRows(await this.conn.query(text));
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

/** Reads every row with the fast synchronous bulk read, then frees the results. */
export function allRows(result: QueryResult | QueryResult[]): Row[] {
  const results = Array.isArray(result) ? result : [result];
  const last = results[results.length - 1];
  const rows = last ? (last.getAllSync() as Row[]) : [];
  for (const r of results) r.close();
  return rows;
}

/** Messages Kùzu gives when the database itself is gone or locked, rather than a query being wrong. */
const GONE = /Connection is closed|Database is closed|Could not set lock|IO exception/i;

/** The database going away becomes a 503 AppError (the caller may reopen); other errors pass through. */
export function translateError(err: unknown): unknown {
  const message = err instanceof Error ? err.message : String(err);
  return GONE.test(message) ? storeUnavailable(`The embedded graph database is not available: ${message.split('\n')[0]}`) : err;
}
