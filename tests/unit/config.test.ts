/** Configuration is parsed once; a bad environment lists every problem. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('loadConfig', () => {
  it('defaults to embedded Kùzu under ./data on 127.0.0.1:3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', logLevel: 'info', adminToken: undefined });
    expect(c.store).toEqual({ engine: 'kuzu', path: path.resolve('data', 'rolepath.kuzu') });
  });

  it('uses Neo4j when NEO4J_URI is set', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j+s://x.databases.neo4j.io', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'career' });
    expect(c.store).toEqual({ engine: 'neo4j', uri: 'neo4j+s://x.databases.neo4j.io', user: 'neo4j', password: 'pw', database: 'career' });
  });

  it('lists every problem at once', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', NEO4J_URI: 'http://localhost', ADMIN_TOKEN: 'short' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'LOG_LEVEL', 'NEO4J_URI', 'ADMIN_TOKEN']) expect(problems).toContain(name);
  });

  it('requires a password with NEO4J_URI', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://localhost:7687' })).toThrow(/NEO4J_PASSWORD/);
  });
});
