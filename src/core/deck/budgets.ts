/**
 * Budgets a deck must keep before Marp parses it, checked by one linear scan of the text.
 * Marp's work grows with the number of slides, and the YAML it reads in front-matter and
 * directive comments can expand aliases without bound; a deck past a budget is refused with
 * one line naming the budget and the line, and nothing else is read from it.
 */
import { frontMatterLines } from './blocks';
import type { DeckRefusal } from './types';
import { parseYamlDocument, YAML_ALIAS_MESSAGE, yamlData, yamlTextOverBudget } from '../yaml-budget';

/** The most slides a deck may have. A real deck has tens; Marpit's cost grows with the count. */
export const MAX_SLIDES = 1000;

/**
 * The most emoji-like characters one line may hold with no ASCII character (a space, a
 * letter) between them. marp-core's emoji rule takes time growing with the square of the
 * emoji in one run of text; isdeck cuts runs at ASCII characters, and this bounds the rest.
 */
export const MAX_EMOJI_RUN = 5000;

/** The first budget the deck text (byte-order mark removed) exceeds, or undefined. */
export function checkDeckBudgets(lines: readonly string[]): DeckRefusal | undefined {
  return checkSlideCount(lines) ?? checkEmojiRuns(lines) ?? checkFrontMatterAliases(lines) ?? checkCommentAliases(lines);
}

/**
 * An upper bound of the slide count: one more than the lines that could be a slide break (a
 * thematic break such as `---`, `***` or `___`; with `headingDivider`, any heading too), code
 * blocks included. The line named is the break that passes the limit.
 */
function checkSlideCount(lines: readonly string[]): DeckRefusal | undefined {
  const headingsBreak = lines.some((line) => line.includes('headingDivider'));
  let slides = 1;
  for (let index = frontMatterLines(lines)?.end ?? 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!isThematicBreak(line) && !(headingsBreak && isHeadingLine(line))) continue;
    if (++slides > MAX_SLIDES) {
      return {
        message: `the deck has more than ${MAX_SLIDES.toLocaleString('en-GB')} slides (counting every \`---\` slide break); split it into smaller decks`,
        line: index + 1,
      };
    }
  }
  return undefined;
}

/** `---`, `***`, `___` (three or more, spaces between allowed), indented at most three spaces. */
function isThematicBreak(line: string): boolean {
  let at = 0;
  while (at < 3 && line[at] === ' ') at++;
  const marker = line[at];
  if (marker !== '-' && marker !== '*' && marker !== '_') return false;
  let count = 0;
  for (; at < line.length; at++) {
    const char = line[at];
    if (char === marker) count++;
    else if (char !== ' ' && char !== '\t') return false;
  }
  return count >= 3;
}

/** An ATX heading (`#` … `######`) or a setext underline (`===`). */
function isHeadingLine(line: string): boolean {
  const trimmed = line.trimStart();
  if (line.length - trimmed.length > 3) return false;
  return /^#{1,6}(?:[ \t]|$)/.test(trimmed) || /^=+[ \t]*$/.test(trimmed);
}

function checkEmojiRuns(lines: readonly string[]): DeckRefusal | undefined {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    let run = 0;
    for (let at = 0; at < line.length; at++) {
      const code = line.charCodeAt(at);
      if (code < 0x80) run = 0;
      else if (isEmojiLike(code) && ++run > MAX_EMOJI_RUN) {
        return {
          message: `a line holds more than ${MAX_EMOJI_RUN.toLocaleString('en-GB')} emoji with no space between them; put spaces between them or split the line`,
          line: index + 1,
        };
      }
    }
  }
  return undefined;
}

/** The start of a character outside the Basic Multilingual Plane (most emoji), or a BMP symbol that can be an emoji. */
function isEmojiLike(code: number): boolean {
  return (code >= 0xd800 && code <= 0xdbff) || (code >= 0x2000 && code <= 0x2bff) || code === 0xa9 || code === 0xae || (code >= 0x3030 && code <= 0x3299);
}

function checkFrontMatterAliases(lines: readonly string[]): DeckRefusal | undefined {
  const frontMatter = frontMatterLines(lines);
  if (!frontMatter) return undefined;
  const yaml = lines.slice(1, frontMatter.closed ? frontMatter.end - 1 : frontMatter.end).join('\n');
  if (!yaml.includes('*')) return undefined;
  const read = yamlData(parseYamlDocument(yaml));
  return 'overBudget' in read ? { message: `front-matter: ${YAML_ALIAS_MESSAGE}`, line: 1 } : undefined;
}

/**
 * Every `<!-- … -->` (or an unclosed `<!--` to the end), as Marpit reads each one as YAML for
 * directives, code blocks included. Found by `indexOf`, so each character is read once.
 */
function checkCommentAliases(lines: readonly string[]): DeckRefusal | undefined {
  const text = lines.join('\n');
  if (!text.includes('&')) return undefined;
  let open = text.indexOf('<!--');
  while (open >= 0) {
    const close = text.indexOf('-->', open + 4);
    const end = close < 0 ? text.length : close;
    if (yamlTextOverBudget(text.slice(open + 4, end))) {
      return { message: `comment: ${YAML_ALIAS_MESSAGE}`, line: lineOf(text, open) };
    }
    if (close < 0) break;
    open = text.indexOf('<!--', close + 3);
  }
  return undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** The one line a command prints for a refused deck: `file:line: what`. */
export function refusalLine(name: string, refusal: DeckRefusal): string {
  return `${name}:${refusal.line}: ${refusal.message}`;
}

/** Thrown by the renderer for a deck past a budget: a render has no place for a refusal. */
export class DeckBudgetError extends Error {
  constructor(readonly refusal: DeckRefusal) {
    super(`line ${refusal.line}: ${refusal.message}`);
    this.name = 'DeckBudgetError';
  }
}
