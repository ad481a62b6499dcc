/**
 * The limits of user Cypher over HTTP, on the engine under test: a result over QUERY_RESULT_BYTES is a
 * 413 naming the limit (not a 200 MB body), a query over its memory limit a 422 naming it (not a 503
 * store_unavailable), settings and escapes that hide clauses a 403; and the server keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onKuzu } from '../fixtures/engine.js';
import { call, startQueryServer, type QueryTestServer } from './queries-server.js';

describe('user Cypher limits over HTTP', () => {
  let server: QueryTestServer;
  beforeAll(async () => {
    server = await startQueryServer({ queryLimits: { timeoutMs: 10_000, rowLimit: 1000, resultBytes: 1_000_000 } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a result over the byte limit with 413 result_too_large naming the limit, and a small one with the limits', async () => {
    const big = onKuzu
      ? 'UNWIND range(1, 200) AS i RETURN i, repeat("x", 1000000) AS s'
      : "WITH reduce(s = 'x', k IN range(1, 20) | s + s) AS s UNWIND range(1, 200) AS i RETURN i, s";
    const res = await call(server.url, 'POST', '/api/cypher', { json: { cypher: big } });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'result_too_large', details: [{ limit: 'resultBytes', value: 1_000_000 }] });
    expect(res.body.error.message).toContain('QUERY_RESULT_BYTES');
    const ok = await call(server.url, 'POST', '/api/cypher', { json: { cypher: 'RETURN 1 AS one' } });
    expect(ok.status).toBe(200);
    expect(ok.body.limits).toMatchObject({ resultBytes: 1_000_000 });
  });

  it('answers a query over its memory limit with 422 query_too_large, not 503, and keeps serving', async () => {
    const hungry = onKuzu
      ? 'UNWIND range(1, 200000000) AS x RETURN sum(x) AS total'
      : "WITH reduce(s = 'x', k IN range(1, 20) | s + s) AS s UNWIND range(1, 2000) AS i RETURN size(collect(s)) AS n";
    const res = await call(server.url, 'POST', '/api/cypher', { json: { cypher: hungry } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('query_too_large');
    expect(res.body.error.message).toMatch(onKuzu ? /QUERY_MEMORY_MB/ : /memory|limit/i);
    expect(res.ms).toBeLessThan(5000);
    expect((await call(server.url, 'GET', '/api/health')).status).toBe(200);
    expect((await call(server.url, 'POST', '/api/cypher', { json: { cypher: 'RETURN 1 AS one' } })).body.rows).toEqual([{ one: 1 }]);
  });

  it('refuses settings and clauses hidden behind \\u escapes with 403', async () => {
    for (const cypher of [
      "CALL current_setting('home_directory') RETURN *",
      'CALL dbms.listConfig() YIELD name RETURN name',
      "WITH 1 AS x \\u004cOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
      'WITH 1 AS x \\u0043ALL dbms.listConfig() YIELD name RETURN name',
    ]) {
      const res = await call(server.url, 'POST', '/api/cypher', { json: { cypher } });
      expect(res.status, cypher).toBe(403);
      expect(res.body.error.code, cypher).toBe('read_only');
    }
  });
});
