/** The contract suites' per-test store: a fresh one from `open` holding smallGraph() before each test, closed after it. */
import { afterEach, beforeEach } from 'vitest';
import type { GraphStore } from '../../server/db/graph-store.js';
import { smallGraph } from '../fixtures/graph.js';

/** Registers the hooks in the enclosing describe; `use` receives each test's store. */
export function eachStoreWithSmallGraph(open: () => Promise<GraphStore>, use: (store: GraphStore) => void): void {
  let store: GraphStore | undefined;
  beforeEach(async () => {
    store = await open();
    await store.writeGraph(smallGraph());
    use(store);
  });
  afterEach(async () => {
    await store?.close();
  });
}
