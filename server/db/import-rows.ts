/**
 * Mapping between stored rows and the import types (dataset records, route
 * patterns), and the parameter rows an import write sends. Shared by both
 * engine adapters so they return identical objects.
 */
import { DATASET_UNITS, type DatasetInfo, type DatasetUnit, type RoutePattern } from '../contract/datasets.js';
import type { ImportWrite } from './import-write.js';

type Row = Record<string, unknown>;

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v ?? 0));

/**
 * A `list-datasets` row as a DatasetInfo. A record written before units were recorded has no unit: it
 * reads as `people` (histories and counted tables were the only imports with counts); the snapshot then
 * marks a table whose every stored transition has count 0 as `probability` (graph-snapshot.ts).
 */
export function rowToDataset(r: Row): DatasetInfo {
  const unit = str(r.unit);
  return {
    name: str(r.name),
    kind: str(r.kind) === 'transitions' ? 'transitions' : 'histories',
    unit: (DATASET_UNITS as readonly string[]).includes(unit) ? (unit as DatasetUnit) : 'people',
    minCount: num(r.minCount),
    importedAt: str(r.importedAt),
    rowsRead: num(r.rowsRead),
    people: num(r.people),
    stints: num(r.stints),
    transitions: num(r.transitions),
    routes: num(r.routes),
    suppressedTransitions: num(r.suppressedTransitions),
    suppressedRoutes: num(r.suppressedRoutes),
  };
}

/** A `list-route-patterns` row as a RoutePattern. */
export function rowToRoutePattern(r: Row): RoutePattern {
  return { id: str(r.id), dataset: str(r.dataset), roles: Array.isArray(r.roles) ? r.roles.map(String) : [], count: num(r.count) };
}

/** The parameters of `upsert-dataset`. */
export function datasetToRow(d: DatasetInfo): Record<string, string | number> {
  return { ...d };
}

/**
 * Checks what an import write may not hold: transitions of another dataset or
 * with skills or evidence (imports have none; the fast write paths do not
 * carry them), and route patterns of another dataset.
 * @throws Error naming the first problem
 */
export function checkImportWrite(data: ImportWrite): void {
  const name = data.dataset?.name;
  if (!name && (data.transitions.length || data.routes.length)) throw new Error('An import write with transitions or routes needs a dataset record.');
  for (const t of data.transitions) {
    if (t.dataset !== name) throw new Error(`Import transition ${t.from}→${t.to} belongs to dataset "${t.dataset}", not "${name}".`);
    if (t.skills.length || t.evidence.length) throw new Error(`Import transition ${t.from}→${t.to} has skills or evidence, which imports do not carry.`);
  }
  for (const r of data.routes) if (r.dataset !== name) throw new Error(`Route pattern ${r.id} belongs to dataset "${r.dataset}", not "${name}".`);
}
