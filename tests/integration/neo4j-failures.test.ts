/**
 * Neo4j configured wrongly or gone: each case gives one clear reason, as a 503 store_unavailable within
 * seconds (never a hang, a stack trace or a bare 500), and rolepath keeps running to recover later.
 */
import { describe, expect, it } from 'vitest';
import { neo4jSettings, onNeo4j } from '../fixtures/engine.js';
import { freePort, runScript, spawnServer } from '../fixtures/spawn-server.js';

async function readyWithin(url: string, ms: number): Promise<{ status: number; body: any; took: number }> {
  const started = Date.now();
  const res = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(ms) });
  return { status: res.status, body: await res.json(), took: Date.now() - started };
}

describe.runIf(onNeo4j)('Neo4j misconfigured or unreachable', () => {
  it('a wrong password: 503 naming NEO4J_PASSWORD, quickly, with no stack trace', async () => {
    const server = await spawnServer({ NEO4J_PASSWORD: 'certainly-not-the-password' }, { waitFor: 'listening' });
    try {
      const ready = await readyWithin(server.url, 5000);
      expect(ready.status).toBe(503);
      expect(ready.body.error.code).toBe('store_unavailable');
      expect(ready.body.error.message).toMatch(/credentials.*NEO4J_PASSWORD/);
      const api = await fetch(`${server.url}/api/roles?q=CS`);
      expect(api.status).toBe(503);
      expect(server.output()).not.toMatch(/\n\s+at .*\.(ts|js):\d+/); // no stack trace in the log
    } finally {
      await server.stop();
    }
  });

  it('an unreachable server: 503 within 5 s', async () => {
    const server = await spawnServer({ NEO4J_URI: `bolt://127.0.0.1:${await freePort()}` }, { waitFor: 'listening' });
    try {
      const ready = await readyWithin(server.url, 5000);
      expect(ready.status).toBe(503);
      expect(ready.body.error.message).toMatch(/Neo4j is not available/);
      expect(ready.took).toBeLessThan(5000);
    } finally {
      await server.stop();
    }
  });

  it('a database that does not exist: 503 naming NEO4J_DATABASE', async () => {
    const server = await spawnServer({ NEO4J_DATABASE: 'nosuchdb' }, { waitFor: 'listening' });
    try {
      const ready = await readyWithin(server.url, 5000);
      expect(ready.status).toBe(503);
      expect(ready.body.error.message).toMatch(/NEO4J_DATABASE/);
    } finally {
      await server.stop();
    }
  });

  it('a malformed NEO4J_URI or a missing password stops start-up with one clear message', async () => {
    const bad = await runScript('server/main.ts', [], { NEO4J_URI: 'http://127.0.0.1:7474' });
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('NEO4J_URI: must start with neo4j://');
    const noPassword = await runScript('server/main.ts', [], { NEO4J_URI: neo4jSettings().uri, NEO4J_PASSWORD: '' });
    expect(noPassword.code).toBe(1);
    expect(noPassword.output).toContain('NEO4J_PASSWORD: is required when NEO4J_URI is set');
  });
});
