/**
 * Entry point: config → store (seeded when empty) → app → listen. SIGTERM and
 * SIGINT stop accepting connections and close the store.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openGraphStore } from './db/index.js';
import { ResilientGraphStore } from './db/resilient-store.js';
import { createLogger } from './logger.js';
import { readSeedDir } from './services/seed-reader.js';
import { seedIfEmpty } from './services/seed-service.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  // Validate the seed before touching any store: a broken seed file stops start-up with its problems listed.
  const seed = await readSeedDir(path.join(root, 'seed', 'data'));
  let afterReopen = () => {};
  // The store may be unreachable at start (Neo4j down, Kùzu file locked by another process) or
  // go away later: the server keeps running, answers 503, and reopens it on a later request.
  const store = new ResilientGraphStore({
    engine: config.store.engine,
    open: () => openGraphStore(config.store, { queryWorkers: config.queries.workers, queryMemoryMb: config.queries.memoryMb }),
    onOpen: async (s) => {
      if (await seedIfEmpty(s, seed)) logger.info({ counts: await s.counts() }, 'seeded the empty store');
      afterReopen();
    },
    onProblem: (message) => logger.warn({ engine: config.store.engine }, message),
  });
  if (!(await store.tryOpen())) logger.warn('starting without the graph store; it will be retried on the next request');

  const { app, snapshots } = createApp({
    store,
    logger,
    staticDir: path.join(root, 'client', 'dist'),
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    adminToken: config.adminToken,
    readToken: config.readToken,
    queryLimits: { timeoutMs: config.queries.timeoutMs, rowLimit: config.queries.rowLimit, resultBytes: config.queries.resultBytes },
    versionCheckMs: config.versionCheckMs,
  });
  afterReopen = () => snapshots.invalidate();
  const server = app.listen(config.port, config.host, () => {
    logger.info({ engine: store.engine, url: `http://${config.host}:${config.port}/` }, 'rolepath is listening');
  });
  server.on('error', (err) => {
    logger.fatal({ err }, 'could not listen');
    void store.close().finally(() => process.exit(1));
  });

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      void store.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('rolepath failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
