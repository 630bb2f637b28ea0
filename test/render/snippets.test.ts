import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDeck } from '../../src/core/render/render';
import { findPackageRoot } from '../../src/core/render/theme';
import { lintString, summarise } from '../helpers/lint';
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
});

/**
 * A slide snippet placed where an author would put it: before the part's closing discussion
 * (a cover opens a new part, so it goes last, followed by a discussion of its own).
 */
function deckWith(type: string): string {
  const base = expand('is-deck');
  const slide = expand(`is-${type}`);
  if (type === 'cover') return `${base}\n${slide}\n${expand('is-discussion')}`;
  const closing = base.lastIndexOf('\n---\n');
  return `${base.slice(0, closing)}\n${slide}${base.slice(closing)}`;
}

describe('snippets pass the house validator', () => {
  it('is-deck with its defaults lints clean', () => {
    expect(lintString(expand('is-deck')).map(summarise)).toEqual([]);
  });

  it.each(TYPES)('is-%s with its defaults, inserted into is-deck, lints clean', (type) => {
    const text = deckWith(type);
    expect(lintString(text).map(summarise)).toEqual([]);
    expect(renderDeck(text).slideCount).toBe(type === 'cover' ? 5 : 4);
  });
});
