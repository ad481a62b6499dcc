/**
 * The one interface every graph engine implements. Services depend on this,
 * never on a driver; `createGraphStore` picks the adapter from the config.
 */
import type { GraphData, History, Role, Transition } from '../contract/graph-data.js';

/** Which engine answers. */
export type EngineName = 'kuzu' | 'neo4j';

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
  listRoles(): Promise<Role[]>;
  getRole(id: string): Promise<Role | null>;
  listTransitions(): Promise<Transition[]>;
  roleTransitions(id: string): Promise<RoleTransitions>;
  listHistories(): Promise<History[]>;
  /** Releases the database (idempotent). */
  close(): Promise<void>;
}
