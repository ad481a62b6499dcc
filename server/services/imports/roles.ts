/**
 * Role catalogues: one role per row with `id`, `name`, `name_ja`, `family`,
 * `aliases` (separated by `|` or `;`) and `description`. A role whose id
 * exists is updated, a new id is added. Roles are shared by every dataset, so
 * a catalogue writes no dataset and suppresses nothing.
 *
 * `name_ja` defaults to `name`, `description` to the name; `id` and `name`
 * and a valid `family` are required.
 */
import { ROLE_FAMILIES, roleSchema, type Role } from '../../contract/graph-data.js';
import { findColumns } from './columns.js';
import type { ImportContext, ImportOutcome, Importer } from './importer.js';
import type { RecordView } from './record-view.js';

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
  private readonly roles = new Map<string, { role: Role; line: number }>();

  constructor(private readonly ctx: ImportContext) {}

  header(columns: string[], line: number): void {
    const c = findColumns(columns, ROLE_COLUMNS);
    this.cols = c;
    const missing = (['id', 'name', 'family'] as const).filter((k) => c[k] < 0);
    if (missing.length) {
      this.fatal = true;
      this.ctx.issues.error({
        line,
        reason: `The header has no ${missing.map((m) => `"${m}"`).join(', ')} column (columns found: ${columns.join(', ') || 'none'}). A role catalogue needs id, name and family (name_ja, aliases and description are optional).`,
      });
    }
  }

  row(rec: RecordView): void {
    if (this.fatal) return;
    const { issues } = this.ctx;
    const c = this.cols;
    const line = rec.line;
    if (rec.malformed) {
      issues.error({ line, reason: 'a quoted field is not closed properly, or a value is not text or a number' });
      return;
    }
    const get = (i: number) => (i >= 0 ? (rec.text(i) ?? '').trim() : '');
    let ok = true;
    for (const key of ['id', 'name', 'family'] as const) {
      if (rec.missing(c[key])) {
        issues.error({ line, column: COLUMN_OF[key]!, reason: `missing column "${COLUMN_OF[key]}"` });
        ok = false;
      } else if (!get(c[key])) {
        issues.error({ line, column: COLUMN_OF[key]!, reason: `${COLUMN_OF[key]} is empty` });
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
        const message = field === 'family' ? `family must be one of ${ROLE_FAMILIES.join(', ')}` : issue.message;
        issues.error({ line, column: COLUMN_OF[field] ?? field, value: String((candidate as Record<string, unknown>)[field] ?? ''), reason: `${COLUMN_OF[field] ?? field} ${message}` });
      }
      return;
    }
    const earlier = this.roles.get(parsed.data.id);
    if (earlier) {
      issues.error({ line, column: 'id', value: parsed.data.id, reason: `duplicate role id: also on line ${earlier.line}` });
      return;
    }
    this.roles.set(parsed.data.id, { role: parsed.data, line });
  }

  finish(): ImportOutcome {
    const stored = new Set(this.ctx.matcher.roles.slice(0, this.ctx.matcher.storedCount).map((r) => r.id));
    const roles = [...this.roles.values()].map((r) => r.role);
    const newRoles = roles.filter((r) => !stored.has(r.id));
    return {
      people: 0,
      stints: 0,
      roles,
      newRoles,
      updatedRoles: roles.length - newRoles.length,
      transitions: null,
      routes: [],
      suppressed: { transitions: 0, routes: 0 },
      unknownRoles: [],
    };
  }
}
