/** The GraphStore contract on embedded Kùzu (always runs). */
import { KuzuGraphStore } from '../../server/db/kuzu/kuzu-store.js';
import { graphStoreContract } from './graph-store.contract.js';

graphStoreContract('kuzu', async () => {
  const store = new KuzuGraphStore({ path: ':memory:' });
  await store.init();
  return store;
});
