/**
 * `isdeck import`: PowerPoint presentations to house Markdown decks. Each file is imported on
 * its own: one that cannot be (not a presentation, over a budget, an output in the way) is
 * reported in one line and the others still are.
 */
import { dirname, resolve } from 'node:path';
import { ConfigError, ConfigLoader, displayPath } from '../core/config/load';
import { removePendingTempFilesSync } from '../core/io/atomic-write';
import { sameFile } from '../core/io/output-policy';
import { ImportError } from '../core/import/errors';
import { formatImportReport } from '../core/import/report';
import { importedDeckPath, importPptxFile, OutputExistsError } from '../core/import/write';
import { EXIT_OK, EXIT_USAGE, parseCommandArgs, UsageError, type CliIo, type Command } from './command';
import { describeFsError } from './read-deck';

const USAGE = `Usage: isdeck import [options] <file.pptx>...

Turns PowerPoint presentations into house Markdown decks: <name>.md, and its pictures in
<name>-images/. Each slide is typed (cover, content, models, benefits-risks, statistics,
chart, spectrum, quote, discussion), the house fixes are applied and the deck is linted. The
report lists, by slide number, what needs a person.

Options:
  -o, --out DIR  write into DIR (default: beside each presentation)
      --force    replace a deck (and pictures) of the same name that is already there
  -h, --help     show this help

Reads .pptx (and .pptm, .ppsx, .potx) itself; no office suite is needed. A .ppt, an
encrypted file or any other format is refused with what to do.

Exit codes: 0 every presentation imported (problems the deck still has are in the
report); 2 bad usage, or a file that could not be imported (not a presentation, over a
budget, an output already there without --force, or a write that failed).
`;

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', args, OPTIONS);
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError('name at least one .pptx file to import', 'import');
  if (values.out === '') throw new UsageError('--out needs a folder', 'import');
  const inputs = positionals.map((input) => resolve(io.cwd, input));
  const outDir = values.out === undefined ? undefined : resolve(io.cwd, values.out);
  const loader = new ConfigLoader({ display: (file) => displayPath(file, io.cwd) });
  const planned: string[] = [];
  let failed = false;
  const fail = (message: string) => {
    failed = true;
    io.stderr(`isdeck: ${message}\n`);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removePendingTempFilesSync();
    io.stderr(`\nisdeck: interrupted (${signal}): no partial file is left\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for (const input of inputs) {
      const name = displayPath(input, io.cwd);
      const deck = importedDeckPath(input, outDir ?? dirname(input));
      if (planned.some((other) => sameFile(other, deck))) {
        fail(`${name}: another presentation of the run is imported as ${displayPath(deck, io.cwd)}; import it to a different --out folder`);
        continue;
      }
      planned.push(deck);
      try {
        const result = await importPptxFile({ input, outDir: outDir ?? dirname(input), force: values.force ?? false, protect: inputs, loader });
        io.stdout(formatImportReport(result.report, { input: name, deck: displayPath(result.deckPath, io.cwd), images: result.imagePaths.length, ms: result.ms }));
      } catch (error) {
        fail(importFailure(error, name, io.cwd));
      }
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  return failed ? EXIT_USAGE : EXIT_OK;
}

/** One line for a file that could not be imported. */
function importFailure(error: unknown, name: string, cwd: string): string {
  if (error instanceof OutputExistsError) return `${name}: ${displayPath(error.path, cwd)} exists; use --force to replace it`;
  if (error instanceof ImportError) return `${name}: ${error.message}`;
  if (error instanceof ConfigError) return error.message.split('\n')[0] ?? error.message;
  if ((error as NodeJS.ErrnoException | undefined)?.code) return `${name}: ${describeFsError(error)}`;
  return `${name}: could not be imported: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'turn PowerPoint presentations into house Markdown decks',
  usage: USAGE,
  run,
};
