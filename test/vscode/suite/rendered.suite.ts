import * as assert from 'node:assert/strict';
import { suite, suiteSetup, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { IsdeckApi } from '../../../src/extension/extension';
import type { PreviewMeasurement } from '../../../src/extension/preview';
import { activateExtension, fixture, isdeckDiagnostics, openDeck, ruleOf, summary, waitFor } from './helpers';

/** The rendered rules (slide-overflow, min-font-size, contrast) from the slides the preview drew. */
suite('rendered rules from the preview', () => {
  let api: IsdeckApi;

  suiteSetup(async () => {
    ({ api } = await activateExtension());
  });

  teardown(() => api.preview.close());

  /** The next measurement of `uri` the preview's rules were run over. */
  function nextMeasurement(uri: vscode.Uri, timeoutMs = 30_000): Promise<PreviewMeasurement> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listener.dispose();
        reject(new Error(`no measurement of ${uri.toString()} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = api.preview.onDidMeasure((measurement) => {
        if (measurement.uri.toString() !== uri.toString()) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(measurement);
      });
    });
  }

  const ofRule = (uri: vscode.Uri, rule: string) => isdeckDiagnostics(uri).filter((diagnostic) => ruleOf(diagnostic) === rule);

  test('a low-contrast slide is a contrast error at its first content line, measured in the preview, gone when it closes', async () => {
    const uri = fixture('rendered', 'low-contrast.md');
    await openDeck(uri);
    await waitFor('low-contrast.md linted', () => api.diagnostics.state(uri));
    assert.deepEqual(ofRule(uri, 'contrast'), [], 'no rendered problems before the preview opens');

    const measured = nextMeasurement(uri);
    assert.equal(await vscode.commands.executeCommand('isdeck.showPreview', uri), true);
    const measurement = await measured;
    assert.deepEqual(measurement.problems.map((problem) => problem.ruleId), ['contrast']);
    const [contrast] = await waitFor('the contrast diagnostic', () => ofRule(uri, 'contrast').length === 1 && ofRule(uri, 'contrast'));
    // As `isdeck lint --render` reports it (test/render-check/rendered-rules.test.ts): line 20, columns 1–13.
    assert.deepEqual(summary(contrast!), ['contrast', 19, 0, 19, 12]);
    assert.equal(contrast!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(
      contrast!.message,
      "“Grey on white fails contrast.” has a contrast of 2.16:1 (#b0b0b0 on #ffffff); WCAG 2.2 AA needs 3:1: use the theme's colours or darken the text.",
    );
    const code = contrast!.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.toString(), `${vscode.env.uriScheme}://improvement-service.isdeck/rule/contrast`);
    assert.deepEqual(ofRule(uri, 'slide-overflow'), []);
    assert.deepEqual(ofRule(uri, 'min-font-size'), []);
    assert.match(api.statusBar.item.text, /\$\(error\) 1 \$\(warning\) 0/, 'the status bar counts it');

    api.preview.close();
    await waitFor('the contrast diagnostic cleared', () => ofRule(uri, 'contrast').length === 0);
    assert.ok(api.diagnostics.state(uri), 'the static diagnostics stay');
  });

  test('tiny text is a min-font-size warning; the isdeck.rules setting and an inline disable are honoured after each re-render', async () => {
    const uri = fixture('rendered', 'tiny-text.md');
    const editor = await openDeck(uri);
    assert.equal(await vscode.commands.executeCommand('isdeck.showPreview', uri), true);
    const [small] = await waitFor('the min-font-size diagnostic', () => ofRule(uri, 'min-font-size').length === 1 && ofRule(uri, 'min-font-size'), 30_000);
    assert.deepEqual(summary(small!).slice(0, 3), ['min-font-size', 21, 0]);
    assert.equal(small!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(
      small!.message,
      "Text is drawn at 12 px (“Text this small cannot be read from the back of a…”), under the 18 px minimum: cut the slide's text so it needs no shrinking, or split the slide.",
    );
    assert.deepEqual(ofRule(uri, 'contrast'), []);

    const config = vscode.workspace.getConfiguration('isdeck');
    await config.update('rules', { 'min-font-size': { severity: 'error' } }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('min-font-size as an error', () => ofRule(uri, 'min-font-size')[0]?.severity === vscode.DiagnosticSeverity.Error, 30_000);
      await config.update('rules', { 'min-font-size': { options: { minPx: 10 } } }, vscode.ConfigurationTarget.Workspace);
      await waitFor('min-font-size quiet at minPx 10', () => ofRule(uri, 'min-font-size').length === 0, 30_000);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('min-font-size back as a warning', () => ofRule(uri, 'min-font-size')[0]?.severity === vscode.DiagnosticSeverity.Warning, 30_000);

    const style = editor.document.getText().split('\n').indexOf('<style scoped>');
    await editor.edit((edit) => edit.insert(new vscode.Position(style, 0), '<!-- isdeck-disable min-font-size -->\n\n'));
    try {
      // Rendered problems stay until a measurement replaces them: gone means re-rendered, re-measured and disabled.
      await waitFor('min-font-size disabled inline', () => ofRule(uri, 'min-font-size').length === 0, 30_000);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor('min-font-size back after the revert', () => ofRule(uri, 'min-font-size').length === 1, 30_000);
  });

  test('a rendered rule set off in .isdeckrc.json gives nothing; the others still run', async () => {
    const uri = fixture('rendered', 'off', 'low-contrast.md');
    await openDeck(uri);
    await waitFor('off/low-contrast.md linted', () => api.diagnostics.state(uri));
    assert.equal(api.configService.forDocument(uri).resolved.rules.get('contrast')?.severity, 'off');
    const measured = nextMeasurement(uri);
    assert.equal(await vscode.commands.executeCommand('isdeck.showPreview', uri), true);
    const measurement = await measured;
    assert.deepEqual(measurement.problems, [], 'measured (slide-overflow and min-font-size ran), nothing reported');
    assert.deepEqual(ofRule(uri, 'contrast'), []);
  });
});
