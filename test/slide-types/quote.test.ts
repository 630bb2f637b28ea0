/**
 * The `quote` slide type, added through its declaration alone (src/core/slide-types/quote.ts,
 * its CSS, its drawer): it renders as a pull-quote in both sizes, lints clean, and its
 * PowerPoint slide holds the title in the title placeholder, the quotation as real text in the
 * body placeholder and the attribution as text.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import { exportPptx } from '../../src/core/export/pptx';
import { renderDeck } from '../../src/core/render';
import { PROJECT_ROOT } from '../helpers/cli';
import { lintString } from '../helpers/lint';
import { slideObjects } from '../helpers/pptx-accessibility';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/slide-types/quote.md');
const DECK = readFileSync(FIXTURE, 'utf8');
const NARROW = DECK.replace('size: 16:9', 'size: 4:3');

const work = mkdtempSync(join(tmpdir(), 'isdeck-quote-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Each `<section>` of the rendered deck: its class, its fitting step, and its inner HTML. */
function sections(markdown: string): { className: string; fit: string; html: string }[] {
  return [...renderDeck(markdown).html.matchAll(/<section([^>]*)>([\s\S]*?)<\/section>/g)].map(([, attributes, html]) => ({
    className: /class="([^"]*)"/.exec(attributes!)?.[1] ?? '',
    fit: /data-is-fit="(\d+)"/.exec(attributes!)?.[1] ?? '',
    html: html!,
  }));
}

describe('quote: render', () => {
  it.each([
    ['16:9', DECK],
    ['4:3', NARROW],
  ])('%s: a quote section with the blockquote, then the attribution paragraph, fitted without shrinking', (_, markdown) => {
    const slides = sections(markdown).filter((slide) => slide.className === 'quote');
    expect(slides.map((slide) => [slide.className, slide.fit])).toEqual([
      ['quote', '0'],
      ['quote', '0'],
    ]);
    expect(slides[0]!.html).toMatch(
      /<blockquote>\s*<p>Nobody knows a street better than the people who live on it, so we asked them <strong>first<\/strong>\.<\/p>\s*<\/blockquote>\s*<p>— Community council member, Perth<\/p>/,
    );
  });

  it('the theme styles the quotation and the attribution at both sizes', () => {
    const { css } = renderDeck(DECK);
    expect(css).toMatch(/section\.quote > blockquote\{[^}]*font-size:1\.3em/);
    expect(css).toMatch(/section\.quote > blockquote ~ p:not\(\.footnote-source\)\{[^}]*color:var\(--is-teal\)/);
    expect(css).toMatch(/section\[data-size='4:3'\]\.quote > blockquote\{font-size:1\.2em\}/);
  });
});

describe('quote: lint', () => {
  it('the fixture deck and its 4:3 version lint clean (no unknown-slide-type, no missing title)', () => {
    expect(lintString(DECK, {}, FIXTURE)).toEqual([]);
    expect(lintString(NARROW, {}, FIXTURE)).toEqual([]);
  });
});

describe('quote: PowerPoint', () => {
  it('puts the title in the title placeholder, the quotation in the body placeholder and the attribution as text, on the Quote layout', async () => {
    const out = join(work, 'quote.pptx');
    await exportPptx(parseDeck(DECK, FIXTURE), { deckPath: FIXTURE, outPath: out, workspaceRoot: PROJECT_ROOT });
    const zip = await JSZip.loadAsync(readFileSync(out));
    const slide = await zip.file('ppt/slides/slide2.xml')!.async('string');
    const objects = slideObjects(slide);
    expect(objects.filter((object) => object.placeholder === 'title').map((object) => object.text)).toEqual(['In Their Words']);
    expect(objects.filter((object) => object.placeholder === 'body').map((object) => object.text)).toEqual([
      'Nobody knows a street better than the people who live on it, so we asked them first.',
    ]);
    expect(objects.some((object) => object.placeholder === undefined && object.text === '— Community council member, Perth')).toBe(true);
    const relationships = await zip.file('ppt/slides/_rels/slide2.xml.rels')!.async('string');
    const layoutPath = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(relationships)![1]!;
    const layout = await zip.file(`ppt/slideLayouts/${layoutPath}`)!.async('string');
    expect(layout).toContain('<p:cSld name="Quote">');
    const long = slideObjects(await zip.file('ppt/slides/slide3.xml')!.async('string'));
    expect(long.find((object) => object.placeholder === 'body')?.text).toContain('not the ones we expected.');
  });
});
