/**
 * Issue 12, item 11: a CSV export neutralises formulas written with the
 * full-width ＝ ＋ － ＠ (which Japanese spreadsheet software runs) as it does
 * the ASCII ones: a role imported with such a name comes out with a leading
 * apostrophe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../server/render/csv.js';
import { startTestServer, type TestServer } from './test-server.js';

const TOKEN = 'export-csv-formulas-admin-token-0123456789';
let server: TestServer;

const post = (query: string, body: string) =>
  fetch(`${server.url}/api/imports?${query}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' }, body });

beforeAll(async () => {
  server = await startTestServer({ adminToken: TOKEN, rateLimitPerMinute: 0 });
  const roles = await post(
    'kind=roles&dataset=catalogue',
    'id,name,name_ja,family,description\nfull-eq,＝HYPERLINK("http://x.example"),＋1+2,bizops,A role with a hostile name\nfull-at,＠SUM(A1),－3,bizops,Another\n',
  );
  expect(roles.status).toBe(200);
  const moves = await post('kind=transitions&dataset=hostile&minCount=1', 'from,to,count\ncustomer-support,full-eq,5\nfull-eq,full-at,5\n');
  expect(moves.status).toBe(200);
});
afterAll(async () => {
  await server?.close();
});

describe('CSV export and full-width formula signs', () => {
  it('prefixes every cell starting with ＝ ＋ － ＠ with an apostrophe', async () => {
    const res = await fetch(`${server.url}/api/routes/export?format=csv&from=customer-support&to=full-at&datasets=hostile`);
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const hostile of ['＝HYPERLINK(""http://x.example"")', '＋1+2', '＠SUM(A1)', '－3']) {
      expect(text).toContain(`'${hostile}`);
      // Never at the start of a cell without the apostrophe.
      expect(text).not.toMatch(new RegExp(`(^|,|")${hostile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    }
  });

  it('csvField treats the full-width signs like the ASCII ones and leaves other text alone', () => {
    for (const sign of ['＝', '＋', '－', '＠', '=', '+', '-', '@']) expect(csvField(`${sign}1`)).toBe(`'${sign}1`);
    expect(csvField('人事')).toBe('人事');
    expect(csvField('1＝1')).toBe('1＝1');
  });
});
