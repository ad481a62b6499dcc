/**
 * One query sandbox: a child process (sandbox-child.ts) started under the OS
 * memory limit, and the parent's view of it (its state, the copy it loaded,
 * who is waiting for its next message). The pool (sandbox-pool.ts) decides
 * what it runs; the messages are in sandbox-protocol.ts.
 *
 * Memory is bounded by the OS, not by trust in the engine: Kùzu's buffer pool
 * and V8's heap limit do not bound what a query allocates natively
 * (`UNWIND range(1,200000000) AS x RETURN sum(x)` reached 3.3 GB). Each child
 * is started under `prlimit --data=<memoryBytes>` (RLIMIT_DATA: heap, anonymous
 * mappings and thread stacks, i.e. everything a query can grow), so an
 * allocation past the limit fails inside the child: Kùzu answers
 * `std::bad_alloc` (a `resources` error naming the limit) or, in V8, the child
 * dies. RLIMIT_DATA rather than RLIMIT_AS: Node reserves ~0.75 GB of address
 * space it never touches, which RLIMIT_AS would charge. Where `prlimit`
 * (util-linux) is missing the children run without an OS limit and a warning says so.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GraphCopy } from './sandbox-copies.js';
import type { FromChild, ToChild } from './sandbox-protocol.js';

const here = fileURLToPath(import.meta.url);
const CHILD = path.join(path.dirname(here), `sandbox-child${path.extname(here)}`);
/** Running from TypeScript sources (tsx, vitest): the child needs tsx's loader too. */
const EXEC_ARGV = [
  ...(path.extname(here) === '.ts' ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : []),
  '--max-old-space-size=256',
];

/** util-linux's prlimit, to start a child under a memory limit; null when this system has none. */
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit', '/usr/local/bin/prlimit'].find((p) => existsSync(p)) ?? null;
let warnedNoPrlimit = false;
/**
 * RLIMIT_STACK of a child: glibc gives every new thread a stack of this size, and thread
 * stacks count against RLIMIT_DATA (8 MiB each by default, with a Kùzu thread per core).
 */
const THREAD_STACK_BYTES = 2 * 1024 * 1024;

/** Whether children asked to stay under `memoryBytes` (0 = no limit) actually get an OS limit. */
export function memoryLimitApplies(memoryBytes: number): boolean {
  return memoryBytes > 0 && PRLIMIT !== null;
}

/** Warns once per process when a memory limit was asked for but this system cannot apply it. */
export function warnIfNoMemoryLimit(memoryBytes: number): void {
  if (memoryBytes > 0 && !PRLIMIT && !warnedNoPrlimit) {
    warnedNoPrlimit = true;
    process.emitWarning('prlimit (util-linux) was not found: Kùzu query sandboxes run without an OS memory limit.', 'RolepathWarning');
  }
}

/** What the pool is told about a sandbox's life. */
export interface SandboxEvents {
  /** The child started and waits for its first message. */
  ready(sandbox: SandboxProcess): void;
  /** The child exited or could not be started; `neverStarted` when it never said it was ready. */
  gone(sandbox: SandboxProcess, why: string, neverStarted: boolean): void;
}

export class SandboxProcess {
  readonly child: ChildProcess;
  state: 'starting' | 'idle' | 'busy' | 'dead' = 'starting';
  /** The copy of the graph it has loaded. */
  loaded: GraphCopy | null = null;
  /** Receives the next message from the child (one request at a time). */
  onMessage: ((msg: FromChild) => void) | null = null;
  /** Told when the child exits while a request is out. */
  onExit: (() => void) | null = null;
  /** Settles when the child has exited. */
  readonly exited: Promise<void>;
  /** Settles when the sandbox has started and loaded the graph (or died trying). */
  readonly warmed: Promise<void>;
  /** Until `warmed` settles. */
  warming = true;
  private resolveWarmed!: () => void;

  constructor(
    /** Tells this sandbox's copy directories apart. */
    readonly n: number,
    memoryBytes: number,
    events: SandboxEvents,
  ) {
    // Under the memory limit: prlimit sets RLIMIT_DATA, then execs Node in place (same pid, same IPC channel).
    const limited = memoryLimitApplies(memoryBytes);
    this.child = fork(CHILD, [], {
      ...(limited ? { execPath: PRLIMIT!, execArgv: [`--data=${memoryBytes}`, `--stack=${THREAD_STACK_BYTES}`, '--', process.execPath, ...EXEC_ARGV] } : { execArgv: EXEC_ARGV }),
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let exited!: () => void;
    this.exited = new Promise<void>((resolve) => (exited = resolve));
    this.warmed = new Promise<void>((resolve) => (this.resolveWarmed = resolve));
    this.child.on('message', (msg: FromChild) => {
      if (msg.type === 'ready' && this.state === 'starting') events.ready(this);
      else this.onMessage?.(msg);
    });
    const gone = (why: string) => {
      const neverStarted = this.state === 'starting';
      events.gone(this, why, neverStarted);
      this.markWarm();
      exited();
    };
    this.child.on('exit', (code, signal) => gone(signal ? `signal ${signal}` : `exit code ${code}`));
    this.child.on('error', (err) => gone(err.message));
  }

  /** It has loaded the graph, or given up: `warmed` settles. */
  markWarm(): void {
    this.warming = false;
    this.resolveWarmed();
  }

  /** Sends a message; a channel that fails counts as the child having exited. */
  send(msg: ToChild): void {
    this.child.send(msg, (err) => {
      if (err) this.onExit?.();
    });
  }

  /** Takes it out of service (idempotent): false when it already was; a request still out fails. */
  retire(): boolean {
    if (this.state === 'dead') return false;
    this.state = 'dead';
    this.onExit?.();
    return true;
  }

  /** Kills the child (SIGKILL) and resolves once it has exited. */
  async stop(): Promise<void> {
    this.retire();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Kills the child now, synchronously (the process is exiting). */
  stopNow(): void {
    try {
      this.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}
