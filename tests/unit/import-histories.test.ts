/**
 * Career-history imports through runImport: aggregation into transition counts
 * and route patterns, every kind of bad row, privacy suppression, role
 * creation, and the report.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../server/contract/graph-data.js';
import { bytesSource, runImport, type RunImportOptions } from '../../server/services/imports/import-pipeline.js';
import { buildRole } from '../fixtures/graph.js';

const ROLES: Role[] = [
  buildRole({ id: 'customer-support', name: 'Customer support', nameJa: 'カスタマーサポート', aliases: ['CS'] }),
  buildRole({ id: 'qa', name: 'Quality assurance', nameJa: '品質保証', aliases: ['QA'] }),
  buildRole({ id: 'product-manager', name: 'Product manager', nameJa: 'プロダクトマネージャー', aliases: ['PdM'] }),
  buildRole({ id: 'accounting', name: 'Accounting', nameJa: '経理', aliases: [] }),
  buildRole({ id: 'hr', name: 'HR', nameJa: '人事', aliases: ['Human resources'] }),
  // Two roles answering to "Ops" make it ambiguous.
  buildRole({ id: 'bizops', name: 'BizOps', nameJa: 'ビズオプス', aliases: ['Ops'] }),
  buildRole({ id: 'it-ops', name: 'IT operations', nameJa: '情シス', aliases: ['Ops'] }),
];

const options = (overrides: Partial<RunImportOptions> = {}): RunImportOptions => ({
  kind: 'histories',
  dataset: 'hr-2024',
  dryRun: false,
  createRoles: false,
  encoding: 'auto',
  format: 'auto',
  minCount: 1,
  ...overrides,
});

const run = (text: string | Uint8Array, overrides: Partial<RunImportOptions> = {}, roles: Role[] = ROLES) =>
  runImport(bytesSource(text), options(overrides), roles);

/** `people` copies of a career as CSV rows (person ids p<start>…). */
function careers(start: number, people: number, roles: string[]): string {
  let out = '';
  for (let p = start; p < start + people; p++) roles.forEach((r, i) => (out += `p${p},${i + 1},${r}\n`));
  return out;
}

describe('history import: aggregation', () => {
  it('counts people per move and per career, with probabilities as in the seed', async () => {
    const csv = 'person_id,seq,role,org_unit\n' + careers(1, 3, ['CS', 'QA', 'PdM']) + careers(4, 1, ['customer-support', '品質保証']);
    const { report, write } = await run(csv);
    expect(report).toMatchObject({ ok: true, rowsRead: 11, people: 4, stints: 11, transitions: 2, routes: 2, rejected: 0, errors: [] });
    expect(write!.transitions.map((t) => [t.from, t.to, t.count, t.probability])).toEqual([
      ['customer-support', 'qa', 4, 1],
      ['qa', 'product-manager', 3, 1],
    ]);
    expect(write!.routes.map((r) => [r.roles, r.count])).toEqual([
      [['customer-support', 'qa', 'product-manager'], 3],
      [['customer-support', 'qa'], 1],
    ]);
    expect(write!.dataset).toMatchObject({ name: 'hr-2024', kind: 'histories', minCount: 1, people: 4, transitions: 2, routes: 2 });
  });

  it('orders stints by seq or by start date, whatever the row order, and people need not be contiguous', async () => {
    const bySeq = 'role,seq,person_id\nQA,2,a\nCS,1,b\nCS,1,a\nQA,2,b\nPdM,3,a\n';
    const { write } = await run(bySeq);
    expect(write!.routes.map((r) => [r.roles.join('>'), r.count])).toEqual([
      ['customer-support>qa>product-manager', 1],
      ['customer-support>qa', 1],
    ]);
    const byDate = 'person_id,start,end,role\nx,2022-04-01,,経理\nx,2019/4/1,2022-03-31,人事\n';
    expect((await run(byDate)).write!.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['hr>accounting']);
  });

  it('collapses consecutive stints in one role (a new org unit is not a move)', async () => {
    const csv = 'person_id,seq,role,org_unit\np,1,CS,tokyo\np,2,CS,osaka\np,3,QA,osaka\n';
    const { report, write } = await run(csv);
    expect(report.stints).toBe(3);
    expect(write!.transitions.map((t) => [t.from, t.to, t.count])).toEqual([['customer-support', 'qa', 1]]);
    expect(write!.routes[0]!.roles).toEqual(['customer-support', 'qa']);
  });

  it('keeps a return to an earlier role (A→B→A), counting each move once per person', async () => {
    const csv = 'person_id,seq,role\np,1,CS,\np,2,QA\np,3,CS\np,4,QA\n'.replace(',\n', '\n');
    const { report, write } = await run(csv);
    expect(report.ok).toBe(true);
    expect(write!.transitions.map((t) => [t.from, t.to, t.count])).toEqual([
      ['customer-support', 'qa', 1],
      ['qa', 'customer-support', 1],
    ]);
    expect(write!.routes[0]!.roles).toEqual(['customer-support', 'qa', 'customer-support', 'qa']);
  });

  it('reads NDJSON and tab-separated files the same way', async () => {
    const ndjson = '{"person_id":"a","seq":1,"role":"CS"}\n{"person_id":"a","seq":2,"role":"QA"}\n';
    const tsv = 'person_id\tseq\trole\na\t1\tCS\na\t2\tQA\n';
    for (const [text, format] of [
      [ndjson, 'ndjson'],
      [tsv, 'tsv'],
    ] as const) {
      const { report, write } = await run(text);
      expect(report.format).toBe(format);
      expect(write!.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['customer-support>qa']);
    }
  });
});

describe('history import: bad rows', () => {
  it('rejects a header without a required column, naming it', async () => {
    const { report, write } = await run('person_id,role\na,CS\n');
    expect(write).toBeNull();
    expect(report.errors).toEqual([expect.objectContaining({ line: 1, reason: expect.stringContaining('"seq (or start)"') })]);
  });

  it('reports a row missing a column, an empty value, a bad seq and a bad date with their lines', async () => {
    const csv = 'person_id,seq,role,end\na,1,CS\n,2,QA,\na,x,QA,\na,3,,\na,4,PdM,2021-99-01\n';
    const { report, write } = await run(csv);
    expect(write).toBeNull();
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => [e.line, e.column, e.reason])).toEqual([
      [3, 'person_id', 'person_id is empty'],
      [4, 'seq', expect.stringContaining('whole number')],
      [5, 'role', 'role is empty'],
      [6, 'end', expect.stringContaining('must be a date')],
    ]);
    // Line 2 lacks the optional "end" column only: that is fine.
    expect(report.rejected).toBe(4);
    const short = await run('person_id,seq,role\na,1\n');
    expect(short.report.errors[0]).toMatchObject({ line: 2, column: 'role', reason: 'missing column "role"' });
  });

  it('reports an unknown role on every row with the closest roles, and an ambiguous one', async () => {
    const csv = 'person_id,seq,role\na,1,Custmer support\na,2,QA\nb,1,Custmer support\nb,2,Ops\n';
    const { report } = await run(csv);
    expect(report.errors.map((e) => [e.line, e.reason.split(':')[0]])).toEqual([
      [2, 'unknown role'],
      [4, 'unknown role'],
      [5, 'ambiguous role'],
    ]);
    expect(report.errors[0]!.suggestions?.[0]).toBe('customer-support');
    expect(report.unknownRoles).toEqual([{ value: 'Custmer support', rows: 2, firstLine: 2, suggestions: [expect.objectContaining({ id: 'customer-support' })] }]);
    expect(report.errors[2]!.suggestions).toEqual(['bizops', 'it-ops']);
  });

  it('rejects duplicate stints (same person, same seq) at the later line', async () => {
    const { report } = await run('person_id,seq,role\na,1,CS\na,2,QA\na,2,PdM\n');
    expect(report.errors).toEqual([expect.objectContaining({ line: 4, column: 'seq', value: '2', reason: expect.stringContaining('on line 3') })]);
  });

  it('warns about a history of one stint without rejecting the file', async () => {
    const { report, write } = await run('person_id,seq,role\nsolo,1,CS\na,1,CS\na,2,QA\n');
    expect(report.ok).toBe(true);
    expect(report.people).toBe(2);
    expect(report.warnings).toEqual([expect.objectContaining({ line: 2, reason: expect.stringContaining('one stint') })]);
    expect(write!.routes).toHaveLength(1);
  });

  it('lists bad rows up to the limit, then counts the rest', async () => {
    const csv = 'person_id,seq,role\n' + Array.from({ length: 30 }, (_, i) => `p${i},x,CS\n`).join('');
    const { report } = await run(csv, { issueLimit: 10 });
    expect(report.errors).toHaveLength(10);
    expect(report.moreErrors).toBe(20);
    expect(report.rejected).toBe(30);
    expect(report.errors[9]!.line).toBe(11);
  });

  it('reports an empty file and a header without rows', async () => {
    expect((await run('')).report.errors[0]!.reason).toMatch(/empty/);
    expect((await run('person_id,seq,role\n')).report.errors[0]!.reason).toMatch(/no rows/);
  });
});

describe('history import: privacy and roles', () => {
  it('keeps only moves and careers of at least k people, and says how many it suppressed', async () => {
    const csv = 'person_id,seq,role\n' + careers(1, 5, ['CS', 'QA']) + careers(10, 4, ['CS', 'PdM']) + careers(20, 2, ['CS', 'QA', 'PdM']);
    const { report, write } = await run(csv, { minCount: 5 });
    // CS→QA: 7 people; CS→PdM: 4; QA→PdM: 2. Careers: CS>QA 5, CS>PdM 4, CS>QA>PdM 2.
    expect(write!.transitions.map((t) => [t.from, t.to, t.count, t.probability])).toEqual([['customer-support', 'qa', 7, 1]]);
    expect(write!.routes.map((r) => [r.roles.join('>'), r.count])).toEqual([['customer-support>qa', 5]]);
    expect(report.suppressed).toEqual({ transitions: 2, routes: 2 });
    expect(write!.dataset).toMatchObject({ suppressedTransitions: 2, suppressedRoutes: 2, minCount: 5 });
  });

  it('never returns a person id', async () => {
    const { report, write } = await run('person_id,seq,role\nsecret-person-42,1,CS\nsecret-person-42,2,QA\n');
    expect(JSON.stringify({ report, write })).not.toContain('secret-person-42');
  });

  it('creates unknown roles with --create-roles, but only those a kept aggregate uses', async () => {
    const csv = 'person_id,seq,role\n' + careers(1, 2, ['CS', 'Data Analyst']) + careers(5, 1, ['CS', 'データサイエンティスト']);
    const { report, write } = await run(csv, { createRoles: true, minCount: 2 });
    expect(report.ok).toBe(true);
    expect(report.newRoles).toEqual([{ id: 'data-analyst', name: 'Data Analyst' }]);
    expect(write!.roles).toEqual([expect.objectContaining({ id: 'data-analyst', family: 'external' })]);
    expect(report.warnings.some((w) => /not created/.test(w.reason))).toBe(true);
    const japanese = await run('person_id,seq,role\n' + careers(1, 1, ['CS', 'データサイエンティスト']), { createRoles: true });
    expect(japanese.report.newRoles[0]!.id).toMatch(/^role-[0-9a-f]{8}$/);
  });
});
