/**
 * `GET /api/health` (liveness, with the engine, data version and dataset counts)
 * and `GET /api/ready` (readiness: the store answers a query).
 */
import { Router } from 'express';
import type { HealthResponse } from '../contract/api.js';
import type { GraphStore } from '../db/graph-store.js';
import { AppError, storeUnavailable } from '../errors.js';
import type { SnapshotCache } from '../services/graph-snapshot.js';

export function healthRoutes(store: GraphStore, snapshots: SnapshotCache): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    let counts, snapshot;
    try {
      [counts, snapshot] = await Promise.all([store.counts(), snapshots.get()]);
    } catch (err) {
      throw err instanceof AppError ? err : storeUnavailable();
    }
    const body: HealthResponse = {
      status: 'ok',
      engine: store.engine,
      roles: counts.roles,
      transitions: counts.transitions,
      histories: counts.histories,
      dataVersion: snapshot.dataVersion,
      datasets: snapshot.datasets,
      uptimeSeconds: Math.round(process.uptime()),
    };
    res.json(body);
  });
  router.get('/ready', async (_req, res) => {
    try {
      await store.counts();
    } catch (err) {
      throw err instanceof AppError ? err : storeUnavailable();
    }
    res.json({ ready: true });
  });
  return router;
}
