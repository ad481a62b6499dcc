/**
 * Result values → Cytoscape elements. Pure. A Role node's element id is its
 * role id and a TRANSITION's is `from->to@dataset`, exactly as on
 * `/api/graph`, so the client can highlight a result on the role graph; Role
 * and TRANSITION elements carry the same data fields as there.
 */
import type { ResultElements } from '../../contract/queries.js';
import type { ResultNode, ResultRelationship, ResultValue } from '../../db/query-types.js';

type NodeElement = ResultElements['nodes'][number];
type EdgeElement = ResultElements['edges'][number];

const isGraphValue = (v: ResultValue, kind: string): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && v._kind === kind;

const text = (v: ResultValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

function parseEvidence(json: ResultValue | undefined): unknown[] {
  if (typeof json !== 'string' || !json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function nodeElement(n: ResultNode): NodeElement {
  const p = n.properties;
  const type = n._labels[0] ?? 'Node';
  if (type === 'Role') {
    return { data: { id: n._id, label: text(p.name) ?? n._id, labelJa: text(p.nameJa) ?? '', family: text(p.family) ?? '', type } };
  }
  const label = text(p.label) ?? text(p.title) ?? text(p.name) ?? text(p.id) ?? n._id;
  return { data: { id: n._id, label, type, properties: p } };
}

function edgeElement(r: ResultRelationship): EdgeElement {
  const p = r.properties;
  if (r._type === 'TRANSITION') {
    return {
      data: {
        id: r._id,
        source: r._start,
        target: r._end,
        type: r._type,
        count: typeof p.count === 'number' ? p.count : 0,
        probability: typeof p.probability === 'number' ? p.probability : 0,
        kind: text(p.kind) ?? '',
        dataset: text(p.dataset) ?? '',
        skills: Array.isArray(p.skills) ? p.skills : [],
        evidence: parseEvidence(p.evidenceJson),
      },
    };
  }
  return { data: { id: r._id, source: r._start, target: r._end, type: r._type, properties: p } };
}

/**
 * The nodes, relationships and paths anywhere in `rows` (inside lists and
 * maps too) as Cytoscape elements, each once; null when there are none.
 * Relationship ends not in the rows come from `related`, so every edge has
 * both of its nodes.
 */
export function resultElements(rows: readonly Record<string, ResultValue>[], related: readonly ResultNode[]): ResultElements | null {
  const nodes = new Map<string, ResultNode>();
  const rels = new Map<string, ResultRelationship>();
  const walk = (v: ResultValue): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v !== 'object' || v === null) return;
    if (isGraphValue(v, 'node')) {
      const n = v as ResultNode;
      if (!nodes.has(n._id)) nodes.set(n._id, n);
    } else if (isGraphValue(v, 'relationship')) {
      const r = v as ResultRelationship;
      if (!rels.has(r._id)) rels.set(r._id, r);
    } else if (isGraphValue(v, 'path')) {
      (v.nodes as ResultValue[]).forEach(walk);
      (v.relationships as ResultValue[]).forEach(walk);
    } else Object.values(v).forEach(walk);
  };
  rows.forEach((row) => Object.values(row).forEach(walk));
  if (nodes.size === 0 && rels.size === 0) return null;
  const byId = new Map(related.map((n) => [n._id, n]));
  for (const r of rels.values()) {
    for (const end of [r._start, r._end]) {
      if (!nodes.has(end)) nodes.set(end, byId.get(end) ?? { _kind: 'node', _id: end, _labels: [], properties: {} });
    }
  }
  return { nodes: [...nodes.values()].map(nodeElement), edges: [...rels.values()].map(edgeElement) };
}
