/**
 * The deck fuzzer: decks from the repository's corpus and generated ones, mutated the way a
 * careless edit or a hostile author would (lines inserted, deleted and duplicated; slide
 * breaks, comments, fences, directives, YAML, styles, math, Unicode and control characters),
 * each checked against what isdeck promises:
 *
 * - no exception from parse, lint, fix, the editor's incremental re-lint or render;
 * - every problem and fix range inside the file;
 * - the editor's incremental re-lint, after each of a few edits, equals a fresh lint;
 * - `--fix` is idempotent, and the fixed deck parses;
 * - the text rules change prose only: with them alone, everything that is not prose is
 *   byte for byte what it was.
 *
 * `npm run fuzz` runs it long (scripts/fuzz.mjs); test/fuzz/fuzz.test.ts runs a short,
 * seeded run in `npm test`; every deck it ever found is kept in test/fixtures/fuzz/.
 */
import { resolveConfig } from '../../src/core/config/schema';
import { DeckBudgetError } from '../../src/core/deck/budgets';
import { IncrementalDeckParser } from '../../src/core/deck/incremental';
import { parseDeck } from '../../src/core/deck/parse';
import type { Deck, SourceRange } from '../../src/core/deck/types';
import { fixText } from '../../src/core/lint/fix';
import { lintDeck, type LintOptions } from '../../src/core/lint/lint';
import { renderDeck } from '../../src/core/render/render';
import { allRules } from '../../src/core/rules';
import type { Problem } from '../../src/core/rules/rule';
import { skeleton } from '../helpers/protected';
import { Random } from './random';

export interface Finding {
  /** Which promise failed. */
  check: 'exception' | 'range' | 'incremental' | 'idempotent' | 'fixed-parse' | 'prose-only';
  detail: string;
}

const environment = { workspaceRoot: undefined, fileExists: () => true, realPath: (path: string) => path };
const allOptions: LintOptions = { config: resolveConfig(allRules, []), environment };
/** The rules that edit words of text (as opposed to slide structure). */
const TEXT_RULES = allRules.filter((rule) => rule.id === 'uk-spelling');
const textOptions: LintOptions = { ...allOptions, rules: TEXT_RULES };

// ---------------------------------------------------------------------------------------------
// Decks

const PROSE = [
  'The organization will prioritize the program center.',
  'Our **color** scheme and *behavior* are `color: red` here.',
  'See https://example.org/color or ![center w:700](img/color.png) now.',
  'Math $x^2 + color$ and $$center$$ and costs $5 and $10.',
  '<span style="color:red" class="center">colored</span> text',
  '¹ Source: the neighborhood survey',
  'A footnote marker² in text, and <sup>3</sup>.',
  'Escapes \\* and &amp; and \\| pipes.',
  '[a link about color](http://c.org/center "title")',
];

const BLOCKS = [
  '<!-- _class: cover -->\n\nElected Members Masterclass\n24/03/2010\n\n# Delivering Outcomes\n\n## Part title\n\n- Agenda item\n\nBob Christie\nThe Improvement Service',
  '## The Economic Context\n\n- Public output is falling\n  - nested **point**\n- **£3bn** – saved by self care',
  '<!-- _class: models -->\n\n## Models\n\n- **Voluntarism** – a\n- **Co-production** – b\n- **Managerialism** – c\n- **Paternalism** – d',
  '<!-- _class: benefits-risks -->\n\n## Benefits and risks\n\n| benefits | RISKS |\n|---|---|\n| People | Cost |\n| | |',
  '<!-- _class: chart -->\n\n## Spending\n\n| Year | £m |\n|---|---|\n| 2010 | 12 |\n| 2011 | 14% |',
  '<!-- _class: spectrum -->\n\n## Spectrum\n\n- One\n- Two\n- Three',
  '<!-- _class: statistics -->\n\n## Figures\n\n- **£3bn** – saved\n- **42%** – of output',
  '<!-- _class: discussion -->\n\n## Talk it over\n\nWhat would co-production look like?',
  '<!-- _class: discusion -->\n\n## Typo\n\nText',
  '<!-- class: discussion -->\n\n## Inherited\n\nWhy?',
  '# A deck title on a content slide\n\nText',
  '```js\nconst color = "center";\n```',
  '<style>\nsection { color: red; text-align: center; }\n</style>',
  '<!-- header: "x" -->\n<!-- footer: y -->',
  '> Outcomes are the *why* of public service\n> provision, color',
  '![bg](back.png)\n\n![A chart](chart.png)',
];

const INSERTS = [
  '---',
  '***',
  '- - -',
  '',
  '<!--',
  '-->',
  '<!-- note about color -->',
  '<!-- _class: cover -->',
  '<!-- _class: discussion -->',
  '<!-- class: content -->',
  '<!-- headingDivider: 2 -->',
  '<!-- isdeck-disable uk-spelling -->',
  '<!-- isdeck-enable -->',
  '<!-- isdeck-disable-next-line -->',
  '```',
  '~~~',
  '    indented code',
  '<style>',
  '</style>',
  '<style scoped>',
  'a: &x [1, 2]',
  'b: *x',
  'theme: [',
  'marp: true',
  '$$',
  '## Group Discussion',
  '## Title',
  '#',
  '| a | b |',
  '|---|---|',
  '1. stage',
  '- **Bold** – lead',
  'Setext heading',
  '===',
  '\t\ttabs',
  '> quote',
  '¹',
  '😀👩‍👩‍👧🇬🇧',
  '\u0000\u0001\u001b[2J\u007f',
  '\ud800 lone \udc00',
  'e\u0301 \u202e rtl \u200d',
  '\r',
  'color center program',
];

function randomDeck(random: Random): string {
  const parts = ['---\nmarp: true\ntheme: improvement-service\n---'];
  const slides = 1 + random.int(8);
  for (let index = 0; index < slides; index++) {
    const block = random.pick(BLOCKS);
    parts.push(random.chance(0.5) ? `${block}\n\n${random.pick(PROSE)}` : block);
  }
  return parts.join('\n\n---\n\n') + (random.chance(0.7) ? '\n' : '');
}

/** One structure-aware change to a deck's lines. */
function mutateOnce(lines: string[], random: Random): void {
  const at = random.int(lines.length + 1);
  switch (random.int(9)) {
    case 0:
      lines.splice(at, 0, random.pick(INSERTS));
      break;
    case 1:
      if (lines.length > 1) lines.splice(Math.min(at, lines.length - 1), 1 + random.int(3));
      break;
    case 2:
      if (lines.length > 0) lines.splice(at, 0, ...lines.slice(Math.max(0, at - 1 - random.int(4)), at));
      break;
    case 3:
      lines.splice(at, 0, '', '---', '');
      break;
    case 4: {
      const index = Math.min(at, lines.length - 1);
      const line = lines[index] ?? '';
      const cut = random.int(line.length + 1);
      lines[index] = line.slice(0, cut) + random.pick([...INSERTS, ...PROSE]).slice(0, 1 + random.int(12)) + line.slice(cut);
      break;
    }
    case 5:
      lines.splice(at, 0, random.pick(PROSE));
      break;
    case 6: {
      const index = Math.min(at, lines.length - 1);
      lines[index] = (lines[index] ?? '').slice(0, random.int((lines[index] ?? '').length + 1));
      break;
    }
    case 7:
      lines.splice(at, 0, ...random.pick(BLOCKS).split('\n'));
      break;
    default: {
      const index = Math.min(at, lines.length - 1);
      lines[index] = `${'  '.repeat(random.int(3))}${random.pick(['', '- ', '> ', '1. ', '## ', '| '])}${(lines[index] ?? '').trimStart()}`;
    }
  }
}

/** A deck to check: a corpus deck or a generated one, mutated one to six times, with mixed line endings now and then. */
export function fuzzDeck(random: Random, corpus: readonly string[]): string {
  const base = corpus.length > 0 && random.chance(0.5) ? random.pick(corpus) : randomDeck(random);
  const lines = base.split('\n');
  const mutations = 1 + random.int(6);
  for (let index = 0; index < mutations; index++) mutateOnce(lines, random);
  const joined = lines.join('\n');
  return random.chance(0.1) ? joined.replace(/\n/g, '\r\n') : random.chance(0.05) ? `\ufeff${joined}` : joined;
}

// ---------------------------------------------------------------------------------------------
// Checks

/** Runs `work`; a thrown error becomes a finding. */
function attempt<T>(findings: Finding[], what: string, work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    findings.push({ check: 'exception', detail: `${what}: ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error)}` });
    return undefined;
  }
}

function rangeInside(deck: Deck, range: SourceRange): boolean {
  const { lines } = deck;
  const position = (line: number, column: number) => line >= 1 && line <= lines.length && column >= 1 && column <= (lines[line - 1] ?? '').length + 1;
  const ordered = range.line < range.endLine || (range.line === range.endLine && range.column <= range.endColumn);
  return position(range.line, range.column) && position(range.endLine, range.endColumn) && ordered;
}

function checkRanges(findings: Finding[], deck: Deck, problems: readonly Problem[]): void {
  for (const problem of problems) {
    const ranges = [problem.range, ...(problem.fix?.edits.map((edit) => edit.range) ?? [])];
    const outside = ranges.find((range) => !rangeInside(deck, range));
    if (outside) findings.push({ check: 'range', detail: `${problem.ruleId} ${JSON.stringify(outside)} (${deck.lines.length} lines)` });
  }
}

const comparable = (problems: readonly Problem[]) => JSON.stringify(problems);

/** Re-lints after each of a few one-line edits with the editor's parser, comparing with a fresh lint. */
function checkIncremental(findings: Finding[], text: string, random: Random): void {
  const parser = new IncrementalDeckParser();
  attempt(findings, 'incremental parse', () => parser.parse(text));
  let current = text;
  for (let edit = 0; edit < 3; edit++) {
    const lines = current.split('\n');
    mutateOnce(lines, random);
    current = lines.join('\n');
    const incremental = attempt(findings, 'incremental re-lint', () => lintDeck(parser.parse(current), allOptions));
    const fresh = attempt(findings, 'fresh lint', () => lintDeck(parseDeck(current), allOptions));
    if (incremental && fresh && comparable(incremental) !== comparable(fresh)) {
      findings.push({ check: 'incremental', detail: `after edit ${edit + 1}: ${JSON.stringify(current)}` });
      return;
    }
  }
}

/** Every check on one deck; `seed` drives the edits of the incremental check. */
export function checkDeck(text: string, seed = 1): Finding[] {
  const findings: Finding[] = [];
  const deck = attempt(findings, 'parse', () => parseDeck(text));
  if (!deck) return findings;
  const problems = attempt(findings, 'lint', () => lintDeck(deck, allOptions));
  if (problems) checkRanges(findings, deck, problems);
  attempt(findings, 'render', () => {
    try {
      renderDeck(text);
    } catch (error) {
      // A deck past a budget is refused; CSS that does not parse (a deck's own <style>) stops Marp's render with PostCSS's message.
      if (!(error instanceof DeckBudgetError) && !(error instanceof Error && error.name === 'CssSyntaxError')) throw error;
    }
  });
  checkIncremental(findings, text, new Random(seed));
  const fixed = attempt(findings, 'fix', () => fixText(text, undefined, allOptions));
  if (fixed && fixed.applied > 0) {
    const again = attempt(findings, 'fix again', () => fixText(fixed.text, undefined, allOptions));
    if (again && again.text !== fixed.text) findings.push({ check: 'idempotent', detail: `a second --fix changed ${again.applied} more` });
    const reparsed = attempt(findings, 'parse the fixed deck', () => parseDeck(fixed.text));
    if (reparsed?.refused && !deck.refused) findings.push({ check: 'fixed-parse', detail: `the fixed deck is refused: ${reparsed.refused.message}` });
  }
  const textFixable = problems?.some((problem) => problem.fix && TEXT_RULES.some((rule) => rule.id === problem.ruleId));
  const textFixed = textFixable ? attempt(findings, 'fix with the text rules', () => fixText(text, undefined, textOptions)) : undefined;
  if (textFixed && textFixed.applied > 0) {
    const after = attempt(findings, 'parse the text-fixed deck', () => parseDeck(textFixed.text));
    if (after && skeleton(after) !== skeleton(deck)) findings.push({ check: 'prose-only', detail: 'the text rules changed text outside prose' });
  }
  return findings;
}

/** A deck that broke a promise: the deck, the seed of its incremental edits, what was found. */
export interface FuzzFinding {
  seed: number;
  text: string;
  found: Finding[];
}

export interface FuzzRun {
  decks: number;
  findings: FuzzFinding[];
  ms: number;
}

export interface FuzzOptions {
  seed: number;
  count: number;
  timeMs: number;
  corpus: readonly string[];
  onFinding?: (finding: FuzzFinding) => void;
  onProgress?: (run: FuzzRun) => void;
}

/** Checks up to `count` decks from `seed`, stopping after `timeMs`. */
export function runFuzz(options: FuzzOptions): FuzzRun {
  const random = new Random(options.seed);
  const started = performance.now();
  const run: FuzzRun = { decks: 0, findings: [], ms: 0 };
  while (run.decks < options.count && performance.now() - started < options.timeMs) {
    const text = fuzzDeck(random, options.corpus);
    const seed = options.seed + run.decks;
    const found = checkDeck(text, seed);
    run.decks++;
    run.ms = performance.now() - started;
    if (found.length > 0) {
      const finding = { seed, text, found };
      run.findings.push(finding);
      options.onFinding?.(finding);
    }
    if (run.decks % 1000 === 0) options.onProgress?.(run);
  }
  run.ms = performance.now() - started;
  return run;
}
