/**
 * Career histories: one row per stint (`person_id`, `seq` or `start`, `role`,
 * optional `end` and `org_unit`), aggregated into
 * - transition counts: how many people moved from role a straight to role b
 *   (a person who made the same move twice counts once, so k means k people);
 * - route patterns: each person's sequence of roles (consecutive stints in the
 *   same role — a new org unit, say — collapsed into one), counted per distinct
 *   sequence. `travelled` routes are derived from these exactly as from
 *   individual histories, with each pattern weighing its count.
 * Person ids only ever live in memory, as interned bytes, while the file is
 * read; nothing about a person is returned.
 *
 * Rules: a stint without person, order or role, with a date that is not a
 * date, an end before its start, or an unknown role is an error; two stints of
 * one person with the same seq (or start) are an error (their order is
 * unknown); a history with one role only adds nothing and is a warning; a
 * return to an earlier role (A→B→A) is a real career and is kept.
 */
import type { Role, Transition } from '../../contract/graph-data.js';
import type { RoutePattern } from '../../contract/datasets.js';
import { ByteInterner } from './byte-interner.js';
import { findColumns } from './columns.js';
import { malformedRow, probabilitiesFromCounts, UnknownRoles, type ImportContext, type ImportOutcome, type Importer } from './kind-importer.js';
import { IntSeqCounter } from './int-seq-counter.js';
import { say } from './messages.js';
import type { RecordView } from './record-view.js';

/** Accepted header names per column (canonical first). */
export const HISTORY_COLUMNS = {
  person: ['person_id', 'person', 'personid', 'employee_id', 'employee', 'id'],
  seq: ['seq', 'sequence', 'order', 'step'],
  start: ['start', 'start_date', 'from_date', 'started'],
  end: ['end', 'end_date', 'to_date', 'ended'],
  role: ['role', 'role_id', 'role_name', 'job', 'position', 'title'],
  orgUnit: ['org_unit', 'org', 'department', 'unit', 'team'],
} as const;

/** Role resolution codes besides a role index. */
const UNKNOWN = -1;
const AMBIGUOUS = -2;

/** Above this many roles, transition counts go in a Map instead of a roles² array. */
const DENSE_ROLE_LIMIT = 2048;

/** Int32 fields per stored stint: person, order key, role, line. */
const STINT = 4;
/** Stints per storage block (blocks, not one doubling array: no copies, no 2× peaks). */
const BLOCK_BITS = 18;
const BLOCK = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK - 1;

export class HistoryImporter implements Importer {
  private cols = { person: -1, seq: -1, start: -1, end: -1, role: -1, orgUnit: -1 };
  private useSeq = true;
  /** The header lacks a required column: rows are counted, not read. */
  private fatal = false;
  private readonly persons = new ByteInterner(1 << 16);
  private readonly written = new ByteInterner(256);
  /** Role index (or UNKNOWN/AMBIGUOUS) per distinct written role name. */
  private resolved = new Int32Array(256);
  private readonly writtenText: string[] = [];
  private readonly writtenSuggestions: string[][] = [];
  private readonly unknown = new UnknownRoles();
  /** Valid stints, STINT Int32 fields each, in blocks of BLOCK stints. */
  private blocks: Int32Array[] = [];
  private block = new Int32Array(0);
  private stintCount = 0;

  constructor(private readonly ctx: ImportContext) {}

  header(columns: string[], line: number): void {
    const c = findColumns(columns, HISTORY_COLUMNS);
    this.cols = c;
    const missing: string[][] = [];
    if (c.person < 0) missing.push(['person_id']);
    if (c.role < 0) missing.push(['role']);
    if (c.seq < 0 && c.start < 0) missing.push(['seq', 'start']);
    this.useSeq = c.seq >= 0;
    if (missing.length) {
      this.fatal = true;
      this.ctx.issues.error({ line }, say('headerMissing', { kind: 'histories', missing, columns }));
    }
  }

  row(rec: RecordView): void {
    if (this.fatal || malformedRow(rec, this.ctx.issues, true)) return;
    const { issues } = this.ctx;
    const c = this.cols;
    const line = rec.line;
    let ok = true;
    if (rec.blank(c.person)) {
      issues.error({ line, column: 'person_id' }, say(rec.missing(c.person) ? 'missingColumn' : 'empty', { column: 'person_id' }));
      ok = false;
    }
    let key: number;
    if (this.useSeq) {
      key = rec.uint(c.seq);
      if (key < 0) {
        const value = rec.text(c.seq);
        issues.error({ line, column: 'seq', ...(value !== undefined ? { value } : {}) }, rec.missing(c.seq) ? say('missingColumn', { column: 'seq' }) : say('seqNotWhole'));
        ok = false;
      }
    } else {
      key = rec.date(c.start);
      if (key < 0) {
        const value = rec.text(c.start);
        issues.error({ line, column: 'start', ...(value !== undefined ? { value } : {}) }, rec.missing(c.start) ? say('missingColumn', { column: 'start' }) : say('startNotDate'));
        ok = false;
      }
    }
    if (c.end >= 0 && !rec.blank(c.end)) {
      const end = rec.date(c.end);
      const start = c.start >= 0 ? rec.date(c.start) : -1;
      if (end < 0) {
        issues.error({ line, column: 'end', value: rec.text(c.end) ?? '' }, say('endNotDate'));
        ok = false;
      } else if (start >= 0 && end < start) {
        issues.error({ line, column: 'end', value: rec.text(c.end) ?? '' }, say('endBeforeStart'));
        ok = false;
      }
    }
    let role = UNKNOWN;
    if (rec.blank(c.role)) {
      issues.error({ line, column: 'role' }, say(rec.missing(c.role) ? 'missingColumn' : 'empty', { column: 'role' }));
      ok = false;
    } else {
      const w = rec.intern(c.role, this.written);
      if (this.written.added) this.resolve(w);
      role = this.resolved[w]!;
      if (role < 0) {
        const value = this.writtenText[w]!;
        const suggestions = this.writtenSuggestions[w]!;
        if (role === UNKNOWN) {
          this.unknown.add(value, line, suggestions);
          issues.error({ line, column: 'role', value, suggestions }, say('unknownRole', { value, suggestions }));
        } else {
          issues.error({ line, column: 'role', value, suggestions }, say('ambiguousRole', { value, ids: suggestions }));
        }
        ok = false;
      }
    }
    if (!ok) return;
    const inBlock = this.stintCount & BLOCK_MASK;
    if (inBlock === 0) {
      this.block = new Int32Array(BLOCK * STINT);
      this.blocks.push(this.block);
    }
    const st = this.block;
    let o = inBlock * STINT;
    st[o++] = rec.intern(c.person, this.persons);
    st[o++] = key;
    st[o++] = role;
    st[o] = line;
    this.stintCount++;
  }

  /** Resolves a newly seen written role name (creating the role when asked to). */
  private resolve(w: number): void {
    if (w >= this.resolved.length) {
      const bigger = new Int32Array(this.resolved.length * 2);
      bigger.set(this.resolved);
      this.resolved = bigger;
    }
    const text = this.written.text(w);
    this.writtenText[w] = text;
    this.writtenSuggestions[w] = [];
    const m = this.ctx.matcher.match(text);
    if (m.kind === 'found') this.resolved[w] = m.index;
    else if (m.kind === 'ambiguous') {
      this.resolved[w] = AMBIGUOUS;
      this.writtenSuggestions[w] = m.ids;
    } else if (this.ctx.createRoles) this.resolved[w] = this.ctx.matcher.create(text, this.ctx.dataset);
    else {
      this.resolved[w] = UNKNOWN;
      this.writtenSuggestions[w] = m.suggestions;
    }
  }

  finish(): ImportOutcome {
    const { matcher, issues, minCount, dataset } = this.ctx;
    const roles = matcher.roles;
    const R = roles.length;
    const P = this.persons.size;
    const S = this.stintCount;
    const blocks = this.blocks;
    const field = (s: number, f: number) => blocks[s >>> BLOCK_BITS]![(s & BLOCK_MASK) * STINT + f]!;
    const keyOf = (s: number) => field(s, 1);
    const lineOf = (s: number) => field(s, 3);
    // Group stints by person, keeping file order within a person (counting sort).
    const start = new Int32Array(P + 1);
    for (let s = 0; s < S; s++) start[field(s, 0) + 1]!++;
    for (let p = 0; p < P; p++) start[p + 1]! += start[p]!;
    const order = new Int32Array(S);
    {
      const fill = start.slice(0, P);
      for (let s = 0; s < S; s++) order[fill[field(s, 0)]!++] = s;
    }

    const dense = R <= DENSE_ROLE_LIMIT;
    const pairCounts = dense ? new Int32Array(R * R) : null;
    const pairMap = dense ? null : new Map<number, number>();
    const patterns = new IntSeqCounter();
    let seqBuf = new Int32Array(64);
    const personPairs: number[] = [];

    for (let p = 0; p < P; p++) {
      const a = start[p]!;
      const b = start[p + 1]!;
      // Stints in career order: insertion sort (stable; files are nearly always in order already).
      for (let i = a + 1; i < b; i++) {
        const s = order[i]!;
        const k = keyOf(s);
        let j = i - 1;
        while (j >= a && keyOf(order[j]!) > k) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = s;
      }
      let duplicate = false;
      for (let i = a + 1; i < b; i++) {
        if (keyOf(order[i]!) === keyOf(order[i - 1]!)) {
          const s = order[i]!;
          const first = order[i - 1]!;
          const later = lineOf(s) > lineOf(first) ? s : first;
          const earlier = later === s ? first : s;
          issues.error(
            { line: lineOf(later), column: this.useSeq ? 'seq' : 'start', value: this.useSeq ? String(keyOf(s)) : formatDate(keyOf(s)) },
            say('duplicateStint', { bySeq: this.useSeq, line: lineOf(earlier) }),
          );
          duplicate = true;
        }
      }
      if (duplicate) continue;
      // The role sequence, consecutive repeats collapsed.
      if (b - a > seqBuf.length) seqBuf = new Int32Array(Math.max(b - a, seqBuf.length * 2));
      let L = 0;
      for (let i = a; i < b; i++) {
        const r = field(order[i]!, 2);
        if (L === 0 || seqBuf[L - 1] !== r) seqBuf[L++] = r;
      }
      if (L < 2) {
        issues.warning({ line: lineOf(order[a]!) }, b - a === 1 ? say('oneStint') : say('sameRoleOnly'));
        continue;
      }
      personPairs.length = 0;
      for (let i = 0; i + 1 < L; i++) {
        const code = seqBuf[i]! * R + seqBuf[i + 1]!;
        if (personPairs.includes(code)) continue;
        personPairs.push(code);
        if (pairCounts) pairCounts[code]!++;
        else pairMap!.set(code, (pairMap!.get(code) ?? 0) + 1);
      }
      patterns.add(seqBuf, L);
    }

    // Privacy: only aggregates of at least k people are kept.
    const used = new Uint8Array(R);
    const kept: { from: string; to: string; count: number }[] = [];
    let suppressedTransitions = 0;
    const consider = (code: number, count: number) => {
      if (count <= 0) return;
      if (count < minCount) {
        suppressedTransitions++;
        return;
      }
      const u = Math.floor(code / R);
      const v = code % R;
      used[u] = 1;
      used[v] = 1;
      kept.push({ from: roles[u]!.id, to: roles[v]!.id, count });
    };
    if (pairCounts) for (let code = 0; code < pairCounts.length; code++) consider(code, pairCounts[code]!);
    else for (const [code, count] of [...pairMap!.entries()].sort((x, y) => x[0] - y[0])) consider(code, count);
    const probabilities = probabilitiesFromCounts(kept);
    const transitions: Transition[] = kept.map((t, i) => ({
      from: t.from,
      to: t.to,
      dataset,
      kind: 'move',
      count: t.count,
      probability: probabilities[i]!,
      skills: [],
      evidence: [],
    }));

    const routes: RoutePattern[] = [];
    this.blocks = [];
    const suppressedRoutes = patterns.forEach(minCount, (nodes, count) => {
      const ids: string[] = [];
      for (const r of nodes) {
        used[r] = 1;
        ids.push(roles[r]!.id);
      }
      routes.push({ id: `${dataset}:${routes.length + 1}`, dataset, roles: ids, count });
    });

    // Roles created for this import are only written when a kept aggregate uses them.
    const created = roles.slice(matcher.storedCount);
    const newRoles: Role[] = created.filter((_, i) => used[matcher.storedCount + i] === 1);
    if (newRoles.length < created.length) {
      issues.warning({ line: 0 }, say('notCreatedBelowK', { n: created.length - newRoles.length, k: minCount }));
    }
    return {
      people: P,
      stints: S,
      roles: newRoles,
      newRoles,
      updatedRoles: 0,
      transitions,
      routes,
      suppressed: { transitions: suppressedTransitions, routes: suppressedRoutes },
      unknownRoles: this.unknown.list(roles),
    };
  }
}

/** yyyymmdd (dd 00 = month only) back to text. */
function formatDate(key: number): string {
  const y = Math.floor(key / 10000);
  const m = Math.floor(key / 100) % 100;
  const d = key % 100;
  return `${y}-${String(m).padStart(2, '0')}${d ? `-${String(d).padStart(2, '0')}` : ''}`;
}
