/**
 * `npm run bench [-- SUITE…]`: runs the benchmarks, prints one table and writes
 * JSON under tests/bench/results/. Targets are reported, not asserted: speed
 * lives here, never in timed unit tests.
 */
import { printTable, writeResults, type BenchRow } from './harness.js';
import { browserBench } from './browser.bench.js';
import { httpBench } from './http.bench.js';
import { importBench } from './import.bench.js';
import { neo4jBench } from './neo4j.bench.js';
import { routesBench } from './routes.bench.js';
import { storeBench } from './store.bench.js';

const suites: Record<string, () => Promise<BenchRow[]>> = {
  store: storeBench,
  routes: routesBench,
  import: importBench,
  http: httpBench,
  browser: browserBench,
  neo4j: neo4jBench,
  'user-cypher': async () => (await import('./user-cypher.bench.js')).userCypherBench(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !(w in suites));
if (unknown.length) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

const rows: BenchRow[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.error(`running ${name}…`);
  rows.push(...(await run()));
}
printTable(rows);
// A run of some suites writes its own file, so it does not overwrite the full run's results.
const file = await writeResults(wanted.length ? `bench-${wanted.join('-')}` : 'bench', rows);
console.log(`\nwrote ${file}`);
const failed = rows.filter((r) => r.pass === false);
if (failed.length) console.log(`${failed.length} target(s) missed: ${failed.map((r) => r.name).join('; ')}`);
