/**
 * Issue 12, item 14: token settings that could never work, or would make
 * every reader an admin, stop start-up with the reason (the real entry point,
 * server/main.ts, as `npm start` runs it).
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { spawnServer } from '../fixtures/spawn-server.js';

const GOOD = 'a-perfectly-good-admin-token-0123';

describe('token configuration', () => {
  it('refuses an ADMIN_TOKEN with spaces at start-up, saying why', async () => {
    await expect(spawnServer({ ADMIN_TOKEN: 'correct horse battery staple' })).rejects.toThrow(/ADMIN_TOKEN: must not contain spaces, tabs or line breaks/);
  }, 60_000);

  it('refuses a READ_TOKEN equal to the ADMIN_TOKEN at start-up, saying why', async () => {
    await expect(spawnServer({ ADMIN_TOKEN: GOOD, READ_TOKEN: GOOD })).rejects.toThrow(/READ_TOKEN: must differ from ADMIN_TOKEN: with the same value every reader would be an admin/);
  }, 60_000);

  it('refuses whitespace anywhere in either token and accepts distinct tokens', () => {
    for (const bad of [' leading-space-token-0123', 'trailing-newline-token-0123\n', 'tab\tinside-the-token-0123']) {
      expect(() => loadConfig({ READ_TOKEN: bad })).toThrow(/READ_TOKEN: must not contain spaces/);
    }
    expect(loadConfig({ ADMIN_TOKEN: GOOD, READ_TOKEN: 'a-different-read-token-0123' })).toMatchObject({ adminToken: GOOD, readToken: 'a-different-read-token-0123' });
  });
});
