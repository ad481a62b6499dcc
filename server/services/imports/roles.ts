/**
 * Role catalogues: one role per row with `id`, `name`, `name_ja`, `family`,
 * `aliases` (separated by `|` or `;`) and `description`. A role whose id
 * exists is updated, a new id is added. Roles are shared by every dataset, so
 * a catalogue writes no dataset and suppresses nothing.
 *
 * `id` and `name` and a valid `family` are required. For a new role,
 * `name_ja` defaults to `name` and `description` to the name. An existing
 * role keeps what the catalogue does not carry (a missing column or an empty
 * cell never blanks its Japanese name or description), and its aliases are
 * added to, never dropped: histories written with those names must keep
 * matching. Each change to an existing role is listed in the report.
 */
import { ROLE_FAMILIES, roleSchema, type Role } from '../../contract/graph-data.js';
import type { RoleChange } from '../../contract/imports.js';
import { findColumns } from './columns.js';
import { malformedRow, type ImportContext, type ImportOutcome, type Importer } from './kind-importer.js';
import { say, schemaCheck } from './messages.js';
import type { RecordView } from './record-view.js';
import { normalise } from '../text-match.js';

export const ROLE_COLUMNS = {
  id: ['id', 'role_id', 'code', 'role_code'],
  name: ['name', 'name_en', 'english_name', 'role', 'role_name'],
  nameJa: ['name_ja', 'ja', 'name_jp', 'japanese_name', 'japanese'],
  family: ['family', 'role_family', 'group'],
  aliases: ['aliases', 'alias', 'other_names'],
  description: ['description', 'desc', 'summary'],
} as const;

/** Column names for the report, by schema field. */
const COLUMN_OF: Record<string, string> = { id: 'id', name: 'name', nameJa: 'name_ja', family: 'family', aliases: 'aliases', description: 'description' };

export class RoleCatalogueImporter implements Importer {
  private cols = { id: -1, name: -1, nameJa: -1, family: -1, aliases: -1, description: -1 };
  private fatal = false;
  private readonly roles = new Map<string, { role: Role; given: Given; line: number }>();

  constructor(private readonly ctx: ImportContext) {}

  header(columns: string[], line: number): void {
    const c = findColumns(columns, ROLE_COLUMNS);
    this.cols = c;
    const missing = (['id', 'name', 'family'] as const).filter((k) => c[k] < 0);
    if (missing.length) {
      this.fatal = true;
      this.ctx.issues.error({ line }, say('headerMissing', { kind: 'roles', missing: missing.map((m) => [m]), columns }));
    }
  }

  row(rec: RecordView): void {
    if (this.fatal || malformedRow(rec, this.ctx.issues)) return;
    const { issues } = this.ctx;
    const c = this.cols;
    const line = rec.line;
    const get = (i: number) => (i >= 0 ? (rec.text(i) ?? '').trim() : '');
    let ok = true;
    for (const key of ['id', 'name', 'family'] as const) {
      if (rec.missing(c[key])) {
        issues.error({ line, column: COLUMN_OF[key]! }, say('missingColumn', { column: COLUMN_OF[key]! }));
        ok = false;
      } else if (!get(c[key])) {
        issues.error({ line, column: COLUMN_OF[key]! }, say('empty', { column: COLUMN_OF[key]! }));
        ok = false;
      }
    }
    if (!ok) return;
    const name = get(c.name);
    const candidate = {
      id: get(c.id),
      name,
      nameJa: get(c.nameJa) || name,
      aliases: get(c.aliases)
        .split(/[|;]/)
        .map((a) => a.trim())
        .filter(Boolean),
      family: get(c.family).toLowerCase(),
      description: get(c.description) || name,
    };
    const parsed = roleSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const column = COLUMN_OF[field] ?? field;
        issues.error(
          { line, column, value: String((candidate as Record<string, unknown>)[field] ?? '') },
          field === 'family' ? say('badFamily', { families: ROLE_FAMILIES }) : say('badField', { column, message: issue.message, ...schemaCheck(issue) }),
        );
      }
      return;
    }
    const earlier = this.roles.get(parsed.data.id);
    if (earlier) {
      issues.error({ line, column: 'id', value: parsed.data.id }, say('duplicateRoleId', { line: earlier.line }));
      return;
    }
    const given: Given = {};
    if (get(c.nameJa)) given.nameJa = parsed.data.nameJa;
    if (get(c.description)) given.description = parsed.data.description;
    if (parsed.data.aliases.length) given.aliases = parsed.data.aliases;
    this.roles.set(parsed.data.id, { role: parsed.data, given, line });
  }

  finish(): ImportOutcome {
    const { matcher } = this.ctx;
    const stored = new Map(matcher.roles.slice(0, matcher.storedCount).map((r) => [r.id, r]));
    const roles: Role[] = [];
    const newRoles: Role[] = [];
    const changedRoles: RoleChange[] = [];
    for (const { role, given } of this.roles.values()) {
      const before = stored.get(role.id);
      if (!before) {
        roles.push(role);
        newRoles.push(role);
        continue;
      }
      const after = mergeRole(before, role, given);
      const changes = roleChanges(before, after);
      if (!changes.length) continue;
      roles.push(after);
      changedRoles.push({ id: after.id, name: after.name, changes });
    }
    return {
      people: 0,
      stints: 0,
      roles,
      newRoles,
      updatedRoles: changedRoles.length,
      changedRoles,
      transitions: null,
      routes: [],
      suppressed: { transitions: 0, routes: 0 },
      unknownRoles: [],
    };
  }
}

/** The optional fields a catalogue row really carries (a non-empty cell). */
interface Given {
  nameJa?: string;
  aliases?: string[];
  description?: string;
}

/**
 * An existing role updated by a catalogue row: id, name and family (always
 * carried) are taken; Japanese name and description only when the row has
 * them; aliases are the stored ones plus any new ones (compared after
 * normalisation, so "QA" and "ｑａ" count as one).
 */
export function mergeRole(before: Role, row: Role, given: Given): Role {
  const aliases = [...before.aliases];
  const seen = new Set(aliases.map(normalise));
  for (const a of given.aliases ?? []) {
    const key = normalise(a);
    if (seen.has(key)) continue;
    seen.add(key);
    aliases.push(a);
  }
  return {
    ...before,
    name: row.name,
    nameJa: given.nameJa ?? before.nameJa,
    aliases,
    family: row.family,
    description: given.description ?? before.description,
  };
}

/** The fields that differ between two versions of a role, for the report. */
export function roleChanges(before: Role, after: Role): RoleChange['changes'] {
  const changes: RoleChange['changes'] = [];
  for (const field of ['name', 'nameJa', 'family', 'description'] as const) {
    if (before[field] !== after[field]) changes.push({ field, before: before[field], after: after[field] });
  }
  const a = before.aliases.join(' | ');
  const b = after.aliases.join(' | ');
  if (a !== b) changes.push({ field: 'aliases', before: a, after: b });
  return changes;
}
