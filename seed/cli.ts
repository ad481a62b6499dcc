/**
 * `npm run seed`: validates the seed files and writes them into the configured
 * store (Kùzu under DATA_DIR by default, Neo4j when NEO4J_URI is set).
 * Idempotent: running it twice leaves the same counts. Validation happens
 * before any write, and the write is one transaction, so a bad file changes nothing.
 *
 *   npm run seed -- [--check] [--counts] [--dir DIR]
 *     --check     validate the seed files only, write nothing
 *     --counts    print what the store holds, write nothing
 *     --dir DIR   read seed files from DIR instead of seed/data
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../server/config.js';
import { openGraphStore } from '../server/db/index.js';
import { readSeedDir, SeedValidationError } from '../server/services/seed-reader.js';
import { seedStore } from '../server/services/seed-service.js';

const USAGE = 'Usage: npm run seed -- [--check] [--counts] [--dir DIR]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { check: { type: 'boolean' }, counts: { type: 'boolean' }, dir: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const seedDir = path.resolve(values.dir ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'data'));
  try {
    if (values.check) {
      const data = await readSeedDir(seedDir);
      console.log(`Seed files are valid: ${data.roles.length} roles, ${data.transitions.length} transitions, ${data.histories.length} histories.`);
      return 0;
    }
    const config = loadConfig();
    const store = await openGraphStore(config.store);
    try {
      if (values.counts) {
        const c = await store.counts();
        console.log(`${store.engine} holds ${c.roles} roles, ${c.transitions} transitions, ${c.histories} histories.`);
      } else {
        const c = await seedStore(store, seedDir);
        console.log(`Seeded ${store.engine}: ${c.roles} roles, ${c.transitions} transitions, ${c.histories} histories.`);
      }
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
