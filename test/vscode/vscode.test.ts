/**
 * Runs the extension's mocha suite in a real VS Code (scripts/vscode-test.mjs: @vscode/test-electron
 * where VS Code can be downloaded, else code-server + headless Chromium) and the workbench UI
 * test, so `npm test` covers the extension. The first run installs the offline host into
 * .cache/vscode-test/ (a few minutes); later runs take about a minute.
 * ISDECK_SKIP_VSCODE_TEST=1 skips it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { browser, needTools } from '../helpers/tools';

const root = join(__dirname, '..', '..');
const skip = process.env.ISDECK_SKIP_VSCODE_TEST === '1';
// Headless Chromium opens the VS Code server's workbench (where VS Code cannot be downloaded).
const chromium = needTools(skip ? [] : [browser]);

describe.skipIf(skip || chromium.skip)('the extension in a real VS Code', () => {
  beforeAll(chromium.assertPresent);
  it('passes its mocha suite in the extension host and the workbench UI test', { timeout: 20 * 60_000 }, async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(root, 'scripts', 'vscode-test.mjs'), '--dist-built'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ code: exitCode, output }));
    });
    // The mocha report and the runner's summary, whatever the outcome.
    const report = output
      .split('\n')
      .filter((line) => /^\s*(✔|\d+\)|\d+ (passing|failing|pending))|^\s{2,}\S.*:$|\[vscode-test .*\] (summary|UI|mocha|done|error)|activation:|ISDECK|Error|expected|actual/.test(line))
      .join('\n');
    console.log(report);
    expect(code, output.slice(-4000)).toBe(0);
  });
});
