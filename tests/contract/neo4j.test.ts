/**
 * The GraphStore contract on Neo4j: runs when NEO4J_URI is set (e.g. with
 * `docker compose up -d`), skipped with a printed reason otherwise. Each test
 * starts from an empty database, so point it at a throwaway database.
 */
import { describe, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { Neo4jGraphStore } from '../../server/db/neo4j/neo4j-store.js';
import { graphStoreContract } from './graph-store.contract.js';

const config = loadConfig();

if (config.store.engine === 'neo4j') {
  const settings = config.store;
  graphStoreContract('neo4j', async () => {
    const store = new Neo4jGraphStore(settings);
    await store.init();
    await store.dangerouslyDeleteEverything();
    return store;
  });
} else {
  console.log('[neo4j contract] skipped: NEO4J_URI is not set (start Neo4j with `docker compose up -d` and set NEO4J_URI/NEO4J_PASSWORD to run it)');
  describe.skip('GraphStore contract (neo4j): NEO4J_URI is not set', () => {
    it('needs a Neo4j server', () => undefined);
  });
}
