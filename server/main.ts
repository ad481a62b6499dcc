/**
 * Entry point: config → store (seeded when empty) → app → listen. SIGTERM and
 * SIGINT stop accepting connections, answer what is in flight and close the
 * store within 10 s (see shutdown below).
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
/** From SIGTERM to exit, at most (process managers commonly send SIGKILL after 10 s). */
const SHUTDOWN_BUDGET_MS = 9_500;
/** How long in-flight requests may run on after SIGTERM before they are stopped. */
const SHUTDOWN_GRACE_MS = 7_000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

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
  // The store may be unreachable at start (Neo4j down, Kùzu file locked by another process) or
  // go away later: the server keeps running, answers 503, and reopens it on a later request.
  const store = new ResilientGraphStore({
    engine: config.store.engine,
    open: () => openGraphStore(config.store, { queryWorkers: config.queries.workers, queryMemoryMb: config.queries.memoryMb }),
    onOpen: async (s) => {
      if (await seedIfEmpty(s, seed)) logger.info({ counts: await s.counts() }, 'seeded the empty store');
    },
    onProblem: (message) => logger.warn({ engine: config.store.engine }, message),
  });
  if (!(await store.tryOpen())) logger.warn('starting without the graph store; it will be retried on the next request');

  const { app, imports } = createApp({
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
  const server = app.listen(config.port, config.host, () => {
    logger.info({ engine: store.engine, url: `http://${config.host}:${config.port}/` }, 'rolepath is listening');
  });
  server.on('error', (err) => {
    logger.fatal({ err }, 'could not listen');
    void store.close().finally(() => process.exit(1));
  });

  // Shutdown within 10 s: stop accepting; refuse imports that have not started writing (503, nothing
  // written); let the other in-flight requests finish for up to SHUTDOWN_GRACE_MS; then close the store,
  // which ends the query sandboxes (a query still running is answered 503) and waits for a write in
  // progress; then exit. Sandbox processes and their copies are also ended and removed if the process
  // exits any other way (see sandbox-pool.ts and sandbox-copies.ts).
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown overran its budget; exiting now');
      process.exit(1);
    }, SHUTDOWN_BUDGET_MS);
    force.unref();
    imports.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections become idle once their answer is out: close them as that happens.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 50).unref();
    void (async () => {
      const drained = await Promise.race([closed.then(() => true), delay(SHUTDOWN_GRACE_MS).then(() => false)]);
      if (!drained) logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, 'requests still running at shutdown: stopping them');
      await store.close().catch((err: unknown) => logger.error({ err }, 'closing the store failed'));
      // Whatever the closed store just answered (503) goes out before the connections are cut.
      if (!drained) await Promise.race([closed, delay(1000)]);
      server.closeAllConnections();
      process.exit(0);
    })();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('rolepath failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
