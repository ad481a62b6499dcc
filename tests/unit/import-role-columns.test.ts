/**
 * Role catalogues' optional columns (issue 14, item 5): `group`, `name_ja` and
 * `description_ja`, through runImport — parsed, merged into known roles, and
 * refused (line and column, in English and Japanese) when too long or holding
 * control characters. The stored side is in tests/integration/role-groups.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../server/contract/graph-data.js';
import { ROLE_GROUP_MAX } from '../../server/contract/graph-data.js';
import type { Lang } from '../../server/contract/lang.js';
import { bytesSource, runImport } from '../../server/services/imports/import-pipeline.js';
import { buildRole } from '../fixtures/graph.js';

const STORED: Role[] = [
  buildRole({ id: 'qa', name: 'Quality assurance', nameJa: '品質保証', family: 'engineering', description: 'Tests things.', descriptionJa: '検証する。', group: 'Platform' }),
  buildRole({ id: 'hr', name: 'HR', nameJa: '人事', family: 'back-office' }),
];

const run = (text: string, lang: Lang = 'en') =>
  runImport(
    bytesSource(text),
    { kind: 'roles', dataset: 'catalogue', dryRun: false, createRoles: false, encoding: 'auto', format: 'auto', minCount: 1, lang },
    STORED,
  );

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('role catalogue columns: group, name_ja, description_ja', () => {
  it('reads the three columns onto new roles', async () => {
    const csv =
      'id,name,name_ja,family,group,description,description_ja\n' +
      'sales-ops,Sales operations,営業企画,bizops,営業本部,Runs the sales machine.,営業の仕組みを回す。\n' +
      'payroll,Payroll,給与計算,back-office,,,\n';
    const { report, write } = await run(csv);
    expect(report.errors).toEqual([]);
    expect(write!.roles).toEqual([
      {
        id: 'sales-ops',
        name: 'Sales operations',
        nameJa: '営業企画',
        aliases: [],
        family: 'bizops',
        description: 'Runs the sales machine.',
        descriptionJa: '営業の仕組みを回す。',
        group: '営業本部',
      },
      // Empty cells: no group, no Japanese description (not '').
      { id: 'payroll', name: 'Payroll', nameJa: '給与計算', aliases: [], family: 'back-office', description: 'Payroll' },
    ]);
  });

  it('takes the Japanese name as the English one when a catalogue has only name_ja (header or cell)', async () => {
    const onlyJa = await run('id,name_ja,family,department\njp-001,営業企画,bizops,営業本部\n');
    expect(onlyJa.report.errors).toEqual([]);
    expect(onlyJa.write!.roles).toEqual([{ id: 'jp-001', name: '営業企画', nameJa: '営業企画', aliases: [], family: 'bizops', description: '営業企画', group: '営業本部' }]);
    const emptyName = await run('id,name,name_ja,family\njp-002,,経理,back-office\n');
    expect(emptyName.write!.roles[0]).toMatchObject({ name: '経理', nameJa: '経理' });
  });

  it('updates a known role with what the row carries and keeps what it does not (a row with only name_ja keeps the English name)', async () => {
    const { report, write } = await run('id,name_ja,family,group,description_ja\nqa,品質保証エンジニア,engineering,,テストを設計する。\nhr,人事,back-office,管理本部,\n');
    expect(report.errors).toEqual([]);
    expect(write!.roles).toEqual([
      { ...STORED[0], nameJa: '品質保証エンジニア', descriptionJa: 'テストを設計する。' },
      { ...STORED[1], group: '管理本部' },
    ]);
    expect(report.changedRoles).toEqual([
      {
        id: 'qa',
        name: 'Quality assurance',
        changes: [
          { field: 'nameJa', before: '品質保証', after: '品質保証エンジニア' },
          { field: 'descriptionJa', before: '検証する。', after: 'テストを設計する。' },
        ],
      },
      { id: 'hr', name: 'HR', changes: [{ field: 'group', before: '', after: '管理本部' }] },
    ]);
  });

  it('no longer reads `group` as the family: a catalogue needs its own family column', async () => {
    const { report, write } = await run('id,name,group\nx,X,bizops\n');
    expect(write).toBeNull();
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.reason).toMatch(/no "family" column/);
  });

  it('asks for name or name_ja when the header has neither', async () => {
    const en = await run('id,family\nx,bizops\n');
    expect(en.report.errors[0]!.reason).toMatch(/no "name \(or name_ja\)" column/);
    const ja = await run('id,family\nx,bizops\n', 'ja');
    expect(ja.report.errors[0]!.reason).toContain('name(または name_ja)');
  });

  it('refuses a group or name_ja over the limit, or with control characters, naming line and column in either language; nothing to write', async () => {
    const long = 'あ'.repeat(ROLE_GROUP_MAX + 1);
    const csv =
      'id,name,name_ja,family,group\n' +
      `ok,OK,大丈夫,bizops,${'い'.repeat(ROLE_GROUP_MAX)}\n` +
      `a,A,エー,bizops,${long}\n` +
      `b,B,${'う'.repeat(121)},bizops,\n` +
      'c,C,シー,bizops,"営業\u0007本部"\n' +
      'd,D,"ディー\u0000",bizops,\n' +
      'e,E,イー,bizops,"営業\n本部"\n';
    const en = await run(csv);
    expect(en.write).toBeNull();
    expect(en.report.ok).toBe(false);
    expect(en.report.rejected).toBe(5);
    expect(en.report.errors.map((e) => [e.line, e.column, e.reason])).toEqual([
      [3, 'group', `group must be at most ${ROLE_GROUP_MAX} characters`],
      [4, 'name_ja', 'name_ja must be at most 120 characters'],
      [5, 'group', 'group must not contain control characters'],
      [6, 'name_ja', 'name_ja must not contain control characters'],
      // A line break inside a quoted cell: the row starts on line 7.
      [7, 'group', 'group must not contain control characters'],
    ]);
    expect(en.report.errors[0]!.value).toBe(long);

    const ja = await run(csv, 'ja');
    expect(ja.report.errors.map((e) => [e.line, e.column])).toEqual(en.report.errors.map((e) => [e.line, e.column]));
    for (const e of ja.report.errors) {
      expect(e.reason).toMatch(JAPANESE);
      expect(e.reason).not.toMatch(/must|characters/);
    }
    expect(ja.report.errors[0]!.reason).toBe(`group は${ROLE_GROUP_MAX} 文字以内にしてください。`);
    expect(ja.report.errors[2]!.reason).toBe('group は制御文字(タブ・改行など)を含まない値にしてください。');
  });

  it('refuses an over-long description_ja like any description', async () => {
    const { report } = await run(`id,name,family,description_ja\nx,X,bizops,${'説'.repeat(301)}\n`);
    expect(report.errors.map((e) => [e.line, e.column, e.reason])).toEqual([[2, 'description_ja', 'description_ja must be at most 300 characters']]);
  });
});
