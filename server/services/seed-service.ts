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

/**
 * Writes already-validated seed data unless the store already holds the
 * seed's dataset (`data.dataset`, "articles"). Whatever else is there does
 * not count: an import into a fresh data folder before the first start must
 * not suppress the seed for good. Returns whether it wrote.
 */
export async function seedIfEmpty(store: GraphStore, data: GraphData): Promise<boolean> {
  if (await holdsDataset(store, data)) return false;
  await store.writeGraph(data);
  return true;
}

/** Whether the store has the seed's dataset: any of its transitions (the seed always has some), else none when it has no roles. */
async function holdsDataset(store: GraphStore, data: GraphData): Promise<boolean> {
  const { roles } = await store.counts();
  if (roles === 0) return false;
  // A seed without transitions has nothing to tell it apart by: count it as present once roles exist.
  if (!data.transitions.length) return true;
  return (await store.listTransitions()).some((t) => t.dataset === data.dataset);
}
