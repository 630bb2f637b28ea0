import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import { ConfigError, ConfigLoader, displayPath } from '../core/config/load';
import { findWorkspaceRoot } from '../core/config/workspace';
import { FORMAT_NAMES, FORMATTERS, isFormatName, ordered, type FileResult, type FormatName } from '../core/report';
import { decodeDeckBytes, MAX_DECK_BYTES, stdinTooBig } from '../core/io/read-text';
import { refusalLine } from '../core/deck/budgets';
import { fixText } from '../core/lint/fix';
import { parseDeck } from '../core/deck/parse';
import type { Deck } from '../core/deck/types';
import { BrowserNotFoundError, launchBrowser, type PdfBrowser } from '../core/export/browser';
import { lintText, sortProblems, type LintOptions } from '../core/lint/lint';
import { renderedProblems } from '../core/render-check/check';
import { leftOutRequests, slidePrefix } from '../core/export/left-out';
import { nodeEnvironment } from '../core/lint/node-environment';
import { allRules } from '../core/rules';
import type { Problem } from '../core/rules/rule';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, parseCommandArgs, say, UsageError, type CliIo, type Command } from './command';
import { readDeckFile } from './read-deck';
import { collectTargets } from './targets';
import { rewriteFileAtomicSync, writeFileAtomicSync } from '../core/io/atomic-write';
import { checkNewOutput, describeWriteError } from '../core/io/output-policy';

export const STDIN_NAME = '<stdin>';

const USAGE = `Usage: isdeck lint [options] [paths...]

Checks Marp decks against the Improvement Service house structure.

Paths are files, folders or globs (default: the current folder). A folder is searched for
.md files whose front-matter has \`marp: true\` (node_modules and dot-folders are skipped);
a glob's matches are filtered the same way; a file named explicitly is always linted,
unless --decks-only is given (for hooks that pass every staged Markdown file).
\`-\` reads one deck from standard input, reported as ${STDIN_NAME}.

Options:
  -f, --format NAME     ${FORMAT_NAMES.join(' | ')} (default: stylish)
  -o, --output FILE     write the report to FILE instead of standard output
      --fix             apply the available fixes to the files, then report what is left
      --max-warnings N  exit 1 when there are more than N warnings
  -c, --config FILE     use this configuration file instead of looking for .isdeckrc.*
  -q, --quiet           report errors only
      --render          also draw each deck in a browser and check what is drawn:
                        slide-overflow, min-font-size, contrast (or \`render: true\` in config)
      --browser-path P  the Chrome, Chromium or Edge to draw with (else ISDECK_BROWSER, else found)
      --allow-remote    with --render, let the page load the web resources the deck names
                        (default: no network request; or \`allowRemote: true\` in config)
      --decks-only      skip named files that are not Marp decks too
  -h, --help            show this help

Files are written atomically and never over an input of the run, a symbolic link, a
device, pipe or folder, or a read-only file; --fix follows a linked deck to its target and
does not write a deck with other hard links or one changed since it was read.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many
warnings, 2 bad usage, a bad configuration file, a file that could not be read or
written, or standard input over 1 MB.
`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  fix: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  config: { type: 'string', short: 'c' },
  quiet: { type: 'boolean', short: 'q' },
  'decks-only': { type: 'boolean' },
  render: { type: 'boolean' },
  'browser-path': { type: 'string' },
  'allow-remote': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface LintCommandOptions {
  paths: string[];
  format: FormatName;
  output: string | undefined;
  fix: boolean;
  maxWarnings: number | undefined;
  config: string | undefined;
  quiet: boolean;
  decksOnly: boolean;
  render: boolean;
  browserPath: string | undefined;
  allowRemote: boolean;
}

function parseOptions(args: string[]): LintCommandOptions | 'help' {
  const { values, positionals } = parseCommandArgs('lint', args, OPTIONS);
  if (values.help) return 'help';
  const format = values.format ?? 'stylish';
  if (!isFormatName(format)) throw new UsageError(`unknown format '${format}' (use ${FORMAT_NAMES.join(', ')})`, 'lint');
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const text = values['max-warnings'];
    if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, not '${text}'`, 'lint');
    maxWarnings = Number(text);
  }
  const paths = positionals.length === 0 ? ['.'] : positionals;
  if (values.fix && paths.includes('-')) throw new UsageError('--fix cannot be used with standard input (-)', 'lint');
  if (paths.filter((path) => path === '-').length > 1) throw new UsageError('standard input (-) can be given once', 'lint');
  if (values.output === '') throw new UsageError('--output needs a file name', 'lint');
  return {
    paths,
    format,
    output: values.output,
    fix: values.fix ?? false,
    maxWarnings,
    config: values.config,
    quiet: values.quiet ?? false,
    decksOnly: values['decks-only'] ?? false,
    render: values.render ?? false,
    browserPath: values['browser-path'],
    allowRemote: values['allow-remote'] ?? false,
  };
}

/** The outcome of `isdeck lint`, before printing: results, and messages for stderr. */
export interface LintRun {
  results: FileResult[];
  /** One-line messages: unreadable files, bad configuration, failed writes. Any of them means exit 2. */
  errors: string[];
  /** One-line notes that change no exit code: web resources the rendered checks did not load. */
  notes: string[];
  /** How many files `--fix` changed. */
  fixedFiles: number;
  /** The files the run read (decks, configuration): the report is never written over one. */
  inputs: string[];
  /** The report's output, when `--output` names one the output policy refuses. */
  outputRefused?: string;
}

/** Lints what `options.paths` name; never throws for a file's content or a bad config file. */
export async function runLint(options: LintCommandOptions, io: CliIo): Promise<LintRun> {
  const targets = await collectTargets(options.paths, io.cwd, options.decksOnly);
  const errors = [...targets.errors];
  const notes: string[] = [];
  const inputs = [...targets.files, ...(options.config === undefined ? [] : [resolve(io.cwd, options.config)])];
  const outputRefused = options.output === undefined ? undefined : refusedOutput(options.output, inputs, io.cwd);
  if (outputRefused !== undefined) return { results: [], errors: [], notes, fixedFiles: 0, inputs, outputRefused };
  const loader = new ConfigLoader({
    configFile: options.config === undefined ? undefined : resolve(io.cwd, options.config),
    display: (file) => displayPath(file, io.cwd),
  });
  const reportedConfigErrors = new Set<string>();
  const workspaceRoots = new Map<string, string>();
  const workspaceRootOf = (folder: string): string => {
    let root = workspaceRoots.get(folder);
    if (root === undefined) {
      root = findWorkspaceRoot(folder, loader);
      workspaceRoots.set(folder, root);
    }
    return root;
  };
  const results: FileResult[] = [];
  let fixedFiles = 0;

  const lintOptionsFor = (folder: string): LintOptions | undefined => {
    try {
      const config = loader.configFor(folder);
      for (const file of loader.filesFor(folder)) if (!inputs.includes(file.file)) inputs.push(file.file);
      return { config, environment: nodeEnvironment(workspaceRootOf(folder)) };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      if (!reportedConfigErrors.has(error.message)) {
        reportedConfigErrors.add(error.message);
        errors.push(...error.message.split('\n'));
      }
      return undefined;
    }
  };
  const keep = (problems: Problem[]) => (options.quiet ? problems.filter((problem) => problem.severity === 'error') : problems);
  const renderer = new RenderPass(options, io, errors, notes);

  if (options.config !== undefined) {
    // A --config file that is missing or broken is bad usage for the whole run: say so once, up front.
    if (lintOptionsFor(io.cwd) === undefined) return { results, errors, notes, fixedFiles, inputs };
  }

  if (targets.stdin) {
    const bytes = await io.readStdin(MAX_DECK_BYTES);
    const decoded = bytes.length > MAX_DECK_BYTES ? { error: stdinTooBig(STDIN_NAME) } : decodeDeckBytes(bytes, STDIN_NAME);
    if ('error' in decoded) errors.push(decoded.error);
    else {
      const lintOptions = lintOptionsFor(io.cwd);
      if (lintOptions) {
        try {
          const linted = lintText(decoded.text, undefined, lintOptions);
          if (linted.deck.refused) throw new RefusedDeck(refusalLine(STDIN_NAME, linted.deck.refused));
          const rendered = await renderer.problems(() => linted.deck, STDIN_NAME, undefined, lintOptions);
          results.push({ file: STDIN_NAME, problems: keep(sortProblems([...linted.problems, ...rendered])) });
        } catch (error) {
          errors.push(error instanceof RefusedDeck ? error.message : `${STDIN_NAME}: could not be linted: ${errorMessage(error)}`);
        }
      }
    }
  }

  for (const file of targets.files) {
    const name = displayPath(file, io.cwd);
    const read = readDeckFile(file, name);
    if ('error' in read) {
      errors.push(read.error);
      continue;
    }
    const lintOptions = lintOptionsFor(dirname(file));
    if (!lintOptions) continue;
    let problems: Problem[];
    let finalText = read.text;
    try {
      if (options.fix) {
        const fixed = fixText(read.text, file, lintOptions);
        if (fixed.refused) throw new RefusedDeck(refusalLine(name, fixed.refused));
        problems = fixed.problems;
        if (fixed.applied > 0 && fixed.text !== read.text) {
          try {
            rewriteFileAtomicSync(file, Buffer.from(fixed.text, 'utf8'), { expected: read.bytes });
            fixedFiles++;
            finalText = fixed.text;
          } catch (error) {
            errors.push(`${name}: the fixes could not be written: ${describeWriteError(error)}`);
            problems = lintText(read.text, file, lintOptions).problems;
          }
        }
      } else {
        const linted = lintText(read.text, file, lintOptions);
        if (linted.deck.refused) throw new RefusedDeck(refusalLine(name, linted.deck.refused));
        problems = linted.problems;
      }
      const rendered = await renderer.problems(() => parseDeck(finalText, file), name, file, lintOptions);
      problems = sortProblems([...problems, ...rendered]);
    } catch (error) {
      errors.push(error instanceof RefusedDeck ? error.message : `${name}: could not be linted: ${errorMessage(error)}`);
      continue;
    }
    results.push({ file: name, problems: keep(problems) });
  }
  await renderer.close();
  return { results: ordered(results), errors, notes, fixedFiles, inputs };
}

/** Why the report may not be written to `output` (checked before any deck is linted), or undefined. */
function refusedOutput(output: string, inputs: readonly string[], cwd: string): string | undefined {
  try {
    checkNewOutput(resolve(cwd, output), inputs);
    return undefined;
  } catch (error) {
    return `${output}: the report could not be written: ${describeWriteError(error)}`;
  }
}

/**
 * The rendered checks of a run: one browser, started on the first deck that asks for it
 * (`--render` or `render: true` in its configuration) and shared by all. Without a browser,
 * one message says how to get one, and the static checks still report.
 */
class RenderPass {
  private browser: Promise<PdfBrowser | undefined> | undefined;

  constructor(
    private readonly options: LintCommandOptions,
    private readonly io: CliIo,
    private readonly errors: string[],
    private readonly notes: string[],
  ) {}

  /**
   * `deck` is asked for only when the deck is to be drawn, so a plain lint parses once. Web
   * resources the page did not load are noted with the line that names them.
   */
  async problems(deck: () => Deck, name: string, file: string | undefined, lintOptions: LintOptions): Promise<Problem[]> {
    if (!this.options.render && !lintOptions.config.render) return [];
    const browser = await (this.browser ??= this.launch());
    if (!browser) return [];
    const drawn = deck();
    const network = { allowRemote: this.options.allowRemote || lintOptions.config.allowRemote };
    return renderedProblems(drawn, {
      browser,
      config: lintOptions.config,
      deckPath: file,
      network,
      onRefused: (refused) => {
        for (const item of leftOutRequests(drawn, refused, network)) {
          this.notes.push(`${name}${item.line === undefined ? '' : `:${item.line}`}: ${slidePrefix(item)}not drawn for the rendered checks: ${item.message}`);
        }
      },
    });
  }

  async close(): Promise<void> {
    const browser = await this.browser;
    await browser?.close();
  }

  private async launch(): Promise<PdfBrowser | undefined> {
    try {
      return await launchBrowser({ browserPath: this.options.browserPath, env: this.io.env });
    } catch (error) {
      if (!(error instanceof BrowserNotFoundError)) throw error;
      this.errors.push(`the rendered checks need a browser: ${error.message}`);
      return undefined;
    }
  }
}

/** A deck past a budget: its one line (`file:line: what`) is the whole report for it, exit 2. */
class RefusedDeck extends Error {}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(args);
  if (parsed === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const lint = await runLint(parsed, io);
  if (lint.outputRefused !== undefined) {
    say(io, lint.outputRefused);
    return EXIT_USAGE;
  }
  for (const message of lint.errors) say(io, message);
  for (const message of lint.notes) say(io, `warning: ${message}`);

  const toTerminal = parsed.output === undefined && io.stdoutIsTTY;
  const color = toTerminal && io.env.NO_COLOR === undefined;
  const report = FORMATTERS[parsed.format](lint.results, {
    color,
    rules: allRules,
    version,
    srcRoot: `${pathToFileURL(io.cwd).href.replace(/\/$/, '')}/`,
  });
  let exitCode: number = EXIT_OK;
  if (parsed.output !== undefined) {
    const outputPath = resolve(io.cwd, parsed.output);
    try {
      writeFileAtomicSync(outputPath, report, { createFolder: true, protect: lint.inputs });
    } catch (error) {
      say(io, `${parsed.output}: the report could not be written: ${describeWriteError(error)}`);
      exitCode = EXIT_USAGE;
    }
  } else {
    io.stdout(report);
  }

  const problems = lint.results.flatMap((result) => result.problems);
  const errorCount = problems.filter((problem) => problem.severity === 'error').length;
  const warningCount = problems.length - errorCount;
  if (lint.fixedFiles > 0) {
    say(io, `fixed ${lint.fixedFiles} file${lint.fixedFiles === 1 ? '' : 's'}`);
  }
  const tooManyWarnings = parsed.maxWarnings !== undefined && warningCount > parsed.maxWarnings;
  if (tooManyWarnings) {
    say(io, `too many warnings (${warningCount}; --max-warnings is ${parsed.maxWarnings})`);
  }
  if (lint.results.length === 0 && lint.errors.length === 0) {
    say(io, 'no Marp decks found (a deck starts with front-matter that sets `marp: true`)');
  }
  if (lint.errors.length > 0 || exitCode === EXIT_USAGE) return EXIT_USAGE;
  return errorCount > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check decks against the house structure',
  usage: USAGE,
  run,
};
