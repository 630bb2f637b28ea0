/**
 * The author's editor (issue 15): completions while typing, slides inserted after the current
 * one, the Outline and Go to Slide, Export Deck… with its folder setting, warning and "Open",
 * PNG and the presentation, Present, the house slides in the built-in Markdown preview, rule
 * pages inside VS Code, the walkthrough's preview from the Welcome page.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { ExportOutcome } from '../../../src/extension/commands/export';
import type { IsdeckApi } from '../../../src/extension/extension';
import { inkShare, readPng } from '../../helpers/png';
import { activateExtension, fixture, isdeckDiagnostics, openDeck, ruleOf, waitFor, writeFile } from './helpers';

const SLIDE_TYPES = ['cover', 'content', 'models', 'benefits-risks', 'statistics', 'chart', 'spectrum', 'quote', 'discussion'];

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function completions(uri: vscode.Uri, position: vscode.Position, triggerCharacter?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, triggerCharacter);
  return list.items;
}

/** A copy of the editor fixture deck under a new name, open in an editor. */
async function deckCopy(name: string): Promise<vscode.TextEditor> {
  const uri = fixture(name);
  await writeFile(uri, readFileSync(fixture('editor-deck.md').fsPath, 'utf8'));
  return openDeck(uri);
}

suite('the author’s editor', () => {
  let api: IsdeckApi;
  let extension: vscode.Extension<IsdeckApi>;

  suiteSetup(async () => {
    ({ api, extension } = await activateExtension());
  });

  teardown(async () => {
    api.setExportHooksForTests(undefined);
    await vscode.workspace.getConfiguration('isdeck').update('export.outDir', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('typing is- offers the nine house slides, each with its Markdown, and accepting one inserts it after the slide', async () => {
    const editor = await deckCopy('completion.md');
    // Mid-slide, under the bullets of slide 2 and above its notes.
    await editor.edit((edit) => edit.insert(new vscode.Position(23, 0), 'is-\n'));
    const items = await completions(editor.document.uri, new vscode.Position(23, 3), '-');
    assert.deepEqual(items.map(labelOf), SLIDE_TYPES.map((type) => `is-${type}`));
    const models = items.find((item) => labelOf(item) === 'is-models')!;
    assert.equal(models.kind, vscode.CompletionItemKind.Snippet);
    const documentation = (models.documentation as vscode.MarkdownString).value;
    assert.match(documentation, /exactly four \*\*Name\*\*/);
    assert.match(documentation, /```markdown\n<!-- _class: models -->\n\n## Models of service delivery\n\n- \*\*Voluntarism\*\* – what this model means/);
    assert.deepEqual(models.command?.arguments, ['models', { uri: editor.document.uri.toString(), line: 23 }]);

    // Accepting: the typed prefix goes, the command puts the slide after this one.
    await editor.edit((edit) => edit.replace(models.range as vscode.Range, models.insertText as string));
    assert.equal(await vscode.commands.executeCommand(models.command!.command, ...models.command!.arguments!), true);
    const lines = editor.document.getText().split('\n');
    assert.deepEqual(lines.slice(19, 34), [
      '## What Co-production Is',
      '',
      '- People who use services shape them',
      '- Public money at stake: 22bn a year',
      '',
      '',
      '<!-- Say who the co-producers are. -->',
      '',
      '---',
      '',
      '<!-- _class: models -->',
      '',
      '## Models of service delivery',
      '',
      '- **Voluntarism** – what this model means, in one or two sentences',
    ]);
    const state = await api.diagnostics.lintDocument(editor.document);
    assert.equal(state?.slides, 6);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('slide types after <!-- _class: and class:, house values in the front-matter', async () => {
    const editor = await deckCopy('classes.md');
    await editor.edit((edit) => edit.insert(new vscode.Position(20, 0), '<!-- _class: mo\n'));
    const types = await completions(editor.document.uri, new vscode.Position(20, 15), ' ');
    assert.deepEqual(types.map(labelOf), SLIDE_TYPES);
    assert.deepEqual((types[0]!.range as vscode.Range).start, new vscode.Position(20, 13));
    await editor.edit((edit) => edit.replace(new vscode.Range(2, 0, 2, 26), 'theme:'));
    const values = await completions(editor.document.uri, new vscode.Position(2, 6), ':');
    assert.deepEqual(values.map((item) => [labelOf(item), item.insertText]), [['improvement-service', ' improvement-service']]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('no word suggestions in a deck; other Markdown keeps them; is-deck where there is no deck yet', async () => {
    const config = vscode.workspace.getConfiguration('editor');
    await config.update('wordBasedSuggestions', 'matchingDocuments', vscode.ConfigurationTarget.Global);
    try {
      await openDeck(fixture('words-deck.md'));
      const editor = await deckCopy('words.md');
      await editor.edit((edit) => edit.insert(new vscode.Position(22, 0), '- Spending: 2\n'));
      const inDeck = await completions(editor.document.uri, new vscode.Position(22, 13));
      assert.deepEqual(inDeck.filter((item) => item.kind === vscode.CompletionItemKind.Text).map(labelOf), [], 'no word-based items in a deck');
      assert.deepEqual(inDeck.filter((item) => labelOf(item).startsWith('is-')).map(labelOf), SLIDE_TYPES.map((type) => `is-${type}`));
      await vscode.commands.executeCommand('workbench.action.files.revert');

      const plain = await openDeck(fixture('plain.md'));
      await plain.edit((edit) => edit.insert(new vscode.Position(3, 0), 'The org'));
      const inPlain = await completions(plain.document.uri, new vscode.Position(3, 7));
      assert.ok(inPlain.some((item) => item.kind === vscode.CompletionItemKind.Text && labelOf(item) === 'organization'), JSON.stringify(inPlain.map(labelOf)));
      assert.ok(!inPlain.some((item) => labelOf(item).startsWith('is-')));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await config.update('wordBasedSuggestions', undefined, vscode.ConfigurationTarget.Global);
    }
    const empty = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'is-' });
    await vscode.window.showTextDocument(empty);
    const deck = await completions(empty.uri, new vscode.Position(0, 3), '-');
    assert.deepEqual(deck.map(labelOf), ['is-deck']);
    assert.match((deck[0]!.insertText as vscode.SnippetString).value, /^---\nmarp: true\ntheme: improvement-service\n/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Insert House Slide with the cursor mid-slide keeps the slide and its notes whole', async () => {
    const editor = await deckCopy('insert-mid.md');
    editor.selection = new vscode.Selection(21, 5, 21, 5);
    assert.equal(await vscode.commands.executeCommand('isdeck.insertSlide', 'discussion'), true);
    const text = editor.document.getText();
    assert.ok(text.includes('- Public money at stake: 22bn a year\n\n<!-- Say who the co-producers are. -->\n\n---\n\n<!-- _class: discussion -->\n\n## Group Discussion\n\nWhat question should the group discuss?\n\n---\n'), text);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the Outline lists parts and their slides; Go to Slide puts a slide at the top', async () => {
    const uri = fixture('editor-deck.md');
    const editor = await openDeck(uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const parts = symbols.filter((symbol) => symbol.kind === vscode.SymbolKind.Namespace);
    assert.deepEqual(
      parts.map((part) => [part.name, part.range.start.line, part.range.end.line, part.selectionRange.start.line, part.children.map((child) => [child.name, child.detail, child.selectionRange.start.line])]),
      [
        ['Co-production', 0, 32, 9, [['What Co-production Is', 'slide 2 · content', 19], ['Group Discussion', 'slide 3 · discussion', 30]]],
        ['Part 2', 34, 53, 38, [['Where It Could Work', 'slide 5 · content', 50]]],
      ],
    );
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal(await vscode.commands.executeCommand('isdeck.goToSlide', 5), 4);
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), uri.toString());
    assert.deepEqual(active.selection.active, new vscode.Position(50, 0));
    await waitFor('the slide at the top', () => active.visibleRanges[0]?.start.line === 48);
  });

  test('Export Deck… warns about errors: Show Problems writes nothing, Export Anyway writes, Open uses the system', async () => {
    const uri = fixture('editor-deck.md');
    const out = fixture('editor-deck.pptx');
    await waitFor('editor-deck linted', () => api.diagnostics.state(uri));
    const asked: string[] = [];
    const opened: vscode.Uri[] = [];
    api.setExportHooksForTests({ choose: (message) => (asked.push(message), 'Show Problems'), openExternal: (target) => opened.push(target) });
    assert.equal(await vscode.commands.executeCommand('isdeck.exportDeck', uri, { format: 'pptx' }), undefined);
    assert.deepEqual(asked, ['editor-deck.md has 1 error: the export may not follow the house structure.']);
    assert.equal(api.lastExportFailure()?.kind, 'problems');
    assert.equal(existsSync(out.fsPath), false);

    api.setExportHooksForTests({ choose: (_message, actions) => (actions.includes('Export Anyway') ? 'Export Anyway' : 'Open'), openExternal: (target) => opened.push(target) });
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('isdeck.exportDeck', uri, { format: 'pptx' });
    assert.deepEqual(outcome?.files, [out.fsPath]);
    await waitFor('opened with the system', () => opened.length === 1);
    assert.equal(opened[0]!.scheme, 'file');
    assert.equal(opened[0]!.fsPath, out.fsPath);
  });

  test('isdeck.export.outDir: relative to the workspace folder, or absolute; PNG and the presentation', async () => {
    const uri = fixture('editor-deck.md');
    const settings = vscode.workspace.getConfiguration('isdeck');
    await settings.update('export.outDir', 'exports/decks', vscode.ConfigurationTarget.Workspace);
    const html = await vscode.commands.executeCommand<ExportOutcome>('isdeck.exportDeck', uri, { format: 'present', quiet: true, ignoreProblems: true });
    assert.deepEqual(html?.files, [fixture('exports', 'decks', 'editor-deck.present.html').fsPath]);
    assert.match(readFileSync(html!.files[0]!, 'utf8'), /id="isdeck-presenter"/);

    const absolute = mkdtempSync(join(tmpdir(), 'isdeck-outdir-'));
    try {
      await settings.update('export.outDir', absolute, vscode.ConfigurationTarget.Workspace);
      const editor = await openDeck(uri);
      editor.selection = new vscode.Selection(52, 0, 52, 0);
      const slide = await vscode.commands.executeCommand<ExportOutcome>('isdeck.exportDeck', uri, { format: 'png-slide', quiet: true, ignoreProblems: true });
      assert.deepEqual(slide?.files, [join(absolute, 'editor-deck.slide-05.png')], JSON.stringify(api.lastExportFailure()));
      const picture = readPng(readFileSync(slide!.files[0]!));
      assert.deepEqual([picture.width, picture.height], [1280, 720]);
      assert.ok(inkShare(picture) > 0.05, `ink ${inkShare(picture)}`);
      const all = await vscode.commands.executeCommand<ExportOutcome>('isdeck.exportDeck', uri, { format: 'png-all', quiet: true, ignoreProblems: true });
      assert.equal(all?.files.length, 5);
      assert.deepEqual(readdirSync(absolute).filter((name) => name.endsWith('.png')).sort(), [1, 2, 3, 4, 5].map((n) => `editor-deck.slide-0${n}.png`));
    } finally {
      rmSync(absolute, { recursive: true, force: true });
    }
  });

  test('PDF exports share one warm browser; the handout comes with the PDF', async () => {
    const uri = fixture('warm.md');
    await writeFile(uri, readFileSync(fixture('export-deck.md').fsPath, 'utf8'));
    const before = api.exportBrowser().launches;
    const first = await vscode.commands.executeCommand<ExportOutcome>('isdeck.exportDeck', uri, { format: 'pdf', quiet: true });
    assert.ok(first, JSON.stringify(api.lastExportFailure()));
    const started = Date.now();
    const second = await vscode.commands.executeCommand<ExportOutcome>('isdeck.exportDeck', uri, { format: 'pdf-notes', quiet: true });
    console.log(`      second PDF export (warm browser, with the handout): ${Date.now() - started} ms`);
    assert.deepEqual(second?.files, [fixture('warm.pdf').fsPath, fixture('warm.notes.pdf').fsPath]);
    assert.ok(api.exportBrowser().running);
    assert.ok(api.exportBrowser().launches - before <= 1, `${api.exportBrowser().launches - before} browsers started for two exports`);
  });

  test('Present opens the presentation with the system’s browser at the slide under the cursor', async () => {
    const uri = fixture('editor-deck.md');
    const editor = await openDeck(uri);
    editor.selection = new vscode.Selection(30, 0, 30, 0);
    const opened: vscode.Uri[] = [];
    api.setExportHooksForTests({ openExternal: (target) => opened.push(target) });
    const presented = await vscode.commands.executeCommand<vscode.Uri>('isdeck.present');
    assert.ok(presented);
    assert.deepEqual(opened.map((target) => [target.scheme, target.fragment]), [['file', '3']]);
    assert.match(opened[0]!.path, /\/editor-deck\.present\.html$/);
    assert.match(readFileSync(opened[0]!.fsPath, 'utf8'), /<script>\(\(\) => \{/);
  });

  test('the built-in Markdown preview shows a house deck as house slides, and leaves other Markdown alone', async () => {
    const contributes = extension.packageJSON.contributes;
    assert.equal(contributes['markdown.markdownItPlugins'], true);
    for (const style of contributes['markdown.previewStyles']) assert.ok(existsSync(join(extension.extensionPath, style)), style);
    const deck = readFileSync(fixture('editor-deck.md').fsPath, 'utf8');
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', deck);
    assert.match(html, /^<style>[\s\S]*div#isdeck-markdown-preview > div\.marpit > svg > foreignObject > section[\s\S]*<\/style><div id="isdeck-markdown-preview"><div class="marpit">/);
    assert.equal(html.match(/<svg data-marpit-svg="" viewBox="0 0 1280 720" class="code-line" data-line="\d+"/g)?.length, 5);
    assert.deepEqual([...html.matchAll(/data-line="(\d+)"/g)].map((match) => Number(match[1])), [0, 17, 26, 34, 48]);
    assert.match(html, /<section[^>]*class="cover"/);
    assert.ok(!html.includes('frontmatter'), 'the front-matter is not shown as a table');
    const plain = await vscode.commands.executeCommand<string>('markdown.api.render', '# Notes\n\nJust text.\n');
    assert.ok(!plain.includes('isdeck-markdown-preview'));
    assert.match(plain, /<h1[^>]*>Notes<\/h1>/);
    const otherTheme = await vscode.commands.executeCommand<string>('markdown.api.render', readFileSync(fixture('bad-deck.md').fsPath, 'utf8'));
    assert.ok(!otherTheme.includes('isdeck-markdown-preview'), 'a deck in another theme is left to others');
  });

  test('a rule link opens the rule’s page from the extension, in the Markdown preview', async () => {
    const uri = fixture('editor-deck.md');
    await openDeck(uri);
    const diagnostic = await waitFor('part-ends-with-discussion', () => isdeckDiagnostics(uri).find((candidate) => ruleOf(candidate) === 'part-ends-with-discussion'));
    // "Part 2", not "Part 2 (Part 2)".
    assert.match(diagnostic.message, /^Part 2 ends with a `content` slide/);
    const target = (diagnostic.code as { target: vscode.Uri }).target;
    const opened = new Promise<string>((resolve) => api.ruleLinks.onDidOpen(resolve));
    // As the Problems panel opens it: VS Code's opener, which hands the editor's own addresses to the extension.
    await vscode.commands.executeCommand('vscode.open', target);
    assert.equal(await opened, 'part-ends-with-discussion');
    await waitFor('the rule page in a preview tab', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.label.includes('part-ends-with-discussion.md')),
    );
  });

  test('Preview Slides from the Welcome page with two decks open: the deck last worked on', async () => {
    await openDeck(fixture('editor-deck.md'));
    await openDeck(fixture('words-deck.md'));
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extension.id}#firstDeck`, false);
    await waitFor('the Welcome page in front', () => vscode.window.activeTextEditor === undefined);
    assert.equal(await vscode.commands.executeCommand('isdeck.showPreview'), true);
    await waitFor('the preview of words-deck.md', () => api.preview.last?.uri.toString() === fixture('words-deck.md').toString());
    api.preview.close();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
