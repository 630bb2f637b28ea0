/**
 * No word broken inside in the PowerPoint: a spectrum's stages shrink (Carlito widths) until
 * every word fits its chevron, down to the house minimum, and the export warns about what does
 * not fit even then. Checked in LibreOffice's drawing (PPTX → PDF → text): a word broken inside
 * comes out as two pieces on two lines.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import { exportPptx } from '../../src/core/export/pptx';
import { needTools, pdftoppm, soffice } from '../helpers/tools';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'isdeck-pptx-fit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SIX_STAGES = ['Informing', 'Consulting', 'Involving', 'Community', 'Participatory budgeting', 'Co-design'];

function spectrumDeck(size: string, stages: readonly string[]): string {
  return [
    '---',
    'marp: true',
    'theme: improvement-service',
    `size: ${size}`,
    '---',
    '',
    '<!-- _class: spectrum -->',
    '',
    '## Six stages of engagement',
    '',
    ...stages.map((stage, index) => `${index + 1}. ${stage}`),
    '',
  ].join('\n');
}

async function exportDeck(name: string, text: string): Promise<{ path: string; warnings: readonly unknown[] }> {
  const deckPath = join(work, `${name}.md`);
  const path = join(work, `${name}.pptx`);
  const { warnings } = await exportPptx(parseDeck(text, deckPath), { deckPath, outPath: path, workspaceRoot: work });
  return { path, warnings };
}

const office = needTools([soffice, pdftoppm]);

describe.skipIf(office.skip)('spectrum stages in PowerPoint', () => {
  for (const size of ['16:9', '4:3']) {
    it(`draws six stages at ${size} with every word whole, and no warning`, async () => {
      office.assertPresent();
      const name = `six-${size.replace(':', 'x')}`;
      const { path, warnings } = await exportDeck(name, spectrumDeck(size, SIX_STAGES));
      expect(warnings).toEqual([]);
      const profile = join(work, 'lo-profile');
      await run('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', work, path], { timeout: 150_000 });
      const { stdout } = await run('pdftotext', [join(work, `${name}.pdf`), '-']);
      const words = stdout.split(/\s+/);
      for (const word of SIX_STAGES.flatMap((stage) => stage.split(' '))) expect(words, word).toContain(word);
    }, 200_000);
  }
});

describe('a stage that cannot fit at the house minimum', () => {
  it('is drawn at 11 pt and named in a typed warning at its line', async () => {
    const { warnings } = await exportDeck('empowerment', spectrumDeck('4:3', [...SIX_STAGES.slice(0, 5), 'Empowerment']));
    expect(warnings).toEqual([
      {
        source: 'pptx',
        cause: 'text-not-fitted',
        slide: 1,
        line: 16,
        message: 'Spectrum stage 6: the word "Empowerment" is wider than the stage even at 11 pt, so it is broken inside; shorten the stage or use fewer stages.',
      },
    ]);
  });
});
