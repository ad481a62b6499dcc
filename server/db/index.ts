/**
 * Opens the GraphStore the configuration names: Neo4j when `NEO4J_URI` is set,
 * otherwise embedded Kùzu.
 */
import type { EngineConfig } from '../config.js';
import type { GraphStore } from './graph-store.js';

export type { GraphStore, GraphCounts, RoleTransitions, EngineName } from './graph-store.js';

/**
 * Creates and initialises (schema) the store for `config`. `queryWorkers`: Kùzu's query sandbox processes;
 * `queryMemoryMb`: the OS memory limit of each; `kuzuBufferPoolBytes`: Kùzu's buffer pool.
 */
export async function openGraphStore(
  config: EngineConfig,
  options: { queryWorkers?: number; queryMemoryMb?: number; kuzuBufferPoolBytes?: number } = {},
): Promise<GraphStore> {
  // Only the engine in use is loaded: neo4j-driver alone takes about a second to import, which a Kùzu start need not pay.
  const store: GraphStore =
    config.engine === 'neo4j'
      ? new (await import('./neo4j/neo4j-store.js')).Neo4jGraphStore(config)
      : new (await import('./kuzu/kuzu-store.js')).KuzuGraphStore({
          path: config.path,
          queryWorkers: options.queryWorkers,
          queryMemoryMb: options.queryMemoryMb,
          bufferPoolBytes: options.kuzuBufferPoolBytes,
        });
  try {
    await store.init();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
