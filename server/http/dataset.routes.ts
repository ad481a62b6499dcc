/** `GET /api/datasets` (a read): the datasets, their unit, privacy threshold and what their imports stored and suppressed. */
import { Router } from 'express';
import { emptyQuery } from '../contract/api.js';
import { describeDatasets } from '../services/datasets/describe.js';
import type { SnapshotCache } from '../services/graph-snapshot.js';
import { parseOrThrow } from '../validate.js';

export function datasetRoutes(snapshots: SnapshotCache): Router {
  const router = Router();
  router.get('/datasets', async (req, res) => {
    parseOrThrow(emptyQuery, req.query, 'query parameter');
    res.json(describeDatasets(await snapshots.get()));
  });
  return router;
}
