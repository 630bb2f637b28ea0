/**
 * The extension's mocha suite, run inside a real VS Code extension host: by @vscode/test-electron
 * where VS Code can be downloaded, else by scripts/vscode-test.mjs in code-server. Both load this
 * bundle (dist/vscode-test/index.js) and call `run()`.
 */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  // The test files register their suites when required, after mocha has set up its context.
  mocha.suite.emit('pre-require', globalThis, 'isdeck-vscode-suite', mocha);
  /* eslint-disable @typescript-eslint/no-require-imports -- an import would run before the pre-require event above */
  require('./extension.suite');
  require('./commands.suite');
  require('./rendered.suite');
  require('./editor.suite');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
