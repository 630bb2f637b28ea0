import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { core } from './core';
import type { LintJob, LintOutcome } from './lint-job';
import { logError } from './util';

/** Decks longer than this (characters) are linted in the worker thread. */
export const WORKER_THRESHOLD = 40_000;
const WORKER_IDLE_MS = 60_000;

/**
 * Lints decks: small ones in process (after the debounce, so never on a keystroke), large ones
 * in a worker thread so typing stays smooth. Falls back to in-process linting if the worker
 * cannot start.
 */
export class LintService implements vscode.Disposable {
  private worker: Worker | undefined;
  private workerBroken = false;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(outcome: LintOutcome): void; reject(error: Error): void }>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** How many jobs went to the worker (for tests and the output channel). */
  workerJobs = 0;

  constructor(private readonly extensionPath: string) {}

  async lint(job: LintJob, options: { forceWorker?: boolean } = {}): Promise<LintOutcome> {
    if ((options.forceWorker || job.text.length > WORKER_THRESHOLD) && !this.workerBroken) {
      try {
        return await this.inWorker(job);
      } catch (error) {
        logError('lint worker', error);
      }
    }
    return core().runLintJob(job);
  }

  /** Drops what is kept for an edited document (its incremental parser) once it is closed. */
  forget(key: string): void {
    try {
      core().forgetLintState(key);
      this.worker?.postMessage({ id: 0, forget: key });
    } catch (error) {
      logError('lint forget', error);
    }
  }

  private inWorker(job: LintJob): Promise<LintOutcome> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    this.workerJobs++;
    this.touch();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const script = join(this.extensionPath, 'dist', 'lint-worker.js');
    if (!existsSync(script)) {
      this.workerBroken = true;
      throw new Error(`${script} is missing`);
    }
    const worker = new Worker(script);
    worker.unref();
    worker.on('message', (message: { id: number; outcome?: LintOutcome; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.outcome) waiting.resolve(message.outcome);
      else waiting.reject(new Error(message.error ?? 'lint worker failed'));
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
      this.worker = undefined;
    };
    worker.on('error', (error) => {
      this.workerBroken = true;
      fail(error);
    });
    worker.on('exit', (code) => fail(new Error(`lint worker exited with ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** Stops an idle worker after a minute; the next large deck starts another. */
  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size > 0) return this.touch();
      const worker = this.worker;
      this.worker = undefined;
      void worker?.terminate();
    }, WORKER_IDLE_MS);
    this.idleTimer.unref?.();
  }

  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
