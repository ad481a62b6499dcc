/**
 * A small pool of Kùzu query sandboxes (child processes, see sandbox-child.ts)
 * that run user Cypher read-only against a copy of the real database, each run
 * under a hard time limit: when it is reached the child is killed (SIGKILL),
 * the run fails as `timeout`, and a fresh child is started in the background.
 * The server's own connections never run user Cypher, so they keep serving.
 *
 * Each child runs under an OS memory limit (sandbox-process.ts): an allocation
 * past it fails the run as `resources`, and a child that dies of it is
 * replaced. So the worst case of user Cypher is memoryBytes × workers (plus the
 * shared program code of each child, ~60 MB resident).
 *
 * Copies are refreshed lazily when the data version moves (sandbox-copies.ts).
 *
 * Nothing outlives the server: `close()` kills the children and removes the
 * copies; if the process exits without it (a forced exit), an exit hook kills
 * the children and removes the copies synchronously; a child whose parent died
 * (SIGKILL) kills itself (sandbox-child.ts); and copies left by a server that
 * died anyway are removed at the next start (removeStaleSandboxDirs). The copy
 * directory names the server's pid (`rolepath-sandbox-<pid>-…`) for that.
 */
import { CypherRunError, DEFAULT_RESULT_BYTES, type QueryParams, type ReadOnlyResult, type ReadOnlyRunOptions } from '../query-types.js';
import { SandboxCopies } from './sandbox-copies.js';
import { memoryLimitApplies, SandboxProcess, warnIfNoMemoryLimit } from './sandbox-process.js';

/** Options for the sandbox pool. */
export interface SandboxPoolOptions {
  /** Writes `EXPORT DATABASE` output of the real database into `dir` (which must not exist yet). */
  exportTo: (dir: string) => Promise<void>;
  /** The real database's data version: when it changes, the next run works on a fresh copy. */
  version: () => number;
  /** Child processes, i.e. user queries that can run at the same time (default 2). */
  workers?: number;
  /**
   * OS memory limit of each child in bytes (RLIMIT_DATA; default 1 GiB, 0 = none). It must hold
   * Node (~100 MB), Kùzu's fixed 256 MiB temporary-page region, the copy of the graph and the query.
   */
  memoryBytes?: number;
  /** Kùzu buffer pool of each copy (default a quarter of memoryBytes, at most 256 MiB): a query needing more fails as `resources`. */
  bufferPoolBytes?: number;
  /** Longest wait for a free sandbox (including starting one) before a run fails as `unavailable` (default 30 s). */
  queueTimeoutMs?: number;
}

interface Job {
  cypher: string;
  params: QueryParams;
  options: ReadOnlyRunOptions;
  resolve: (r: ReadOnlyResult) => void;
  reject: (e: unknown) => void;
  queueTimer: NodeJS.Timeout;
}

/** The default memory limit of each sandbox child (QUERY_MEMORY_MB's default). */
export const DEFAULT_SANDBOX_MEMORY_BYTES = 1024 * 1024 * 1024;

/** Pools of this process not yet closed, for the exit hook. */
const livePools = new Set<KuzuSandboxPool>();
let exitHooked = false;

export class KuzuSandboxPool {
  private readonly workers: number;
  private readonly memoryBytes: number;
  private readonly bufferPoolBytes: number;
  private readonly queueTimeoutMs: number;
  private readonly sandboxes: SandboxProcess[] = [];
  private readonly queue: Job[] = [];
  private readonly copies: SandboxCopies;
  private seq = 0;
  private closed = false;

  constructor(private readonly options: SandboxPoolOptions) {
    this.workers = Math.max(1, options.workers ?? 2);
    this.memoryBytes = Math.max(0, options.memoryBytes ?? DEFAULT_SANDBOX_MEMORY_BYTES);
    this.bufferPoolBytes =
      options.bufferPoolBytes ?? (this.memoryBytes > 0 ? Math.min(256 * 1024 * 1024, Math.floor(this.memoryBytes / 4)) : 256 * 1024 * 1024);
    warnIfNoMemoryLimit(this.memoryBytes);
    this.copies = new SandboxCopies(options.exportTo, options.version);
    this.queueTimeoutMs = options.queueTimeoutMs ?? 30_000;
    livePools.add(this);
    if (!exitHooked) {
      exitHooked = true;
      process.on('exit', () => {
        for (const pool of livePools) pool.killNow();
      });
    }
  }

  /** Synchronously kills every child and removes the copies (the process is exiting without close()). */
  private killNow(): void {
    this.closed = true;
    for (const s of this.sandboxes) s.stopNow();
    this.copies.removeAllNow();
  }

  /** Starts every sandbox and loads the graph into each; resolves when they are ready (or failed). */
  async warmUp(): Promise<void> {
    this.fill();
    await Promise.all(this.sandboxes.map((s) => s.warmed));
  }

  /** Process ids of the live sandboxes (for tests and diagnostics). */
  pids(): number[] {
    return this.sandboxes.map((s) => s.child.pid ?? -1);
  }

  /** Runs `cypher` read-only in a sandbox. @throws CypherRunError */
  run(cypher: string, params: QueryParams, options: ReadOnlyRunOptions): Promise<ReadOnlyResult> {
    if (this.closed) return Promise.reject(new CypherRunError('unavailable', 'The query sandbox is shut down.'));
    return new Promise<ReadOnlyResult>((resolve, reject) => {
      const job: Job = {
        cypher,
        params,
        options,
        resolve,
        reject,
        queueTimer: setTimeout(() => {
          const i = this.queue.indexOf(job);
          if (i < 0) return;
          this.queue.splice(i, 1);
          reject(new CypherRunError('unavailable', `Every query sandbox stayed busy for ${this.queueTimeoutMs} ms. Try again shortly.`));
        }, this.queueTimeoutMs),
      };
      this.queue.push(job);
      this.pump();
    });
  }

  /** Kills every sandbox and removes the copies. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    livePools.delete(this);
    this.failQueued(new CypherRunError('unavailable', 'The query was not run: the server is shutting down.'));
    await Promise.all([...this.sandboxes].map((s) => this.kill(s)));
    await this.copies.removeAll();
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const sandbox = this.sandboxes.find((s) => s.state === 'idle');
      if (!sandbox) {
        // Start as many sandboxes as runs are waiting (up to `workers`), counting those already starting.
        const starting = this.sandboxes.filter((s) => s.warming).length;
        for (let n = Math.min(this.queue.length - starting, this.workers - this.sandboxes.length); n > 0; n--) this.spawn();
        return;
      }
      const job = this.queue.shift()!;
      clearTimeout(job.queueTimer);
      sandbox.state = 'busy';
      void this.dispatch(sandbox, job);
    }
  }

  private async dispatch(sandbox: SandboxProcess, job: Job): Promise<void> {
    try {
      await this.ensureLoaded(sandbox);
      job.resolve(await this.execute(sandbox, job));
    } catch (err) {
      job.reject(err);
    } finally {
      if (sandbox.state === 'busy') sandbox.state = 'idle';
      this.pump();
    }
  }

  /** Sends one run and waits for its answer, killing the child at the time limit. */
  private execute(sandbox: SandboxProcess, job: Job): Promise<ReadOnlyResult> {
    const { timeoutMs, rowLimit, resultBytes = DEFAULT_RESULT_BYTES } = job.options;
    const id = ++this.seq;
    return new Promise<ReadOnlyResult>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        sandbox.onMessage = null;
        sandbox.onExit = null;
      };
      const timer = setTimeout(() => {
        done();
        reject(new CypherRunError('timeout', `The query was stopped after ${timeoutMs} ms (the time limit).`));
        // A fresh sandbox takes its place at once, so the next run does not wait for it.
        void this.kill(sandbox).then(() => {
          if (!this.closed && this.sandboxes.length < this.workers) this.spawn();
        });
      }, timeoutMs);
      sandbox.onMessage = (msg) => {
        if (msg.type === 'result' && msg.id === id) {
          done();
          resolve(msg.result);
        } else if (msg.type === 'error' && msg.id === id) {
          done();
          reject(new CypherRunError(msg.kind, msg.message, msg.position));
        }
      };
      sandbox.onExit = () => {
        done();
        // Under a memory limit a child dies mid-run when V8 cannot grow past it; a fresh one takes its place.
        if (!this.closed && this.sandboxes.length < this.workers) this.spawn();
        reject(
          this.closed
            ? new CypherRunError('unavailable', 'The query was stopped: the server is shutting down.')
            : memoryLimitApplies(this.memoryBytes)
            ? new CypherRunError(
                'resources',
                `The query sandbox stopped while running the query, at its memory limit of ${Math.round(this.memoryBytes / 1048576)} MiB (QUERY_MEMORY_MB).`,
              )
            : new CypherRunError('unavailable', 'The query sandbox stopped unexpectedly while running the query.'),
        );
      };
      sandbox.send({ type: 'run', id, cypher: job.cypher, params: job.params, rowLimit, resultBytes, timeoutMs });
    });
  }

  private async ensureLoaded(sandbox: SandboxProcess): Promise<void> {
    const copy = await this.copies.current();
    if (sandbox.loaded === copy) return;
    this.copies.hold(copy);
    try {
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          sandbox.onMessage = null;
          sandbox.onExit = null;
        };
        sandbox.onMessage = (msg) => {
          if (msg.type === 'loaded') {
            done();
            resolve();
          } else if (msg.type === 'load-failed') {
            done();
            const hint = memoryLimitApplies(this.memoryBytes) && /bad_alloc|mmap|allocate|memory/i.test(msg.message) ? ` (raise QUERY_MEMORY_MB, now ${Math.round(this.memoryBytes / 1048576)} MiB)` : '';
            reject(new CypherRunError('unavailable', `The query sandbox could not load the graph: ${msg.message}${hint}`));
          }
        };
        sandbox.onExit = () => {
          done();
          reject(new CypherRunError('unavailable', 'The query sandbox stopped while loading the graph.'));
        };
        sandbox.send({
          type: 'load',
          exportDir: copy.dir,
          dbDir: this.copies.newPath(`copy-${sandbox.n}`),
          bufferPoolBytes: this.bufferPoolBytes,
          maxDbBytes: copy.maxDbBytes,
          memoryBytes: memoryLimitApplies(this.memoryBytes) ? this.memoryBytes : 0,
        });
      });
      sandbox.loaded = copy;
    } catch (err) {
      void this.kill(sandbox);
      throw err;
    } finally {
      this.copies.release(copy);
    }
  }

  private failQueued(err: unknown): void {
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.queueTimer);
      job.reject(err);
    }
  }

  /** Starts sandboxes until there are `workers` of them; each loads the graph before taking runs. */
  private fill(): void {
    while (!this.closed && this.sandboxes.length < this.workers) this.spawn();
  }

  private spawn(): SandboxProcess {
    const sandbox = new SandboxProcess(++this.seq, this.memoryBytes, {
      ready: (started) => {
        // Load the graph before taking runs: that is what the first run would do anyway.
        started.state = 'busy';
        this.ensureLoaded(started)
          // Runs waiting for a sandbox would fail the same way: tell them now rather than start more.
          .catch((err: unknown) => this.failQueued(err))
          .finally(() => {
            if (started.state === 'busy') started.state = 'idle';
            started.markWarm();
            this.pump();
          });
      },
      gone: (dead, why, neverStarted) => {
        this.retire(dead);
        // A sandbox that cannot even start will not start on a retry either: fail the waiting runs now.
        if (neverStarted && !this.closed) this.failQueued(new CypherRunError('unavailable', `The query sandbox could not start (${why}).`));
      },
    });
    this.sandboxes.push(sandbox);
    return sandbox;
  }

  /** Takes a sandbox out of service (idempotent): out of the list first, so a run failing with it may start a replacement. */
  private retire(sandbox: SandboxProcess): void {
    if (sandbox.state === 'dead') return;
    const i = this.sandboxes.indexOf(sandbox);
    if (i >= 0) this.sandboxes.splice(i, 1);
    sandbox.retire();
  }

  private async kill(sandbox: SandboxProcess): Promise<void> {
    this.retire(sandbox);
    await sandbox.stop();
  }
}
