/** HTTP hardening over real HTTP: headers, CORS, body limits and rate limits. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
