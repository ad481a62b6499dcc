#!/usr/bin/env node
/**
 * The production build: the client (Vite, into client/dist/) and the server compiled to plain
 * JavaScript (into dist/, which `node dist/server/main.js` runs without tsx).
 *
 *   node scripts/build.mjs             build both (`npm run build`)
 *   node scripts/build.mjs --if-stale  build only what changed since the last build
 *   node scripts/build.mjs --if-stale --start   …then run the compiled server in this process (`npm start`:
 *                                      one Node process, so a current build starts in about a second)
 *
 * dist/ mirrors the repository's layout (dist/server, dist/cypher, dist/seed/data, dist/client/dist),
 * because the server finds its Cypher files, seed and static files relative to its own modules.
 * Bare imports still resolve from the repository's node_modules.
 *
 * Staleness is decided by modification times: the client is rebuilt when a file under client/, a
 * repository file they import (followed through relative imports, e.g. the zod contracts) or
 * package-lock.json is newer than the last client build; the server when a file under server/,
 * cypher/ or seed/data/ (or package-lock.json) is newer than dist/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientDist = path.join(root, 'client', 'dist');
/** Written after a client build: when it started. */
const clientStamp = path.join(clientDist, '.build-stamp');
const out = path.join(root, 'dist');
const serverStamp = path.join(out, '.build-stamp');
const ifStale = process.argv.includes('--if-stale');
const start = process.argv.includes('--start');

/** Every file under `dir` (recursively), skipping `skip` directories. */
function filesUnder(dir, skip = []) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return skip.includes(p) ? [] : filesUnder(p, skip);
    return e.isFile() ? [p] : [];
  });
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : Infinity);
/** The first of `files` changed after `since` (a missing file counts as changed), or undefined. */
const changedSince = (files, since) => files.find((f) => mtime(f) > since);

/** Relative imports of a source file (static, dynamic and `new URL(…, import.meta.url)`), as files. */
function relativeImports(file) {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s*|import\s*\(\s*|new URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.flatMap((spec) => {
    const abs = path.resolve(path.dirname(file), spec);
    return [abs, abs.replace(/\.js$/, '.ts')].filter((f) => existsSync(f) && statSync(f).isFile()).slice(-1);
  });
}

/** Files under client/ (not its build) and every repository file they import, transitively. */
function clientInputs() {
  const seen = new Set(filesUnder(path.join(root, 'client'), [clientDist]));
  const queue = [...seen].filter((f) => /\.(ts|js|mjs)$/.test(f));
  while (queue.length) {
    for (const dep of relativeImports(queue.pop())) {
      if (seen.has(dep) || dep.includes(`${path.sep}node_modules${path.sep}`)) continue;
      seen.add(dep);
      if (/\.(ts|js|mjs)$/.test(dep)) queue.push(dep);
    }
  }
  return [...seen, path.join(root, 'package-lock.json')];
}

function clientIsStale() {
  if (!existsSync(clientStamp)) return 'no client build yet';
  const changed = changedSince(clientInputs(), Number(readFileSync(clientStamp, 'utf8')));
  return changed && `${path.relative(root, changed)} changed`;
}

function buildClient() {
  const started = Date.now();
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  writeFileSync(clientStamp, String(started));
  console.log(`client built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const serverSources = () => filesUnder(path.join(root, 'server')).filter((f) => f.endsWith('.ts'));
const serverAssets = () => [...filesUnder(path.join(root, 'cypher')), ...filesUnder(path.join(root, 'seed', 'data'))];

function serverIsStale() {
  if (!existsSync(serverStamp)) return 'no server build yet';
  const builtAt = Number(readFileSync(serverStamp, 'utf8'));
  const changed = changedSince([...serverSources(), ...serverAssets(), path.join(root, 'package-lock.json')], builtAt);
  return changed && `${path.relative(root, changed)} changed`;
}

/**
 * Compiles server/ file by file, only the files newer than their output (types are checked by
 * `npm run typecheck`, not here), and copies what the server reads at run time.
 */
async function buildServer() {
  const started = Date.now();
  // Loaded only when there is something to compile: it takes a moment to load.
  const { default: ts } = await import('typescript');
  const compilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true, sourceMap: true };
  const sources = serverSources();
  const targets = new Set();
  let compiled = 0;
  for (const file of sources) {
    const target = path.join(out, path.relative(root, file).replace(/\.ts$/, '.js'));
    targets.add(target).add(`${target}.map`);
    if (mtime(target) !== Infinity && mtime(target) >= mtime(file)) continue;
    const { outputText, sourceMapText } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, outputText);
    if (sourceMapText) {
      const map = JSON.parse(sourceMapText);
      map.sources = [path.relative(path.dirname(target), file)];
      writeFileSync(`${target}.map`, JSON.stringify(map));
    }
    compiled++;
  }
  // Outputs of deleted or moved sources.
  for (const f of filesUnder(path.join(out, 'server'))) if (!targets.has(f)) rmSync(f);
  for (const dir of ['cypher', path.join('seed', 'data')]) {
    rmSync(path.join(out, dir), { recursive: true, force: true });
    cpSync(path.join(root, dir), path.join(out, dir), { recursive: true });
  }
  writeFileSync(serverStamp, String(started));
  console.log(`server: ${compiled} of ${sources.length} files compiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** A copy of the client build at dist/client/dist, where the compiled server looks for it. */
function copyClient() {
  const copy = path.join(out, 'client', 'dist');
  rmSync(copy, { recursive: true, force: true });
  cpSync(clientDist, copy, { recursive: true });
}

const clientReason = ifStale ? clientIsStale() : 'requested';
const serverReason = ifStale ? serverIsStale() : 'requested';
if (clientReason) {
  if (ifStale) console.log(`building the client: ${clientReason}`);
  buildClient();
}
if (serverReason) {
  if (ifStale) console.log(`compiling the server: ${serverReason}`);
  await buildServer();
}
if (clientReason || serverReason || !existsSync(path.join(out, 'client', 'dist'))) copyClient();
if (start) await import(pathToFileURL(path.join(out, 'server', 'main.js')).href);
