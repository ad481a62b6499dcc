/**
 * `npm run seed`: validates the seed files and writes them into the configured
 * store (Kùzu under DATA_DIR by default, Neo4j when NEO4J_URI is set).
 * Idempotent: running it twice leaves the same counts.
 *   --check   validate only, write nothing
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../server/config.js';
import { openGraphStore } from '../server/db/index.js';
import { readSeedDir, SeedValidationError } from '../server/services/seed-reader.js';
import { seedStore } from '../server/services/seed-service.js';

const seedDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length) {
    console.error(`Unknown option(s): ${unknown.join(' ')}\nUsage: npm run seed [-- --check]`);
    return 2;
  }
  try {
    if (args.includes('--check')) {
      const data = await readSeedDir(seedDir);
      console.log(`Seed files are valid: ${data.roles.length} roles, ${data.transitions.length} transitions, ${data.histories.length} histories.`);
      return 0;
    }
    const config = loadConfig();
    const store = await openGraphStore(config.store);
    try {
      const counts = await seedStore(store, seedDir);
      console.log(`Seeded ${store.engine}: ${counts.roles} roles, ${counts.transitions} transitions, ${counts.histories} histories.`);
    } finally {
      await store.close();
    }
    return 0;
  } catch (err) {
    if (err instanceof SeedValidationError || err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    console.error(`Seeding failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

process.exitCode = await main();
