/**
 * Converts neo4j-driver values to plain JSON: Integers to numbers (or strings
 * beyond 2^53), temporal values to ISO strings, nodes/relationships/paths to
 * plain objects, recursively through lists and maps.
 */
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { QueryParamValue, ResultNode, ResultRelationship, ResultValue } from '../query-types.js';
import { makeNode, makeRelationship, plainScalar } from '../result-values.js';

/** A plain JSON value. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Recursively converts a driver value to plain JSON. */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isNode(value)) {
    return { _kind: 'node', _id: value.elementId, _labels: value.labels, ...plainProps(value.properties) };
  }
  if (neo4j.isRelationship(value)) {
    return {
      _kind: 'relationship',
      _id: value.elementId,
      _type: value.type,
      _start: value.startNodeElementId,
      _end: value.endNodeElementId,
      ...plainProps(value.properties),
    };
  }
  if (neo4j.isPath(value)) {
    return { _kind: 'path', segments: value.segments.map((s) => [toPlain(s.start), toPlain(s.relationship), toPlain(s.end)]) };
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (typeof value === 'object') return plainProps(value as Record<string, unknown>);
  return String(value);
}

function plainProps(props: Record<string, unknown>): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const [k, v] of Object.entries(props)) out[k] = toPlain(v);
  return out;
}

/**
 * Converts result records to the engine-independent result values
 * (query-types.ts): nodes, relationships and paths get stable ids (a Role's id
 * is its role id), relationship ends are named by those ids, looked up among
 * the nodes in the rows and in `extraNodes` (fetched for ends not returned).
 */
export class Neo4jValueConverter {
  private readonly nodes = new Map<string, ResultNode>();
  private readonly related = new Map<string, ResultNode>();

  constructor(extraNodes: readonly unknown[] = []) {
    for (const n of extraNodes) if (neo4j.isNode(n)) this.nodes.set(n.elementId, this.node(n));
  }

  /** Element ids of relationship ends that `rows` mention but do not contain as nodes. */
  static missingEnds(rows: readonly Record<string, unknown>[]): string[] {
    const nodes = new Set<string>();
    const ends = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (neo4j.isNode(v)) nodes.add(v.elementId);
      else if (neo4j.isRelationship(v)) {
        ends.add(v.startNodeElementId);
        ends.add(v.endNodeElementId);
      } else if (neo4j.isPath(v)) {
        nodes.add(v.start.elementId);
        for (const s of v.segments) nodes.add(s.end.elementId);
      } else if (typeof v === 'object' && v !== null && !neo4j.isInt(v)) Object.values(v).forEach(walk);
    };
    rows.forEach((r) => Object.values(r).forEach(walk));
    return [...ends].filter((e) => !nodes.has(e));
  }

  convertRows(rows: readonly Record<string, unknown>[]): Record<string, ResultValue>[] {
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(collect);
      if (neo4j.isNode(v)) this.nodes.set(v.elementId, this.node(v));
      else if (neo4j.isPath(v)) [v.start, ...v.segments.map((s) => s.end)].forEach(collect);
      else if (typeof v === 'object' && v !== null && !neo4j.isInt(v) && !neo4j.isRelationship(v)) Object.values(v).forEach(collect);
    };
    rows.forEach((r) => Object.values(r).forEach(collect));
    return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, this.value(v)])));
  }

  relatedNodes(): ResultNode[] {
    return [...this.related.values()];
  }

  private value(v: unknown): ResultValue {
    if (neo4j.isNode(v)) return this.nodes.get(v.elementId) ?? this.node(v);
    if (neo4j.isRelationship(v)) return this.rel(v);
    if (neo4j.isPath(v)) {
      return {
        _kind: 'path',
        nodes: [v.start, ...v.segments.map((s) => s.end)].map((n) => this.end(n.elementId, n)),
        relationships: v.segments.map((s) => this.rel(s.relationship)),
      };
    }
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    const scalar = plainScalar(v);
    if (scalar !== undefined) return scalar;
    // Maps come back as plain objects; anything else (integers, temporal and spatial values) as driver classes.
    if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.value(x)]));
    }
    return toPlain(v);
  }

  private node(n: Node): ResultNode {
    return makeNode([...n.labels], plainProps(n.properties), `neo4j:${n.elementId}`);
  }

  private end(elementId: string, fallback?: Node): ResultNode {
    const node = this.nodes.get(elementId) ?? (fallback ? this.node(fallback) : makeNode([], {}, `neo4j:${elementId}`));
    this.related.set(node._id, node);
    return node;
  }

  private rel(r: Relationship): ResultRelationship {
    const start = this.end(r.startNodeElementId)._id;
    const end = this.end(r.endNodeElementId)._id;
    return makeRelationship(r.type, start, end, plainProps(r.properties), `neo4j:${r.elementId}`);
  }
}

/** Parameters for the driver: integral numbers become Neo4j integers (as Kùzu makes them INT64). */
export function toNeo4jParams(value: QueryParamValue): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParams(v)]));
  return value;
}
