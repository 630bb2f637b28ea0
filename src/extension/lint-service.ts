import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { core } from './core';
import type { FixJob, LintJob, LintOutcome } from './lint-job';

/**
 * How long one lint or fix-all may take in the worker before it is stopped. The slowest
 * deck within the input and slide budgets lints in about 4 s on a loaded two-core machine
 * (`npm run bench`, adversarial decks); a deck past this is reported, not waited for.
 */
export const LINT_TIME_BUDGET_MS = 15_000;
const WORKER_IDLE_MS = 60_000;

/** A lint or fix stopped because it ran past the time budget (the worker was stopped with it). */
export class LintStoppedError extends Error {
  constructor(readonly budgetMs: number) {
    super(`lint stopped: over budget (more than ${budgetMs / 1000} s)`);
    this.name = 'LintStoppedError';
  }
}

type Request = { id: number; job: LintJob } | { id: number; fix: FixJob };
type Reply = { id: number; outcome?: LintOutcome; text?: string; error?: string };

interface Queued {
  request: Request;
  resolve(reply: Reply): void;
  reject(error: Error): void;
}

/**
 * Lints and fixes decks in a worker thread, every deck whatever its size, so the extension
 * host never runs the parser on an author's text: typing stays smooth and a hostile deck
 * cannot freeze the editor. One job at a time, each with a time budget; a job over budget
 * stops the worker (the next job starts a new one) and fails with {@link LintStoppedError}.
 * Only when the worker script cannot be found (a broken install) does the work run in process.
 */
export class LintService implements vscode.Disposable {
  private worker: Worker | undefined;
  private workerMissing = false;
  private nextId = 1;
  private readonly queue: Queued[] = [];
  private running: (Queued & { timer: ReturnType<typeof setTimeout> }) | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** How many jobs went to the worker, and how many ran in process (a broken install only): for tests. */
  workerJobs = 0;
  inProcessJobs = 0;
  /** The time budget of each job; tests lower it to see a job stopped. */
  timeBudgetMs = LINT_TIME_BUDGET_MS;

  constructor(private readonly extensionPath: string) {}

  async lint(job: LintJob): Promise<LintOutcome> {
    if (this.workerMissing) {
      this.inProcessJobs++;
      return core().runLintJob(job);
    }
    const reply = await this.send({ id: this.nextId++, job });
    return reply.outcome!;
  }

  /** The deck with every fix applied, repeated until nothing more is fixable (`isdeck lint --fix`). */
  async fix(job: FixJob): Promise<string> {
    if (this.workerMissing) {
      this.inProcessJobs++;
      return core().runFixJob(job);
    }
    const reply = await this.send({ id: this.nextId++, fix: job });
    return reply.text!;
  }

  /** Drops what is kept for an edited document (its incremental parser) once it is closed. */
  forget(key: string): void {
    if (this.workerMissing) core().forgetLintState(key);
    this.worker?.postMessage({ id: 0, forget: key });
  }

  private send(request: Request): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.startNext();
    });
  }

  private startNext(): void {
    if (this.running) return;
    const next = this.queue.shift();
    if (!next) return this.touch();
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (error) {
      next.reject(error instanceof Error ? error : new Error(String(error)));
      return this.startNext();
    }
    const timer = setTimeout(() => this.stop(new LintStoppedError(this.timeBudgetMs)), this.timeBudgetMs);
    this.running = { ...next, timer };
    this.workerJobs++;
    worker.postMessage(next.request);
  }

  private finish(settle: (job: Queued) => void): void {
    const job = this.running;
    if (!job) return;
    clearTimeout(job.timer);
    this.running = undefined;
    settle(job);
    this.startNext();
  }

  /** Ends the running job with `error` and stops its worker (a new one starts for the next job). */
  private stop(error: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.finish((job) => job.reject(error));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const script = join(this.extensionPath, 'dist', 'lint-worker.js');
    if (!existsSync(script)) {
      this.workerMissing = true;
      throw new Error(`${script} is missing: decks are linted in the extension host`);
    }
    const worker = new Worker(script);
    worker.unref();
    worker.on('message', (reply: Reply) => {
      if (this.worker !== worker || reply.id !== this.running?.request.id) return;
      this.finish((job) => (reply.error === undefined ? job.resolve(reply) : job.reject(new Error(reply.error))));
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.stop(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.stop(new Error(`lint worker exited with ${code}`));
    });
    this.worker = worker;
    return worker;
  }

  /** Stops an idle worker after a minute; the next deck starts another. */
  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.running || this.queue.length > 0) return;
      const worker = this.worker;
      this.worker = undefined;
      void worker?.terminate();
    }, WORKER_IDLE_MS);
    this.idleTimer.unref?.();
  }

  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.stop(new Error('the extension is shutting down'));
    for (const job of this.queue.splice(0)) job.reject(new Error('the extension is shutting down'));
  }
}
