/**
 * createApp: the Express application without `listen`, so tests can start it
 * on any port over a store of their choosing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import type { GraphStore } from './db/graph-store.js';
import { notFound } from './errors.js';
import { exportRoutes } from './http/export.routes.js';
import { healthRoutes } from './http/health.routes.js';
import { datasetRoutes } from './http/dataset.routes.js';
import { importRoutes } from './http/import.routes.js';
import { requireReader } from './http/admin-auth.js';
import { mountRoutes } from './http/mount.js';
import { accessLog, apiNotFound, errorHandler, methodNotAllowed, rejectRepeatedQuery, requestId } from './http/middleware.js';
import { queryRoutes } from './http/query.routes.js';
import { roleRoutes } from './http/role.routes.js';
import { routeRoutes } from './http/route.routes.js';
import { corsPolicy, expensiveLimit, securityHeaders } from './http/security.js';
import type { Logger } from './logger.js';
import { RouteExportService } from './services/export/route-export.js';
import { SnapshotCache } from './services/graph-snapshot.js';
import { ImportService } from './services/imports/import-service.js';
import { loadBuiltInQueries } from './services/queries/query-file.js';
import { QueryService } from './services/queries/query-service.js';
import { RoleService } from './services/role-service.js';
import { RouteService } from './services/route-service.js';

/** What the app needs from outside. */
export interface AppDeps {
  store: GraphStore;
  logger: Logger;
  /** Directory of the built client (`client/dist`); not served when absent. */
  staticDir?: string | undefined;
  /** Origins allowed by CORS (default none: CORS off). */
  corsOrigins?: readonly string[];
  /** Per-client requests a minute on the expensive endpoints (default 600; 0 = no limit). */
  rateLimitPerMinute?: number;
  /** Bearer token for endpoints that change data (saving queries …); none = such writes are refused. */
  adminToken?: string | undefined;
  /** Bearer token every API read needs (health and readiness excepted); none = reads are open. */
  readToken?: string | undefined;
  /** Limits on every saved-query and ad hoc Cypher run (default 5 s, 1,000 rows). */
  queryLimits?: { timeoutMs: number; rowLimit: number; resultBytes?: number };
  /** How often (ms) to ask the store whether another instance or the CLI changed the data (default 1000). */
  versionCheckMs?: number;
}

/** The app plus the services it built: the snapshot cache (to warm it before measuring, as the HTTP bench does) and the import service. */
export interface App {
  app: Express;
  snapshots: SnapshotCache;
  /** Told to stop when the server shuts down (see ImportService.stop). */
  imports: ImportService;
}

/** Endpoints that cost real work per request (path searches, Cypher runs, imports): rate limited. */
const EXPENSIVE = ['/routes', '/routes/export', '/cypher', '/queries/:name/run', '/queries/import', '/imports'];

export function createApp({
  store,
  logger,
  staticDir,
  corsOrigins = [],
  rateLimitPerMinute = 600,
  adminToken,
  readToken,
  queryLimits = { timeoutMs: 5000, rowLimit: 1000 },
  versionCheckMs,
}: AppDeps): App {
  const snapshots = new SnapshotCache(store, versionCheckMs);
  const roles = new RoleService(snapshots);
  const routes = new RouteService(snapshots);
  // An import changes the store's data version: this instance's next answer sees it, others within versionCheckMs.
  const imports = new ImportService(store);
  const queries = new QueryService(store, snapshots, { builtIns: loadBuiltInQueries(), limits: queryLimits });

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestId);
  app.use(accessLog(logger));
  app.use(securityHeaders());
  // gzip/brotli for answers over 8 kB (role pages, searches, exports, the client's files); the graph comes
  // precompressed (http/cached-json.ts) and is left alone. A route answer is a few kB and the one request whose
  // latency matters most: compression's wrapping of the response measured about 0.2 ms CPU on each (issue 14, item 4).
  const compress = compression({ threshold: '8kb' });
  app.use((req, res, next) => (req.path === '/api/routes' ? next() : compress(req, res, next)));

  const api = express.Router();
  api.use(corsPolicy(corsOrigins));
  api.use(rejectRepeatedQuery);
  api.use(EXPENSIVE, expensiveLimit(rateLimitPerMinute));
  // Before the JSON parser: the upload is the raw file, streamed (see import.routes.ts).
  mountRoutes(api, importRoutes(imports, adminToken));
  api.use(express.json({ limit: '1mb' }));
  mountRoutes(api, healthRoutes(store, snapshots));
  api.use(requireReader(readToken, adminToken));
  // Each router's routes go straight into `api`, not nested (see http/mount.ts); routes first, as the most asked.
  mountRoutes(api, routeRoutes(routes));
  mountRoutes(api, roleRoutes(roles));
  mountRoutes(api, datasetRoutes(snapshots));
  mountRoutes(api, exportRoutes(new RouteExportService(routes, snapshots)));
  mountRoutes(api, queryRoutes(queries, adminToken));
  api.use(methodNotAllowed(api), apiNotFound);
  app.use('/api', api);

  if (staticDir && existsSync(path.join(staticDir, 'index.html'))) {
    // Vite names what it emits under assets/ by content hash: a changed file gets a new name, so these never go stale.
    app.use('/assets', express.static(path.join(staticDir, 'assets'), { immutable: true, maxAge: '1y', index: false }));
    app.use('/assets', (req, _res, next) => next(notFound(`No file ${req.originalUrl}`)));
    // The page itself (and anything not hashed) is revalidated every time, so a new build is picked up at once.
    const revalidate = { setHeaders: (res: express.Response) => res.setHeader('Cache-Control', 'no-cache') };
    app.use(express.static(staticDir, { index: 'index.html', ...revalidate }));
    // Client-side routes (deep links) get the page itself.
    app.get('/{*path}', (_req, res) => res.sendFile(path.join(staticDir, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } }));
  }

  app.use(errorHandler(logger));
  return { app, snapshots, imports };
}
