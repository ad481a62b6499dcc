/**
 * Import reports in the language asked for (issue 13): `lang=ja|en` on
 * `POST /api/imports`, else Accept-Language, else English. Over real HTTP on a
 * seeded store of the engine under test: bad files (an unknown role, a header
 * without a needed column, a probability over 1, probabilities adding up to
 * more than 1, a column named twice) give Japanese reasons with no English
 * sentence and roles named by their Japanese names; the English is unchanged;
 * the machine-readable fields (line, column, value, suggestions, code) are the
 * same in both languages; so is the admin-token check. `npm run import -- --lang ja` prints the report
 * in Japanese, through the server and on its own.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../fixtures/spawn-server.js';
import { startTestServer, type TestServer } from './test-server.js';

const TOKEN = 'import-lang-admin-token-0123456789';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ adminToken: TOKEN, rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await server?.close();
});

async function post(query: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/imports?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}`, ...headers },
    body,
  });
  return { status: res.status, body: await res.json() };
}

/** Three English words in a row: a sentence (or part of one) left in English. */
const ENGLISH = /\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Every reason and the error message, checked to be Japanese prose. */
function expectJapanese(body: any): void {
  const texts: string[] = [body.error?.message, ...(body.report ?? body).errors.map((e: any) => e.reason), ...(body.report ?? body).warnings.map((w: any) => w.reason)].filter(
    (t) => t !== undefined,
  );
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect(text, text).toMatch(JAPANESE);
    expect(text, text).not.toMatch(ENGLISH);
  }
}

/** The machine-readable part of each issue. */
const fields = (issues: any[]) => issues.map(({ line, column, value, suggestions }) => ({ line, column, value, suggestions }));

/** The same file in both languages. */
async function both(query: string, csv: string) {
  const ja = await post(`${query}&lang=ja`, csv);
  const en = await post(`${query}&lang=en`, csv);
  expect(ja.status).toBe(en.status);
  const jaReport = ja.body.report ?? ja.body;
  const enReport = en.body.report ?? en.body;
  expect(fields(jaReport.errors)).toEqual(fields(enReport.errors));
  expect(fields(jaReport.warnings)).toEqual(fields(enReport.warnings));
  expect(ja.body.error?.code).toBe(en.body.error?.code);
  return { ja, en, jaReport, enReport };
}

describe('import reports in Japanese and English', () => {
  it('an unknown role: named with its value and the closest roles by their Japanese names', async () => {
    const { ja, en, jaReport, enReport } = await both('kind=histories&dataset=lang-unknown&dryRun=true', 'person_id,seq,role\np1,1,CS\np1,2,QA-0x\n');
    expect(ja.status).toBe(422);
    expect(en.body.error.message).toBe('1 row(s) have errors; nothing was written.');
    expect(ja.body.error.message).toBe('1 行にエラーがあります。何も書き込んでいません。');
    expect(enReport.errors[0]).toMatchObject({ line: 3, column: 'role', value: 'QA-0x', reason: 'unknown role' });
    expect(jaReport.errors[0].suggestions).toContain('qa');
    expect(jaReport.errors[0].reason).toMatch(/^職種「QA-0x」が見つかりません。近い職種: /);
    expect(jaReport.errors[0].reason).toContain('QA(プロダクト側の品質保証)');
    expect(jaReport.errors[0].reason).not.toMatch(/\bqa\b/);
    expectJapanese(ja.body);
  });

  it('a header without a needed column', async () => {
    const { ja, en, jaReport } = await both('kind=transitions&dataset=lang-header&dryRun=true', 'from,to,amount\nCS,QA,5\n');
    expect(ja.status).toBe(422);
    expect(ja.body.error.message).toBe('1 行にエラーがあります。何も書き込んでいません。');
    expect(en.body.report.errors[0].reason).toBe(
      'The header has no "count (or probability)" column (columns found: from, to, amount). A transition table needs from, to, and count or probability.',
    );
    expect(jaReport.errors[0].reason).toBe(
      '見出し行に count(または probability) の列がありません(見つかった列: from、to、amount)。遷移表には from、to、count または probability の列が必要です。',
    );
    expectJapanese(ja.body);
  });

  it('a probability over 1, and probabilities out of one role adding up to more than 1 (the role by its name)', async () => {
    const over = await both('kind=transitions&dataset=lang-prob&dryRun=true', 'from,to,probability\nCS,QA,1.5\n');
    expect(over.enReport.errors[0]).toMatchObject({ line: 2, column: 'probability', value: '1.5', reason: 'probability is over 1' });
    expect(over.jaReport.errors[0].reason).toMatch(/^probability が 1 を超えています/);
    expectJapanese(over.ja.body);

    const sum = await both('kind=transitions&dataset=lang-prob&dryRun=true', 'from,to,probability\nCS,QA,0.7\nCS,PdM,0.5\n');
    expect(sum.enReport.errors[0].reason).toBe('the probabilities of the moves out of "customer-support" add up to 1.2, over 1');
    expect(sum.jaReport.errors[0].reason).toBe('カスタマーサポート から出る移動の probability の合計が 1.2 で、1 を超えています。');
    expectJapanese(sum.ja.body);
  });

  it('a column named twice in the header', async () => {
    const { ja, en, jaReport } = await both('kind=histories&dataset=lang-dup&dryRun=true', 'person_id,seq,role,role\np1,1,CS,CS\np1,2,QA,QA\n');
    expect(ja.status).toBe(422);
    expect(en.body.report.errors[0]).toMatchObject({ line: 1, column: 'role', reason: 'the header names column "role" twice (columns 3 and 4); rename or remove one' });
    expect(jaReport.errors[0].reason).toBe('見出し行に列名「role」が 2 回あります(3 列目と 4 列目)。どちらかの名前を変えるか、削除してください。');
    expectJapanese(ja.body);
  });

  it('warnings of a file that is accepted', async () => {
    const people = Array.from({ length: 5 }, (_, p) => `p${p},1,CS\np${p},2,QA\n`).join('');
    const { ja, jaReport, enReport } = await both('kind=histories&dataset=lang-warn&dryRun=true', `person_id,seq,role\n${people}solo,1,CS\n`);
    expect(ja.status).toBe(200);
    expect(enReport.warnings[0].reason).toBe('a history of one stint: no move to count');
    expect(jaReport.warnings[0].reason).toBe('在籍が 1 件だけの履歴のため、数える移動がありません。');
    expectJapanese(ja.body);
  });

  it('several problems in one transition table, each in Japanese', async () => {
    const csv = ['from,to,count,kind', 'CS,QA,-1,move', 'CS,PdM,x,move', 'QA,QA,5,move', 'QA,PdM,5,jump', 'QA,PdM,5,move', 'QA,PdM,6,move', 'Nobody,QA,5,move'].join('\n');
    const { ja, enReport, jaReport } = await both('kind=transitions&dataset=lang-many&dryRun=true', csv);
    expect(enReport.errors.map((e: any) => e.reason)).toEqual([
      'count is negative',
      'count is not a number',
      'from and to are the same role',
      'kind must be one of move, recommended, split',
      'duplicate transition: the same move is on line 6',
      'unknown role',
    ]);
    expect(jaReport.errors.map((e: any) => e.reason)).toEqual([
      'count が負の数です。',
      'count が数値ではありません。',
      'from と to が同じ職種(QA(プロダクト側の品質保証))です。',
      'kind は move、recommended、split のいずれかにしてください。',
      '同じ移動が 6 行目にもあります(重複)。',
      expect.stringMatching(/^職種「Nobody」が見つかりません。/),
    ]);
    expectJapanese(ja.body);
  });
});

describe('which language a request gets', () => {
  const csv = 'person_id,seq,role\np1,1,CS\np1,2,QA-0x\n';
  const query = 'kind=histories&dataset=lang-choice&dryRun=true';

  it('Accept-Language is the default', async () => {
    const { body } = await post(query, csv, { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.8' });
    expect(body.error.message).toBe('1 行にエラーがあります。何も書き込んでいません。');
    expectJapanese(body);
  });

  it('lang= wins over Accept-Language', async () => {
    const { body } = await post(`${query}&lang=en`, csv, { 'accept-language': 'ja' });
    expect(body.report.errors[0].reason).toBe('unknown role');
  });

  it('no language, or one we do not have, is English and not an error', async () => {
    for (const q of [query, `${query}&lang=fr`, `${query}&lang=`]) {
      const { status, body } = await post(q, csv);
      expect(status, q).toBe(422);
      expect(body.error.message).toBe('1 row(s) have errors; nothing was written.');
      expect(body.report.errors[0].reason).toBe('unknown role');
    }
  });

  it('a bad query parameter is named in Japanese', async () => {
    const { status, body } = await post('kind=people&dataset=x&lang=ja', csv);
    expect(status).toBe(400);
    expect(body.error.message).toBe('クエリパラメーターが正しくありません: kind');
  });

  it('a missing or wrong admin token is said in Japanese', async () => {
    const missing = await post('kind=histories&dataset=x&lang=ja', csv, { authorization: '' });
    expect(missing.status).toBe(401);
    expect(missing.body.error.message).toBe('データのインポートには管理者トークンが必要です。"Authorization: Bearer <ADMIN_TOKEN>" を送ってください。');
    const wrong = await post('kind=histories&dataset=x', csv, { authorization: 'Bearer not-the-right-token-000', 'accept-language': 'ja' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toBe('管理者トークンが違います。');
    const en = await post('kind=histories&dataset=x&lang=en', csv, { authorization: 'Bearer not-the-right-token-000' });
    expect(en.body.error.message).toBe('The admin token is not right.');
  });

  it('a file with no rows, as a whole, in Japanese', async () => {
    const { status, body } = await post('kind=histories&dataset=lang-empty&lang=ja', 'person_id,seq,role\n');
    expect(status).toBe(422);
    expect(body.error.message).toBe('ファイルにエラーがあります。何も書き込んでいません。');
    expect(body.report.errors).toEqual([{ line: 0, reason: '見出し行だけで、データの行がありません。' }]);
  });
});

describe('npm run import -- --lang ja|en', () => {
  it('prints the report in Japanese through the running server, in English by default, and in Japanese on its own', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rolepath-import-lang-'));
    const file = path.join(dir, 'histories.csv');
    await writeFile(file, 'person_id,seq,role\np1,1,CS\np1,2,QA-0x\n');
    const env = { PORT: new URL(server.url).port, HOST: '127.0.0.1', ADMIN_TOKEN: TOKEN, DATA_DIR: dir };

    const ja = await runScript('server/cli/import.ts', [file, '--kind', 'histories', '--dataset', 'cli-lang', '--dry-run', '--lang', 'ja'], env);
    expect(ja.code, ja.output).toBe(1);
    expect(ja.output).toContain('キャリア履歴をデータセット「cli-lang」へインポート(起動中のサーバー経由): 不採用: 何も書き込んでいません');
    expect(ja.output).toContain('見つからない職種(--create-roles で作成するか、名前を直してください):');
    expect(ja.output).toMatch(/「QA-0x」: 1 行\(最初は 3 行目\) — 近い職種: QA\(プロダクト側の品質保証\)\(qa\)/);
    expect(ja.output).toMatch(/3 行目: role "QA-0x": 職種「QA-0x」が見つかりません。近い職種: QA\(プロダクト側の品質保証\)/);
    expect(ja.output).not.toMatch(/unknown role|rows read|errors \(/);

    const en = await runScript('server/cli/import.ts', [file, '--kind', 'histories', '--dataset', 'cli-lang', '--dry-run'], env);
    expect(en.code, en.output).toBe(1);
    expect(en.output).toContain('Import of histories into dataset "cli-lang" (through the running server): REJECTED: nothing was written');
    expect(en.output).toContain('line 3: role "QA-0x": unknown role (did you mean qa');

    // No server: the CLI reads the file itself (a header without a needed column needs no roles).
    await writeFile(file, 'person_id,role\np1,CS\n');
    const direct = await runScript('server/cli/import.ts', [file, '--kind', 'histories', '--dataset', 'cli-lang', '--dry-run', '--lang', 'ja'], { ...env, PORT: '1' });
    expect(direct.code, direct.output).toBe(1);
    expect(direct.output).toContain('(データベースへ直接)');
    expect(direct.output).toContain('1 行目: 見出し行に seq(または start) の列がありません(見つかった列: person_id、role)。');
  });
});
