/**
 * What goes over the wire (issue 14, item 3): large answers compressed, the
 * graph precompressed with an ETag (304 when unchanged), the compact graph
 * shape the page reads, and hashed client files cached as immutable while the
 * page itself is always revalidated.
 */
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphResponse } from '../../server/contract/api.js';
import { compactGraphResponse, decodeCompactGraph } from '../../server/contract/graph-compact.js';
import { ROOT, startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ staticDir: path.join(ROOT, 'client', 'dist') });
});
afterAll(async () => {
  await server?.close();
});

/** A raw GET (Node's fetch decompresses and sends its own cache headers, which would hide what is tested). */
function get(p: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(server.url + p, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('GET /api/graph on the wire', () => {
  it('is compressed in the best encoding asked for, with an ETag; unchanged data is a 304', async () => {
    const plain = await get('/api/graph');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get('/api/graph', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gz = await get('/api/graph', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const etag = br.headers.etag!;
    expect(etag).toMatch(/^"/);
    expect(plain.headers.etag).toBe(etag);
    expect(br.headers['cache-control']).toBe('no-cache');
    const again = await get('/api/graph', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Another shape is another entity.
    expect((await get('/api/graph?shape=compact', { 'if-none-match': etag })).status).toBe(200);
  });

  it('shape=compact carries the same roles and moves as the Cytoscape JSON, without evidence text', async () => {
    const full = graphResponse.parse(JSON.parse((await get('/api/graph')).body.toString()));
    const compact = compactGraphResponse.parse(JSON.parse((await get('/api/graph?shape=compact')).body.toString()));
    const decoded = decodeCompactGraph(compact);
    expect(decoded.elements.nodes).toEqual(full.elements.nodes);
    expect(decoded.datasets).toEqual(full.datasets);
    expect(decoded.elements.edges.map((e) => e.data.id)).toEqual(full.elements.edges.map((e) => e.data.id));
    expect(compact.moves.evidence).toEqual(full.elements.edges.map((e) => e.data.evidence.length));
  });

  it('refuses an unknown shape by name', async () => {
    const res = await get('/api/graph?shape=xml');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString()).error.details[0].field).toBe('shape');
  });
});

describe('other answers', () => {
  it('compresses large JSON answers and leaves small ones alone', async () => {
    const roles = await get('/api/roles?limit=500', { 'accept-encoding': 'gzip' });
    expect(roles.headers['content-encoding']).toBe('gzip');
    const route = await get('/api/routes?from=customer-support&to=qa', { 'accept-encoding': 'gzip' });
    expect(route.status).toBe(200);
    expect(route.headers['content-encoding']).toBeUndefined();
  });
});

describe('client files', () => {
  it('caches hashed assets as immutable, revalidates the page, and 404s a missing asset', async () => {
    const page = await get('/', { 'accept-encoding': 'gzip' });
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = page.headers['content-encoding'] === 'gzip' ? (await import('node:zlib')).gunzipSync(page.body).toString() : page.body.toString();
    const script = /\/assets\/[\w.-]+\.js/.exec(html)![0];
    const asset = await get(script, { 'accept-encoding': 'br, gzip' });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['content-security-policy']).toContain("script-src 'self'");
    const deep = await get('/some/deep/link');
    expect(deep.headers['cache-control']).toBe('no-cache');
    const missing = await get('/assets/no-such-file.js');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString()).error.code).toBe('not_found');
  });
});
