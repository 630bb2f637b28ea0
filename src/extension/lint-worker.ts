/** The lint worker thread: large decks are linted here, off the extension host's event loop. */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { Core } from './core';
import type { LintJob } from './lint-job';

interface Request {
  id: number;
  job?: LintJob;
  forget?: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = require(join(__dirname, 'core.js')) as Core;

parentPort?.on('message', (request: Request) => {
  if (request.forget) {
    core.forgetLintState(request.forget);
    return;
  }
  try {
    parentPort!.postMessage({ id: request.id, outcome: core.runLintJob(request.job!) });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
