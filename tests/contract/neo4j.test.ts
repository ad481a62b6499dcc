/**
 * The GraphStore contract on a real Neo4j 5: the Neo4j leg of `npm test` (TEST_ENGINE=neo4j, with the
 * Neo4j that `npm test` or `npm run neo4j` started). Each test starts from an emptied database.
 */
import { describe, it } from 'vitest';
import { createTestStore, onNeo4j } from '../fixtures/engine.js';
import { graphStoreContract } from './graph-store.contract.js';

if (onNeo4j) {
  graphStoreContract('neo4j', () => createTestStore());
} else {
  describe.skip('GraphStore contract (neo4j): runs in the Neo4j leg of npm test (TEST_ENGINE=neo4j)', () => {
    it('needs a Neo4j server', () => undefined);
  });
}
