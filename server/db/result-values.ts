/**
 * Engine-independent construction of result graph values. Both adapters turn
 * their driver's nodes and relationships into these, so the same query gives
 * the same ids on Kùzu and Neo4j, and a Role node's id is its role id (the
 * client highlights it on the role graph by that id).
 */
import { edgeId } from '../contract/api.js';
import type { ResultNode, ResultRelationship, ResultValue } from './query-types.js';

/** Properties without nulls (Kùzu returns every column of a table, Neo4j only the set ones). */
export function cleanProperties(props: Record<string, ResultValue>): Record<string, ResultValue> {
  const out: Record<string, ResultValue> = {};
  for (const [k, v] of Object.entries(props)) if (v !== null) out[k] = v;
  return out;
}

/** The stable id of a node: role id for Role, `<Label>:<id|name>` for keyed nodes, else `<engine id>`. */
export function stableNodeId(labels: readonly string[], props: Record<string, ResultValue>, engineId: string): string {
  const label = labels[0] ?? '';
  if (labels.includes('Role') && typeof props.id === 'string') return props.id;
  if (label && typeof props.id === 'string') return `${label}:${props.id}`;
  if (label && typeof props.name === 'string') return `${label}:${props.name}`;
  return engineId;
}

/** Builds a node value. */
export function makeNode(labels: string[], props: Record<string, ResultValue>, engineId: string): ResultNode {
  const properties = cleanProperties(props);
  return { _kind: 'node', _id: stableNodeId(labels, properties, engineId), _labels: labels, properties };
}

/**
 * Builds a relationship value. A TRANSITION gets the same id as on `/api/graph`
 * (`from->to@dataset`), so the client can highlight it there too.
 */
export function makeRelationship(
  type: string,
  start: string,
  end: string,
  props: Record<string, ResultValue>,
  engineId: string,
): ResultRelationship {
  const properties = cleanProperties(props);
  const id = type === 'TRANSITION' && typeof properties.dataset === 'string' ? edgeId({ from: start, to: end, dataset: properties.dataset }) : `${type}:${engineId}`;
  return { _kind: 'relationship', _id: id, _type: type, _start: start, _end: end, properties };
}

/** Plain conversion of scalars shared by both adapters: big integers beyond 2^53 become strings. */
export function plainScalar(value: unknown): ResultValue | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return undefined;
}
