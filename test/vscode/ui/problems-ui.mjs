// The UI test through the workbench (Playwright): open a bad deck from the Explorer, see the
// error squiggle in the editor and the rows in the Problems panel, save a screenshot into
// .cache/vscode-test/extension-problems.png (and into docs/images/ with
// ISDECK_UPDATE_DOC_IMAGES=1, so a test run leaves the tree clean). Called by scripts/vscode-test.mjs with a running
// code-server (the VSIX installed) and a headless Chromium context.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const TIMEOUT = 60_000;

export async function runUiTest({ context, port, workspace, root, log }) {
  const page = await context.newPage();
  const screenshot =
    process.env.ISDECK_UPDATE_DOC_IMAGES === '1'
      ? join(root, 'docs', 'images', 'extension-problems.png')
      : join(root, '.cache', 'vscode-test', 'extension-problems.png');
  const failureShot = join(root, '.cache', 'vscode-test', 'ui-failure.png');
  try {
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });

    // The Explorer lists the workspace; open the bad deck from it.
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^bad-deck\.md$/ }).first();
    await row.waitFor({ timeout: TIMEOUT });
    await row.click();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ timeout: TIMEOUT });
    log('UI: bad-deck.md is open');

    // The squiggles: errors (front-matter, unknown slide type) and warnings (UK spelling).
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: TIMEOUT });
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: TIMEOUT });
    const errors = await page.locator('.monaco-editor .squiggly-error').count();
    log(`UI: ${errors} error squiggle(s) drawn`);

    // The Problems panel, with a row per diagnostic.
    await page.locator('.monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel .monaco-list-row');
    try {
      await problems.first().waitFor({ timeout: 10_000 });
    } catch {
      await page.keyboard.press('F1');
      await page.keyboard.type('View: Focus on Problems View');
      await page.keyboard.press('Enter');
      await problems.first().waitFor({ timeout: TIMEOUT });
    }
    const unknownType = page.locator('.markers-panel .monaco-list-row', { hasText: 'Unknown slide type `discusion`' });
    await unknownType.first().waitFor({ timeout: TIMEOUT });
    const ruleLink = page.locator('.markers-panel .monaco-list-row', { hasText: 'unknown-slide-type' });
    await ruleLink.first().waitFor({ timeout: TIMEOUT });
    const rows = await problems.count();
    log(`UI: the Problems panel shows ${rows} row(s), among them "Unknown slide type \`discusion\`" (unknown-slide-type)`);

    // Back to the top of the deck, so the screenshot shows every squiggle.
    await page.locator('.monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+Home');
    await page.waitForTimeout(500);
    mkdirSync(join(root, 'docs', 'images'), { recursive: true });
    await page.screenshot({ path: screenshot });
    log(`UI: screenshot saved to ${screenshot}`);
    return 0;
  } catch (error) {
    mkdirSync(join(root, '.cache', 'vscode-test'), { recursive: true });
    await page.screenshot({ path: failureShot }).catch(() => {});
    log(`UI: failed (${error.message}); screenshot of the failure: ${failureShot}`);
    return 1;
  } finally {
    await page.close().catch(() => {});
  }
}
