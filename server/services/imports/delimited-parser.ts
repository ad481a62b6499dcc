/**
 * A streaming CSV/TSV parser over UTF-8 bytes (RFC 4180: fields may be quoted,
 * `""` is a quote inside a quoted field, and quoted fields may hold the
 * delimiter and line breaks; CRLF or LF line ends). It never makes a string:
 * each row is handed over as field boundaries into the chunk (see
 * DelimitedRecord), and a row cut by a chunk boundary is carried into the next
 * chunk. Blank lines are skipped; line numbers count physical lines.
 */
import { DelimitedRecord } from './record-view.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export const COMMA = 0x2c;
export const TAB = 0x09;

export class DelimitedParser {
  private carry: Buffer | null = null;
  private work = Buffer.allocUnsafe(1 << 16);
  private line = 1;
  private readonly rec = new DelimitedRecord();

  constructor(
    private readonly delimiter: number,
    private readonly onRecord: (record: DelimitedRecord) => void,
  ) {}

  /**
   * Parses a chunk (rows completed by it are handed over before this returns).
   * The chunk is not kept, so a caller may reuse its buffer.
   */
  push(chunk: Buffer): void {
    let buf = chunk;
    if (this.carry) {
      // The row cut at the last boundary, then the new bytes, in one reused work buffer (no allocation per chunk).
      const need = this.carry.length + chunk.length;
      if (need > this.work.length) {
        const bigger = Buffer.allocUnsafe(Math.max(need, this.work.length * 2));
        this.carry.copy(bigger, 0);
        this.work = bigger;
      } else if (this.carry.buffer !== this.work.buffer || this.carry.byteOffset !== this.work.byteOffset) {
        this.carry.copy(this.work, 0);
      }
      chunk.copy(this.work, this.carry.length);
      buf = this.work.subarray(0, need);
    }
    const used = this.parse(buf, false);
    if (used >= buf.length) this.carry = null;
    else {
      // Keep the incomplete row at the start of the work buffer (it may point into the caller's chunk).
      const rest = buf.subarray(used);
      if (rest.length > this.work.length) this.work = Buffer.allocUnsafe(rest.length * 2);
      rest.copy(this.work, 0);
      this.carry = this.work.subarray(0, rest.length);
    }
  }

  /** Parses what is left at the end of the input. */
  end(): void {
    if (this.carry) this.parse(this.carry, true);
    this.carry = null;
  }

  /** Parses complete rows of `buf`; returns where the first incomplete row starts (buf.length when none). */
  private parse(buf: Buffer, final: boolean): number {
    const rec = this.rec;
    const delim = this.delimiter;
    const end = buf.length;
    rec.buf = buf;
    let pos = 0;
    rows: while (pos < end) {
      const rowStart = pos;
      const rowLine = this.line;
      let n = 0;
      rec.malformed = false;
      for (;;) {
        if (n >= rec.starts.length) rec.ensure(n + 1);
        if (pos < end && buf[pos] === QUOTE) {
          // Quoted field: runs to the next lone quote.
          let p = pos + 1;
          let escaped = 0;
          let closed = false;
          while (p < end) {
            const b = buf[p]!;
            if (b === QUOTE) {
              if (p + 1 < end && buf[p + 1] === QUOTE) {
                escaped = 1;
                p += 2;
                continue;
              }
              if (p + 1 >= end && !final) break;
              closed = true;
              break;
            }
            if (b === LF) this.line++;
            p++;
          }
          if (!closed && !final) {
            this.line = rowLine;
            return rowStart;
          }
          rec.starts[n] = pos + 1;
          rec.ends[n] = p;
          rec.escaped[n] = escaped;
          n++;
          if (!closed) {
            rec.malformed = true;
            pos = end;
          } else {
            pos = p + 1;
            // Text after the closing quote ("ab"c) belongs to no field: the row is malformed.
            if (pos < end) {
              const b = buf[pos]!;
              if (b !== delim && b !== LF && b !== CR) {
                rec.malformed = true;
                while (pos < end && buf[pos] !== delim && buf[pos] !== LF && buf[pos] !== CR) pos++;
              }
            }
          }
        } else {
          let p = pos;
          while (p < end) {
            const b = buf[p]!;
            if (b === delim || b === LF || b === CR) break;
            p++;
          }
          if (p >= end && !final) {
            this.line = rowLine;
            return rowStart;
          }
          rec.starts[n] = pos;
          rec.ends[n] = p;
          rec.escaped[n] = 0;
          n++;
          pos = p;
        }
        if (pos >= end) {
          // End of input without a final line break.
          this.emit(n, rowLine);
          return end;
        }
        const b = buf[pos]!;
        if (b === delim) {
          pos++;
          continue;
        }
        if (b === CR) {
          if (pos + 1 >= end && !final) {
            this.line = rowLine;
            return rowStart;
          }
          pos++;
          if (pos < end && buf[pos] === LF) pos++;
        } else pos++;
        this.line++;
        this.emit(n, rowLine);
        continue rows;
      }
    }
    return end;
  }

  private emit(n: number, line: number): void {
    const rec = this.rec;
    // A blank line is one empty unquoted field: skip it.
    if (n === 1 && rec.starts[0] === rec.ends[0] && !rec.malformed && (rec.starts[0] === 0 || rec.buf[rec.starts[0]! - 1] !== QUOTE)) return;
    rec.count = n;
    rec.line = line;
    this.onRecord(rec);
  }
}

/** Comma or tab, whichever the first line (outside quotes) holds more of. */
export function detectDelimiter(sample: Uint8Array): number {
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  for (let p = 0; p < sample.length; p++) {
    const b = sample[p]!;
    if (b === QUOTE) quoted = !quoted;
    else if (!quoted) {
      if (b === LF || b === CR) break;
      if (b === COMMA) commas++;
      else if (b === TAB) tabs++;
    }
  }
  return tabs > commas ? TAB : COMMA;
}
