/**
 * snippets/isdeck.code-snippets is generated from the slide types' declarations: the committed
 * file is exactly what the generator writes (run `npm run snippets` after changing a type), it
 * has one snippet for every slide type and the whole deck, and each slide snippet, appended to
 * the deck snippet with its defaults, renders one more slide of its type.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDeck } from '../../src/core/render';
import { SLIDE_TYPES } from '../../src/core/slide-types';
import { codeSnippetsFile } from '../../src/core/snippets/code-snippets';
import { expandSnippet } from '../../src/core/snippets/expand';
import { PROJECT_ROOT } from '../helpers/cli';

const COMMITTED = readFileSync(join(PROJECT_ROOT, 'snippets/isdeck.code-snippets'), 'utf8');
const SNIPPETS = JSON.parse(COMMITTED) as Record<string, { prefix: string; body: string[]; scope: string }>;

describe('snippets/isdeck.code-snippets', () => {
  it('is exactly what the generator writes from the declarations (run `npm run snippets` on drift)', () => {
    expect(COMMITTED).toBe(codeSnippetsFile());
  });

  it('has a markdown snippet for every slide type, in the house order, then is-deck', () => {
    expect(Object.values(SNIPPETS).map((snippet) => snippet.prefix)).toEqual([...SLIDE_TYPES.map((type) => `is-${type}`), 'is-deck']);
    expect(new Set(Object.values(SNIPPETS).map((snippet) => snippet.scope))).toEqual(new Set(['markdown']));
  });

  it.each(SLIDE_TYPES)('is-%s after is-deck starts a new slide of its type', (type) => {
    const deck = expandSnippet(SNIPPETS['New house deck']!.body);
    const slide = expandSnippet(SNIPPETS[`House slide: ${type}`]!.body);
    const { html, slideCount } = renderDeck(`${deck}\n${slide}`);
    expect(slideCount).toBe(4);
    expect([...html.matchAll(/<section[^>]*class="([^"]*)"/g)].map((match) => match[1]).at(-1)).toBe(type);
  });
});
