import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * Whether a test that did not run was stopped by a failure around it: a `beforeAll` that threw
 * (a missing program under CI=true, a browser that would not start) or a file that failed
 * to load. vitest marks such tests skipped; they count as failed.
 */
function stoppedByFailure(test: TestCase): boolean {
  for (let parent = test.parent; ; parent = parent.parent) {
    if (parent.state() === 'failed') return true;
    if (parent.type === 'module') return false;
  }
}

/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, after vitest's own report,
 * so a CI log read line by line has the counts in the common form.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed' || stoppedByFailure(test)) counts.failed++;
        else counts.skipped++;
      }
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
