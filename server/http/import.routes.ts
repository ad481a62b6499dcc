/**
 * `POST /api/imports?kind=&dataset=&dryRun=&createRoles=&encoding=&format=&minCount=`
 * (admin token): the file is the request body, read as a stream (never
 * buffered whole), and the answer is the import report — 200 when the file
 * had no errors (written, or on a dry run only checked), 422 in the error
 * shape with the report alongside when it had errors (nothing is written).
 *
 * `GET /api/datasets` (a read) lists the datasets.
 *
 * The upload route is mounted before the JSON body parser: an NDJSON upload sent as
 * application/json must reach the importer, not the parser.
 */
import type { Request } from 'express';
import { Router } from 'express';
import { importQuery } from '../contract/imports.js';
import { AppError } from '../errors.js';
import { emptyQuery } from '../contract/api.js';
import { describeDatasets } from '../services/dataset-selection.js';
import type { SnapshotCache } from '../services/graph-snapshot.js';
import type { ImportService } from '../services/imports/import-service.js';
import { requireAdmin } from './admin-auth.js';
import { parseOrThrow } from '../validate.js';

/** Largest upload accepted (bytes). */
export const DEFAULT_IMPORT_MAX_BYTES = 2 * 1024 ** 3;

export function importRoutes(imports: ImportService, adminToken: string | undefined, maxBytes = DEFAULT_IMPORT_MAX_BYTES): Router {
  const router = Router();
  router.post('/imports', requireAdmin(adminToken, 'Importing data'), async (req, res) => {
    let drainBody = true;
    try {
      const query = parseOrThrow(importQuery, req.query, 'query parameter');
      const declared = Number(req.get('content-length') ?? NaN);
      if (declared > maxBytes) throw tooLarge(maxBytes);
      const report = await imports.run(limited(req, maxBytes), query);
      if (report.ok) {
        res.json(report);
        return;
      }
      const message = `${report.rejected + report.moreErrors > 0 ? `${report.rejected} row(s) have errors` : 'The file has errors'}; nothing was written.`;
      res.status(422).json({ ...new AppError(422, 'import_rejected', message, report.errors).toJSON(), report });
    } catch (err) {
      // Shutting down: answer now rather than wait for the rest of the upload, and close the connection.
      if (err instanceof AppError && err.code === 'shutting_down') {
        drainBody = false;
        res.set('connection', 'close');
      }
      throw err;
    } finally {
      // Otherwise read the rest of the upload before answering, so the client sees the answer.
      if (drainBody) await drain(req);
    }
  });
  return router;
}

/** `GET /api/datasets`: the datasets, their privacy threshold and what their imports stored and suppressed. */
export function datasetRoutes(snapshots: SnapshotCache): Router {
  const router = Router();
  router.get('/datasets', async (req, res) => {
    parseOrThrow(emptyQuery, req.query, 'query parameter');
    res.json(describeDatasets(await snapshots.get()));
  });
  return router;
}

const tooLarge = (max: number) => new AppError(413, 'payload_too_large', `The file is larger than the import limit of ${max} bytes.`, [{ field: 'body' }]);

/**
 * The request body as chunks, failing once more than `max` bytes arrived. A
 * client that goes away mid-upload is an expected event, not a server fault:
 * it ends the import with a 400 `upload_aborted` (nothing is written) rather
 * than an "unhandled error" in the log.
 */
async function* limited(req: Request, max: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > max) throw tooLarge(max);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof AppError || req.complete) throw err;
    throw new AppError(400, 'upload_aborted', `The upload stopped after ${total} bytes: the client closed the connection before the whole file arrived. Nothing was written.`, [{ field: 'body', bytes: total }]);
  }
  // Some aborts end the stream quietly instead of failing it: a body cut short is not a file.
  if (!req.complete) throw new AppError(400, 'upload_aborted', `The upload stopped after ${total} bytes: the client closed the connection before the whole file arrived. Nothing was written.`, [{ field: 'body', bytes: total }]);
}

/** Resolves once the request body has been read to its end (or the connection closed). */
function drain(req: Request): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    req.once('end', resolve);
    req.once('close', resolve);
    req.once('error', () => resolve());
    req.resume();
  });
}

