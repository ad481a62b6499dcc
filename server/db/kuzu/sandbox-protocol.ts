/**
 * Messages between the Kùzu query sandbox pool (parent) and a sandbox child
 * process. Sent over Node's IPC channel with `serialization: 'advanced'`.
 */
import type { CypherErrorKind, CypherPosition, QueryParams, ReadOnlyResult } from '../query-types.js';

/** Parent → child. */
export type ToChild =
  | {
      type: 'load';
      /** A directory written by `EXPORT DATABASE` on the real database. */
      exportDir: string;
      /** Where the child builds its own read-only copy (must not exist yet). */
      dbDir: string;
      bufferPoolBytes: number;
      /** Kùzu's largest database size (a power of two): its address space is reserved up front and counts against the memory limit. */
      maxDbBytes: number;
      /** The OS memory limit of this process, in bytes (0 = none), for messages. */
      memoryBytes: number;
    }
  | { type: 'run'; id: number; cypher: string; params: QueryParams; rowLimit: number; resultBytes: number; timeoutMs: number };

/** Child → parent. */
export type FromChild =
  | { type: 'ready' }
  | { type: 'loaded' }
  | { type: 'load-failed'; message: string }
  | { type: 'result'; id: number; result: ReadOnlyResult }
  | { type: 'error'; id: number; kind: CypherErrorKind; message: string; position?: CypherPosition };
