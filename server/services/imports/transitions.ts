/**
 * Transition tables: one row per move, `from` and `to` (each a role id, name
 * or alias, or a code column plus a name column: `from_code`/`from_name`),
 * and `count` or `probability`.
 *
 * - With counts (unit `people`), probabilities are computed as in the seed
 *   (over the kept counts), and rows with fewer than k people are suppressed.
 * - With probabilities only (unit `probability`), they are stored as given
 *   (count 0 = "no count") and routes use them as they are: such a table has
 *   no counts to protect, so nothing is suppressed (the report says so). The
 *   probabilities leaving one role must not add up to more than 1; less is
 *   fine (the rest left the table), and the report says for how many roles.
 * - With both (unit `people`), the count drives suppression and routes, and
 *   the given probability is kept; the two must agree: within one role, every
 *   probability is its count over one total (Σ counts when the table lists
 *   every move out of the role, more when some people left the table), up to
 *   the rounding of the written value.
 *
 * Errors: a missing or empty from/to, an unknown or ambiguous role, a count
 * that is not a whole number ≥ 1, a probability outside 0–1, a move from a
 * role to itself, the same move twice, and counts and probabilities that
 * disagree (each such line named).
 */
import type { Transition, TransitionKind } from '../../contract/graph-data.js';
import { TRANSITION_KINDS } from '../../contract/graph-data.js';
import { findColumns } from './columns.js';
import { malformedRow, probabilitiesFromCounts, UnknownRoles, type ImportContext, type ImportOutcome, type Importer } from './kind-importer.js';
import { say, type Said } from './messages.js';
import type { RecordView } from './record-view.js';

export const TRANSITION_COLUMNS = {
  from: ['from', 'from_id', 'from_role', 'source', 'from_code'],
  fromName: ['from_name', 'from_role_name'],
  to: ['to', 'to_id', 'to_role', 'target', 'to_code'],
  toName: ['to_name', 'to_role_name'],
  count: ['count', 'n', 'people', 'moves'],
  probability: ['probability', 'p', 'prob'],
  kind: ['kind'],
} as const;

/** Slack on "probabilities out of a role add up to at most 1" (rounded spreadsheet values). */
const SUM_TOLERANCE = 1e-6;

interface Row {
  from: number;
  to: number;
  count: number;
  probability: number | null;
  /** Half a unit of the written probability's last digit (0.005 for "0.33" or "33%"): how far rounding may have moved it. */
  rounding: number;
  kind: TransitionKind;
  line: number;
}

export class TransitionTableImporter implements Importer {
  private cols = { from: -1, fromName: -1, to: -1, toName: -1, count: -1, probability: -1, kind: -1 };
  private fatal = false;
  private readonly rows: Row[] = [];
  private readonly seen = new Map<string, number>();
  private readonly unknown = new UnknownRoles();
  private readonly resolvedCache = new Map<string, { index: number } | { error: 'unknown' | 'ambiguous'; suggestions: string[] }>();
  people = 0;

  constructor(private readonly ctx: ImportContext) {}

  header(columns: string[], line: number): void {
    const c = findColumns(columns, TRANSITION_COLUMNS);
    this.cols = c;
    const missing: string[][] = [];
    if (c.from < 0 && c.fromName < 0) missing.push(['from']);
    if (c.to < 0 && c.toName < 0) missing.push(['to']);
    if (c.count < 0 && c.probability < 0) missing.push(['count', 'probability']);
    if (missing.length) {
      this.fatal = true;
      this.ctx.issues.error({ line }, say('headerMissing', { kind: 'transitions', missing, columns }));
    }
  }

  row(rec: RecordView): void {
    if (this.fatal || malformedRow(rec, this.ctx.issues)) return;
    const { issues } = this.ctx;
    const c = this.cols;
    const line = rec.line;
    let ok = true;
    const from = this.role(rec, c.from, c.fromName, 'from');
    const to = this.role(rec, c.to, c.toName, 'to');
    if (from < 0 || to < 0) ok = false;
    else if (from === to) {
      issues.error({ line, column: 'to', value: rec.text(c.to >= 0 ? c.to : c.toName) ?? '' }, say('sameRole', { role: this.ctx.matcher.roles[to]!.id }));
      ok = false;
    }

    let count = 0;
    if (c.count >= 0) {
      const raw = (rec.text(c.count) ?? '').trim();
      const n = Number(raw);
      if (rec.missing(c.count)) {
        issues.error({ line, column: 'count' }, say('missingColumn', { column: 'count' }));
        ok = false;
      } else if (raw === '') {
        if (c.probability < 0 || rec.blank(c.probability)) {
          issues.error({ line, column: 'count' }, say('empty', { column: 'count' }));
          ok = false;
        }
      } else if (!Number.isFinite(n) || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw)) {
        issues.error({ line, column: 'count', value: raw }, say('countNotNumber'));
        ok = false;
      } else if (n < 0) {
        issues.error({ line, column: 'count', value: raw }, say('countNegative'));
        ok = false;
      } else if (!Number.isInteger(n)) {
        issues.error({ line, column: 'count', value: raw }, say('countNotWhole'));
        ok = false;
      } else if (n === 0) {
        issues.error({ line, column: 'count', value: raw }, say('countZero'));
        ok = false;
      } else if (n > Number.MAX_SAFE_INTEGER) {
        issues.error({ line, column: 'count', value: raw }, say('countTooLarge'));
        ok = false;
      } else count = n;
    }

    let probability: number | null = null;
    let rounding = 0;
    if (c.probability >= 0 && !rec.blank(c.probability)) {
      const raw = (rec.text(c.probability) ?? '').trim();
      const n = Number(raw.endsWith('%') ? raw.slice(0, -1) : raw) / (raw.endsWith('%') ? 100 : 1);
      if (!Number.isFinite(n) || raw === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(raw)) {
        issues.error({ line, column: 'probability', value: raw }, say('probabilityNotNumber'));
        ok = false;
      } else if (n > 1) {
        issues.error({ line, column: 'probability', value: raw }, say('probabilityOver1'));
        ok = false;
      } else if (n < 0) {
        issues.error({ line, column: 'probability', value: raw }, say('probabilityNegative'));
        ok = false;
      } else {
        probability = n;
        rounding = roundingOf(raw);
      }
    } else if (c.count < 0) {
      issues.error({ line, column: 'probability' }, say(rec.missing(c.probability) ? 'missingColumn' : 'empty', { column: 'probability' }));
      ok = false;
    }

    let kind: TransitionKind = 'move';
    if (c.kind >= 0 && !rec.blank(c.kind)) {
      const raw = (rec.text(c.kind) ?? '').trim().toLowerCase();
      if ((TRANSITION_KINDS as readonly string[]).includes(raw)) kind = raw as TransitionKind;
      else {
        issues.error({ line, column: 'kind', value: raw }, say('badKind', { kinds: TRANSITION_KINDS }));
        ok = false;
      }
    }

    if (!ok) return;
    const key = `${from}>${to}`;
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      issues.error({ line }, say('duplicateTransition', { line: earlier }));
      return;
    }
    this.seen.set(key, line);
    this.rows.push({ from, to, count, probability, rounding, kind, line });
  }

  /** Resolves the role of one end from its code and/or name column; -1 after reporting an error. */
  private role(rec: RecordView, codeCol: number, nameCol: number, end: 'from' | 'to'): number {
    const { issues, matcher, createRoles, dataset } = this.ctx;
    const code = codeCol >= 0 && !rec.blank(codeCol) ? rec.text(codeCol)!.trim() : '';
    const name = nameCol >= 0 && !rec.blank(nameCol) ? rec.text(nameCol)!.trim() : '';
    if (!code && !name) {
      const col = codeCol >= 0 ? codeCol : nameCol;
      issues.error({ line: rec.line, column: end }, say(rec.missing(col) ? 'missingColumn' : 'empty', { column: end }));
      return -1;
    }
    const cacheKey = `${code}\u0000${name}`;
    let r = this.resolvedCache.get(cacheKey);
    if (!r) {
      r = this.resolve(code, name);
      if ('error' in r && r.error === 'unknown' && createRoles) r = { index: matcher.create(name || code, dataset, code || undefined) };
      this.resolvedCache.set(cacheKey, r);
    }
    if ('index' in r) return r.index;
    const value = code || name;
    if (r.error === 'unknown') this.unknown.add(value, rec.line, r.suggestions);
    const said: Said = r.error === 'unknown' ? say('unknownRole', { value, suggestions: r.suggestions }) : say('ambiguousRole', { value, ids: r.suggestions });
    issues.error({ line: rec.line, column: end, value, suggestions: r.suggestions }, said);
    return -1;
  }

  private resolve(code: string, name: string): { index: number } | { error: 'unknown' | 'ambiguous'; suggestions: string[] } {
    const { matcher } = this.ctx;
    let suggestions: string[] = [];
    for (const written of [code, name]) {
      if (!written) continue;
      const m = matcher.match(written);
      if (m.kind === 'found') return { index: m.index };
      if (m.kind === 'ambiguous') return { error: 'ambiguous', suggestions: m.ids };
      if (!suggestions.length) suggestions = m.suggestions;
    }
    return { error: 'unknown', suggestions };
  }

  finish(): ImportOutcome {
    const { matcher, issues, minCount, dataset } = this.ctx;
    const roles = matcher.roles;
    const withCounts = this.cols.count >= 0;

    // Probabilities out of one role may not add up to more than 1; less is fine (the rest left the table).
    if (!withCounts || this.cols.probability >= 0) {
      const sums = new Map<number, { sum: number; line: number }>();
      for (const r of this.rows) {
        if (r.probability === null) continue;
        const s = sums.get(r.from) ?? { sum: 0, line: r.line };
        s.sum += r.probability;
        sums.set(r.from, s);
      }
      const under: { from: number; sum: number }[] = [];
      for (const [from, s] of sums) {
        if (s.sum > 1 + SUM_TOLERANCE) {
          issues.error({ line: s.line, column: 'probability' }, say('probabilitySumOver', { role: roles[from]!.id, sum: round(s.sum) }));
        } else if (s.sum < 1 - SUM_TOLERANCE) under.push({ from, sum: s.sum });
      }
      if (under.length && !issues.hasErrors) {
        under.sort((a, b) => a.sum - b.sum || a.from - b.from);
        const examples = under.slice(0, 3).map((u) => ({ role: roles[u.from]!.id, sum: round(u.sum) }));
        issues.warning({ line: 0, column: 'probability' }, say('probabilitySumUnder', { under: under.length, roles: sums.size, examples }));
      }
    }
    if (withCounts && this.cols.probability >= 0) this.checkAgreement();
    if (!withCounts && !issues.hasErrors) {
      issues.warning({ line: 0 }, say('probabilityOnly', { k: minCount }));
    }

    const kept: Row[] = [];
    let suppressed = 0;
    for (const r of this.rows) {
      // Counted rows below k are suppressed; probability-only rows carry no accounts to protect.
      if (withCounts && r.count > 0 && r.count < minCount) suppressed++;
      else kept.push(r);
    }
    const computed = probabilitiesFromCounts(kept.map((r) => ({ from: String(r.from), count: r.count })));
    const transitions: Transition[] = kept.map((r, i) => ({
      from: roles[r.from]!.id,
      to: roles[r.to]!.id,
      dataset,
      kind: r.kind,
      count: r.count,
      probability: r.probability ?? computed[i]!,
      skills: [],
      evidence: [],
    }));
    const used = new Set(kept.flatMap((r) => [r.from, r.to]));
    const created = roles.slice(matcher.storedCount);
    const newRoles = created.filter((_, i) => used.has(matcher.storedCount + i));
    if (newRoles.length < created.length) {
      issues.warning({ line: 0 }, say('notCreatedSuppressed', { n: created.length - newRoles.length }));
    }
    return {
      people: 0,
      stints: 0,
      roles: newRoles,
      newRoles,
      updatedRoles: 0,
      transitions,
      routes: [],
      suppressed: { transitions: suppressed, routes: 0 },
      unknownRoles: this.unknown.list(roles),
      unit: withCounts ? 'people' : 'probability',
    };
  }

  /**
   * Counts and probabilities on the same rows must tell the same story: within one role, p = count / N for
   * one total N per role, where N is the Σ of the role's counts when the table lists every move out of it,
   * and more when some people left the table (then its probabilities add up to less than 1). A row written
   * as q with rounding r admits count / (q + r) ≤ N ≤ count / (q − r); the N admitted by the most rows (the
   * smallest such, at least Σ counts) is the role's total, and every row that does not admit it is an error
   * naming its line: one wrong row is named alone, the rows agreeing with each other are not.
   */
  private checkAgreement(): void {
    const { issues, matcher } = this.ctx;
    const byRole = new Map<number, Row[]>();
    for (const r of this.rows) {
      if (r.count <= 0) continue;
      const list = byRole.get(r.from);
      if (list) list.push(r);
      else byRole.set(r.from, [r]);
    }
    const SLACK = 1e-9;
    for (const [from, all] of byRole) {
      const sumCounts = all.reduce((a, r) => a + r.count, 0);
      const rows = all.filter((r) => r.probability !== null);
      if (!rows.length) continue;
      const floor = sumCounts * (1 - SLACK);
      const bounds = rows.map((r) => {
        const q = r.probability!;
        const lo = (r.count / (q + r.rounding)) * (1 - SLACK);
        const hi = q - r.rounding > 0 ? (r.count / (q - r.rounding)) * (1 + SLACK) : Infinity;
        return { lo: Math.max(lo, floor), hi };
      });
      // Sweep: starts before ends at the same point (closed intervals); the first point of greatest cover wins.
      const events: [number, number][] = [];
      for (const b of bounds) {
        if (b.hi < b.lo) continue;
        events.push([b.lo, 1], [b.hi, -1]);
      }
      events.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
      let cover = 0;
      let best = 0;
      let total = sumCounts;
      for (const [x, d] of events) {
        cover += d;
        if (cover > best) {
          best = cover;
          total = x;
        }
      }
      if (best === rows.length) continue;
      const role = matcher.roles[from]!.id;
      rows.forEach((r, i) => {
        const b = bounds[i]!;
        if (b.lo <= total && total <= b.hi) return;
        const exact = Math.abs(total - sumCounts) <= sumCounts * 1e-6;
        issues.error(
          { line: r.line, column: 'probability', value: String(r.probability) },
          say('disagree', { count: r.count, total: round(total), exact, role, share: round(r.count / total) }),
        );
      });
    }
  }
}

/** Half a unit of the last written digit of a probability ("0.33" → 0.005, "33%" → 0.005, "0.125" → 0.0005, "1e-3" → 0.0005). */
function roundingOf(raw: string): number {
  const percent = raw.endsWith('%');
  const text = percent ? raw.slice(0, -1) : raw;
  const m = /^[+-]?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  const decimals = (m?.[2]?.length ?? 0) - Number(m?.[3] ?? 0) + (percent ? 2 : 0);
  return 0.5 * 10 ** -decimals;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
