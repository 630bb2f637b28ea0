/**
 * Adversarial decks of about 1 MB (the input limit), one for each pattern or parser path
 * that could take time or memory growing faster than the deck: every regular expression
 * and hand-written scan that reads deck text, and Marp's own rules. Used by the timed test
 * (test/hardening/adversarial.test.ts) and by `npm run bench`, which prints time and memory.
 */
import { resolveConfig } from '../../src/core/config/schema';
import { IncrementalDeckParser } from '../../src/core/deck/incremental';
import { fixText } from '../../src/core/lint/fix';
import { lintDeck, lintText } from '../../src/core/lint/lint';
import { allRules } from '../../src/core/rules';
import { renderDeck } from '../../src/core/render/render';
import { DeckBudgetError } from '../../src/core/deck/budgets';

/** The size of each deck: just under the 1 MiB input limit. */
/**
 * How big each adversarial deck is: just under the 1 MB input limit (`npm run test:hardening`,
 * `npm run bench`), or what ISDECK_ADVERSARIAL_BYTES says (`npm test` uses 256 KB, so CI
 * stays within its time on two cores; a pattern worse than linear still shows at that size).
 */
export const ADVERSARIAL_SIZE = Number(process.env.ISDECK_ADVERSARIAL_BYTES) || 1_040_000;

const FRONT = '---\nmarp: true\ntheme: improvement-service\n---\n\n';

/** A deck of `unit` repeated to the size, after front-matter and `prefix`, then `suffix`. */
function fill(unit: string, prefix = '', suffix = ''): string {
  // In bytes (UTF-8), as the 1 MB input budget counts them.
  const room = ADVERSARIAL_SIZE - Buffer.byteLength(FRONT + prefix + suffix);
  return FRONT + prefix + unit.repeat(Math.max(0, Math.floor(room / Buffer.byteLength(unit)))) + suffix;
}

export interface AdversarialCase {
  name: string;
  deck: () => string;
}

/** Generous: about ten times what the slowest case takes on a quiet two-core machine (all four stages). */
export const ADVERSARIAL_BUDGET_MS = 60_000;

/** Nested YAML aliases: `levels` anchors, each a list of ten aliases of the one before (10^levels nodes). */
export function aliasBomb(levels: number): string {
  let yaml = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let level = 1; level < levels; level++) yaml += `a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]\n`;
  return yaml;
}

/** Patterns of the model and the rules (test/hardening/adversarial-model.test.ts). */
export const MODEL_CASES: AdversarialCase[] = [
  { name: 'prose: `<a:` repeated (autolink-like text)', deck: () => fill('<a:') },
  { name: 'prose: `<a` tags never closed', deck: () => fill('<a ') },
  { name: 'prose: `$` math openers', deck: () => fill('$a ') },
  { name: 'prose: `$$` display math openers', deck: () => fill('$$a') },
  { name: 'prose: `http://` addresses', deck: () => fill('http://a.b/c ') },
  { name: 'prose: one word of 1 MB', deck: () => fill('a') },
  { name: 'uk-spelling: 150,000 US spellings to fix', deck: () => fill('color ', '## Title\n\n') },
  { name: 'images: `![a](` never closed', deck: () => fill('![a](') },
  { name: 'images: `![` never closed', deck: () => fill('![') },
  { name: 'images: escapes in alt text', deck: () => fill('\\]', '![', '](x.png)') },
  { name: 'links: `[a](` never closed', deck: () => fill('[a](') },
  { name: 'footnotes: superscript markers', deck: () => fill('¹ ') },
  { name: 'footnotes: `<sup>` never closed', deck: () => fill('<sup> ') },
  { name: 'entities: `&#` and `&amp;`', deck: () => fill('&#&amp;') },
  { name: 'tables: one row of 1 MB of cells', deck: () => fill('| a ', '| h | h |\n|---|---|\n') },
  { name: 'tables: 100,000 rows', deck: () => fill('| a | b |\n', '## Title\n\n| h | h |\n|---|---|\n') },
  { name: 'tables: escaped pipes', deck: () => fill('\\|', '| h | h |\n|---|---|\n| ') },
  { name: 'lists: 150,000 items with bold leads', deck: () => fill('- **a** – b\n', '<!-- _class: models -->\n\n## Title\n\n') },
  { name: 'lists: nesting 1,000 levels deep', deck: () => fill('  '.repeat(1000).concat('- a\n'), '- a\n') },
  { name: 'blockquotes: `>` 1 MB deep', deck: () => fill('> ') },
  { name: 'emphasis: `*` and `_` unmatched', deck: () => fill('*_') },
  { name: 'emphasis: `**a` unmatched', deck: () => fill('**a') },
  { name: 'code: backticks unmatched', deck: () => fill('`') },
  { name: 'code: ``` fences, 250,000', deck: () => fill('```\n') },
  { name: 'code: one fence never closed', deck: () => fill('color <!-- x\n', '```\n') },
  { name: 'headings: 100,000 `#` lines', deck: () => fill('# a\n') },
  { name: 'line breaks: backslash hard breaks', deck: () => fill('a\\\n') },
  { name: 'line breaks: blank lines only', deck: () => fill('\n') },
  { name: 'line breaks: CR only', deck: () => fill('a\r') },
  { name: 'unicode: lone surrogates and astral characters', deck: () => fill('\ud83d# 😀 é\n') },
];

/** Marpit's comment, style and slide rules, directives and budgets (test/hardening/adversarial-marp.test.ts). */
export const MARP_CASES: AdversarialCase[] = [
  { name: 'comments: `<!-- ` never closed (block)', deck: () => fill('<!-- ') },
  { name: 'comments: `<!-- ` never closed (in a paragraph)', deck: () => fill('<!-- ', 'x ') },
  { name: 'comments: `<!x` in a paragraph', deck: () => fill('<!x ', 'x ') },
  { name: 'comments: 40,000 directive comments', deck: () => fill('<!-- _class: content -->\n\n') },
  { name: 'comments: one comment of 100,000 keys', deck: () => fill('k: v\n', '<!--\n', '-->\n') },
  { name: 'comments: a key of 1 MB', deck: () => fill('a', '<!-- ', ': x -->\n') },
  { name: 'comments: keys that are regular expressions', deck: () => fill('<!-- (a+)+$: x -->\n<!-- C++: y -->\n<!-- Q&A (10: z -->\n') },
  { name: 'comments: `a:a:a:` in one comment', deck: () => fill('a:', '<!-- ', ' -->\n') },
  { name: 'comments: isdeck-disable never closed', deck: () => fill('<!-- isdeck-disable ') },
  { name: 'comments: 30,000 isdeck-disable comments among problems', deck: () => fill('<!-- isdeck-disable-next-line -->\ncolor\n\n') },
  { name: 'comments: YAML alias bomb (refused)', deck: () => fill(' ', `<!--\n${aliasBomb(9)}-->\n`) },
  { name: 'comments: 30,000 small anchors and aliases', deck: () => fill('<!-- a: &x [1]\nb: *x -->\n') },
  { name: 'style: `<style>` never closed, then `>`', deck: () => fill('>', '<style>\n') },
  { name: 'style: 80,000 `<style>` elements', deck: () => fill('<style>a{}</style>\n\n') },
  { name: 'front-matter: YAML alias bomb (refused)', deck: () => `---\nmarp: true\n${aliasBomb(9)}---\n\n${'x'.repeat(ADVERSARIAL_SIZE - 400)}` },
  { name: 'front-matter: one key a line, to the size', deck: () => `---\nmarp: true\n${Array.from({ length: Math.floor(ADVERSARIAL_SIZE / 10) }, (_, index) => `k${index}: v`).join('\n')}\n---\n\n# a\n` },
  { name: 'slides: 130,000 one-line slides (refused)', deck: () => fill('x\n\n---\n\n') },
  {
    name: 'slides: 1,000 slides (the limit), filled to the size',
    deck: () => FRONT + Array.from({ length: 1000 }, (_, index) => `## Slide ${index}\n\n${'- a bullet point of words\n'.repeat(Math.max(1, Math.floor(ADVERSARIAL_SIZE / 1000 / 27)))}`).join('\n---\n\n'),
  },
  { name: 'slides: headingDivider with 100,000 headings (refused)', deck: () => fill('## a\n', '<!-- headingDivider: 2 -->\n\n') },
  { name: 'parts: 999 covers with part titles', deck: () => FRONT + Array.from({ length: 999 }, (_, index) => `<!-- _class: cover -->\n\nS\n01/01/2020\n\n# T\n\n## Part ${index}\n\nP\nO\n`).join('\n---\n\n') },
];

export const ADVERSARIAL_CASES = [...MODEL_CASES, ...MARP_CASES];

const config = resolveConfig(allRules, []);
const environment = { workspaceRoot: undefined, fileExists: () => false, realPath: () => undefined };
const options = { config, environment };

export interface StageTimes {
  lint: number;
  fix: number;
  relint: number;
  render: number;
  /** Set when the deck was refused by a budget (lint, fix and render all say so). */
  refused?: string;
}

/**
 * Runs a deck through what a user does with it: lint, `--fix`, the editor's re-lint after a
 * one-line edit, and a render. Returns the milliseconds of each.
 */
export function exercise(text: string): StageTimes {
  const time = (run: () => void) => {
    const started = performance.now();
    run();
    return performance.now() - started;
  };
  let refused: string | undefined;
  const lint = time(() => {
    refused = lintText(text, undefined, options).deck.refused?.message;
  });
  const fix = time(() => fixText(text, undefined, options));
  const parser = new IncrementalDeckParser();
  parser.parse(text);
  const middle = text.indexOf('\n', text.length >> 1);
  const edited = middle < 0 ? `${text}x` : `${text.slice(0, middle)}x${text.slice(middle)}`;
  const relint = time(() => lintDeck(parser.parse(edited), options));
  const render = time(() => {
    try {
      renderDeck(text);
    } catch (error) {
      if (!(error instanceof DeckBudgetError)) throw error;
    }
  });
  return { lint, fix, relint, render, ...(refused !== undefined && { refused }) };
}

