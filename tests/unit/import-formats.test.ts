/**
 * Import encodings (UTF-8 with/without BOM, Shift_JIS detected or chosen),
 * transition tables and role catalogues, through runImport.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../server/contract/graph-data.js';
import { detectEncoding, incompleteUtf8Tail } from '../../server/services/imports/encoding.js';
import { bytesSource, runImport, type RunImportOptions } from '../../server/services/imports/import-pipeline.js';
import { buildRole } from '../fixtures/graph.js';

const ROLES: Role[] = [
  buildRole({ id: 'customer-support', name: 'Customer support', nameJa: 'カスタマーサポート', aliases: ['CS'] }),
  buildRole({ id: 'qa', name: 'Quality assurance', nameJa: '品質保証', aliases: ['QA'] }),
  buildRole({ id: 'product-manager', name: 'Product manager', nameJa: 'プロダクトマネージャー', aliases: ['PdM'] }),
  buildRole({ id: 'accounting', name: 'Accounting', nameJa: '経理', aliases: [] }),
  buildRole({ id: 'hr', name: 'HR', nameJa: '人事', aliases: [] }),
];

const run = (text: string | Uint8Array, overrides: Partial<RunImportOptions> = {}, chunk?: number) =>
  runImport(
    bytesSource(text, chunk),
    { kind: 'transitions', dataset: 'table', dryRun: false, createRoles: false, encoding: 'auto', format: 'auto', minCount: 1, ...overrides },
    ROLES,
  );

const SJIS_FILE = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'imports', 'histories-sjis.csv'));

describe('encodings', () => {
  it('detects Shift_JIS (hand-encoded fixture) and reads Japanese role names, in any chunking', async () => {
    for (const chunk of [1 << 20, 1, 3]) {
      const { report, write } = await run(SJIS_FILE, { kind: 'histories' }, chunk);
      expect(report.encoding).toBe('shift_jis');
      expect(report.ok).toBe(true);
      expect(write!.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['customer-support>hr', 'hr>accounting']);
    }
  });

  it('reads Shift_JIS when told to, and fails clearly when told UTF-8', async () => {
    expect((await run(SJIS_FILE, { kind: 'histories', encoding: 'shift_jis' })).report.ok).toBe(true);
    const wrong = await run(SJIS_FILE, { kind: 'histories', encoding: 'utf-8' });
    expect(wrong.write).toBeNull();
    expect(wrong.report.errors[0]).toMatchObject({ line: 0, reason: expect.stringMatching(/not valid UTF-8 at byte 25.*shift_jis/) });
  });

  it('reads UTF-8 with and without a BOM (the BOM is not part of the first column name)', async () => {
    const csv = 'from,to,count\n経理,人事,3\n';
    for (const bytes of [Buffer.from(csv), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])]) {
      const { report, write } = await run(bytes);
      expect(report).toMatchObject({ ok: true, encoding: 'utf-8' });
      expect(write!.transitions[0]).toMatchObject({ from: 'accounting', to: 'hr', count: 3 });
    }
  });

  it('refuses UTF-16 and a file that is neither UTF-8 nor Shift_JIS', () => {
    expect(() => detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'auto')).toThrow(/UTF-16/);
    expect(detectEncoding(Buffer.from([0x41, 0x80, 0xff, 0xff]), 'auto').encoding).toBe('utf-8');
    expect(incompleteUtf8Tail(Buffer.from('あ').subarray(0, 2))).toBe(2);
    expect(incompleteUtf8Tail(Buffer.from('あ'))).toBe(0);
  });
});

describe('transition tables', () => {
  it('turns counts into probabilities as in the seed', async () => {
    const { report, write } = await run('from,to,count\nCS,QA,3\nCS,PdM,1\nQA,PdM,2\n');
    expect(report).toMatchObject({ ok: true, transitions: 3, rowsRead: 3 });
    expect(write!.transitions.map((t) => [t.from, t.to, t.count, t.probability])).toEqual([
      ['customer-support', 'qa', 3, 0.75],
      ['customer-support', 'product-manager', 1, 0.25],
      ['qa', 'product-manager', 2, 1],
    ]);
    expect(write!.dataset).toMatchObject({ kind: 'transitions', name: 'table' });
  });

  it('keeps probabilities as given (count 0 = no count) and suppresses nothing in a probability table', async () => {
    const { write, report } = await run('from,to,probability\nCS,QA,0.6\nCS,PdM,40%\n', { minCount: 5 });
    expect(report.suppressed.transitions).toBe(0);
    expect(write!.transitions.map((t) => [t.to, t.count, t.probability])).toEqual([
      ['qa', 0, 0.6],
      ['product-manager', 0, 0.4],
    ]);
  });

  it('matches roles given as a code and a name column', async () => {
    const csv = 'from_code,from_name,to_code,to_name,count\nX1,経理,X2,人事,4\n,Customer support,qa,,2\n';
    const { write } = await run(csv);
    expect(write!.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['accounting>hr', 'customer-support>qa']);
  });

  it('reports every bad row: missing column, unknown role, negative or non-numeric count, probability over 1, self-move, duplicate', async () => {
    const csv = [
      'from,to,count,probability',
      'CS,QA,-2,',
      'CS,QA,many,',
      'CS,QA,2.5,',
      'CS,PdM,1,1.5',
      'CS,Qualty assurance,1,',
      'QA,QA,1,',
      'QA,PdM,1,',
      'QA,PdM,2,',
      'QA',
      'CS,QA,0,',
    ].join('\n');
    const { report, write } = await run(csv);
    expect(write).toBeNull();
    expect(report.errors.map((e) => [e.line, e.reason])).toEqual([
      [2, 'count is negative'],
      [3, 'count is not a number'],
      [4, 'count must be a whole number'],
      [5, 'probability is over 1'],
      [6, 'unknown role'],
      [7, 'from and to are the same role'],
      [9, 'duplicate transition: the same move is on line 8'],
      [10, 'missing column "to"'],
      [10, 'missing column "count"'],
      [11, 'count is 0: leave the move out instead'],
    ]);
    expect(report.errors.find((e) => e.line === 6)!.suggestions).toContain('qa');
    // Line 8 is the first of the duplicated pair: it is fine.
    expect(report.rejected).toBe(9);
  });

  it('rejects probabilities out of one role that add up to more than 1', async () => {
    const { report } = await run('from,to,probability\nCS,QA,0.7\nCS,PdM,0.5\n');
    expect(report.errors[0]).toMatchObject({ line: 2, reason: expect.stringContaining('add up to 1.2') });
  });

  it('suppresses counted moves below k', async () => {
    const { write, report } = await run('from,to,count\nCS,QA,5\nCS,PdM,4\n', { minCount: 5 });
    expect(write!.transitions.map((t) => [t.to, t.count, t.probability])).toEqual([['qa', 5, 1]]);
    expect(report.suppressed).toEqual({ transitions: 1, routes: 0 });
  });

  it('creates a role from a code and a name with --create-roles', async () => {
    const { write, report } = await run('from_code,from_name,to,count\nDA-01,Data analyst,QA,3\n', { createRoles: true });
    expect(report.newRoles).toEqual([{ id: 'da-01', name: 'Data analyst' }]);
    expect(write!.roles[0]).toMatchObject({ id: 'da-01', name: 'Data analyst', aliases: ['DA-01'] });
  });
});

describe('role catalogues', () => {
  it('adds new roles and updates known ones, with aliases split on | or ;', async () => {
    const csv = 'id,name,name_ja,family,aliases,description\nqa,QA engineer,品質保証,engineering,QA|テスター,Tests things\ndata-analyst,Data analyst,データアナリスト,bizops,DA;analyst,\n';
    const { report, write } = await run(csv, { kind: 'roles' });
    expect(report).toMatchObject({ ok: true, updatedRoles: 1, newRoles: [{ id: 'data-analyst', name: 'Data analyst' }], minCount: 1 });
    expect(write!.dataset).toBeNull();
    expect(write!.roles[1]).toEqual({ id: 'data-analyst', name: 'Data analyst', nameJa: 'データアナリスト', aliases: ['DA', 'analyst'], family: 'bizops', description: 'Data analyst' });
  });

  it('reports bad ids, unknown families, missing names and duplicate ids', async () => {
    const csv = 'id,name,family\nBad Id,X,bizops\nok-1,Y,astronaut\nok-2,,bizops\nok-3,Z,bizops\nok-3,Z2,bizops\n';
    const { report } = await run(csv, { kind: 'roles' });
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'id'],
      [3, 'family'],
      [4, 'name'],
      [6, 'id'],
    ]);
    expect(report.errors[1]!.reason).toMatch(/family must be one of/);
  });
});
