import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import { importPresentation } from '../../src/core/import/import';
import { PROJECT_ROOT } from '../helpers/cli';
import { defaultLint, noteWords, roundTrip, slideWords, tinyPng } from './helpers';
import { oldStyleDeck } from './old-style-deck';

const work = mkdtempSync(join(tmpdir(), 'isdeck-import-writers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function importFile(path: string) {
  const deckPath = join(work, 'out', 'deck.md');
  const result = importPresentation(readFileSync(path), { name: 'deck', deckPath, lint: defaultLint(work) });
  return { result, deck: parseDeck(result.markdown, deckPath) };
}

/** PPTX files converted by LibreOffice, each run with a profile of its own. */
function libreOfficeToPptx(sources: readonly string[], outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const profile = `file://${join(work, `lo-profile-${Math.random().toString(36).slice(2)}`)}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pptx', '--outdir', outDir, ...sources], { stdio: 'ignore', timeout: 300_000 });
}

describe('pptxgenjs, in the plain Office style of 2010', () => {
  it('types every slide, keeps the text, drops the furniture, skips the hidden slide, and lints clean', async () => {
    const picture = tinyPng(6, 4);
    writeFileSync(join(work, 'old.pptx'), await oldStyleDeck(picture, tinyPng(2, 2)));
    const { result, deck } = importFile(join(work, 'old.pptx'));
    expect(result.report.slides.map((slide) => `${slide.number} ${slide.type}`)).toEqual([
      '1 cover',
      '2 content',
      '3 models',
      '5 benefits-risks',
      '6 chart',
      '7 statistics',
      '8 spectrum',
      '9 discussion',
    ]);
    expect(result.report.hidden).toEqual([4]);
    expect(result.report.findings).toEqual([
      { slide: 5, message: 'the PowerPoint section "The Evidence" starts here: a house part opens with a cover; add one if a new session starts here' },
    ]);
    expect(result.report.problems).toEqual([]);
    const cover = deck.slides[0]!.cover!;
    expect([cover.series?.text, cover.date?.text, cover.deckTitle?.text, cover.presenter?.text, cover.organisation?.text]).toEqual([
      'Elected Members Masterclass',
      '24/03/2010',
      'Delivering Outcomes',
      'Bob Christie',
      'The Improvement Service',
    ]);
    expect(deck.slides[1]!.lists[0]!.items.map((item) => [item.text, item.children[0]?.items.map((child) => child.text)])).toEqual([
      ['Public output is at least 42% of GDP', ['employment and wages']],
      ['Retrenchment must be well managed', undefined],
    ]);
    expect(deck.slides[1]!.images.map((image) => image.alt)).toEqual(['Graph of public output by year']);
    expect(result.images.length).toBe(1);
    expect(Buffer.from(result.images[0]!.data).equals(picture)).toBe(true);
    expect(deck.slides[2]!.lists[0]!.items.map((item) => item.boldLead?.bold)).toEqual(['Voluntarism', 'Co-production', 'Managerialism', 'Paternalism']);
    expect(deck.slides[4]!.tables[0]!.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['Denmark', '79'],
      ['France', '71'],
      ['Germany', '64'],
    ]);
    expect(deck.slides[4]!.tables[0]!.header.cells.map((cell) => cell.text)).toEqual(['Country', 'Belief']);
    expect(deck.slides[6]!.lists[0]!.items.map((item) => item.text)).toEqual(['Improve existing', 'Core vs non-core', 'Sector reform', 'Co-production']);
    expect(deck.slides[0]!.notes.map((note) => note.text)).toEqual(['Welcome: the session runs for ninety minutes.']);
    const all = deck.slides.flatMap(slideWords);
    expect(all).not.toContain('efficiency');
    expect(all.filter((word) => word === 'Improvement')).toEqual(['Improvement']);
  });
});

describe('LibreOffice', () => {
  const decks = [join(PROJECT_ROOT, 'decks/masterclass-2010-03-24.md'), join(PROJECT_ROOT, 'test/fixtures/import/every-type.md')];
  const converted = join(work, 'libreoffice');

  beforeAll(async () => {
    const sources = [join(work, 'libreoffice-masterclass.fodp')];
    copyFileSync(join(PROJECT_ROOT, 'test/fixtures/import/libreoffice-masterclass.fodp'), sources[0]!);
    // The project's own exports, to be written again by LibreOffice.
    for (const [index, deck] of decks.entries()) {
      await roundTrip(deck, async (pptx) => {
        const copy = join(work, `export-${index}.pptx`);
        copyFileSync(pptx, copy);
        sources.push(copy);
        return pptx;
      });
    }
    libreOfficeToPptx(sources, converted);
  }, 600_000);

  it('reads a hand-written flat ODP deck saved as PPTX: title and outline placeholders, cards, a table, chevrons, notes', () => {
    const { result, deck } = importFile(join(converted, 'libreoffice-masterclass.pptx'));
    expect(result.report.slides.map((slide) => slide.type)).toEqual(['cover', 'content', 'models', 'benefits-risks', 'spectrum', 'discussion']);
    expect([result.report.findings, result.report.problems]).toEqual([[], []]);
    expect(deck.frontMatter?.data).toMatchObject({ size: '4:3', title: 'Community Planning in Practice', lang: 'en-GB' });
    expect(deck.slides[1]!.lists[0]!.items.map((item) => [item.text, item.children[0]?.items.map((child) => child.text)])).toEqual([
      ['The council and its partners', ['health boards and police', 'the third sector']],
      ['Communities themselves', undefined],
    ]);
    expect(deck.slides[2]!.lists[0]!.items.map((item) => `${item.boldLead?.bold}: ${item.boldLead?.rest}`)).toEqual([
      'Consultation: asking people what they think',
      'Participation: people take part in decisions',
      'Co-design: people shape the service',
      'Co-production: people deliver it with us',
    ]);
    expect(deck.slides[4]!.lists[0]!.items.map((item) => item.text)).toEqual(['Assess need', 'Agree outcomes', 'Deliver together', 'Review']);
    expect(deck.slides[0]!.notes.map((note) => note.text)).toEqual(['Timing: ten minutes for introductions.']);
  });

  it.each(decks.map((deck, index) => [deck.slice(PROJECT_ROOT.length + 1), index] as const))(
    '%s, exported by isdeck and saved again by LibreOffice, comes back with its types, words and notes',
    (_, index) => {
      const original = parseDeck(readFileSync(decks[index]!, 'utf8'), decks[index]);
      const { result, deck } = importFile(join(converted, `export-${index}.pptx`));
      expect(deck.slides.map((slide) => slide.type)).toEqual(original.slides.map((slide) => slide.type));
      expect(deck.slides.map(slideWords)).toEqual(original.slides.map(slideWords));
      expect(deck.slides.map(noteWords)).toEqual(original.slides.map(noteWords));
      // The label column's header travels as the chart's category-axis title, which
      // LibreOffice keeps (it drops the chart's alt text): nothing needs a person.
      expect(result.report.findings).toEqual([]);
    },
  );
});
