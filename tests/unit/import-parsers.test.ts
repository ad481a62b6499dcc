/** The streaming readers of import files: CSV/TSV tokenising, NDJSON, dates, interning. */
import { describe, expect, it } from 'vitest';
import { ByteInterner } from '../../server/services/imports/byte-interner.js';
import { COMMA, DelimitedParser, detectDelimiter, TAB } from '../../server/services/imports/delimited-parser.js';
import { NdjsonParser, type NdjsonProblem } from '../../server/services/imports/ndjson-parser.js';
import { parseDateBytes } from '../../server/services/imports/record-view.js';

/** Parses `text` fed in chunks of `chunk` bytes; returns rows as [line, fields, malformed]. */
function parseCsv(text: string | Buffer, chunk = 1 << 20, delimiter = COMMA) {
  const rows: { line: number; fields: string[]; malformed: boolean }[] = [];
  const parser = new DelimitedParser(delimiter, (rec) => {
    const fields: string[] = [];
    for (let i = 0; i < rec.count; i++) fields.push(rec.text(i)!);
    rows.push({ line: rec.line, fields, malformed: rec.malformed });
  });
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  for (let i = 0; i < bytes.length; i += chunk) parser.push(bytes.subarray(i, i + chunk));
  parser.end();
  return rows;
}

describe('DelimitedParser', () => {
  const tricky = 'a,b,c\r\n"x, y","say ""hi""",plain\n\n"multi\nline",,last\n"日本語",カスタマー,"末尾"';

  it('reads quoted fields, escaped quotes, embedded delimiters and line breaks, CRLF, blank lines', () => {
    expect(parseCsv(tricky)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'], malformed: false },
      { line: 2, fields: ['x, y', 'say "hi"', 'plain'], malformed: false },
      { line: 4, fields: ['multi\nline', '', 'last'], malformed: false },
      { line: 6, fields: ['日本語', 'カスタマー', '末尾'], malformed: false },
    ]);
  });

  it('gives the same rows whatever the chunk boundaries (down to one byte)', () => {
    const whole = parseCsv(tricky);
    for (const size of [1, 2, 3, 5, 7, 13]) expect(parseCsv(tricky, size)).toEqual(whole);
  });

  it('flags a badly quoted field instead of guessing', () => {
    const rows = parseCsv('a,b\n"ab"c,d\n"open,e\n');
    expect(rows[1]).toMatchObject({ line: 2, malformed: true });
    expect(rows[2]).toMatchObject({ line: 3, malformed: true });
  });

  it('reads tab-separated text and detects the delimiter from the header', () => {
    expect(detectDelimiter(Buffer.from('person_id\tseq\trole\nx,y\n'))).toBe(TAB);
    expect(detectDelimiter(Buffer.from('"a\tb",c,d\n'))).toBe(COMMA);
    expect(parseCsv('a\tb\n1\t"x\ty"\n', 1 << 20, TAB).map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', 'x\ty'],
    ]);
  });

  it('reads whole numbers and dates from bytes', () => {
    const rows: [number, number, number][] = [];
    const parser = new DelimitedParser(COMMA, (rec) => rows.push([rec.uint(0), rec.date(1), rec.date(2)]));
    parser.push(Buffer.from(' 12 ,2021-04-01,2021/4\n-3,2021-13-01,\n3.5,2021/04/01T09:00,20210401\n'));
    parser.end();
    expect(rows).toEqual([
      [12, 20210401, 20210400],
      [-1, -1, -1],
      [-1, 20210401, -1],
    ]);
    const date = (s: string) => parseDateBytes(Buffer.from(s), 0, Buffer.byteLength(s));
    expect(date('1999.12.31')).toBe(19991231);
    expect(date('2021-02-32')).toBe(-1);
    expect(date('21-02-01')).toBe(-1);
  });
});

describe('NdjsonParser', () => {
  it('reads one object per line with the first object\'s keys as columns', () => {
    const headers: string[][] = [];
    const rows: (string | undefined)[][] = [];
    const problems: NdjsonProblem[] = [];
    const parser = new NdjsonParser(
      (h) => headers.push(h),
      (rec) => rows.push([...rec.values]),
      (p) => problems.push(p),
    );
    const text = '{"person_id":"p1","seq":1,"role":"CS"}\n\n{"person_id":"p1","seq":2,"role":null,"extra":true}\nnot json\n[1]\n{"person_id":"p2","seq":1,"role":"経理"}';
    const bytes = Buffer.from(text);
    for (let i = 0; i < bytes.length; i += 5) parser.push(bytes.subarray(i, i + 5));
    parser.end();
    expect(headers).toEqual([['person_id', 'seq', 'role']]);
    expect(rows).toEqual([
      ['p1', '1', 'CS'],
      ['p1', '2', undefined],
      ['p2', '1', '経理'],
    ]);
    expect(problems.map((p) => [p.line, p.warning])).toEqual([
      [3, true],
      [4, false],
      [5, false],
    ]);
  });
});

describe('ByteInterner', () => {
  it('gives each distinct byte string one index, in first-seen order, across growth', () => {
    const interner = new ByteInterner(4);
    const words = Array.from({ length: 5000 }, (_, i) => `w${i % 1700}-${(i * 7) % 13 === 0 ? 'x' : ''}`);
    const expected = new Map<string, number>();
    for (const w of words) {
      const b = Buffer.from(w);
      const index = interner.intern(b, 0, b.length);
      if (!expected.has(w)) {
        expect(interner.added).toBe(true);
        expected.set(w, expected.size);
      } else expect(interner.added).toBe(false);
      expect(index).toBe(expected.get(w));
    }
    expect(interner.size).toBe(expected.size);
    expect(interner.text(3)).toBe([...expected.keys()][3]);
  });
});
