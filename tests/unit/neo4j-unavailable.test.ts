/**
 * With no Neo4j server listening, the adapter reports the store as unavailable
 * (503 store_unavailable) instead of an internal error, so the resilient store
 * can retry. Uses a closed loopback port: no server needed.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Neo4jGraphStore } from '../../server/db/neo4j/neo4j-store.js';
import { AppError } from '../../server/errors.js';

const closedPort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

describe('Neo4j adapter without a server', () => {
  it('turns "cannot connect" into a 503 store_unavailable', async () => {
    const store = new Neo4jGraphStore({ uri: `bolt://127.0.0.1:${await closedPort()}`, user: 'neo4j', password: 'x' });
    try {
      const err = await store.init().then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(503);
      expect((err as AppError).message).toMatch(/Neo4j is not available/);
    } finally {
      await store.close();
    }
  });
});
