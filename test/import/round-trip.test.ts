import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli';
import { noteWords, roundTrip, ruleIds, slideWords, tinyPng } from './helpers';

/** Every deck in decks/ (the template included) and the fixture with every slide type. */
const DECKS = [
  ...readdirSync(join(PROJECT_ROOT, 'decks'))
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .map((name) => join(PROJECT_ROOT, 'decks', name)),
  join(PROJECT_ROOT, 'test/fixtures/import/every-type.md'),
];

describe('round trip: export --pptx, then import', () => {
  it.each(DECKS.map((path) => [relative(PROJECT_ROOT, path), path]))('%s comes back with the same slide types, the same words on every slide, its notes and a clean lint', async (_, deckPath) => {
    const { original, imported, result } = await roundTrip(deckPath);
    expect(imported.slides.map((slide) => slide.type)).toEqual(original.slides.map((slide) => slide.type ?? 'content'));
    expect(imported.slides.map(slideWords)).toEqual(original.slides.map(slideWords));
    expect(imported.slides.map(noteWords)).toEqual(original.slides.map(noteWords));
    // Clean: no problem the original does not have once its inline disables are set aside.
    expect(ruleIds(imported, PROJECT_ROOT)).toEqual(ruleIds(original, PROJECT_ROOT));
    expect(result.report.findings).toEqual([]);
    expect(imported.frontMatter?.data).toMatchObject({ marp: true, theme: 'improvement-service', size: original.frontMatter?.data.size, lang: 'en-GB' });
  });
});

describe('round trip of pictures', () => {
  it('brings a picture back into <name>-images/ with its alt text, the same bytes, once however often it is used', async () => {
    const work = mkdtempSync(join(tmpdir(), 'isdeck-import-pictures-'));
    try {
      const png = tinyPng(8, 6);
      writeFileSync(join(work, 'chart.png'), png);
      const deck = join(work, 'pictures.md');
      writeFileSync(
        deck,
        `---\nmarp: true\ntheme: improvement-service\n---\n\n<!-- _class: content -->\n\n## Spending\n\n- Spending rose\n\n![Bar chart of spending by year](chart.png)\n\n---\n\n<!-- _class: content -->\n\n## Again\n\n![The same chart again](chart.png)\n`,
      );
      const { imported, result } = await roundTrip(deck);
      expect(result.images.map((image) => image.path)).toEqual(['deck-images/slide01-1.png']);
      expect(Buffer.from(result.images[0]!.data).equals(png)).toBe(true);
      expect(imported.slides.map((slide) => slide.images.map((image) => [image.alt, image.src]))).toEqual([
        [['Bar chart of spending by year', 'deck-images/slide01-1.png']],
        [['The same chart again', 'deck-images/slide01-1.png']],
      ]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
