/** HTTP hardening over real HTTP: headers, CORS, body limits and rate limits. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../fixtures/spawn-server.js';
import { ROOT, startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
let limited: TestServer;
beforeAll(async () => {
  server = await startTestServer({ staticDir: path.join(ROOT, 'client', 'dist') });
  limited = await startTestServer({ rateLimitPerMinute: 3, corsOrigins: ['https://hr.example.com'] });
});
afterAll(async () => {
  await server?.close();
  await limited?.close();
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and friends on the page and the API', async () => {
    for (const p of ['/', '/api/health']) {
      const res = await fetch(server.url + p);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, p).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('serves a page with no inline script, so the CSP holds for the built client', async () => {
    const html = await (await fetch(server.url + '/')).text();
    expect(html).toContain('<script type="module"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('CORS', () => {
  it('is off by default', async () => {
    const res = await fetch(`${server.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows only the configured origins', async () => {
    const ok = await fetch(`${limited.url}/api/health`, { headers: { origin: 'https://hr.example.com' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://hr.example.com');
    const other = await fetch(`${limited.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('limits', () => {
  it('answers a body over 1 MB with 413 in the error shape', async () => {
    const res = await fetch(`${server.url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('payload_too_large');
  });

  it('rate-limits the expensive endpoints per client with 429 and Retry-After, and leaves cheap ones alone', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await fetch(`${limited.url}/api/routes?from=customer-support&to=qa`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await last!.json()) as any;
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/at most 3 a minute/);
    // Cheap endpoints are not counted.
    for (let i = 0; i < 5; i++) expect((await fetch(`${limited.url}/api/health`)).status).toBe(200);
  });
});

describe('tokens', () => {
  const READ = 'read-token-0123456789abcdef';
  const ADMIN = 'admin-token-0123456789abcdef';

  it('with READ_TOKEN, reads need it (or the admin token); health and readiness stay open', async () => {
    const guarded = await startTestServer({ readToken: READ, adminToken: ADMIN });
    try {
      const get = (p: string, token?: string) => fetch(guarded.url + p, token ? { headers: { authorization: `Bearer ${token}` } } : {});
      const denied = await get('/api/roles/customer-support');
      expect(denied.status).toBe(401);
      expect(denied.headers.get('www-authenticate')).toContain('Bearer');
      expect(((await denied.json()) as any).error.message).toMatch(/READ_TOKEN/);
      expect((await get('/api/routes?from=sales&to=business-head', 'wrong-token-0123456789abcdef')).status).toBe(401);
      expect((await get('/api/roles/customer-support', READ)).status).toBe(200);
      expect((await get('/api/graph', ADMIN)).status).toBe(200);
      expect((await get('/api/health')).status).toBe(200);
      expect((await get('/api/ready')).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('never writes a token into the logs', async () => {
    const server = await spawnServer({ ADMIN_TOKEN: ADMIN, READ_TOKEN: READ, LOG_LEVEL: 'debug' });
    try {
      for (const token of [READ, ADMIN, 'wrong-token-0123456789abcdef']) {
        await fetch(`${server.url}/api/roles/qa`, { headers: { authorization: `Bearer ${token}` } });
        await fetch(`${server.url}/api/queries`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
      }
    } finally {
      await server.stop();
    }
    const logs = server.output();
    expect(logs).toContain('"status":401'); // the requests were logged …
    for (const token of [READ, ADMIN, 'wrong-token-0123456789abcdef']) expect(logs).not.toContain(token); // … without their tokens
  });
});
