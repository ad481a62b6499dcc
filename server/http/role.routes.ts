/** Role endpoints: `GET /api/roles?q=&limit=`, `GET /api/roles/:id?datasets=`, and `GET /api/graph?datasets=&shape=`. */
import { Router } from 'express';
import { datasetsQuery, graphQuery, roleIdParam, roleSearchQuery } from '../contract/api.js';
import type { RoleService } from '../services/role-service.js';
import { PrecompressedJson } from './cached-json.js';
import { requestLang } from './lang.js';
import { parseOrThrow } from '../validate.js';

export function roleRoutes(roles: RoleService): Router {
  const router = Router();
  const graphs = new PrecompressedJson();
  router.get('/roles', async (req, res) => {
    const { q, limit } = parseOrThrow(roleSearchQuery, req.query, 'query parameter', requestLang(req));
    res.json(await roles.search(q, limit));
  });
  router.get('/roles/:id', async (req, res) => {
    const lang = requestLang(req);
    const { id } = parseOrThrow(roleIdParam, req.params, 'path parameter', lang);
    const { datasets } = parseOrThrow(datasetsQuery, req.query, 'query parameter', lang);
    res.json(await roles.details(id, datasets, lang));
  });
  router.get('/graph', async (req, res) => {
    const { datasets, shape } = parseOrThrow(graphQuery, req.query, 'query parameter', requestLang(req));
    // Compressed once per data version, with an ETag (see cached-json.ts).
    await graphs.send(req, res, `${shape}|${datasets?.join(',') ?? ''}`, await roles.graphJson(datasets, shape));
  });
  return router;
}
