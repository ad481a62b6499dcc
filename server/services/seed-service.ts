/**
 * Loading the seed graph into a store: validate everything first, then write
 * in one transaction, so an invalid file changes nothing.
 */
import type { GraphData } from '../contract/graph-data.js';
import type { GraphCounts, GraphStore } from '../db/graph-store.js';
import { readSeedDir } from './seed-reader.js';

/** Validates the seed directory and writes it (MERGE: running it twice leaves the same counts). */
export async function seedStore(store: GraphStore, seedDir: string): Promise<GraphCounts> {
  const data = await readSeedDir(seedDir);
  await store.writeGraph(data);
  return store.counts();
}

/** Writes already-validated seed data only when the store holds no roles yet. Returns whether it did. */
export async function seedIfEmpty(store: GraphStore, data: GraphData): Promise<boolean> {
  const { roles } = await store.counts();
  if (roles > 0) return false;
  await store.writeGraph(data);
  return true;
}
