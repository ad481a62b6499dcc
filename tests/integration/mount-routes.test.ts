/** mountRoutes (server/http/mount.ts): routers' routes moved into the parent answer as `use(router)` did, over real HTTP. */
import type { AddressInfo } from 'node:net';
import express, { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNotAllowed } from '../../server/http/middleware.js';
import { mountRoutes } from '../../server/http/mount.js';

function routers() {
  const a = Router();
  a.get('/a', (_req, res) => void res.json({ from: 'a' }));
  a.post('/a', (_req, res) => void res.json({ posted: 'a' }));
  const b = Router();
  b.get('/b/:id', (req, res) => void res.json({ from: 'b', id: req.params.id }));
  return [a, b];
}

let url: string;
let close: () => void;
beforeAll(async () => {
  const api = Router();
  mountRoutes(api, ...routers());
  api.use(methodNotAllowed(api), (_req, res) => void res.status(404).json({ error: 'none' }));
  const app = express();
  app.use('/api', api);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close?.());

describe('mountRoutes', () => {
  it('answers each router’s routes, with their methods and parameters', async () => {
    expect(await (await fetch(`${url}/api/a`)).json()).toEqual({ from: 'a' });
    expect(await (await fetch(`${url}/api/a`, { method: 'POST' })).json()).toEqual({ posted: 'a' });
    expect(await (await fetch(`${url}/api/b/x%20y`)).json()).toEqual({ from: 'b', id: 'x y' });
  });

  it('leaves 405 (with Allow) and 404 to what follows', async () => {
    const wrong = await fetch(`${url}/api/b/1`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${url}/api/c`)).status).toBe(404);
  });

  it('puts the routes themselves into the parent, not a nested router', () => {
    const parent = Router();
    const [a, b] = routers();
    mountRoutes(parent, a!, b!);
    expect(parent.stack).toHaveLength(3);
    expect(parent.stack.every((layer) => layer.route)).toBe(true);
  });

  it('refuses a router with its own middleware or param callbacks, which would not carry over as they were', () => {
    const withUse = Router();
    withUse.use((_req, _res, next) => next());
    withUse.get('/x', (_req, res) => void res.end());
    expect(() => mountRoutes(Router(), withUse)).toThrow(/routes only/);
    const withParam = Router();
    withParam.param('id', (_req, _res, next) => next());
    withParam.get('/x/:id', (_req, res) => void res.end());
    expect(() => mountRoutes(Router(), withParam)).toThrow(/routes only/);
  });
});
