/**
 * The GraphStore reads both adapters share: each runs a named query from
 * cypher/queries and maps its rows with the shared row mappers. An adapter
 * supplies only `read` (how to run a named read query on its engine).
 */
import type { History, Role, Transition } from '../contract/graph-data.js';
import type { DatasetInfo, RoutePattern } from '../contract/datasets.js';
import { mapInChunks } from './cooperative.js';
import type { GraphCounts, RoleTransitions } from './graph-store.js';
import { rowToDataset, rowToRoutePattern } from './import-rows.js';
import { rowToHistory, rowToRole, rowToTransition } from './rows.js';

type Row = Record<string, unknown>;

export abstract class NamedReadStore {
  /** Runs the named read query (from cypher/queries) and returns its rows as plain values. */
  protected abstract read(name: string, params?: Record<string, unknown>): Promise<Row[]>;

  async counts(): Promise<GraphCounts> {
    const [roles, transitions, histories] = await Promise.all(
      ['count-roles', 'count-transitions', 'count-histories'].map(async (q) => Number((await this.read(q))[0]?.n ?? 0)),
    );
    return { roles: roles ?? 0, transitions: transitions ?? 0, histories: histories ?? 0 };
  }

  async listRoles(): Promise<Role[]> {
    return mapInChunks(await this.read('list-roles'), rowToRole);
  }

  async getRole(id: string): Promise<Role | null> {
    const [row] = await this.read('get-role', { id });
    return row ? rowToRole(row) : null;
  }

  async listTransitions(): Promise<Transition[]> {
    return mapInChunks(await this.read('list-transitions'), rowToTransition);
  }

  async roleTransitions(id: string): Promise<RoleTransitions> {
    const all = (await this.read('role-transitions', { id })).map(rowToTransition);
    return { incoming: all.filter((t) => t.to === id), outgoing: all.filter((t) => t.from === id) };
  }

  async listHistories(): Promise<History[]> {
    return mapInChunks(await this.read('list-histories'), rowToHistory);
  }

  async listDatasets(): Promise<DatasetInfo[]> {
    return (await this.read('list-datasets')).map(rowToDataset);
  }

  async listRoutePatterns(): Promise<RoutePattern[]> {
    return mapInChunks(await this.read('list-route-patterns'), rowToRoutePattern);
  }
}
