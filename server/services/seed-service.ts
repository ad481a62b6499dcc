/**
 * Loading the seed graph into a store: validate everything first, then write
 * in one transaction, so an invalid file changes nothing.
 */
import type { GraphStore, GraphCounts } from '../db/graph-store.js';
import { readSeedDir } from './seed-reader.js';

/** Validates the seed directory and writes it (MERGE: running it twice leaves the same counts). */
export async function seedStore(store: GraphStore, seedDir: string): Promise<GraphCounts> {
  const data = await readSeedDir(seedDir);
  await store.writeGraph(data);
  return store.counts();
}

/** Seeds the store only when it holds no roles yet. Returns whether it seeded. */
export async function seedIfEmpty(store: GraphStore, seedDir: string): Promise<boolean> {
  const { roles } = await store.counts();
  if (roles > 0) return false;
  await seedStore(store, seedDir);
  return true;
}
