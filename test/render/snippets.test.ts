import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import { slideInsertion } from '../../src/core/deck/insert-slide';
import { renderDeck } from '../../src/core/render/render';
import { DECK_TEMPLATE, SLIDE_TEMPLATES, templateMarkdown } from '../../src/core/slide-catalogue';
import { dateVariables, expandSnippet } from '../../src/core/snippets/expand';
import { lintString, summarise } from '../helpers/lint';

const byPrefix = new Map<string, { body: readonly string[]; description: string }>([
  [DECK_TEMPLATE.prefix, DECK_TEMPLATE],
  ...SLIDE_TEMPLATES.map((template) => [template.prefix, template] as const),
]);

const TYPES = ['cover', 'content', 'models', 'benefits-risks', 'statistics', 'chart', 'spectrum', 'quote', 'discussion'];
const NOW = new Date(2026, 2, 5, 9, 7, 3); // 05/03/2026

function expand(prefix: string): string {
  const snippet = byPrefix.get(prefix);
  if (!snippet) throw new Error(`no snippet ${prefix}`);
  return expandSnippet(snippet.body, { now: NOW });
}

/** A slide template as the editor inserts it after the deck's last slide. */
function appended(deck: string, prefix: string): string {
  const at = slideInsertion(parseDeck(deck), Number.MAX_SAFE_INTEGER);
  return `${deck.trimEnd()}${at.before}${expand(prefix)}${at.after}`;
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
    expect(expandSnippet('${1:one} ${2:two ${3:three}} $1 $3', { values: { 1: 'typed $2', 3: 'x' } })).toBe('typed $2 two x typed $2 x');
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

describe('slide catalogue', () => {
  it('has one template a slide type, in the house order, and a whole deck', () => {
    expect(SLIDE_TEMPLATES.map((template) => template.prefix)).toEqual(TYPES.map((t) => `is-${t}`));
    for (const template of byPrefix.values()) expect(template.description.length).toBeGreaterThan(10);
  });

  it.each(TYPES)('is-%s begins with its class and has no slide break of its own', (type) => {
    const lines = expand(`is-${type}`).split('\n');
    expect(lines[0]).toBe(`<!-- _class: ${type} -->`);
    expect(lines).not.toContain('---');
  });

  it('shows a template as the Markdown it writes', () => {
    expect(templateMarkdown(SLIDE_TEMPLATES.find((t) => t.type === 'discussion')!.body)).toBe(
      '<!-- _class: discussion -->\n\n## Group Discussion\n\nWhat question should the group discuss?',
    );
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
    const deck = renderDeck(appended(base, `is-${type}`));
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
  if (type === 'cover') return appended(appended(base, `is-${type}`), 'is-discussion');
  const closing = base.lastIndexOf('\n---\n');
  return `${base.slice(0, closing)}\n\n---\n\n${slide}\n${base.slice(closing)}`;
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
