/**
 * `npm test`: every test, on both engines.
 *
 *  1. The Kùzu leg: the whole suite (unit, contract, HTTP, CLI, start-up, browser) on embedded Kùzu.
 *  2. The Neo4j leg: every engine-dependent test (tests/contract, tests/integration, tests/e2e) again on a
 *     real Neo4j 5: the one NEO4J_URI/NEO4J_PASSWORD name (as .ci/run sets), or else one this script starts
 *     with `npm run neo4j` (Java 17 + Maven) on a free port and a throwaway folder, and stops afterwards.
 *     Neo4j Community has a single user database, so this leg runs its files one at a time.
 *     Without Java/Maven and without NEO4J_URI the leg is skipped, and the summary says so and why.
 *
 * Extra arguments go to vitest in both legs (e.g. `npm test -- tests/integration/api.test.ts`).
 * Ends with one line per engine and the plain "N passed, N failed, N skipped" total.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort } from './fixtures/free-port.js';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'test-output');
const ENGINE_DEPENDENT = ['tests/contract', 'tests/integration', 'tests/e2e'];
const DEFAULT_PASSWORD = 'rolepath-dev-password';

interface LegResult {
  engine: string;
  passed: number;
  failed: number;
  skipped: number;
  files: number;
  exitCode: number;
  skippedWhy?: string;
}

function withoutNeo4j(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const k of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete copy[k];
  return copy;
}

function runVitest(engine: 'kuzu' | 'neo4j', args: string[], env: NodeJS.ProcessEnv): Promise<LegResult> {
  fs.mkdirSync(OUT, { recursive: true });
  const report = path.join(OUT, `vitest-${engine}.json`);
  rmSync(report, { force: true });
  const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const fullArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args];
  console.log(`\n=== ${engine} leg: vitest ${fullArgs.slice(1).join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, ...fullArgs], { cwd: ROOT, stdio: 'inherit', env: { ...env, TEST_ENGINE: engine } });
    child.on('exit', (code) => {
      let passed = 0, failed = 0, skipped = 0, files = 0;
      try {
        const r = JSON.parse(fs.readFileSync(report, 'utf8')) as {
          numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: unknown[];
        };
        passed = r.numPassedTests;
        failed = r.numFailedTests;
        skipped = r.numPendingTests + r.numTodoTests;
        files = r.testResults.length;
      } catch {
        failed = 1; // no report: vitest itself failed
      }
      resolve({ engine, passed, failed, skipped, files, exitCode: code ?? 1 });
    });
  });
}

/** Starts `npm run neo4j` (neo4j/start.ts) and resolves once it prints its bolt:// line. */
async function startNeo4j(): Promise<{ uri: string; password: string; stop: () => Promise<void> } | { why: string }> {
  const ok = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  if (!ok('java', ['-version']) || !ok('mvn', ['-v'])) {
    return { why: 'no Java 17+/Maven on this machine and NEO4J_URI is not set (install openjdk-17-jdk-headless and maven, or start Neo4j with `docker compose up -d` and set NEO4J_URI/NEO4J_PASSWORD)' };
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rolepath-test-neo4j-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'neo4j', 'start.ts')], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_PORT: String(port), NEO4J_DATA_DIR: dataDir, NEO4J_PASSWORD: DEFAULT_PASSWORD },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const ready = await new Promise<boolean>((resolve) => {
    let seen = '';
    const timer = setTimeout(() => resolve(false), 10 * 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      process.stdout.write(d);
      seen += String(d);
      if (seen.includes(`bolt://127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  if (!ready) {
    await stop();
    return { why: 'npm run neo4j did not start (see its output above)' };
  }
  return { uri: `bolt://127.0.0.1:${port}`, password: DEFAULT_PASSWORD, stop };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const results: LegResult[] = [];
  results.push(await runVitest('kuzu', args, withoutNeo4j(process.env)));

  // The Neo4j leg: given files are narrowed to engine-dependent ones; none given = all of them.
  const neo4jArgs = args.length ? args : ENGINE_DEPENDENT;
  const onlyEngineFree = args.length > 0 && args.every((a) => !a.startsWith('-') && !ENGINE_DEPENDENT.some((d) => a.startsWith(d)));
  if (onlyEngineFree) {
    results.push({ engine: 'neo4j', passed: 0, failed: 0, skipped: 0, files: 0, exitCode: 0, skippedWhy: 'the files asked for do not depend on the engine' });
  } else {
    let neo4j: Awaited<ReturnType<typeof startNeo4j>> | { uri: string; password: string; stop: () => Promise<void> };
    if (process.env.NEO4J_URI) {
      neo4j = { uri: process.env.NEO4J_URI, password: process.env.NEO4J_PASSWORD ?? DEFAULT_PASSWORD, stop: async () => undefined };
      console.log(`\nNeo4j leg on ${neo4j.uri} (from NEO4J_URI)`);
    } else {
      console.log('\nNEO4J_URI is not set: starting a throwaway Neo4j with `npm run neo4j` for the Neo4j leg…');
      neo4j = await startNeo4j();
    }
    if ('why' in neo4j) {
      results.push({ engine: 'neo4j', passed: 0, failed: 0, skipped: 0, files: 0, exitCode: 0, skippedWhy: neo4j.why });
    } else {
      try {
        const env = { ...withoutNeo4j(process.env), NEO4J_URI: neo4j.uri, NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j', NEO4J_PASSWORD: neo4j.password };
        results.push(await runVitest('neo4j', ['--no-file-parallelism', ...neo4jArgs], env));
      } finally {
        await neo4j.stop();
      }
    }
  }

  console.log('\n=== Both engines');
  for (const r of results) {
    if (r.skippedWhy) console.log(`${r.engine}: leg SKIPPED: ${r.skippedWhy}`);
    else console.log(`${r.engine}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.files} files)`);
  }
  const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return results.some((r) => r.exitCode !== 0 || r.failed > 0) ? 1 : 0;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
