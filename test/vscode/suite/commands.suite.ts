import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { ExportOutcome } from '../../../src/extension/commands/export';
import type { IsdeckApi } from '../../../src/extension/extension';
import { activateExtension, exists, fixture, isdeckDiagnostics, openDeck, ruleOf, sleep, waitFor, writeFile } from './helpers';

suite('commands, snippets, preview, export, trust', () => {
  let api: IsdeckApi;
  let extension: vscode.Extension<IsdeckApi>;

  suiteSetup(async () => {
    ({ api, extension } = await activateExtension());
  });

  teardown(() => api.setTrustOverride(undefined));

  test('Insert House Slide inserts the chosen slide type', async () => {
    const uri = fixture('insert.md');
    await writeFile(uri, '---\nmarp: true\ntheme: improvement-service\n---\n\n<!-- _class: cover -->\n\nSeries\n24/03/2026\n\n# Title\n\nPresenter\nThe Improvement Service\n');
    const editor = await openDeck(uri);
    editor.selection = new vscode.Selection(editor.document.lineCount - 1, 0, editor.document.lineCount - 1, 0);
    assert.equal(await vscode.commands.executeCommand('isdeck.insertSlide', 'models'), true);
    const text = editor.document.getText();
    assert.match(text, /The Improvement Service\n\n---\n\n<!-- _class: models -->\n\n## Models of service delivery\n/);
    const state = await api.diagnostics.lintDocument(editor.document);
    assert.equal(state?.slides, 2);
  });

  test('New Masterclass Deck writes a lint-clean deck and opens it', async () => {
    const target = fixture('new', 'masterclass.md');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('isdeck.newDeck', {
      series: 'Elected Members Masterclass',
      date: '24/03/2026',
      title: 'Co-production in Public Services',
      presenter: 'Jane Smith',
      organisation: 'The Improvement Service',
      parts: 2,
      target: target.fsPath,
      overwrite: true,
    });
    assert.equal(uri?.fsPath, target.fsPath);
    assert.ok(await exists(target));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, target.fsPath);
    const state = await waitFor('the new deck is linted', () => api.diagnostics.state(target));
    assert.deepEqual(state.problems.map((problem) => `${problem.ruleId}: ${problem.message}`), []);
    assert.equal(state.slides, 6);
    assert.equal(state.parts, 2);
    assert.deepEqual(isdeckDiagnostics(target), []);
  });

  test('New Masterclass Deck asks through input boxes, validating each answer', async () => {
    const target = fixture('new', 'asked.md');
    const answers = ['Elected Members Masterclass', '24/03/2026', 'Asked Deck', 'Jane Smith', 'The Improvement Service', '1'];
    const asked: string[] = [];
    api.setInputBoxForTests(async (options) => {
      asked.push(`${options.title}: ${options.value ?? ''}`);
      const validate = options.validateInput!;
      if (asked.length === 2) {
        assert.equal(await validate('31/02/2026'), '31/02/2026 is not a calendar date.');
        assert.match(String(await validate('2026-03-24')), /dd\/mm\/yyyy/);
        assert.match(options.value ?? '', /^\d{2}\/\d{2}\/\d{4}$/, 'the date defaults to today');
      }
      if (asked.length === 5) assert.equal(options.value, 'The Improvement Service');
      if (asked.length === 6) assert.match(String(await validate('0')), /whole number/);
      const answer = answers[asked.length - 1]!;
      assert.equal(await validate(answer), null);
      return answer;
    });
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('isdeck.newDeck', { target: target.fsPath, overwrite: true });
      assert.equal(uri?.fsPath, target.fsPath);
    } finally {
      api.setInputBoxForTests(undefined);
    }
    assert.equal(asked.length, 6, asked.join('\n'));
    assert.match(readFileSync(target.fsPath, 'utf8'), /# Asked Deck/);
    const state = await waitFor('the asked deck is linted', () => api.diagnostics.state(target));
    assert.deepEqual(state.problems, []);
  });

  test('the preview opens, renders every slide with the house renderer, and follows edits', async () => {
    const uri = fixture('export-deck.md');
    const editor = await openDeck(uri);
    const state = await waitFor('export-deck linted', () => api.diagnostics.state(uri));
    const drawn = new Promise<number>((resolve) => {
      const listener = api.preview.onDidRender((render) => {
        if (render.uri.toString() === uri.toString() && render.drawnSlides !== undefined) {
          listener.dispose();
          resolve(render.drawnSlides);
        }
      });
    });
    assert.equal(await vscode.commands.executeCommand('isdeck.showPreview', uri), true);
    const slides = await Promise.race([drawn, sleep(20_000).then(() => -1)]);
    assert.equal(slides, state.slides, 'the webview drew every slide');
    assert.equal(api.preview.last?.slideCount, state.slides);

    const redrawn = new Promise<number>((resolve) => {
      const listener = api.preview.onDidRender((render) => {
        if (render.drawnSlides === state.slides + 1) {
          listener.dispose();
          resolve(render.drawnSlides);
        }
      });
    });
    // Following the cursor: put it on the fourth slide, the preview scrolls there.
    const revealed = new Promise<number>((resolve) => {
      const listener = api.preview.onDidReveal((index) => {
        if (index === 3) {
          listener.dispose();
          resolve(index);
        }
      });
    });
    const fourth = state.slideStartLines[3]! + 2;
    editor.selection = new vscode.Selection(fourth, 0, fourth, 0);
    assert.equal(await Promise.race([revealed, sleep(10_000).then(() => -1)]), 3, 'the preview followed the cursor to slide 4');

    const end = new vscode.Position(editor.document.lineCount, 0);
    await editor.edit((edit) => edit.insert(end, '\n---\n\n## One More Slide\n\n- A point\n'));
    assert.equal(await Promise.race([redrawn, sleep(20_000).then(() => -1)]), state.slides + 1, 'the preview follows typing');
    // Taken out again by an edit of this document (the active editor may be the preview now).
    await editor.edit((edit) => edit.delete(new vscode.Range(end, new vscode.Position(editor.document.lineCount, 0))));
    api.preview.close();
  });

  test('Export Deck… to HTML writes a standalone file', async () => {
    const uri = fixture('export-deck.md');
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('isdeck.exportDeck', uri, { format: 'html', quiet: true });
    assert.ok(outcome, `the export ran: ${JSON.stringify(api.lastExportFailure())}`);
    assert.deepEqual(outcome.files, [join(fixture().fsPath, 'export-deck.html')]);
    const html = readFileSync(outcome.files[0]!, 'utf8');
    assert.match(html, /<!doctype html>/i);
    assert.equal(html.match(/<section/g)?.length, outcome.slideCount);
  });

  test('Export Deck… to PowerPoint writes a .pptx with every slide', async () => {
    const uri = fixture('export-deck.md');
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('isdeck.exportDeck', uri, { format: 'pptx', quiet: true });
    assert.ok(outcome, `the export ran: ${JSON.stringify(api.lastExportFailure())}`);
    assert.deepEqual(outcome.files, [join(fixture().fsPath, 'export-deck.pptx')]);
    const bytes = readFileSync(outcome.files[0]!);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip file');
    assert.equal(outcome.slideCount, 8);
    assert.ok(bytes.includes(Buffer.from('ppt/slides/slide8.xml')));
  });

  test('Import PowerPoint turns a .pptx into a deck beside it and opens it with its preview', async () => {
    const pptx = join(fixture().fsPath, 'imported.pptx');
    const exported = await vscode.commands.executeCommand('isdeck.exportDeck', fixture('export-deck.md'), { format: 'pptx', quiet: true, outPath: pptx });
    assert.ok(exported, `the export ran: ${JSON.stringify(api.lastExportFailure())}`);
    const deckUri = fixture('imported.md');
    const drawn = new Promise<number>((resolve) => {
      const listener = api.preview.onDidRender((render) => {
        if (render.uri.toString() === deckUri.toString() && render.drawnSlides !== undefined) {
          listener.dispose();
          resolve(render.drawnSlides);
        }
      });
    });
    const outcome = await vscode.commands.executeCommand<{ deckPath: string; slides: number; needsPerson: number }>('isdeck.importPowerPoint', vscode.Uri.file(pptx));
    assert.ok(outcome, 'the import ran');
    assert.deepEqual(outcome, { deckPath: deckUri.fsPath, slides: 8, needsPerson: 0 });
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, deckUri.fsPath, 'the deck is open');
    assert.equal(await Promise.race([drawn, sleep(20_000).then(() => -1)]), 8, 'its preview drew every slide');
    assert.match(readFileSync(deckUri.fsPath, 'utf8'), /^---\nmarp: true\ntheme: improvement-service\n[\s\S]*<!-- _class: chart -->/);
    api.preview.close();
  });

  test('Export Deck… to PDF writes a PDF through the browser', async () => {
    const uri = fixture('export-deck.md');
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('isdeck.exportDeck', uri, { format: 'pdf', quiet: true });
    assert.ok(outcome, `the export ran: ${JSON.stringify(api.lastExportFailure())}`);
    assert.deepEqual(outcome.files, [join(fixture().fsPath, 'export-deck.pdf')]);
    const bytes = readFileSync(outcome.files[0]!);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(outcome.slideCount, 8, 'one page a slide');
  });

  test('Export Deck… to PDF runs the drawn checks the editor’s configuration leaves on (the isdeck.rules setting included)', async () => {
    const uri = fixture('long-code.md');
    await writeFile(uri, `---\nmarp: true\ntheme: improvement-service\n---\n\n## A long line of code\n\n\`\`\`js\nconst total = [${'1, '.repeat(120)}1].length;\n\`\`\`\n`);
    const exportPdf = async () => {
      const outcome = await vscode.commands.executeCommand<ExportOutcome>('isdeck.exportDeck', uri, { format: 'pdf', quiet: true, ignoreProblems: true });
      assert.ok(outcome, `the export ran: ${JSON.stringify(api.lastExportFailure())}`);
      return outcome.warnings.filter((warning) => warning.endsWith('[min-font-size]'));
    };
    assert.equal((await exportPdf()).length, 1, 'the shrunk code line is named');
    const config = vscode.workspace.getConfiguration('isdeck');
    await config.update('rules', { 'min-font-size': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      assert.deepEqual(await exportPdf(), [], 'min-font-size is off in isdeck.rules');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('a missing browser gives a message pointing to isdeck.browserPath, and no file', async () => {
    const config = vscode.workspace.getConfiguration('isdeck');
    await config.update('browserPath', '/nonexistent/chrome', vscode.ConfigurationTarget.Global);
    try {
      const out = fixture('missing-browser.pdf');
      const outcome = await vscode.commands.executeCommand('isdeck.exportDeck', fixture('export-deck.md'), { format: 'pdf', quiet: true, outPath: out.fsPath });
      assert.equal(outcome, undefined);
      assert.equal(api.lastExportFailure()?.kind, 'browser-not-found', JSON.stringify(api.lastExportFailure()));
      assert.match(api.lastExportFailure()!.message, /nonexistent\/chrome/);
      assert.equal(await exists(out), false);
    } finally {
      await config.update('browserPath', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('in an untrusted workspace diagnostics work, export and code configuration are disabled', async () => {
    api.setTrustOverride(false);
    assert.equal(api.isTrusted(), false);
    const folder = fixture('untrusted');
    await writeFile(vscode.Uri.joinPath(folder, '.isdeckrc.js'), 'module.exports = { rules: { "uk-spelling": "off" } };\n');
    const deck = vscode.Uri.joinPath(folder, 'deck.md');
    await writeFile(deck, (await vscode.workspace.fs.readFile(fixture('bad-deck.md'))).toString());
    const document = await vscode.workspace.openTextDocument(deck);
    const jobsBefore = api.lintService.workerJobs;
    const state = await api.diagnostics.lintDocument(document);
    assert.ok(state && state.problems.some((problem) => problem.ruleId === 'uk-spelling'), 'diagnostics still work');
    assert.ok(api.lintService.workerJobs > jobsBefore, 'linted in the worker, off the extension host, in Restricted Mode too');
    assert.equal(api.lintService.inProcessJobs, 0);
    assert.ok(state.config.messages.some((message) => message.includes('.isdeckrc.js') && message.includes('Restricted Mode')), JSON.stringify(state.config.messages));
    const out = vscode.Uri.joinPath(folder, 'deck.html');
    const outcome = await vscode.commands.executeCommand('isdeck.exportDeck', deck, { format: 'html', quiet: true, ignoreProblems: true });
    assert.equal(outcome, undefined, 'export refused');
    assert.equal(api.lastExportFailure()?.kind, 'untrusted');
    assert.equal(await exists(out), false);
    assert.match(api.statusBar.item.tooltip instanceof vscode.MarkdownString ? api.statusBar.item.tooltip.value : '', /Restricted Mode/);
    const capabilities = extension.packageJSON.capabilities.untrustedWorkspaces;
    assert.equal(capabilities.supported, 'limited');
    assert.deepEqual(capabilities.restrictedConfigurations, ['isdeck.browserPath']);
  });

  test('Lint Workspace puts every deck into the Problems panel', async () => {
    const summary = await vscode.commands.executeCommand<{ decks: number; errors: number; warnings: number }>('isdeck.lintWorkspace');
    assert.ok(summary.decks >= 3, JSON.stringify(summary));
    const unopened = fixture('configured', 'bad-deck.md');
    assert.ok(isdeckDiagnostics(unopened).length > 0);
    assert.deepEqual(isdeckDiagnostics(fixture('plain.md')), []);
  });

  test('Use the House Theme in Marp for VS Code says Marp for VS Code is not installed, and changes nothing', async () => {
    assert.equal(vscode.extensions.getExtension('marp-team.marp-vscode'), undefined, 'Marp for VS Code is not installed here');
    const settings = fixture('.vscode', 'settings.json');
    const before = (await exists(settings)) ? readFileSync(settings.fsPath, 'utf8') : undefined;
    const relative = await vscode.commands.executeCommand<string | undefined>('isdeck.useHouseThemeInMarp');
    assert.equal(relative, undefined);
    assert.equal(await exists(fixture('.vscode', 'isdeck-theme')), false, 'no theme copied');
    assert.equal((await exists(settings)) ? readFileSync(settings.fsPath, 'utf8') : undefined, before, 'the settings are as they were');
  });

  test('contributes a task type, problem matchers, jsonValidation, settings and a walkthrough', async () => {
    const tasks = await vscode.tasks.fetchTasks({ type: 'isdeck' });
    const lint = tasks.find((task) => task.name === 'lint decks');
    assert.ok(lint, JSON.stringify(tasks.map((task) => task.name)));
    assert.deepEqual(lint.problemMatchers, ['$isdeck']);
    const contributes = extension.packageJSON.contributes;
    assert.deepEqual(contributes.problemMatchers.map((matcher: { name: string }) => matcher.name), ['isdeck', 'isdeck-github']);
    assert.equal(contributes.jsonValidation[0].url, './schemas/isdeckrc.schema.json');
    assert.ok(existsSync(join(extension.extensionPath, 'schemas', 'isdeckrc.schema.json')), 'the schema is in the VSIX');
    for (const key of ['isdeck.browserPath', 'isdeck.validate.onType', 'isdeck.validate.onSave', 'isdeck.rules', 'isdeck.export.outDir']) assert.ok(contributes.configuration.properties[key], key);
    // One title a command, none the same as a built-in one ("Open Preview to the Side").
    const titles = contributes.commands.map((entry: { title: string }) => entry.title);
    assert.equal(new Set(titles).size, titles.length, JSON.stringify(titles));
    assert.ok(!titles.includes('Open Preview to the Side'));
    assert.ok(!contributes.snippets, 'no snippets contribution: the completions offer the house slides');
    const walkthrough = contributes.walkthroughs[0];
    for (const step of walkthrough.steps) assert.ok(existsSync(join(extension.extensionPath, step.media.markdown)), step.media.markdown);
  });

  test('bad input never throws out of a command', async () => {
    for (const [id, args] of [
      ['isdeck.exportDeck', [42, { format: 'pdf', quiet: true }]],
      ['isdeck.exportDeck', [vscode.Uri.parse('untitled:nothing.md'), { format: 'html', quiet: true }]],
      ['isdeck.exportDeck', [fixture('export-deck.md'), { format: 'nonsense', quiet: true }]],
      ['isdeck.goToSlide', [9999]],
      ['isdeck.showRuleDocs', ['no-such-rule']],
      ['isdeck.insertSlide', ['cover', { uri: 'nonsense', line: -5 }]],
      ['isdeck.insertSlide', [{ not: 'a type' }]],
      ['isdeck.showPreview', [vscode.Uri.file('/nonexistent/deck.md')]],
      ['isdeck.newDeck', [{ series: '', date: '99/99/9999', title: 'x', presenter: 'y', parts: 0, target: '/nonexistent/x.md' }]],
    ] as [string, unknown[]][]) {
      const started = Date.now();
      const outcome = await Promise.race([vscode.commands.executeCommand(id, ...args).then(() => 'returned'), sleep(10_000).then(() => 'hung')]);
      assert.equal(outcome, 'returned', `${id} ${JSON.stringify(args)} returned (after ${Date.now() - started} ms)`);
    }
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\nmarp: true\n: : bad yaml [\n---\n\n<!-- _class: -->\n\n| a |\n' });
    const state = await api.diagnostics.lintDocument(document);
    assert.ok(state, 'a broken deck is still linted');
    assert.ok(isdeckDiagnostics(document.uri).length > 0);
    assert.ok(ruleOf(isdeckDiagnostics(document.uri)[0]!).length > 0);
  });

  test('VSIX contents: the bundles and the theme are installed', () => {
    const shipped = ['dist/extension.js', 'dist/core.js', 'dist/lint-worker.js', 'themes/improvement-service.css', 'dist/node_modules/playwright-core/package.json'];
    // The rule pages the Problems panel opens, and the built-in Markdown preview's styles.
    shipped.push('docs/rules/front-matter.md', 'docs/rules/uk-spelling.md', 'docs/house-structure.md', 'src/extension/media/markdown-preview.css');
    // What the preview's webview loads to measure the drawn slides for the rendered rules.
    shipped.push('dist/preview-measure.js', 'dist/axe.min.js');
    for (const path of shipped) {
      assert.ok(existsSync(join(extension.extensionPath, path)), path);
    }
    assert.ok(!existsSync(join(extension.extensionPath, 'src', 'core')), 'no sources shipped');
    assert.ok(!existsSync(join(extension.extensionPath, 'snippets')), 'no snippets file: the completions come from the slide catalogue');
    const size = statSync(join(extension.extensionPath, 'dist', 'extension.js')).size;
    assert.ok(size < 200_000, `dist/extension.js is ${size} bytes`);
  });
});
