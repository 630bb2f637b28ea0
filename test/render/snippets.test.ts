import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChartValue } from '../../src/core/render/chart-plugin';
import { renderDeck } from '../../src/core/render/render';
import { findPackageRoot } from '../../src/core/render/theme';
import { dateVariables, expandSnippet, type SnippetDefinition } from './snippet-expand';

const snippets = JSON.parse(
  readFileSync(join(findPackageRoot(), 'snippets', 'isdeck.code-snippets'), 'utf8'),
) as Record<string, SnippetDefinition>;

const byPrefix = new Map(Object.values(snippets).map((s) => [String(s.prefix), s]));

const TYPES = ['cover', 'content', 'models', 'benefits-risks', 'statistics', 'chart', 'spectrum', 'discussion'];
const NOW = new Date(2026, 2, 5, 9, 7, 3); // 05/03/2026

function expand(prefix: string): string {
  const snippet = byPrefix.get(prefix);
  if (!snippet) throw new Error(`no snippet ${prefix}`);
  return expandSnippet(snippet.body, { now: NOW });
}

/** The HTML of the last slide. */
function lastSlide(html: string): string {
  const parts = html.split(/<section\b/);
  return `<section${parts.at(-1) ?? ''}`.split('</section>')[0] ?? '';
}

function texts(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, '').trim(),
  );
}

describe('snippet expander', () => {
  it('replaces placeholders by their defaults', () => {
    expect(expandSnippet('a ${1:one} b ${2|x,y|} c $3 d $0 e ${4}')).toBe('a one b x c  d  e ');
    expect(expandSnippet(['${1:nested ${2:inner}}', '$2 $1'])).toBe('nested inner\ninner nested inner');
    expect(expandSnippet('\\$1 \\} \\\\ $')).toBe('$1 } \\ $');
    expect(expandSnippet('${1|a\\,b,c|}')).toBe('a,b');
    expect(expandSnippet('${UNKNOWN:fallback} $UNKNOWN ${TM_FILENAME}')).toBe('fallback  ');
  });

  it('fills date variables with today’s values', () => {
    expect(expandSnippet('${CURRENT_DATE}/${CURRENT_MONTH}/${CURRENT_YEAR} $CURRENT_YEAR_SHORT', { now: NOW })).toBe(
      '05/03/2026 26',
    );
    expect(dateVariables(NOW).CURRENT_MONTH_NAME).toBe('March');
    const today = new Date();
    expect(expandSnippet('${CURRENT_YEAR}')).toBe(String(today.getFullYear()));
  });

  it('refuses what it does not understand', () => {
    expect(() => expandSnippet('${1/(.*)/$1/}')).toThrow(/transforms/);
    expect(() => expandSnippet('${1:open')).toThrow();
  });
});

describe('snippets file', () => {
  it('has one markdown snippet a slide type and a whole deck', () => {
    const prefixes = [...byPrefix.keys()].sort();
    expect(prefixes).toEqual(['is-deck', ...TYPES.map((t) => `is-${t}`)].sort());
    for (const snippet of Object.values(snippets)) {
      expect(snippet.scope).toBe('markdown');
      expect(snippet.description?.length ?? 0).toBeGreaterThan(10);
      expect(Array.isArray(snippet.body)).toBe(true);
    }
  });

  it.each(TYPES)('is-%s begins with the slide separator and its class', (type) => {
    const lines = expand(`is-${type}`).split('\n');
    expect(lines[0]).toBe('---');
    expect(lines.filter((l) => l.trim() !== '')[1]).toBe(`<!-- _class: ${type} -->`);
  });
});

describe('snippets render as house decks', () => {
  const base = expand('is-deck');

  it('is-deck: front-matter, cover with today’s date, content, discussion', () => {
    expect(base).toMatch(/^---\nmarp: true\ntheme: improvement-service\nsize: 16:9\nlang: en-GB\npaginate: true\ntitle: "Deck title"\n---\n/);
    const deck = renderDeck(base);
    expect(deck.slideCount).toBe(3);
    expect(deck.title).toBe('Deck title');
    expect(deck.lang).toBe('en-GB');
    const classes = [...deck.html.matchAll(/<section\b[^>]*\bclass="([^"]+)"/g)].map((m) => m[1]);
    expect(classes).toEqual(['cover', 'content', 'discussion']);
    expect(deck.html).toContain('05/03/2026');
    // The agenda items are slide titles of the deck.
    const agenda = texts(deck.html.split('</section>')[0] ?? '', 'li');
    const titles = texts(deck.html, 'h2');
    for (const item of agenda) expect(titles.map((t) => t.toLowerCase())).toContain(item.toLowerCase());
    expect(deck.css).toContain('efficiency | quality | accountability');
  });

  it.each(TYPES)('is-%s appended to is-deck renders one more slide of its type', (type) => {
    const deck = renderDeck(`${base}\n${expand(`is-${type}`)}`);
    expect(deck.slideCount).toBe(4);
    const slide = lastSlide(deck.html);
    expect(slide).toMatch(new RegExp(`class="${type}"`));
    if (type !== 'cover') expect(texts(slide, 'h2')).toHaveLength(1);
  });

  it('is-cover repeats the cover fields with a valid dd/mm/yyyy date and a part title', () => {
    const slide = lastSlide(renderDeck(`${base}\n${expand('is-cover')}`).html);
    const [series, presenter] = texts(slide, 'p');
    expect(series).toMatch(/^Elected Members Masterclass\s*\n?\s*05\/03\/2026$/);
    expect(texts(slide, 'h1')).toEqual(['Deck title']);
    expect(texts(slide, 'h2')).toEqual(['Part title']);
    expect(presenter).toMatch(/^Presenter name\s*\n?\s*The Improvement Service$/);
  });

  it('is-content has a title, bullets at most two levels and a callout', () => {
    const slide = lastSlide(renderDeck(`${base}\n${expand('is-content')}`).html);
    expect(slide).toContain('<blockquote>');
    expect(slide).not.toMatch(/<ul>\s*<li>[^]*<ul>\s*<li>[^]*<ul>/);
  });

  it('is-models has exactly four **Name** – description items with unique names', () => {
    const slide = lastSlide(renderDeck(`${base}\n${expand('is-models')}`).html);
    const names = texts(slide, 'strong');
    expect(names).toHaveLength(4);
    expect(new Set(names).size).toBe(4);
    expect(slide.match(/<li><strong>[^<]+<\/strong><span class="is-sep"[^>]*> – <\/span>\S/g)).toHaveLength(4);
  });

  it('is-benefits-risks has a table headed exactly Benefits | Risks, no empty row', () => {
    const slide = lastSlide(renderDeck(`${base}\n${expand('is-benefits-risks')}`).html);
    expect(texts(slide, 'th')).toEqual(['Benefits', 'Risks']);
    expect(texts(slide, 'td').every((t) => t.length > 0)).toBe(true);
  });

  it('is-statistics items are all **figure** – label', () => {
    const md = expand('is-statistics');
    const items = md.split('\n').filter((l) => l.startsWith('- '));
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) expect(item).toMatch(/^- \*\*[^*]+\*\* – \S/);
  });

  it('is-chart has a numeric table and is drawn as a chart', () => {
    const md = expand('is-chart');
    const rows = md.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('|---'));
    for (const row of rows.slice(1)) {
      const cells = row.split('|').slice(2, -1);
      for (const cell of cells) expect(parseChartValue(cell)).toBeDefined();
    }
    const slide = lastSlide(renderDeck(`${base}\n${md}`).html);
    expect(slide).toContain('<svg class="is-chart"');
    expect(slide.match(/class="is-chart-bar"/g)).toHaveLength(6);
  });

  it('is-spectrum is an ordered list of 2 to 6 stages', () => {
    const slide = lastSlide(renderDeck(`${base}\n${expand('is-spectrum')}`).html);
    const stages = texts(slide.split('<ol>')[1] ?? '', 'li');
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.length).toBeLessThanOrEqual(6);
  });

  it('is-discussion has the heading and one question ending in ?', () => {
    const slide = lastSlide(renderDeck(`${base}\n${expand('is-discussion')}`).html);
    expect(texts(slide, 'h2')).toEqual(['Group Discussion']);
    const paragraphs = texts(slide, 'p');
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]).toMatch(/\?$/);
  });
});
