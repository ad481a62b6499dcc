/**
 * Query results on the page: a short text for every value a row can hold
 * (nodes, relationships and paths as the API marks them with `_kind`), and
 * the role graph's element ids of a result's graph part. Pure.
 */
import type { ResultElements } from '../../../server/contract/queries.js';
import type { Lang } from '../i18n/strings.js';

/** One table cell: its text, what kind of value it is, and the role it names when it is a Role node. */
export interface Cell {
  text: string;
  kind: 'null' | 'scalar' | 'node' | 'relationship' | 'path' | 'list' | 'map';
  roleId?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function nodeText(n: Obj, lang: Lang): string {
  const p = isObj(n.properties) ? n.properties : {};
  const labels = Array.isArray(n._labels) ? n._labels.map(String) : [];
  if (labels[0] === 'Role') return (lang === 'ja' ? str(p.nameJa) : undefined) ?? str(p.name) ?? String(n._id);
  const label = (lang === 'ja' ? str(p.labelJa) ?? str(p.titleJa) : undefined) ?? str(p.label) ?? str(p.title) ?? str(p.name) ?? str(p.id) ?? String(n._id);
  return labels.length ? `${label} (:${labels.join(':')})` : label;
}

/** Short text for a value; `names` gives role names for the ends of relationships. */
export function describeValue(v: unknown, lang: Lang, names: (id: string) => string = (id) => id): Cell {
  if (v === null || v === undefined) return { text: 'null', kind: 'null' };
  if (Array.isArray(v)) return { text: `[${v.map((x) => describeValue(x, lang, names).text).join(', ')}]`, kind: 'list' };
  if (!isObj(v)) return { text: String(v), kind: 'scalar' };
  switch (v._kind) {
    case 'node': {
      const isRole = Array.isArray(v._labels) && v._labels[0] === 'Role';
      return { text: nodeText(v, lang), kind: 'node', ...(isRole ? { roleId: String(v._id) } : {}) };
    }
    case 'relationship':
      return { text: `${names(String(v._start))} → ${names(String(v._end))} [:${String(v._type)}]`, kind: 'relationship' };
    case 'path': {
      const nodes = Array.isArray(v.nodes) ? v.nodes.filter(isObj) : [];
      return { text: nodes.map((n) => nodeText(n, lang)).join(' → '), kind: 'path' };
    }
    default:
      return {
        text: `{${Object.entries(v)
          .map(([k, x]) => `${k}: ${describeValue(x, lang, names).text}`)
          .join(', ')}}`,
        kind: 'map',
      };
  }
}

/** The ids to highlight on the role graph: Role nodes (by role id) and moves (`from->to@dataset`), as on /api/graph. */
export function highlightIds(elements: ResultElements): { nodes: string[]; edges: string[] } {
  return {
    nodes: elements.nodes.filter((n) => n.data.type === 'Role').map((n) => n.data.id),
    edges: elements.edges.filter((e) => e.data.type === 'TRANSITION').map((e) => e.data.id),
  };
}

/** The table draws at most this many rows (and says so): thousands of DOM rows would stall the page. */
export const MAX_TABLE_ROWS = 500;
