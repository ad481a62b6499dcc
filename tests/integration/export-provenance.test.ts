/**
 * Issue 12, item 9: an export of a route found over `datasets=` records
 * that selection in its query, and its source names only the datasets the
 * answer used — not every dataset stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

const TOKEN = 'export-provenance-admin-token-0123456789';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ adminToken: TOKEN, rateLimitPerMinute: 0 });
  // A second dataset, so "all datasets" and "the one asked for" differ.
  const csv = 'person_id,seq,role\n' + Array.from({ length: 6 }, (_, p) => `p${p},1,CS\np${p},2,QA\n`).join('');
  const res = await fetch(`${server.url}/api/imports?kind=histories&dataset=other-survey&minCount=1`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' },
    body: csv,
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await server?.close();
});

const exportOf = async (format: string, extra = '') => {
  const res = await fetch(`${server.url}/api/routes/export?format=${format}&from=customer-support&to=community-manager${extra}`);
  expect(res.status).toBe(200);
  return res.text();
};

describe('export provenance with datasets=', () => {
  it('json: the query records the datasets and the source lists only those used', async () => {
    const doc = JSON.parse(await exportOf('json', '&datasets=articles'));
    expect(doc.provenance.query.datasets).toEqual(['articles']);
    expect(doc.provenance.source).toContain('dataset "articles"');
    expect(doc.provenance.source).not.toContain('other-survey');
  });

  it('csv and mermaid: the recorded query string carries datasets=', async () => {
    const csv = await exportOf('csv', '&datasets=articles');
    expect(csv).toContain('datasets=articles');
    expect(csv).not.toContain('other-survey');
    expect(await exportOf('mermaid', '&datasets=articles')).toMatch(/query: .*datasets=articles/);
  });

  it('without datasets=, the source names exactly the datasets the route answer used, and the query has no selection', async () => {
    const doc = JSON.parse(await exportOf('json'));
    expect(doc.provenance.query.datasets).toBeUndefined();
    const answer = await (await fetch(`${server.url}/api/routes?from=customer-support&to=community-manager`)).json();
    const used: string[] = answer.datasets.used;
    expect(doc.provenance.source).toContain(`dataset${used.length === 1 ? '' : 's'} ${used.map((d) => `"${d}"`).join(', ')}`);
    if (!used.includes('other-survey')) expect(doc.provenance.source).not.toContain('other-survey');
  });

  it('with the imported dataset asked for, the source names it alone', async () => {
    const res = await fetch(`${server.url}/api/routes/export?format=json&from=customer-support&to=qa&datasets=other-survey`);
    expect(res.status).toBe(200);
    const doc = JSON.parse(await res.text());
    expect(doc.provenance.query.datasets).toEqual(['other-survey']);
    expect(doc.provenance.source).toContain('dataset "other-survey"');
    expect(doc.provenance.source).not.toContain('articles');
  });
});
