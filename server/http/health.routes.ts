/** `GET /api/health`: liveness with the engine and how much is stored. */
import { Router } from 'express';
import type { HealthResponse } from '../contract/api.js';
import type { GraphStore } from '../db/graph-store.js';
import { storeUnavailable } from '../errors.js';

export function healthRoutes(store: GraphStore): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    let counts;
    try {
      counts = await store.counts();
    } catch {
      throw storeUnavailable();
    }
    const body: HealthResponse = { status: 'ok', engine: store.engine, roles: counts.roles, transitions: counts.transitions };
    res.json(body);
  });
  return router;
}
