/**
 * `POST /api/imports?kind=&dataset=&dryRun=&createRoles=&encoding=&format=&minCount=&lang=`
 * (admin token): the file is the request body, read as a stream (never
 * buffered whole), and the answer is the import report — 200 when the file
 * had no errors (written, or on a dry run only checked), 422 in the error
 * shape with the report alongside when it had errors (nothing is written).
 * The report's reasons and the messages are in `lang` (`ja` or `en`; else
 * the request's Accept-Language, else English). (`GET /api/datasets` is in dataset.routes.ts.)
 *
 * The upload route is mounted before the JSON body parser: an NDJSON upload sent as
 * application/json must reach the importer, not the parser.
 */
import type { Request } from 'express';
import { Router } from 'express';
import { importQuery } from '../contract/imports.js';
import { AppError } from '../errors.js';
import type { ImportService } from '../services/imports/import-service.js';
import { ANSWERS } from '../services/imports/messages.js';
import type { Lang } from '../contract/lang.js';
import { requireAdmin } from './admin-auth.js';
import { requestLang } from './lang.js';
import { parseOrThrow } from '../validate.js';

/** Largest upload accepted (bytes). */
export const DEFAULT_IMPORT_MAX_BYTES = 2 * 1024 ** 3;

export function importRoutes(imports: ImportService, adminToken: string | undefined, maxBytes = DEFAULT_IMPORT_MAX_BYTES): Router {
  const router = Router();
  router.post('/imports', requireAdmin(adminToken, 'Importing data', 'データのインポート'), async (req, res) => {
    let drainBody = true;
    try {
      const lang = requestLang(req);
      const query = parseOrThrow(importQuery, req.query, 'query parameter', lang);
      const declared = Number(req.get('content-length') ?? NaN);
      if (declared > maxBytes) throw tooLarge(maxBytes, lang);
      const report = await imports.run(limited(req, maxBytes, lang), { ...query, lang });
      if (report.ok) {
        res.json(report);
        return;
      }
      const message = ANSWERS.rejected(report.rejected + report.moreErrors > 0 ? report.rejected : null, lang);
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

const tooLarge = (max: number, lang: Lang) => new AppError(413, 'payload_too_large', ANSWERS.tooLarge(max, lang), [{ field: 'body' }]);
const aborted = (bytes: number, lang: Lang) => new AppError(400, 'upload_aborted', ANSWERS.aborted(bytes, lang), [{ field: 'body', bytes }]);

/**
 * The request body as chunks, failing once more than `max` bytes arrived. A
 * client that goes away mid-upload is an expected event, not a server fault:
 * it ends the import with a 400 `upload_aborted` (nothing is written) rather
 * than an "unhandled error" in the log.
 */
async function* limited(req: Request, max: number, lang: Lang): AsyncGenerator<Uint8Array> {
  let total = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > max) throw tooLarge(max, lang);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof AppError || req.complete) throw err;
    throw aborted(total, lang);
  }
  // Some aborts end the stream quietly instead of failing it: a body cut short is not a file.
  if (!req.complete) throw aborted(total, lang);
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

