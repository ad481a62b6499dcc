/** The browser tests' shared set-up: the built app on its own server, a Chromium, and a folder for screenshots. */
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../fixtures/browser.js';
import { spawnServer, type SpawnedServer } from '../fixtures/spawn-server.js';

/** Registers the suite's hooks: before it, makes `shots`, starts a server and a browser and hands them to `use`; after it, stops both. */
export function serverAndBrowser(shots: string, use: (server: SpawnedServer, browser: Browser) => void | Promise<void>): void {
  let server: SpawnedServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    server = await spawnServer();
    browser = await launchBrowser();
    await use(server, browser);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}
