/** The GraphStore contract on embedded Kùzu: the Kùzu leg of `npm test` (TEST_ENGINE=kuzu, the default). */
import { describe, it } from 'vitest';
import { KuzuGraphStore } from '../../server/db/kuzu/kuzu-store.js';
import { onKuzu } from '../fixtures/engine.js';
import { graphStoreContract } from './graph-store.contract.js';

if (onKuzu) {
  graphStoreContract('kuzu', async () => {
    const store = new KuzuGraphStore({ path: ':memory:' });
    await store.init();
    return store;
  });
} else {
  describe.skip('GraphStore contract (kuzu): this is the Neo4j leg', () => {
    it('runs in the Kùzu leg', () => undefined);
  });
}
