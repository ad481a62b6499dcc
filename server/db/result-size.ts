/**
 * The result-size limit of user Cypher: rows are counted as they are read
 * from the engine, and the run fails as soon as they come to more than the
 * limit, so an oversized result is never built (in the Kùzu sandbox, over
 * IPC, in the server or in the HTTP body).
 */
import { CypherRunError, DEFAULT_RESULT_BYTES } from './query-types.js';

/**
 * About how many bytes `value` takes as JSON (strings by their UTF-8 length,
 * driver objects such as Neo4j integers by their fields). Cheap: one walk,
 * no string is built.
 */
export function approxJsonBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return Buffer.byteLength(value, 'utf8') + 2;
    case 'number':
    case 'bigint':
      return 12;
    case 'boolean':
      return 5;
    case 'undefined':
      return 4;
    case 'object': {
      if (value === null) return 4;
      if (value instanceof Date) return 26;
      if (ArrayBuffer.isView(value)) return value.byteLength * 4 + 2;
      // A Neo4j driver Integer ({low, high}) goes out as a plain number.
      if ('low' in value && 'high' in value && Object.keys(value).length === 2) return 12;
      let n = 2;
      if (Array.isArray(value)) for (const v of value as unknown[]) n += approxJsonBytes(v) + 1;
      else for (const [k, v] of Object.entries(value)) n += k.length + 4 + approxJsonBytes(v);
      return n;
    }
    default:
      return 0;
  }
}

/** Counts the bytes of rows as they arrive; throws once they pass the limit. */
export class ResultBudget {
  private used = 0;
  readonly limit: number;

  constructor(limit: number | undefined) {
    this.limit = limit ?? DEFAULT_RESULT_BYTES;
  }

  /** @throws CypherRunError of kind 'too-large' when the rows so far exceed the limit */
  add(row: unknown): void {
    this.used += approxJsonBytes(row);
    if (this.used > this.limit) throw tooLarge(this.limit);
  }
}

/** The error of a result over `limit` bytes. */
export function tooLarge(limit: number): CypherRunError {
  return new CypherRunError(
    'too-large',
    `The result is larger than the ${limit}-byte limit (QUERY_RESULT_BYTES). Return fewer or smaller values (a LIMIT, fewer columns, substring()).`,
  );
}
