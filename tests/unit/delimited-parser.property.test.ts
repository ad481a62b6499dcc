/**
 * DelimitedParser against an independent oracle: csv-parse reads the same text. Any table of fields
 * (delimiters, quotes, CR/LF and CRLF inside quoted fields, non-ASCII), written the RFC 4180 way with
 * LF or CRLF line ends and fed in chunks of any size, gives the same rows both ways.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { COMMA, DelimitedParser, TAB } from '../../server/services/imports/delimited-parser.js';

/** Rows of `text` as DelimitedParser hands them over, fed `chunk` bytes at a time. */
function ours(text: string, delimiter: number, chunk: number): string[][] {
  const rows: string[][] = [];
  const parser = new DelimitedParser(delimiter, (rec) => {
    expect(rec.malformed).toBe(false);
    rows.push(Array.from({ length: rec.count }, (_, i) => rec.text(i)!));
  });
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += chunk) parser.push(bytes.subarray(i, i + chunk));
  parser.end();
  return rows;
}

/** One field written the RFC 4180 way: quoted when it holds the delimiter, a quote or a line break. */
function field(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

const piece = fc.constantFrom('a', 'Z', '1', ' ', ',', '\t', '"', '""', '\n', '\r\n', '\r', 'é', '職種', '😀', ';');
const value = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
// A row of one empty field is a blank line, which both readers skip: give every row a non-empty first field.
const row = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join('')), fc.array(value, { maxLength: 5 })).map(([first, rest]) => [first, ...rest]);

describe('DelimitedParser against csv-parse', () => {
  for (const [name, delimiter] of [
    ['CSV', COMMA],
    ['TSV', TAB],
  ] as const) {
    it(`${name}: the same rows for any table, line ending and chunk size`, () => {
      const sep = String.fromCharCode(delimiter);
      fc.assert(
        fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.integer({ min: 1, max: 64 }), (rows, eol, finalEol, chunk) => {
          const text = rows.map((r) => r.map((v) => field(v, sep)).join(sep)).join(eol) + (finalEol ? eol : '');
          const oracle = parse(text, { delimiter: sep, relax_column_count: true, skip_empty_lines: true, relax_quotes: false }) as string[][];
          expect(ours(text, delimiter, chunk)).toEqual(oracle);
          expect(oracle).toEqual(rows);
        }),
        { numRuns: 300 },
      );
    });
  }
});
