/**
 * One lint of one deck, as plain data in and out, so it can run in the extension host or in
 * the lint worker thread alike. No `vscode` import: the worker cannot load it.
 */
import { resolveConfig, type ConfigFile } from '../core/config/schema';
import { IncrementalDeckParser } from '../core/deck/incremental';
import type { DeckRefusal } from '../core/deck/types';
import { fixText } from '../core/lint/fix';
import { lintDeck } from '../core/lint/lint';
import { nodeEnvironment } from '../core/lint/node-environment';
import { allRules } from '../core/rules';
import type { Problem } from '../core/rules/rule';

export interface LintJob {
  text: string;
  file: string | undefined;
  layers: ConfigFile[];
  workspaceRoot: string | undefined;
  /** The open document's URI: its parser is kept, so an edit re-parses only the slides it touched. */
  key?: string;
}

/** A fix-all of one deck: the same inputs as a lint, no parser kept. */
export type FixJob = Omit<LintJob, 'key'>;

export interface LintOutcome {
  problems: Problem[];
  /** Set when the deck is past a budget (slides, YAML aliases): nothing else was checked. */
  refused?: DeckRefusal;
  slides: number;
  parts: number;
  /** 0-based first line of each slide, for following the cursor in the preview. */
  slideStartLines: number[];
  durationMs: number;
}

const MAX_PARSERS = 32;
const parsers = new Map<string, IncrementalDeckParser>();

function parserFor(key: string | undefined): IncrementalDeckParser {
  if (key === undefined) return new IncrementalDeckParser();
  let parser = parsers.get(key);
  if (parser) {
    parsers.delete(key);
  } else {
    parser = new IncrementalDeckParser();
    if (parsers.size >= MAX_PARSERS) parsers.delete(parsers.keys().next().value!);
  }
  parsers.set(key, parser);
  return parser;
}

export function forgetLintState(key: string): void {
  parsers.delete(key);
}

export function runLintJob(job: LintJob): LintOutcome {
  const started = performance.now();
  const config = resolveConfig(allRules, job.layers);
  let deck;
  try {
    deck = parserFor(job.key).parse(job.text, job.file);
  } catch {
    // An incremental parse that trips is retried from scratch.
    if (job.key) forgetLintState(job.key);
    deck = new IncrementalDeckParser().parse(job.text, job.file);
  }
  const problems = lintDeck(deck, { config, environment: nodeEnvironment(job.workspaceRoot) });
  return {
    problems,
    ...(deck.refused && { refused: deck.refused }),
    slides: deck.slides.length,
    parts: deck.parts.length,
    slideStartLines: deck.slides.map((slide) => slide.range.line - 1),
    durationMs: performance.now() - started,
  };
}

export function runFixJob(job: FixJob): string {
  const config = resolveConfig(allRules, job.layers);
  return fixText(job.text, job.file, { config, environment: nodeEnvironment(job.workspaceRoot) }).text;
}
