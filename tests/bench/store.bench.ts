/**
 * Foundation benchmark: writing the seed graph into Kùzu and reading it back,
 * and the graph/role endpoints over real HTTP on loopback.
 */
import path from 'node:path';
import { KuzuGraphStore } from '../../server/db/kuzu/kuzu-store.js';
import { readSeedDir } from '../../server/services/seed-reader.js';
import { startTestServer } from '../integration/test-server.js';
import { summarise, time, type BenchRow } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export async function storeBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const data = await readSeedDir(path.join(ROOT, 'seed', 'data'));

  const writes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const store = new KuzuGraphStore({ path: ':memory:' });
    await store.init();
    const t0 = process.hrtime.bigint();
    await store.writeGraph(data);
    writes.push(Number(process.hrtime.bigint() - t0) / 1e6);
    await store.close();
  }
  rows.push(summarise('store', 'kuzu: write seed graph (fresh db)', writes));

  const server = await startTestServer();
  try {
    rows.push(summarise('store', 'kuzu: listTransitions', await time(() => server.store.listTransitions(), 200)));
    const get = (p: string) => () => fetch(server.url + p).then((r) => r.arrayBuffer());
    rows.push(summarise('http', 'GET /api/graph', await time(get('/api/graph'), 300)));
    rows.push(summarise('http', 'GET /api/roles/customer-support', await time(get('/api/roles/customer-support'), 300)));
    rows.push(summarise('http', 'GET /api/roles?q=CS', await time(get('/api/roles?q=CS'), 300)));
    rows.push(summarise('http', 'GET /api/health', await time(get('/api/health'), 300)));
  } finally {
    await server.close();
  }
  return rows;
}
