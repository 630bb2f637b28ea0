import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { IsdeckApi } from '../../../src/extension/extension';
import { activateExtension, codeActions, fixture, isdeckDiagnostics, openDeck, ruleOf, summary, waitFor, writeFile } from './helpers';

suite('activation and diagnostics', () => {
  let api: IsdeckApi;
  let extension: vscode.Extension<IsdeckApi>;

  suiteSetup(async () => {
    ({ api, extension } = await activateExtension());
  });

  test('activates, registers its commands and reports the activation time', async () => {
    console.log(`      activation: ${api.activationMs.toFixed(1)} ms (bundle load ${api.loadMs.toFixed(1)} ms + activate ${api.activateMs.toFixed(1)} ms)`);
    console.log(`ISDECK_METRICS ${JSON.stringify({ activationMs: api.activationMs, loadMs: api.loadMs, activateMs: api.activateMs })}`);
    assert.ok(extension.isActive);
    // Measured, not judged here: `npm run bench` reports this figure against its 150 ms target
    // (a timed assertion fails on a loaded machine; CI saw 112 ms with the other tests beside it).
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0, `activation time ${api.activationMs}`);
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'isdeck.newDeck',
      'isdeck.insertSlide',
      'isdeck.exportDeck',
      'isdeck.present',
      'isdeck.goToSlide',
      'isdeck.showRuleDocs',
      'isdeck.importPowerPoint',
      'isdeck.lintWorkspace',
      'isdeck.showPreview',
      'isdeck.fixAll',
      'isdeck.useHouseThemeInMarp',
    ]) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  test('a bad deck shows the expected diagnostics at the expected ranges, linked to the rule docs', async () => {
    const uri = fixture('bad-deck.md');
    await openDeck(uri);
    const diagnostics = await waitFor('diagnostics on bad-deck.md', () => {
      const found = isdeckDiagnostics(uri);
      return found.length >= 5 && found;
    });
    const got = diagnostics.map(summary);
    // [rule, line, character, endLine, endCharacter], 0-based.
    const expected: [string, number, number, number, number][] = [
      ['front-matter', 2, 7, 2, 25],
      ['uk-spelling', 19, 6, 19, 18],
      ['uk-spelling', 20, 11, 20, 18],
      ['unknown-slide-type', 24, 5, 24, 22],
      ['part-ends-with-discussion', 26, 0, 26, 19],
    ];
    for (const item of expected) assert.ok(got.some((diagnostic) => JSON.stringify(diagnostic) === JSON.stringify(item)), `expected ${JSON.stringify(item)} in ${JSON.stringify(got)}`);
    const frontMatter = diagnostics.find((diagnostic) => ruleOf(diagnostic) === 'front-matter')!;
    assert.equal(frontMatter.severity, vscode.DiagnosticSeverity.Error);
    assert.match(frontMatter.message, /set it to `improvement-service`/);
    const code = frontMatter.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.toString(), `${vscode.env.uriScheme}://improvement-service.isdeck/rule/front-matter`);
    const spelling = diagnostics.find((diagnostic) => ruleOf(diagnostic) === 'uk-spelling')!;
    assert.equal(spelling.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(api.statusBar.item.text, /3 slides · 1 part/);
  });

  test('Markdown that is not a Marp deck gets no diagnostics', async () => {
    const uri = fixture('plain.md');
    const editor = await openDeck(uri);
    const state = await api.diagnostics.lintDocument(editor.document);
    assert.equal(state, undefined);
    assert.deepEqual(isdeckDiagnostics(uri), []);
  });

  test('honours .isdeckrc.json and inline disable comments', async () => {
    const configured = fixture('configured', 'bad-deck.md');
    await openDeck(configured);
    const diagnostics = await waitFor('diagnostics on configured/bad-deck.md', () => {
      const found = isdeckDiagnostics(configured);
      return found.length > 0 && found;
    });
    assert.ok(!diagnostics.some((diagnostic) => ruleOf(diagnostic) === 'unknown-slide-type'), 'unknown-slide-type is off in configured/.isdeckrc.json');
    assert.ok(diagnostics.some((diagnostic) => ruleOf(diagnostic) === 'front-matter'));

    const inline = fixture('inline-disable.md');
    const text = (await vscode.workspace.fs.readFile(fixture('bad-deck.md'))).toString().replace('## The Context', '<!-- isdeck-disable uk-spelling -->\n\n## The Context');
    await writeFile(inline, text);
    await openDeck(inline);
    const inlineDiagnostics = await waitFor('diagnostics on inline-disable.md', () => {
      const found = isdeckDiagnostics(inline);
      return found.length > 0 && found;
    });
    assert.ok(!inlineDiagnostics.some((diagnostic) => ruleOf(diagnostic) === 'uk-spelling'), 'uk-spelling is disabled inline');
  });

  test('the isdeck.rules setting overrides a rule', async () => {
    const uri = fixture('bad-deck.md');
    const config = vscode.workspace.getConfiguration('isdeck');
    await config.update('rules', { 'uk-spelling': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('uk-spelling turned off', () => !isdeckDiagnostics(uri).some((diagnostic) => ruleOf(diagnostic) === 'uk-spelling'));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('uk-spelling back', () => isdeckDiagnostics(uri).some((diagnostic) => ruleOf(diagnostic) === 'uk-spelling'));
  });

  test('diagnostics follow typing (debounced)', async () => {
    const uri = fixture('typing.md');
    await writeFile(uri, (await vscode.workspace.fs.readFile(fixture('bad-deck.md'))).toString());
    const editor = await openDeck(uri);
    await waitFor('first diagnostics', () => isdeckDiagnostics(uri).length > 0);
    const before = isdeckDiagnostics(uri).filter((diagnostic) => ruleOf(diagnostic) === 'uk-spelling').length;
    await editor.edit((edit) => edit.insert(new vscode.Position(20, 0), '- The color of the centre\n'));
    await waitFor('a new uk-spelling diagnostic', () => isdeckDiagnostics(uri).filter((diagnostic) => ruleOf(diagnostic) === 'uk-spelling').length === before + 1);
    const color = isdeckDiagnostics(uri).find((diagnostic) => diagnostic.message.includes('`color`'))!;
    assert.deepEqual(summary(color), ['uk-spelling', 20, 6, 20, 11]);
  });

  test('a quick fix applies and its diagnostic goes away', async () => {
    const uri = fixture('quick-fix.md');
    await writeFile(uri, (await vscode.workspace.fs.readFile(fixture('bad-deck.md'))).toString());
    const editor = await openDeck(uri);
    const diagnostic = await waitFor('front-matter diagnostic', () => isdeckDiagnostics(uri).find((candidate) => ruleOf(candidate) === 'front-matter'));
    const actions = await codeActions(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Set `theme: improvement-service`');
    assert.ok(fix?.edit, `quick fix offered among ${JSON.stringify(actions.map((action) => action.title))}`);
    assert.ok(fix.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(2).text, 'theme: improvement-service');
    await waitFor('front-matter diagnostic gone', () => !isdeckDiagnostics(uri).some((candidate) => ruleOf(candidate) === 'front-matter'));

    const typo = await waitFor('unknown-slide-type diagnostic', () => isdeckDiagnostics(uri).find((candidate) => ruleOf(candidate) === 'unknown-slide-type'));
    const typoFix = (await codeActions(uri, typo.range, vscode.CodeActionKind.QuickFix.value)).find((action) => action.title.includes('`discussion`'));
    assert.ok(typoFix?.edit);
    assert.ok(await vscode.workspace.applyEdit(typoFix.edit));
    await waitFor('unknown-slide-type and part-ends-with-discussion gone', () =>
      isdeckDiagnostics(uri).every((candidate) => !['unknown-slide-type', 'part-ends-with-discussion'].includes(ruleOf(candidate))),
    );
  });

  test('"fix all of this rule" fixes every problem of the rule', async () => {
    const uri = fixture('fix-rule.md');
    await writeFile(uri, (await vscode.workspace.fs.readFile(fixture('bad-deck.md'))).toString());
    const editor = await openDeck(uri);
    const spelling = await waitFor('uk-spelling diagnostics', () => {
      const found = isdeckDiagnostics(uri).filter((candidate) => ruleOf(candidate) === 'uk-spelling');
      return found.length === 2 && found;
    });
    const actions = await codeActions(uri, spelling[0]!.range, vscode.CodeActionKind.QuickFix.value);
    const all = actions.find((action) => action.title === 'Fix all uk-spelling problems in this deck (2)');
    assert.ok(all?.edit, `fix-all-of-rule offered among ${JSON.stringify(actions.map((action) => action.title))}`);
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.match(editor.document.getText(), /Our organisation works/);
    assert.match(editor.document.getText(), /A second programme/);
    await waitFor('uk-spelling gone, others kept', () => {
      const rules = isdeckDiagnostics(uri).map(ruleOf);
      return !rules.includes('uk-spelling') && rules.includes('front-matter');
    });
  });

  test('source.fixAll.isdeck fixes everything fixable (for editor.codeActionsOnSave)', async () => {
    const uri = fixture('fix-all.md');
    await writeFile(uri, (await vscode.workspace.fs.readFile(fixture('bad-deck.md'))).toString());
    const editor = await openDeck(uri);
    const range = new vscode.Range(0, 0, editor.document.lineCount, 0);
    await waitFor('diagnostics', () => isdeckDiagnostics(uri).length >= 5);
    const actions = await codeActions(uri, range, 'source.fixAll.isdeck');
    const fixAll = actions.find((action) => action.kind?.value === 'source.fixAll.isdeck');
    assert.ok(fixAll?.edit, `source.fixAll.isdeck offered among ${JSON.stringify(actions.map((action) => action.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const text = editor.document.getText();
    assert.match(text, /theme: improvement-service/);
    assert.match(text, /_class: discussion -->/);
    assert.match(text, /organisation works/);
    await waitFor('no diagnostics left', () => isdeckDiagnostics(uri).length === 0);
  });

  test('every deck, small or large, is linted in the worker thread', async () => {
    const small = await vscode.workspace.openTextDocument(fixture('bad-deck.md'));
    // Other lints (on open, after typing) may run meanwhile: each is counted, none runs in process.
    const jobsBefore = api.lintService.workerJobs;
    const smallState = await api.diagnostics.lintDocument(small);
    assert.ok(smallState?.problems.some((problem) => problem.ruleId === 'uk-spelling'));
    assert.ok(api.lintService.workerJobs > jobsBefore);

    const base = (await vscode.workspace.fs.readFile(fixture('bad-deck.md'))).toString();
    const filler = Array.from({ length: 990 }, (_, index) => `\n---\n\n## Slide ${index}\n\n- A point about slide ${index}, written plainly\n`).join('');
    const uri = fixture('large-deck.md');
    await writeFile(uri, base.replace('\n---\n\n<!-- _class: discusion -->', `${filler}\n---\n\n<!-- _class: discusion -->`));
    const document = await vscode.workspace.openTextDocument(uri);
    const state = await api.diagnostics.lintDocument(document);
    assert.ok(state);
    assert.ok(api.lintService.workerJobs > jobsBefore + 1);
    assert.equal(api.lintService.inProcessJobs, 0);
    assert.equal(state.slides, 993);
    assert.ok(state.problems.some((problem) => problem.ruleId === 'unknown-slide-type' && problem.fix));
    console.log(`      large deck (${document.getText().length} characters, 993 slides) linted in the worker in ${state.durationMs.toFixed(0)} ms`);
  });

  test('a lint over its time budget is stopped: one diagnostic says so, the status bar too, and the next lint works', async () => {
    const uri = fixture('slow-deck.md');
    await writeFile(uri, (await vscode.workspace.fs.readFile(fixture('large-deck.md'))).toString());
    const budget = api.lintService.timeBudgetMs;
    // 1 ms: no lint of a 993-slide deck, its worker's parser cold, fits; every lint of it is stopped.
    api.lintService.timeBudgetMs = 1;
    let stopped;
    let editor;
    try {
      editor = await openDeck(uri);
      stopped = await api.diagnostics.lintDocument(editor.document);
    } finally {
      api.lintService.timeBudgetMs = budget;
    }
    assert.equal(stopped?.stopped, 'lint stopped: over budget (more than 0.001 s)');
    const diagnostics = isdeckDiagnostics(uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.message, 'lint stopped: over budget (more than 0.001 s): the deck was not checked. Split it into smaller decks, or check it with `isdeck lint`.');
    assert.equal(diagnostics[0]!.range.start.line, 0);
    assert.match(api.statusBar.item.text, /lint stopped: over budget/);
    const again = await api.diagnostics.lintDocument(editor.document);
    assert.equal(again?.stopped, undefined);
    assert.equal(again?.slides, 993);
    assert.ok(isdeckDiagnostics(uri).some((diagnostic) => ruleOf(diagnostic) === 'unknown-slide-type'), 'the problems are back');
  });

  test('a deck past a budget gets one diagnostic naming the budget, at its line', async () => {
    const uri = fixture('too-many-slides.md');
    await writeFile(uri, `---\nmarp: true\ntheme: improvement-service\n---\n\n${Array.from({ length: 1001 }, (_, index) => `## ${index}\n`).join('\n---\n\n')}`);
    const editor = await openDeck(uri);
    const state = await api.diagnostics.lintDocument(editor.document);
    assert.equal(state?.refused?.line, 4004);
    const diagnostics = isdeckDiagnostics(uri);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message]),
      [[4003, 'the deck has more than 1,000 slides (counting every `---` slide break); split it into smaller decks']],
    );
    assert.match(api.statusBar.item.text, /deck not checked/);
  });
});
