/**
 * Mapping between stored rows (as returned by the `cypher/queries` files, with
 * plain JS values) and the contract types. Shared by both engine adapters so
 * they return identical objects.
 */
import type { Evidence, GraphData, History, Role, RoleFamily, Transition, TransitionKind } from '../contract/graph-data.js';
import type { StoredQuery } from './query-types.js';

type Row = Record<string, unknown>;

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v ?? 0));
/** Kùzu stores an empty list as NULL; both engines give back `[]`. */
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const evidence = (v: unknown): Evidence[] => (typeof v === 'string' && v ? (JSON.parse(v) as Evidence[]) : []);

/** A `list-roles`/`get-role` row as a Role. */
export function rowToRole(r: Row): Role {
  return {
    id: str(r.id),
    name: str(r.name),
    nameJa: str(r.nameJa),
    aliases: strList(r.aliases),
    family: str(r.family) as RoleFamily,
    description: str(r.description),
    // Omitted rather than '' when none is stored, so a role reads back as it was written.
    ...(str(r.descriptionJa) ? { descriptionJa: str(r.descriptionJa) } : {}),
    // Stored as roleGroup: `group` is a keyword in Kùzu's Cypher. Omitted when none (a database from before groups has no value).
    ...(str(r.roleGroup) ? { group: str(r.roleGroup) } : {}),
  };
}

/** A `list-transitions`/`role-transitions` row as a Transition. */
export function rowToTransition(r: Row): Transition {
  return {
    from: str(r.fromId),
    to: str(r.toId),
    dataset: str(r.dataset),
    kind: str(r.kind) as TransitionKind,
    count: num(r.count),
    probability: num(r.probability),
    skills: strList(r.skills),
    ...(strList(r.skillsJa).length ? { skillsJa: strList(r.skillsJa) } : {}),
    evidence: evidence(r.evidenceJson),
  };
}

/** A `list-histories` row as a History. */
export function rowToHistory(r: Row): History {
  return {
    id: str(r.id),
    label: str(r.label),
    labelJa: str(r.labelJa),
    source: str(r.source),
    roles: strList(r.roles),
    evidence: evidence(r.evidenceJson),
  };
}

/** One row of `upsert-roles`: every field present (Kùzu binds a batch's struct fields from its rows), '' for no Japanese description or group. */
export function roleToWriteRow(r: Role) {
  const { group, ...rest } = r;
  return { ...rest, descriptionJa: r.descriptionJa ?? '', roleGroup: group ?? '' };
}

/** The parameter rows the upsert queries take, one list per kind. */
export function graphToWriteRows(data: GraphData) {
  return {
    roles: data.roles.map(roleToWriteRow),
    transitions: data.transitions.map((t) => ({
      fromId: t.from,
      toId: t.to,
      dataset: data.dataset,
      kind: t.kind,
      count: t.count,
      probability: t.probability,
      skills: t.skills,
      skillsJa: t.skillsJa ?? [],
      sources: [...new Set(t.evidence.map((e) => e.source))],
      evidenceJson: JSON.stringify(t.evidence),
    })),
    histories: data.histories.map((h) => ({
      id: h.id,
      dataset: data.dataset,
      label: h.label,
      labelJa: h.labelJa,
      source: h.source,
      roles: h.roles,
      evidenceJson: JSON.stringify(h.evidence),
    })),
  };
}

/** A `list-user-queries` row as a StoredQuery. */
export function rowToStoredQuery(r: Row): StoredQuery {
  const cypher: StoredQuery['cypher'] = {};
  if (str(r.kuzuCypher)) cypher.kuzu = str(r.kuzuCypher);
  if (str(r.neo4jCypher)) cypher.neo4j = str(r.neo4jCypher);
  return {
    name: str(r.name),
    title: str(r.title),
    titleJa: str(r.titleJa),
    description: str(r.description),
    descriptionJa: str(r.descriptionJa),
    params: str(r.params),
    columns: strList(r.columns),
    cypher,
    createdAt: str(r.createdAt),
    updatedAt: str(r.updatedAt),
  };
}

/** The parameters of `upsert-user-query` for a StoredQuery (a missing dialect is stored as ''). */
export function storedQueryToRow(q: StoredQuery) {
  const { cypher, ...rest } = q;
  return { ...rest, columns: [...q.columns], kuzuCypher: cypher.kuzu ?? '', neo4jCypher: cypher.neo4j ?? '' };
}
