/** Role endpoints: `GET /api/roles?q=&limit=`, `GET /api/roles/:id`, and `GET /api/graph`. */
import { Router } from 'express';
import { emptyQuery, roleIdParam, roleSearchQuery } from '../contract/api.js';
import type { RoleService } from '../services/role-service.js';
import { parseOrThrow } from './validate.js';

export function roleRoutes(roles: RoleService): Router {
  const router = Router();
  router.get('/roles', async (req, res) => {
    const { q, limit } = parseOrThrow(roleSearchQuery, req.query, 'query parameter');
    res.json(await roles.search(q, limit));
  });
  router.get('/roles/:id', async (req, res) => {
    const { id } = parseOrThrow(roleIdParam, req.params, 'path parameter');
    res.json(await roles.details(id));
  });
  router.get('/graph', async (req, res) => {
    parseOrThrow(emptyQuery, req.query, 'query parameter');
    res.type('application/json').send(await roles.graphJson());
  });
  return router;
}
