/**
 * `GET /api/routes/export?format=svg|mermaid|graphml|csv|json&from=…&to=…&mode=…`:
 * a route's path diagram or data as a download, for scripts (no browser needed).
 */
import { Router } from 'express';
import { EXPORT_FORMATS, FORMAT_HELP, routeExportQuery } from '../contract/export.js';
import { invalidRequest } from '../errors.js';
import type { RouteExportService } from '../services/export/route-export.js';
import { requestLang } from './lang.js';
import { parseOrThrow } from '../validate.js';

export function exportRoutes(exporter: RouteExportService): Router {
  const router = Router();
  router.get('/routes/export', async (req, res) => {
    // The format is checked first, so a wrong one is answered with the list whatever else is wrong.
    const format = req.query.format;
    if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      const given = typeof format === 'string' ? `Unknown export format "${format.slice(0, 40)}": ` : 'Missing export format: ';
      throw invalidRequest(`${given}${FORMAT_HELP}`, [{ field: 'format', message: FORMAT_HELP, allowed: [...EXPORT_FORMATS] }]);
    }
    const params = parseOrThrow(routeExportQuery, req.query, 'query parameter');
    const out = await exporter.export({ ...params, lang: requestLang(req) });
    res.setHeader('Content-Type', out.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${out.fileName}"`);
    // Every export carries its own time: never serve one from a cache.
    res.setHeader('Cache-Control', 'no-store');
    res.send(out.body);
  });
  return router;
}
