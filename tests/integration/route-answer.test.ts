/**
 * A route's answer over real HTTP: JSON type with charset, exact length, weak ETag of the body; a
 * matching If-None-Match gets 304 and no body, and HEAD the headers only.
 */
import { createHash } from 'node:crypto';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const ROUTE = '/api/routes?from=customer-support&to=qa';

const conditional = (etag: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    get(server.url + ROUTE, { headers: { 'if-none-match': etag } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    }).on('error', reject);
  });

describe('a route answer', () => {
  it('is JSON with its exact length and a weak ETag of its bytes, as res.json would send it', async () => {
    const res = await fetch(server.url + ROUTE);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    const hash = createHash('sha1').update(bytes).digest('base64').slice(0, 27);
    expect(res.headers.get('etag')).toBe(`W/"${bytes.length.toString(16)}-${hash}"`);
    expect((JSON.parse(bytes.toString('utf8')) as { routes: unknown[] }).routes.length).toBeGreaterThan(0);
    // The protections still apply to it.
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('ratelimit')).toMatch(/^limit=\d+, remaining=\d+, reset=\d+$/);
  });

  it('is a 304 without a body when the ETag matches, and a 200 when it does not', async () => {
    const etag = (await fetch(server.url + ROUTE)).headers.get('etag')!;
    // node:http, not fetch: fetch adds Cache-Control: no-cache to a request with If-None-Match, which is never fresh.
    const same = await conditional(etag);
    expect(same.status).toBe(304);
    expect(same.body).toBe('');
    const other = await conditional('W/"0-nope"');
    expect(other.status).toBe(200);
    expect(other.body.length).toBeGreaterThan(0);
  });

  it('answers HEAD with the headers and no body', async () => {
    const get = await fetch(server.url + ROUTE);
    const head = await fetch(server.url + ROUTE, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
    expect(await head.text()).toBe('');
  });
});
