/**
 * Converts neo4j-driver values to plain JSON: Integers to numbers (or strings
 * beyond 2^53), temporal values to ISO strings, nodes/relationships/paths to
 * plain objects, recursively through lists and maps.
 */
import neo4j from 'neo4j-driver';

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
