/**
 * Role catalogues: one role per row with `id`, `name`, `name_ja`, `family`,
 * `group`, `aliases` (separated by `|` or `;`), `description` and
 * `description_ja`. A role whose id exists is updated, a new id is added.
 * Roles are shared by every dataset, so a catalogue writes no dataset and
 * suppresses nothing.
 *
 * `id`, a valid `family` and a name (`name`, or `name_ja` alone) are
 * required. For a new role, `name_ja` defaults to `name`, `name` to `name_ja`
 * (a Japanese catalogue's roles are called by their Japanese names on the
 * English page too: an id is often a code), and `description` to the name.
 * An existing role keeps what the catalogue does not carry (a missing column
 * or an empty cell never blanks its names, description or group), and its
 * aliases are added to, never dropped: histories written with those names
 * must keep matching. Each change to an existing role is listed in the report.
 * `group` is the team's own grouping (department, job family), free text of
 * one line; the graph's overview groups roles by it.
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
  family: ['family', 'role_family'],
  group: ['group', 'department', 'job_family', 'role_group'],
  aliases: ['aliases', 'alias', 'other_names'],
  description: ['description', 'desc', 'summary'],
  descriptionJa: ['description_ja', 'desc_ja', 'summary_ja', 'description_jp'],
} as const;

/** Column names for the report, by schema field. */
const COLUMN_OF: Record<string, string> = {
  id: 'id',
  name: 'name',
  nameJa: 'name_ja',
  family: 'family',
  group: 'group',
  aliases: 'aliases',
  description: 'description',
  descriptionJa: 'description_ja',
};

type Columns = Record<keyof typeof ROLE_COLUMNS, number>;

export class RoleCatalogueImporter implements Importer {
  private cols: Columns = { id: -1, name: -1, nameJa: -1, family: -1, group: -1, aliases: -1, description: -1, descriptionJa: -1 };
  private fatal = false;
  private readonly roles = new Map<string, { role: Role; given: Given; line: number }>();

  constructor(private readonly ctx: ImportContext) {}

  header(columns: string[], line: number): void {
    const c = findColumns(columns, ROLE_COLUMNS);
    this.cols = c;
    const missing: string[][] = [];
    if (c.id < 0) missing.push(['id']);
    if (c.name < 0 && c.nameJa < 0) missing.push(['name', 'name_ja']);
    if (c.family < 0) missing.push(['family']);
    if (missing.length) {
      this.fatal = true;
      this.ctx.issues.error({ line }, say('headerMissing', { kind: 'roles', missing, columns }));
    }
  }

  row(rec: RecordView): void {
    if (this.fatal || malformedRow(rec, this.ctx.issues)) return;
    const { issues } = this.ctx;
    const c = this.cols;
    const line = rec.line;
    const get = (i: number) => (i >= 0 ? (rec.text(i) ?? '').trim() : '');
    let ok = true;
    // A name: `name`, or `name_ja` when the row has no English one (said as a problem of `name` when it has neither).
    const nameKey = c.name < 0 || (!get(c.name) && get(c.nameJa)) ? 'nameJa' : 'name';
    for (const key of ['id', nameKey, 'family'] as const) {
      if (rec.missing(c[key])) {
        issues.error({ line, column: COLUMN_OF[key]! }, say('missingColumn', { column: COLUMN_OF[key]! }));
        ok = false;
      } else if (!get(c[key])) {
        issues.error({ line, column: COLUMN_OF[key]! }, say('empty', { column: COLUMN_OF[key]! }));
        ok = false;
      }
    }
    if (!ok) return;
    const nameJa = get(c.nameJa);
    const name = get(c.name) || nameJa;
    const group = get(c.group);
    const descriptionJa = get(c.descriptionJa);
    const candidate = {
      id: get(c.id),
      name,
      nameJa: nameJa || name,
      aliases: get(c.aliases)
        .split(/[|;]/)
        .map((a) => a.trim())
        .filter(Boolean),
      family: get(c.family).toLowerCase(),
      description: get(c.description) || name,
      ...(descriptionJa ? { descriptionJa } : {}),
      ...(group ? { group } : {}),
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
    if (get(c.name)) given.name = parsed.data.name;
    if (nameJa) given.nameJa = parsed.data.nameJa;
    if (get(c.description)) given.description = parsed.data.description;
    if (descriptionJa) given.descriptionJa = descriptionJa;
    if (group) given.group = group;
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
  name?: string;
  nameJa?: string;
  aliases?: string[];
  description?: string;
  descriptionJa?: string;
  group?: string;
}

/**
 * An existing role updated by a catalogue row: id and family (always carried)
 * are taken; names, descriptions and group only when the row has them (a row
 * with only `name_ja` keeps the stored English name); aliases are the stored
 * ones plus any new ones (compared after normalisation, so "QA" and "ｑａ"
 * count as one).
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
  const descriptionJa = given.descriptionJa ?? before.descriptionJa;
  const group = given.group ?? before.group;
  return {
    ...before,
    name: given.name ?? before.name,
    nameJa: given.nameJa ?? before.nameJa,
    aliases,
    family: row.family,
    description: given.description ?? before.description,
    ...(descriptionJa !== undefined ? { descriptionJa } : {}),
    ...(group !== undefined ? { group } : {}),
  };
}

/** The fields that differ between two versions of a role, for the report. */
export function roleChanges(before: Role, after: Role): RoleChange['changes'] {
  const changes: RoleChange['changes'] = [];
  for (const field of ['name', 'nameJa', 'family', 'group', 'description', 'descriptionJa'] as const) {
    if (before[field] !== after[field]) changes.push({ field, before: before[field] ?? '', after: after[field] ?? '' });
  }
  const a = before.aliases.join(' | ');
  const b = after.aliases.join(' | ');
  if (a !== b) changes.push({ field: 'aliases', before: a, after: b });
  return changes;
}
