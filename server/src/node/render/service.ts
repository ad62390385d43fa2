/**
 * The language server's side of the render worker: one child process,
 * started on the first request, answering one request at a time. Whatever
 * the worker does (crash, hang, garbage on the channel), the caller gets a
 * `RenderResponse` and the server goes on: a hung render is killed after
 * the timeout, a crashed worker is started again for the next request.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import type { RenderRequest, RenderResponse } from './protocol';
import type { WorkerReply } from './worker';

export interface RenderServiceOptions {
  /** The worker script (`dist/renderWorker.mjs` beside the server bundle). */
  workerPath: string;
  /** How long one render may take before the worker is killed. */
  timeoutMs?: number;
  /** A worker idle this long is stopped, to give its memory back; started again when asked. */
  idleMs?: number;
  /** One line for the log: a worker that stopped, what it wrote to stderr. */
  log?: (line: string) => void;
}

export const DEFAULT_RENDER_TIMEOUT_MS = 60_000;
const DEFAULT_IDLE_MS = 10 * 60_000;
/** The worker's stderr kept for the message when it stops. */
const STDERR_TAIL = 2000;

interface Job {
  request: RenderRequest;
  /** Page checks of one document: a newer one replaces this one while it waits. */
  key?: string;
  resolve(response: RenderResponse | undefined): void;
}

interface Running {
  job: Job;
  id: number;
  timer: NodeJS.Timeout;
}

export class RenderService {
  private worker: ChildProcess | undefined;
  private readonly queue: Job[] = [];
  private running: Running | undefined;
  private nextId = 0;
  private stderr = '';
  private idleTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly timeoutMs: number;
  private readonly idleMs: number;
  private readonly log: (line: string) => void;

  constructor(private readonly options: RenderServiceOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.log = options.log ?? (() => {});
  }

  /** A render someone asked for: answered, never dropped. */
  render(request: RenderRequest): Promise<RenderResponse> {
    return new Promise((resolve) =>
      this.enqueue({ request, resolve: (response) => resolve(response ?? failed('the render was dropped')) }),
    );
  }

  /**
   * Page checks for `key` (a document): a newer call for the same key
   * replaces this one while it waits, and this one answers undefined.
   */
  check(key: string, request: RenderRequest): Promise<RenderResponse | undefined> {
    return new Promise((resolve) => {
      const older = this.queue.findIndex((job) => job.key === key);
      if (older !== -1) this.queue.splice(older, 1)[0]?.resolve(undefined);
      this.enqueue({ request, key, resolve });
    });
  }

  /** Stops the worker; what is running or waiting answers `failed`. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    const running = this.running;
    this.running = undefined;
    if (running) {
      clearTimeout(running.timer);
      running.job.resolve(failed('the renderer was stopped'));
    }
    for (const job of this.queue.splice(0)) job.resolve(failed('the renderer was stopped'));
    this.stopWorker();
  }

  private enqueue(job: Job): void {
    if (this.disposed) {
      job.resolve(failed('the renderer was stopped'));
      return;
    }
    // A render someone waits for (a preview page, an export) goes before page checks still waiting.
    const firstCheck = job.key === undefined ? this.queue.findIndex((waiting) => waiting.key !== undefined) : -1;
    if (firstCheck === -1) this.queue.push(job);
    else this.queue.splice(firstCheck, 0, job);
    this.next();
  }

  private next(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) {
      this.startIdleTimer();
      return;
    }
    clearTimeout(this.idleTimer);
    const worker = this.workerForJob();
    if (!worker) {
      job.resolve({
        ok: false,
        reason: 'unavailable',
        message: `the renderer is not part of this build (${this.options.workerPath} is missing)`,
        findings: [],
      });
      this.next();
      return;
    }
    const id = ++this.nextId;
    const timer = setTimeout(() => this.timedOut(id), this.timeoutMs);
    this.running = { job, id, timer };
    try {
      worker.send({ id, request: job.request }, (error) => {
        if (error) this.finish(id, failed(`the request could not be sent to the renderer: ${error.message}`), true);
      });
    } catch (error) {
      this.finish(id, failed(`the request could not be sent to the renderer: ${messageOf(error)}`), true);
    }
  }

  /** The worker, started if it is not running; undefined when this build has none. */
  private workerForJob(): ChildProcess | undefined {
    if (this.worker) return this.worker;
    if (!fs.existsSync(this.options.workerPath)) return undefined;
    this.stderr = '';
    // Its own stdout, never the server's: the server's stdout carries the protocol.
    const worker = fork(this.options.workerPath, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Not the server's flags: `--inspect` would fight over the port.
      execArgv: [],
    });
    this.worker = worker;
    worker.stdout?.on('data', (chunk: Buffer) => this.log(`renderer: ${chunk.toString('utf8').trimEnd()}`));
    worker.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    worker.on('message', (message: unknown) => this.replied(worker, message));
    worker.on('error', (error) => {
      this.log(`The renderer failed: ${error.message}`);
      this.workerGone(worker, error.message);
    });
    worker.on('exit', (code, signal) => this.workerGone(worker, signal ? `signal ${signal}` : `exit code ${String(code)}`));
    return worker;
  }

  private replied(worker: ChildProcess, message: unknown): void {
    if (worker !== this.worker || !this.running) return;
    const reply = message as Partial<WorkerReply> | null;
    if (typeof reply !== 'object' || reply === null || reply.id !== this.running.id) return;
    const response = reply.response;
    if (typeof response !== 'object' || response === null || typeof response.ok !== 'boolean') {
      this.finish(this.running.id, failed('the renderer answered something that is not a render response'), true);
      return;
    }
    this.finish(this.running.id, response);
  }

  private timedOut(id: number): void {
    this.finish(id, failed(`the render took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped`), true);
  }

  /** The worker exited or could not start: what was running answers `failed`, and the next request starts a new one. */
  private workerGone(worker: ChildProcess, reason: string): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    const stderr = this.stderr.trim();
    if (this.running) {
      this.log(`The renderer stopped (${reason}) during a render${stderr ? `: ${stderr}` : ''}`);
      this.finish(this.running.id, failed(`the renderer stopped (${reason})`));
    }
  }

  private finish(id: number, response: RenderResponse, restart = false): void {
    const running = this.running;
    if (!running || running.id !== id) return;
    clearTimeout(running.timer);
    this.running = undefined;
    if (restart) this.stopWorker();
    running.job.resolve(response);
    this.next();
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    worker.removeAllListeners('message');
    // Its exit is no news: it was asked to go. An 'error' after this (a send into a closed channel) is ignored too.
    worker.removeAllListeners('exit');
    worker.on('error', () => {});
    if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  }

  private startIdleTimer(): void {
    clearTimeout(this.idleTimer);
    if (!this.worker) return;
    this.idleTimer = setTimeout(() => {
      if (!this.running && this.queue.length === 0) this.stopWorker();
    }, this.idleMs);
    this.idleTimer.unref();
  }
}

function failed(message: string): RenderResponse {
  return { ok: false, reason: 'failed', message, findings: [] };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
