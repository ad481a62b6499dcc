/**
 * A streaming NDJSON parser: one JSON object per line. The first object's keys
 * are the columns; a later row's key outside them is reported once (it would
 * otherwise be silently ignored). Values may be strings, numbers or booleans;
 * null counts as missing.
 */
import { say, type Said } from './messages.js';
import { ValueRecord } from './record-view.js';

const LF = 0x0a;

/** Deepest nesting of arrays and objects a line may have (a row is one level; its values should be flat). */
export const MAX_DEPTH = 32;

/**
 * Whether JSON `text` opens more than `max` arrays or objects at once,
 * brackets inside strings not counted. Stops at the first level too deep, so
 * a megabyte of `[[[[…` costs a few dozen characters. (A line shorter than
 * 2 × max cannot be that deep: callers skip the scan for those.)
 */
export function nestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

/** A problem with one line that is not about its values. */
export interface NdjsonProblem {
  line: number;
  said: Said;
  /** True when the line is still read (an ignored key); false when it is rejected. */
  warning: boolean;
}

export class NdjsonParser {
  private carry: Buffer | null = null;
  private line = 1;
  private columns: string[] | null = null;
  private index = new Map<string, number>();
  private readonly reportedKeys = new Set<string>();
  private readonly rec = new ValueRecord();

  constructor(
    private readonly onHeader: (columns: string[]) => void,
    private readonly onRecord: (record: ValueRecord) => void,
    private readonly onProblem: (problem: NdjsonProblem) => void,
  ) {}

  push(chunk: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(LF, start);
      if (nl < 0) break;
      this.handleLine(buf.toString('utf8', start, nl));
      start = nl + 1;
    }
    // Copied: the caller may reuse the chunk's buffer.
    this.carry = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
  }

  end(): void {
    if (this.carry) this.handleLine(this.carry.toString('utf8'));
    this.carry = null;
  }

  private handleLine(text: string): void {
    const line = this.line++;
    if (text.trim() === '') return;
    // Rows are flat objects; a deeply nested line would only cost stack (JSON.stringify and friends recurse) and time.
    if (text.length > 2 * MAX_DEPTH && nestingExceeds(text, MAX_DEPTH)) {
      this.onProblem({ line, said: say('jsonNested', { max: MAX_DEPTH }), warning: false });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      this.onProblem({ line, said: say('jsonInvalid', { detail: err instanceof Error ? err.message : String(err) }), warning: false });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.onProblem({ line, said: say('jsonNotObject'), warning: false });
      return;
    }
    const obj = value as Record<string, unknown>;
    if (!this.columns) {
      this.columns = Object.keys(obj);
      this.index = new Map(this.columns.map((c, i) => [c, i]));
      this.onHeader(this.columns);
    }
    const values: (string | undefined)[] = new Array(this.columns.length).fill(undefined);
    for (const [key, v] of Object.entries(obj)) {
      const i = this.index.get(key);
      if (i === undefined) {
        if (!this.reportedKeys.has(key)) {
          this.reportedKeys.add(key);
          this.onProblem({ line, said: say('jsonExtraKey', { key, columns: this.columns }), warning: true });
        }
        continue;
      }
      if (v === null || v === undefined) continue;
      if (typeof v === 'string') values[i] = v;
      else if (typeof v === 'number' || typeof v === 'boolean') values[i] = String(v);
      else {
        this.rec.malformed = true;
        // Not JSON.stringify: it recurses, and the value is refused anyway.
        values[i] = Array.isArray(v) ? '[…]' : '{…}';
      }
    }
    this.rec.values = values;
    this.rec.line = line;
    this.onRecord(this.rec);
    this.rec.malformed = false;
  }
}
