/**
 * A GraphStore that survives its database going away: it opens the real store
 * on first use, answers 503 (AppError `store_unavailable`) while the database
 * cannot be reached or opened (Neo4j restarting, a Kùzu file locked by another
 * process, a store that died), and opens it again on a later call, without the
 * process restarting. Retries are spaced by `retryMs` so a dead store is not
 * hammered.
 */
import type { GraphData } from '../contract/graph-data.js';
import type { ImportWrite } from './import-write.js';
import { AppError, storeUnavailable } from '../errors.js';
import type { EngineName, GraphStore } from './graph-store.js';
import type { QueryParams, ReadOnlyRunOptions, StoredQuery } from './query-types.js';

export interface ResilientStoreOptions {
  engine: EngineName;
  /** Opens (and initialises) the underlying store. */
  open: () => Promise<GraphStore>;
  /** Runs after each successful open (e.g. seed an empty store). */
  onOpen?: (store: GraphStore) => Promise<void>;
  /** Minimum time between two attempts to open (default 1000 ms). */
  retryMs?: number;
  /** Told about every open failure and every lost store. */
  onProblem?: (message: string) => void;
}

export class ResilientGraphStore implements GraphStore {
  readonly engine: EngineName;
  private current: Promise<GraphStore> | null = null;
  private nextAttempt = 0;
  private lastProblem = '';
  private closed = false;

  constructor(private readonly options: ResilientStoreOptions) {
    this.engine = options.engine;
  }

  /** Opens the store now; resolves false (instead of throwing) when it cannot. */
  async tryOpen(): Promise<boolean> {
    try {
      await this.store();
      return true;
    } catch {
      return false;
    }
  }

  init(): Promise<void> {
    return this.call((s) => s.init());
  }
  writeGraph(data: GraphData): Promise<void> {
    return this.call((s) => s.writeGraph(data));
  }
  counts() {
    return this.call((s) => s.counts());
  }
  dataVersion(maxAgeMs?: number) {
    return this.call((s) => s.dataVersion(maxAgeMs));
  }
  listRoles() {
    return this.call((s) => s.listRoles());
  }
  getRole(id: string) {
    return this.call((s) => s.getRole(id));
  }
  listTransitions() {
    return this.call((s) => s.listTransitions());
  }
  roleTransitions(id: string) {
    return this.call((s) => s.roleTransitions(id));
  }
  listHistories() {
    return this.call((s) => s.listHistories());
  }
  runReadOnly(cypher: string, params: QueryParams, options: ReadOnlyRunOptions) {
    return this.call((s) => s.runReadOnly(cypher, params, options));
  }
  listUserQueries() {
    return this.call((s) => s.listUserQueries());
  }
  saveUserQuery(query: StoredQuery) {
    return this.call((s) => s.saveUserQuery(query));
  }
  deleteUserQuery(name: string) {
    return this.call((s) => s.deleteUserQuery(name));
  }
  writeImport(data: ImportWrite) {
    return this.call((s) => s.writeImport(data));
  }
  listDatasets() {
    return this.call((s) => s.listDatasets());
  }
  listRoutePatterns() {
    return this.call((s) => s.listRoutePatterns());
  }

  async close(): Promise<void> {
    this.closed = true;
    const current = this.current;
    this.current = null;
    if (current) await (await current.catch(() => null))?.close();
  }

  /** Runs `fn` on the open store; a store that turns out to be gone is dropped so the next call reopens it. */
  protected async call<T>(fn: (store: GraphStore) => Promise<T>): Promise<T> {
    const store = await this.store();
    try {
      return await fn(store);
    } catch (err) {
      if (err instanceof AppError && err.code === 'store_unavailable') this.drop(store, err.message);
      throw err;
    }
  }

  private store(): Promise<GraphStore> {
    if (this.closed) return Promise.reject(storeUnavailable('The graph store has been shut down.'));
    if (!this.current) {
      if (Date.now() < this.nextAttempt) return Promise.reject(storeUnavailable(this.lastProblem));
      const opening = this.options.open().then(async (s) => {
        try {
          await this.options.onOpen?.(s);
        } catch (err) {
          await s.close().catch(() => undefined);
          throw err;
        }
        return s;
      });
      this.current = opening;
      opening.catch((err: unknown) => {
        if (this.current === opening) this.current = null;
        this.nextAttempt = Date.now() + (this.options.retryMs ?? 1000);
        this.report(`The graph store could not be opened: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      });
    }
    return this.current.catch(() => {
      throw storeUnavailable(this.lastProblem || undefined);
    });
  }

  private drop(store: GraphStore, message: string): void {
    void this.current?.then((s) => {
      if (s === store) {
        this.current = null;
        void store.close().catch(() => undefined);
      }
    });
    this.report(message);
  }

  private report(message: string): void {
    this.lastProblem = message;
    this.options.onProblem?.(message);
  }
}
