// The author's editor through the workbench (Playwright), as an author uses it: typing `is-`
// shows the house slides at once (no Ctrl+Space) and no word suggestions; accepting one puts
// the slide after the current one; a click on a slide in the preview moves the editor there;
// Export Deck… offers its formats and writes a PNG of the current slide; a rule link in the
// Problems panel opens the rule's page in a Markdown preview; the built-in Markdown preview
// draws the deck as house slides. Screenshots go to
// .cache/vscode-test/ (and docs/images/ with ISDECK_UPDATE_DOC_IMAGES=1). Called by
// scripts/vscode-test.mjs with a running code-server (the VSIX installed).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TIMEOUT = 60_000;
const HOUSE_SLIDES = ['is-cover', 'is-content', 'is-models', 'is-benefits-risks', 'is-statistics', 'is-chart', 'is-spectrum', 'is-discussion'];

/** Width and height of a PNG file, from its header. */
function pngSize(file) {
  const bytes = readFileSync(file);
  if (bytes.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

export async function runEditorUiTest({ context, port, workspace, root, log }) {
  const page = await context.newPage();
  const shots = process.env.ISDECK_UPDATE_DOC_IMAGES === '1' ? join(root, 'docs', 'images') : join(root, '.cache', 'vscode-test');
  mkdirSync(shots, { recursive: true });
  const shot = async (name) => {
    await page.screenshot({ path: join(shots, name) });
    log(`UI: screenshot saved to ${join(shots, name)}`);
  };
  // The text editor of the group in front (the preview may be beside it).
  const editorText = page.locator('.editor-group-container.active .monaco-editor textarea').first();
  // The palette lists the commands whose `when` holds as it opens, and does not update while
  // open: a deck command is absent until the extension host has set isdeck.activeDeck for the
  // editor just opened (seconds on a loaded machine). So it is opened again, as a user would.
  const command = async (title) => {
    const input = page.locator('.quick-input-widget input');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    for (const deadline = Date.now() + TIMEOUT; ; await page.keyboard.press('Escape')) {
      await page.keyboard.press('F1');
      await input.waitFor({ timeout: TIMEOUT });
      await input.fill(`>${title}`);
      const listed = await row.waitFor({ timeout: 5_000 }).then(() => true, () => false);
      if (listed) break;
      if (Date.now() > deadline) throw new Error(`the command palette does not list "${title}"`);
    }
    await page.keyboard.press('Enter');
  };
  const openFile = async (name) => {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${name.replace('.', '\\.')}$`) }).first();
    await row.waitFor({ timeout: TIMEOUT });
    await row.click();
    await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: TIMEOUT });
    await editorText.focus();
  };
  const goToLine = async (line) => {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ timeout: TIMEOUT });
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
  };
  const cursorLine = async () => Number(/Ln (\d+)/.exec((await page.locator('#status\\.editor\\.selection').textContent({ timeout: TIMEOUT })) ?? '')?.[1]);

  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });

    // 1. Typing `is-` under slide 2's bullets: the house slides appear at once, no words.
    await openFile('editor-deck.md');
    await page.locator('.statusbar-item', { hasText: '5 slides · 2 parts' }).first().waitFor({ timeout: TIMEOUT });
    await goToLine(24);
    await page.keyboard.type('is-', { delay: 60 });
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor({ timeout: TIMEOUT });
    const rows = widget.locator('.monaco-list-row');
    await rows.first().waitFor({ timeout: TIMEOUT });
    const labels = (await widget.locator('.monaco-list-row .label-name').allTextContents()).map((text) => text.trim());
    for (const slide of HOUSE_SLIDES.slice(0, 5)) if (!labels.includes(slide)) throw new Error(`"${slide}" is not offered while typing is-: ${JSON.stringify(labels)}`);
    if (labels.some((label) => /bn$|^\d/.test(label))) throw new Error(`word suggestions in the list: ${JSON.stringify(labels)}`);
    log(`UI: typing "is-" shows ${JSON.stringify(labels)}`);
    // The details: the slide's description and its Markdown.
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-details', { hasText: '<!-- _class: cover -->' }).waitFor({ timeout: TIMEOUT });
    await shot('extension-completion.png');
    await page.keyboard.type('mod', { delay: 60 });
    await widget.locator('.monaco-list-row.focused', { hasText: 'is-models' }).waitFor({ timeout: TIMEOUT });
    await page.locator('.suggest-details', { hasText: '<!-- _class: models -->' }).waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.locator('.view-line', { hasText: '<!-- _class: models -->' }).first().waitFor({ timeout: TIMEOUT });
    const line = await cursorLine();
    if (line !== 31) throw new Error(`the cursor is on line ${line} after accepting is-models, not on the new slide title (31)`);
    log('UI: accepting is-models put the slide after slide 2 and its notes (the cursor on its title, line 31)');
    await page.keyboard.press('Escape');
    await command('File: Revert File');

    // 2. The preview: a click on slide 5 moves the editor there.
    await goToLine(1);
    await command('Improvement Service: Preview Slides');
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const slides = preview.locator('svg[data-marpit-svg]');
    await slides.nth(4).waitFor({ timeout: TIMEOUT });
    await slides.nth(4).scrollIntoViewIfNeeded();
    await slides.nth(4).click();
    // The preview keeps the focus (click on, slide by slide); the editor's cursor line is marked.
    await page.locator('.editor-instance .line-numbers.active-line-number', { hasText: /^51$/ }).waitFor({ timeout: TIMEOUT });
    log('UI: a click on slide 5 in the preview put the cursor on its title (line 51)');
    await page.waitForTimeout(800);
    await shot('extension-preview.png');

    // Scrolling the preview to the first slide scrolls the editor to the deck's top.
    await slides.nth(0).evaluate((slide) => slide.scrollIntoView({ block: 'start' }));
    await page.locator('.editor-group-container .monaco-editor .line-numbers', { hasText: /^1$/ }).first().waitFor({ timeout: TIMEOUT });
    log('UI: scrolling the preview to slide 1 scrolled the editor to line 1');
    // The cursor on slide 3: the preview shows it at the top of the panel.
    await page.locator('.editor-group-container').first().locator('.view-lines').click();
    await goToLine(31);
    const top = async () => slides.nth(2).evaluate((slide) => Math.round(slide.getBoundingClientRect().top));
    for (const deadline = Date.now() + TIMEOUT; Math.abs(await top()) > 20; await page.waitForTimeout(200)) {
      if (Date.now() > deadline) throw new Error(`slide 3 is at ${await top()} px from the preview's top, not at the top`);
    }
    log(`UI: the cursor on slide 3: the preview shows slide 3 at its top (${await top()} px)`);

    // 3. Export Deck…: the picker, then a PNG of the current slide of a deck without errors.
    await openFile('export-deck.md');
    await goToLine(30);
    await command('Improvement Service: Export Deck');
    const picker = page.locator('.quick-input-list .monaco-list-row');
    await picker.filter({ hasText: 'PNG of the current slide' }).first().waitFor({ timeout: TIMEOUT });
    const formats = (await page.locator('.quick-input-list .monaco-list-row .label-name').allTextContents()).map((text) => text.trim());
    log(`UI: Export Deck… offers ${JSON.stringify(formats)}`);
    for (const format of ['PDF', 'PDF and notes handout', 'PowerPoint (PPTX)', 'HTML', 'Presentation (HTML)', 'PNG of the current slide', 'PNG of all slides']) {
      if (!formats.includes(format)) throw new Error(`Export Deck… does not offer "${format}": ${JSON.stringify(formats)}`);
    }
    await shot('extension-export.png');
    await page.locator('.quick-input-widget input').fill('PNG of the current');
    await page.keyboard.press('Enter');
    const png = join(workspace, 'export-deck.slide-02.png');
    for (const deadline = Date.now() + TIMEOUT; !existsSync(png); await page.waitForTimeout(250)) {
      if (Date.now() > deadline) throw new Error(`${png} was not written`);
    }
    const size = pngSize(png);
    if (size[0] !== 1280 || size[1] !== 720) throw new Error(`the PNG is ${size.join('×')}, not 1280×720`);
    log('UI: Export Deck… → PNG of the current slide wrote export-deck.slide-02.png, 1280×720');

    // 4. A rule link in the Problems panel opens the rule's page inside VS Code.
    await openFile('editor-deck.md');
    await editorText.focus();
    await page.keyboard.press('Control+Shift+M');
    const link = page.locator('.markers-panel .monaco-list-row a.monaco-link', { hasText: 'part-ends-with-discussion' }).first();
    await link.waitFor({ timeout: TIMEOUT });
    await link.click();
    await page.locator('.tabs-container .tab', { hasText: 'part-ends-with-discussion.md' }).waitFor({ timeout: TIMEOUT });
    log('UI: the rule link in the Problems panel opened part-ends-with-discussion.md in a Markdown preview');

    // 5. The built-in Markdown preview draws the deck as house slides. (The rule page's preview
    // has the keyboard: a click on the side bar's title gives it back to the workbench.)
    await page.locator('.part.sidebar .title-label').first().click();
    await command('View: Close All Editor Groups');
    if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+J');
    await openFile('editor-deck.md');
    await command('Markdown: Open Preview to the Side');
    const deadline = Date.now() + TIMEOUT;
    let drawn = 0;
    while (drawn < 5) {
      if (Date.now() > deadline) throw new Error(`the Markdown preview drew ${drawn} house slides, not 5`);
      await page.waitForTimeout(250);
      const counts = await Promise.all(page.frames().map((frame) => frame.locator('#isdeck-markdown-preview svg[data-marpit-svg]').count().catch(() => 0)));
      drawn = Math.max(0, ...counts);
    }
    log('UI: the built-in Markdown preview shows the deck as 5 house slides');
    await page.waitForTimeout(800);
    await shot('extension-markdown-preview.png');
    return 0;
  } catch (error) {
    await page.screenshot({ path: join(root, '.cache', 'vscode-test', 'ui-editor-failure.png') }).catch(() => {});
    log(`UI (editor): failed (${error.message}); screenshot of the failure: .cache/vscode-test/ui-editor-failure.png`);
    return 1;
  } finally {
    await page.close().catch(() => {});
  }
}
