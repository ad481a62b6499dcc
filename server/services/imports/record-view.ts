/**
 * One row of an import file as the importers see it, whatever the format.
 * CSV/TSV rows point into the bytes of the current chunk (no string is made
 * for a field nobody asks for: the fast path of the 1M-history import); NDJSON
 * rows hold their values as strings.
 */
import type { ByteInterner } from './byte-interner.js';

const QUOTE_PAIR = /""/g;

/** A reused view of the current row; valid only during the callback it is passed to. */
export interface RecordView {
  /** 1-based line where the row starts. */
  readonly line: number;
  /** Fields in this row. */
  readonly count: number;
  /** True when a quoted field was not closed properly (`"ab"c`, or a quote left open at the end). */
  readonly malformed: boolean;
  /** Field `i` is absent (row too short, or NDJSON key missing or null). */
  missing(i: number): boolean;
  /** Field `i` as text (undefined when missing). Not trimmed. */
  text(i: number): string | undefined;
  /** Interns field `i`'s bytes, trimmed of spaces (empty when missing). */
  intern(i: number, into: ByteInterner): number;
  /** Field `i` as a non-negative whole number (spaces around allowed), or -1 when it is not one (or ≥ 2^31). */
  uint(i: number): number;
  /**
   * Field `i` as a date: YYYY-MM-DD, YYYY/MM/DD, YYYY-MM or YYYY/MM (time of
   * day after the date is ignored), as yyyymmdd (dd 00 when absent), or -1.
   */
  date(i: number): number;
  /** True when field `i` is missing or only spaces. */
  blank(i: number): boolean;
}

const SPACE = 0x20;
const TAB = 0x09;
const isSpace = (b: number) => b === SPACE || b === TAB;

/** A row of a delimited (CSV/TSV) file: field boundaries into the chunk's bytes. */
export class DelimitedRecord implements RecordView {
  buf: Buffer = Buffer.alloc(0);
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  /** 1 when the field was quoted and holds `""` escapes. */
  escaped = new Uint8Array(32);
  count = 0;
  line = 0;
  malformed = false;

  /** Makes room for at least `n` fields. */
  ensure(n: number): void {
    if (n <= this.starts.length) return;
    const size = Math.max(n, this.starts.length * 2);
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts, (k) => new Int32Array(k));
    this.ends = grow(this.ends, (k) => new Int32Array(k));
    this.escaped = grow(this.escaped, (k) => new Uint8Array(k));
  }

  missing(i: number): boolean {
    return i < 0 || i >= this.count;
  }

  text(i: number): string | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const s = this.buf.toString('utf8', this.starts[i]!, this.ends[i]!);
    return this.escaped[i] ? s.replace(QUOTE_PAIR, '"') : s;
  }

  blank(i: number): boolean {
    if (i < 0 || i >= this.count) return true;
    const buf = this.buf;
    for (let p = this.starts[i]!, e = this.ends[i]!; p < e; p++) if (!isSpace(buf[p]!)) return false;
    return true;
  }

  intern(i: number, into: ByteInterner): number {
    if (i < 0 || i >= this.count) return into.intern(this.buf, 0, 0);
    if (this.escaped[i]) {
      const t = Buffer.from(this.text(i)!.trim(), 'utf8');
      return into.intern(t, 0, t.length);
    }
    const buf = this.buf;
    let s = this.starts[i]!;
    let e = this.ends[i]!;
    while (s < e && isSpace(buf[s]!)) s++;
    while (e > s && isSpace(buf[e - 1]!)) e--;
    return into.intern(buf, s, e);
  }

  uint(i: number): number {
    if (i < 0 || i >= this.count) return -1;
    const buf = this.buf;
    let p = this.starts[i]!;
    let e = this.ends[i]!;
    while (p < e && isSpace(buf[p]!)) p++;
    while (e > p && isSpace(buf[e - 1]!)) e--;
    if (p === e || e - p > 10) return -1;
    let v = 0;
    for (; p < e; p++) {
      const d = buf[p]! - 0x30;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v < 2 ** 31 ? v : -1;
  }

  date(i: number): number {
    if (i < 0 || i >= this.count) return -1;
    return parseDateBytes(this.buf, this.starts[i]!, this.ends[i]!);
  }
}

/** A row of an NDJSON file: the values of the columns (the first row's keys) as strings. */
export class ValueRecord implements RecordView {
  values: (string | undefined)[] = [];
  line = 0;
  malformed = false;

  get count(): number {
    return this.values.length;
  }

  missing(i: number): boolean {
    return this.values[i] === undefined;
  }

  text(i: number): string | undefined {
    return this.values[i];
  }

  blank(i: number): boolean {
    const v = this.values[i];
    return v === undefined || v.trim() === '';
  }

  intern(i: number, into: ByteInterner): number {
    const b = Buffer.from((this.values[i] ?? '').trim(), 'utf8');
    return into.intern(b, 0, b.length);
  }

  uint(i: number): number {
    const v = this.values[i]?.trim();
    if (!v || !/^\d{1,10}$/.test(v)) return -1;
    const n = Number(v);
    return n < 2 ** 31 ? n : -1;
  }

  date(i: number): number {
    const v = this.values[i];
    if (v === undefined) return -1;
    const b = Buffer.from(v, 'utf8');
    return parseDateBytes(b, 0, b.length);
  }
}

/** Parses a date in `buf[s..e)`; see RecordView.date. */
export function parseDateBytes(buf: Uint8Array, s: number, e: number): number {
  while (s < e && isSpace(buf[s]!)) s++;
  while (e > s && isSpace(buf[e - 1]!)) e--;
  // A time of day ("2021-04-01T09:00:00Z" or "2021/04/01 9:00") is ignored.
  for (let p = s; p < e; p++) {
    const b = buf[p]!;
    if (b === 0x54 /* T */ || b === SPACE) {
      e = p;
      break;
    }
  }
  const digits = (from: number, n: number): number => {
    if (from + n > e) return -1;
    let v = 0;
    for (let p = from; p < from + n; p++) {
      const d = buf[p]! - 0x30;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  };
  const sep = (p: number) => p < e && (buf[p] === 0x2d /* - */ || buf[p] === 0x2f /* / */ || buf[p] === 0x2e); /* . */
  const y = digits(s, 4);
  if (y < 1900 || y > 2200 || !sep(s + 4)) return -1;
  // Months and days may have one or two digits (2021/4/1).
  let p = s + 5;
  const twoOrOne = (): number => {
    const two = digits(p, 2);
    if (two >= 0 && (p + 2 === e || sep(p + 2))) {
      p += 2;
      return two;
    }
    const one = digits(p, 1);
    if (one >= 0 && (p + 1 === e || sep(p + 1))) {
      p += 1;
      return one;
    }
    return -1;
  };
  const m = twoOrOne();
  if (m < 1 || m > 12) return -1;
  if (p === e) return y * 10000 + m * 100;
  if (!sep(p)) return -1;
  p++;
  const d = twoOrOne();
  if (d < 1 || d > 31 || p !== e) return -1;
  return y * 10000 + m * 100 + d;
}
