/**
 * `npm run neo4j`: a local Neo4j 5.26 Community (embedded in a small Java launcher, with its Bolt
 * server) for development and tests. Builds the launcher with Maven on first use (downloading the
 * jars from Maven Central once), then runs it in the foreground; Ctrl-C or SIGTERM stops it cleanly.
 * Reads NEO4J_PORT (7687), NEO4J_DATA_DIR (./data/neo4j), NEO4J_PASSWORD (as docker-compose.yml),
 * NEO4J_HEAP (1g).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const NEO4J_VERSION = /<neo4j\.version>([^<]+)</.exec(fs.readFileSync(path.join(here, 'pom.xml'), 'utf8'))![1]!;
const classpathFile = path.join(here, 'target', 'classpath.txt');
const classesDir = path.join(here, 'target', 'classes');

function has(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.status === 0;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!has('java', ['-version']) || !has('mvn', ['-v'])) {
  fail(
    'npm run neo4j needs Java 17+ and Maven 3.8+ (Debian: apt-get install openjdk-17-jdk-headless maven). ' +
      'Without them, run Neo4j 5 with Docker instead: docker compose up -d',
  );
}

/** The launcher needs (re)building when it was never built or its sources changed since. */
function needsBuild(): boolean {
  if (!fs.existsSync(classpathFile) || !fs.existsSync(path.join(classesDir, 'rolepath', 'Neo4jLauncher.class'))) return true;
  const built = fs.statSync(classpathFile).mtimeMs;
  const sources = [path.join(here, 'pom.xml'), path.join(here, 'src', 'main', 'java', 'rolepath', 'Neo4jLauncher.java')];
  const cp = fs.readFileSync(classpathFile, 'utf8').split(path.delimiter);
  return sources.some((s) => fs.statSync(s).mtimeMs > built) || cp.some((jar) => jar && !fs.existsSync(jar));
}

if (needsBuild()) {
  const cached = fs.existsSync(path.join(os.homedir(), '.m2', 'repository', 'org', 'neo4j', 'neo4j', NEO4J_VERSION));
  if (!cached) {
    console.log(`First run: downloading Neo4j ${NEO4J_VERSION} Community and its dependencies from Maven Central (about 130 MB, once; later runs start from the local Maven cache)…`);
  } else {
    console.log(`Building the Neo4j ${NEO4J_VERSION} launcher…`);
  }
  // Batch mode prints one "Downloaded …" line per jar: that is the progress on a first run.
  const args = ['-B', ...(cached ? ['-q'] : []), '-f', path.join(here, 'pom.xml'), 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`];
  const build = spawnSync('mvn', args, { stdio: 'inherit' });
  if (build.status !== 0) fail(`Building the Neo4j launcher failed (mvn exit ${build.status}); see the Maven output above.`);
  // Maven leaves an unchanged classpath file as it was: mark this build so the next start skips it.
  const now = new Date();
  fs.utimesSync(classpathFile, now, now);
}

const classpath = [classesDir, fs.readFileSync(classpathFile, 'utf8').trim()].join(path.delimiter);
const heap = process.env.NEO4J_HEAP ?? '1g';
// stdin is a pipe from this process: when it ends (this process killed, even with SIGKILL), Java stops too.
const child = spawn('java', [`-Xms256m`, `-Xmx${heap}`, '-XX:+UseG1GC', '-cp', classpath, 'rolepath.Neo4jLauncher'], {
  stdio: ['pipe', 'inherit', 'inherit'],
  env: { ...process.env, NEO4J_EXIT_WITH_PARENT: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill('SIGTERM'));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGTERM' ? 0 : 1)));
