/**
 * Types for running user Cypher read-only and for storing user-made saved
 * queries: what the GraphStore gives back, the same on every engine.
 */
import type { QueryHeaderText } from '../contract/queries.js';
import type { EngineName } from './graph-store.js';

/** A value a result row can hold: plain JSON, with graph values marked by `_kind`. */
export type ResultValue = null | boolean | number | string | ResultValue[] | { [key: string]: ResultValue };

/**
 * A node in a result. `_id` is stable across engines: the role id for a Role,
 * `<Label>:<id or name>` for other nodes with such a key, otherwise the engine's id.
 */
export interface ResultNode {
  [key: string]: ResultValue;
  _kind: 'node';
  _id: string;
  _labels: string[];
  properties: { [key: string]: ResultValue };
}

/** A relationship in a result; `_start`/`_end` are the stable ids of its end nodes. */
export interface ResultRelationship {
  [key: string]: ResultValue;
  _kind: 'relationship';
  _id: string;
  _type: string;
  _start: string;
  _end: string;
  properties: { [key: string]: ResultValue };
}

/** A path: its nodes in order (start first) and the relationships between them. */
export interface ResultPath {
  [key: string]: ResultValue;
  _kind: 'path';
  nodes: ResultNode[];
  relationships: ResultRelationship[];
}

/** Parameter values as they reach the engine (integral numbers are integers on both engines). */
export type QueryParamValue = null | boolean | number | string | QueryParamValue[] | { [key: string]: QueryParamValue };
export type QueryParams = Record<string, QueryParamValue>;

/** Limits on one run. */
export interface ReadOnlyRunOptions {
  /** The run is stopped (and reported as timed out) after this many milliseconds. */
  timeoutMs: number;
  /** At most this many rows come back; `truncated` says whether there were more. */
  rowLimit: number;
  /**
   * The rows may come to at most about this many bytes as JSON (default
   * DEFAULT_RESULT_BYTES); a larger result fails as `too-large` rather than
   * being built in memory.
   */
  resultBytes?: number;
}

/** The result-size limit when a caller gives none (QUERY_RESULT_BYTES's default). */
export const DEFAULT_RESULT_BYTES = 8 * 1024 * 1024;

/** What a read-only run gives back. */
export interface ReadOnlyResult {
  columns: string[];
  rows: Record<string, ResultValue>[];
  /** True when the query produced more than `rowLimit` rows. */
  truncated: boolean;
  /**
   * The end nodes of every relationship in the rows (also those the query did
   * not return itself), so relationships can always be drawn.
   */
  related: ResultNode[];
}

/** Why a run failed, independent of the engine. */
export type CypherErrorKind =
  | 'syntax' // the text does not parse
  | 'semantic' // parses, but names something unknown, has wrong types, bad parameters …
  | 'read-only' // the engine refused a write
  | 'multiple-statements' // more than one statement in one string
  | 'timeout' // stopped at the time limit
  | 'resources' // ran out of memory in the engine (or the sandbox's memory limit)
  | 'too-large' // the result is larger than the result-size limit
  | 'runtime' // failed while running
  | 'unavailable'; // the engine (or its sandbox) could not be reached

/** Where in the text an error is, when the engine says. Line and column are 1-based. */
export interface CypherPosition {
  line: number;
  column: number;
  /** 0-based character offset, when known. */
  offset?: number;
}

/** A failed run, with the engine's own message. */
export class CypherRunError extends Error {
  constructor(
    readonly kind: CypherErrorKind,
    message: string,
    readonly position?: CypherPosition,
  ) {
    super(message);
    this.name = 'CypherRunError';
  }
}

/**
 * A user-made saved query as stored in the graph database (a `SavedQuery`
 * node). `params` uses the same header syntax as `cypher/saved/*.cypher`
 * (e.g. `role: role-id = customer-support, hops: int 1..4 = 2`); the query
 * service parses it. `cypher` holds the text per dialect.
 */
export interface StoredQuery extends QueryHeaderText {
  columns: string[];
  cypher: Partial<Record<EngineName, string>>;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
}
