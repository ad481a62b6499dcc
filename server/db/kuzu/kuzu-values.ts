/**
 * Kùzu result values → the engine-independent result values of query-types.ts,
 * and Kùzu error messages → CypherRunError kinds. Used by the sandbox child.
 */
import { makeNode, makeRelationship, plainScalar } from '../result-values.js';
import type { CypherErrorKind, CypherPosition, ResultNode, ResultRelationship, ResultValue } from '../query-types.js';

interface KuzuId {
  offset: number;
  table: number;
}
interface KuzuNode {
  _label: string;
  _id: KuzuId;
  [key: string]: unknown;
}
interface KuzuRel {
  _label: string;
  _id: unknown;
  _src: KuzuId;
  _dst: KuzuId;
  [key: string]: unknown;
}
interface KuzuRecursiveRel {
  _nodes: unknown[];
  _rels: unknown[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const isId = (v: unknown): v is KuzuId => isObject(v) && typeof v.offset === 'number' && typeof v.table === 'number';
const isNode = (v: unknown): v is KuzuNode => isObject(v) && typeof v._label === 'string' && isId(v._id) && !('_src' in v);
const isRel = (v: unknown): v is KuzuRel => isObject(v) && typeof v._label === 'string' && isId(v._src) && isId(v._dst);
const isRecursive = (v: unknown): v is KuzuRecursiveRel => isObject(v) && Array.isArray(v._nodes) && Array.isArray(v._rels);

/** The key of a Kùzu internal id. */
export const idKey = (id: KuzuId): string => `${id.table}:${id.offset}`;

const ownProps = (v: Record<string, unknown>, skip: readonly string[]) =>
  Object.fromEntries(Object.entries(v).filter(([k]) => !skip.includes(k)));

/**
 * Converts rows of one result. Relationship ends are named by the stable ids
 * of their nodes, looked up first among the nodes in the rows, then with
 * `lookup` (the whole database's nodes, loaded only when needed).
 */
export class KuzuValueConverter {
  private readonly nodes = new Map<string, ResultNode>();
  private readonly related = new Map<string, ResultNode>();

  constructor(private readonly lookup: Map<string, ResultNode> = new Map()) {}

  /** Internal id keys of relationship ends the rows mention but do not contain as nodes. */
  static missingEnds(rows: readonly unknown[]): Set<string> {
    const nodes = new Set<string>();
    const ends = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (!isObject(v)) return;
      if (isNode(v)) nodes.add(idKey(v._id));
      else if (isRel(v)) {
        ends.add(idKey(v._src));
        ends.add(idKey(v._dst));
      }
      Object.values(v).forEach(walk);
    };
    rows.forEach(walk);
    for (const n of nodes) ends.delete(n);
    return ends;
  }

  /** Converts every row (objects keyed by column). */
  convertRows(rows: readonly Record<string, unknown>[]): Record<string, ResultValue>[] {
    // Nodes first, so relationships anywhere in the rows can name their ends.
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(collect);
      if (!isObject(v)) return;
      if (isNode(v) && !this.nodes.has(idKey(v._id))) this.nodes.set(idKey(v._id), this.node(v));
      Object.values(v).forEach(collect);
    };
    rows.forEach(collect);
    return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, this.value(v)])));
  }

  /** End nodes of the relationships converted so far. */
  relatedNodes(): ResultNode[] {
    return [...this.related.values()];
  }

  private value(v: unknown): ResultValue {
    const scalar = plainScalar(v);
    if (scalar !== undefined) return scalar;
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    if (!isObject(v)) return String(v);
    if (isNode(v)) return this.nodes.get(idKey(v._id)) ?? this.node(v);
    if (isRel(v)) return this.rel(v);
    if (isRecursive(v)) return this.path(v);
    if (isId(v)) return idKey(v);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.value(x)]));
  }

  private node(v: KuzuNode): ResultNode {
    const props = Object.fromEntries(Object.entries(ownProps(v, ['_label', '_id'])).map(([k, x]) => [k, this.value(x)]));
    return makeNode([v._label], props, `kuzu:${idKey(v._id)}`);
  }

  private end(id: KuzuId): ResultNode {
    const key = idKey(id);
    const node = this.nodes.get(key) ?? this.lookup.get(key);
    const resolved = node ?? makeNode([], {}, `kuzu:${key}`);
    this.related.set(resolved._id, resolved);
    return resolved;
  }

  private rel(v: KuzuRel): ResultRelationship {
    const props = Object.fromEntries(Object.entries(ownProps(v, ['_label', '_id', '_src', '_dst'])).map(([k, x]) => [k, this.value(x)]));
    const engineId = isId(v._id) ? idKey(v._id) : String(v._id);
    return makeRelationship(v._label, this.end(v._src)._id, this.end(v._dst)._id, props, `kuzu:${engineId}`);
  }

  /** A recursive relationship (a path, or the variable of `-[e*1..3]->`): nodes in order from the start. */
  private path(v: KuzuRecursiveRel): ResultValue {
    const rels = v._rels.filter(isRel);
    const relationships = rels.map((r) => this.rel(r));
    let nodes: ResultNode[];
    if (rels.length > 0) {
      nodes = [this.end(rels[0]!._src), ...rels.map((r) => this.end(r._dst))];
    } else {
      nodes = v._nodes.filter(isNode).map((n) => this.nodes.get(idKey(n._id)) ?? this.node(n));
    }
    return { _kind: 'path', nodes, relationships };
  }
}

/** Builds the whole-database node lookup from `MATCH (n) RETURN n` rows. */
export function nodeLookup(rows: readonly Record<string, unknown>[]): Map<string, ResultNode> {
  const converter = new KuzuValueConverter();
  const map = new Map<string, ResultNode>();
  for (const row of rows) {
    const raw = row.n;
    if (!isNode(raw)) continue;
    const [converted] = converter.convertRows([{ n: raw }]);
    map.set(idKey(raw._id), converted!.n as ResultNode);
  }
  return map;
}

/** Sorts a Kùzu error message into a CypherRunError kind, with the position for parser errors. */
export function classifyKuzuError(message: string, text: string): { kind: CypherErrorKind; message: string; position?: CypherPosition } {
  const firstLine = message.split('\n')[0]!.trim();
  if (/^Parser exception/i.test(message)) {
    const m = /\(line: (\d+), offset: (\d+)\)/.exec(message);
    if (m) {
      const line = Number(m[1]);
      const column = Number(m[2]) + 1;
      const lines = text.split('\n');
      const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
      return { kind: 'syntax', message: firstLine, position: { line, column, offset } };
    }
    return { kind: 'syntax', message: firstLine };
  }
  if (/read-only (database|transaction)/i.test(message)) return { kind: 'read-only', message: firstLine };
  if (/prepare multiple statements/i.test(message)) return { kind: 'multiple-statements', message: firstLine };
  if (/^Interrupted/i.test(firstLine)) return { kind: 'timeout', message: firstLine };
  // std::bad_alloc and failed mmaps: the sandbox's OS memory limit (sandbox-process.ts) was reached.
  if (/buffer manager exception|out of memory|unable to allocate|bad_alloc|mmap .*failed|cannot allocate memory/i.test(message)) return { kind: 'resources', message: firstLine };
  if (/^(Binder|Catalog|Conversion) exception|Parameter .+ not found/i.test(firstLine)) return { kind: 'semantic', message: firstLine };
  return { kind: 'runtime', message: firstLine };
}
