/** The lint worker thread: every lint and fix-all of the editor runs here, off the extension host's event loop. */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { Core } from './core';
import type { FixJob, LintJob } from './lint-job';

interface Request {
  id: number;
  job?: LintJob;
  fix?: FixJob;
  forget?: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the core bundle beside this one, by a path known at run time
const core = require(join(__dirname, 'core.js')) as Core;

parentPort?.on('message', (request: Request) => {
  if (request.forget) {
    core.forgetLintState(request.forget);
    return;
  }
  try {
    if (request.fix) parentPort!.postMessage({ id: request.id, text: core.runFixJob(request.fix) });
    else parentPort!.postMessage({ id: request.id, outcome: core.runLintJob(request.job!) });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
