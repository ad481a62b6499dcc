/** `GET /api/routes`: shortest, most likely and most travelled routes between two roles. */
import { Router } from 'express';
import { routeQuery } from '../contract/routes.js';
import type { RouteService } from '../services/route-service.js';
import { requestLang } from './lang.js';
import { parseOrThrow } from '../validate.js';

export function routeRoutes(routes: RouteService): Router {
  const router = Router();
  router.get('/routes', async (req, res) => {
    const lang = requestLang(req);
    const params = parseOrThrow(routeQuery, req.query, 'query parameter', lang);
    res.json(await routes.find(params, lang));
  });
  return router;
}
