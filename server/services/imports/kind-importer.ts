/**
 * What every importer (histories, transition tables, role catalogues) shares:
 * the context it runs in, what it hands back, and the bookkeeping of unknown
 * roles.
 */
import type { Role, Transition } from '../../contract/graph-data.js';
import type { RoleChange, UnknownRole } from '../../contract/imports.js';
import type { DatasetUnit, RoutePattern } from '../../contract/datasets.js';
import type { IssueList } from './issues.js';
import { say } from './messages.js';
import type { RecordView } from './record-view.js';
import type { RoleMatcher } from './role-matcher.js';

/** Everything an importer needs besides the rows. */
export interface ImportContext {
  dataset: string;
  /** Privacy threshold k. */
  minCount: number;
  createRoles: boolean;
  matcher: RoleMatcher;
  issues: IssueList;
}

/** The aggregates an importer produced, ready to be written (when there were no errors). */
export interface ImportOutcome {
  people: number;
  stints: number;
  /** Roles to create or update. */
  roles: Role[];
  newRoles: Role[];
  updatedRoles: number;
  /** Catalogues: what changes in existing roles. */
  changedRoles?: RoleChange[];
  /** Kept transitions (null: the import does not touch the dataset's transitions, i.e. a role catalogue). */
  transitions: Transition[] | null;
  routes: RoutePattern[];
  suppressed: { transitions: number; routes: number };
  unknownRoles: UnknownRole[];
  /** What the dataset's numbers count, when the importer decides it (transition tables); histories count people. */
  unit?: DatasetUnit;
}

/** Reads the rows of one kind of file. */
export interface Importer {
  /** The header row (CSV) or the first object's keys (NDJSON). */
  header(columns: string[], line: number): void;
  /** One data row. */
  row(record: RecordView): void;
  /** After the last row. */
  finish(): ImportOutcome;
}

/** Distinct unknown names tracked for the report's ranking; rows naming others count only as rejected rows. */
export const UNKNOWN_ROLES_TRACKED = 1000;

/** Unknown written role names: rows and first line per name (the first 1,000 distinct names), for the report. */
export class UnknownRoles {
  private readonly byValue = new Map<string, { rows: number; firstLine: number; suggestions: string[] }>();

  /** Notes one row naming `value`. */
  add(value: string, line: number, suggestions: string[]): void {
    const seen = this.byValue.get(value);
    if (seen) seen.rows++;
    else if (this.byValue.size < UNKNOWN_ROLES_TRACKED) this.byValue.set(value, { rows: 1, firstLine: line, suggestions });
  }

  /** Adds `n` more rows for a name already added. */
  addRows(value: string, n: number): void {
    const seen = this.byValue.get(value);
    if (seen) seen.rows += n;
  }

  /** The report's list, most used first (at most `limit`), with suggestion names. */
  list(roles: readonly Role[], limit = 100): UnknownRole[] {
    const byId = new Map(roles.map((r) => [r.id, r]));
    return [...this.byValue.entries()]
      .sort((a, b) => b[1].rows - a[1].rows || a[1].firstLine - b[1].firstLine)
      .slice(0, limit)
      .map(([value, u]) => ({
        value,
        rows: u.rows,
        firstLine: u.firstLine,
        suggestions: u.suggestions.map((id) => ({ id, name: byId.get(id)?.name ?? id, nameJa: byId.get(id)?.nameJa ?? id })),
      }));
  }
}

/** p(b | a) over the given counts, like the seed: count(a→b) / Σ count(a→·). */
export function probabilitiesFromCounts(pairs: readonly { from: string; count: number }[]): number[] {
  const total = new Map<string, number>();
  for (const p of pairs) total.set(p.from, (total.get(p.from) ?? 0) + p.count);
  return pairs.map((p) => p.count / (total.get(p.from) ?? p.count));
}

/**
 * A row the parser could not read whole is said once, as an error on its line (`quoteHint`: also say how a quote
 * is written in a value); true when it is, and the importer skips the row.
 */
export function malformedRow(rec: RecordView, issues: IssueList, quoteHint = false): boolean {
  if (!rec.malformed) return false;
  issues.error({ line: rec.line }, say('malformed', { quoteHint }));
  return true;
}
