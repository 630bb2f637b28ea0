/** `isdeck export`'s arguments: the usage text, the options and their parsing. */
import { parseCommandArgs, UsageError } from '../command';

export const USAGE = `Usage: isdeck export [options] <deck|folder|glob>...

Exports Marp decks to PDF, editable PowerPoint (PPTX), standalone HTML, a presentation
(one HTML file) and PNG pictures of slides.

A folder is searched for .md files whose front-matter has \`marp: true\` (node_modules and
dot-folders skipped); a glob's matches are filtered the same way; a file named explicitly
is always exported. Each deck is checked first: problems are printed and the deck is still
exported, unless --strict.

Options:
      --pdf                PDF/UA-1 (tagged, with outline and document properties);
                           prints "PDF/UA checks: N passed" or what failed
      --pptx               PowerPoint with real text, bullets, tables, charts and notes
      --html               one self-contained HTML file
      --present            <name>.present.html: one slide at a time, full screen, keys and
                           clickers, a presenter view (P) with notes, next slide and timer;
                           offline, one file
      --png                a PNG picture of every slide at its size: <name>.slide-NN.png
      --slide N            with --png, only slide N (1-based; repeat for more)
                           (none of --pdf, --pptx, --html, --present, --png: --pdf and --pptx)
      --notes              with --pdf, also a handout: <name>.notes.pdf, each slide with its notes
      --out DIR            write into DIR (default: beside each deck)
      --browser-path PATH  Chrome, Chromium or Edge for PDF (default: ISDECK_BROWSER, then
                           the usual install locations)
      --strict             skip decks with errors, and fail on what the checks of the
                           drawn slides find (text off the slide, too small, low
                           contrast) and on a PDF failing a PDF/UA check
      --allow-remote       let PDF export load the web resources the deck names
                           (default: no network request; or \`allowRemote: true\` in config)
      --allow-missing      exit 0 even when content was left out (a picture refused or
                           missing, a web resource not loaded)
  -h, --help               show this help

PDF and PNG need a Chromium-family browser; PPTX and HTML do not (HTML alone uses one, when
found, to check its drawn slides). Local pictures are embedded when their real path is inside
the deck's workspace; others are left out. What is left out or changed, and what the checks
find, is printed one line per cause, with its slides.

Exit codes: 0 everything written; 1 a deck skipped, a file not written, or content left
out without --allow-missing (see the messages); 2 bad usage, an unreadable deck or
configuration, an output the output policy refuses (an input, a link, not a regular file,
read-only), or no browser found for PDF (the other formats are still written).
`;

const OPTIONS = {
  pdf: { type: 'boolean' },
  pptx: { type: 'boolean' },
  html: { type: 'boolean' },
  present: { type: 'boolean' },
  png: { type: 'boolean' },
  slide: { type: 'string', multiple: true },
  notes: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  'browser-path': { type: 'string' },
  strict: { type: 'boolean' },
  'allow-remote': { type: 'boolean' },
  'allow-missing': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ExportFormat = 'pdf' | 'pptx' | 'html' | 'present' | 'png';

export const FORMAT_ORDER: Record<ExportFormat, number> = { pptx: 0, html: 1, present: 2, pdf: 3, png: 4 };

/** The formats drawn in the browser. */
export const BROWSER_FORMATS: readonly ExportFormat[] = ['pdf', 'png'];

export interface ExportCommandOptions {
  inputs: string[];
  formats: ExportFormat[];
  notes: boolean;
  /** With `png`: the 1-based slides to draw; empty: every slide. */
  slides: number[];
  out: string | undefined;
  browserPath: string | undefined;
  strict: boolean;
  allowRemote: boolean;
  allowMissing: boolean;
}

export function parseExportArgs(args: string[]): ExportCommandOptions | 'help' {
  const { values, positionals } = parseCommandArgs('export', args, OPTIONS);
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('name at least one deck, folder or glob to export', 'export');
  if (values.out === '') throw new UsageError('--out needs a folder', 'export');
  if (values['browser-path'] === '') throw new UsageError('--browser-path needs the path of Chrome, Chromium or Edge', 'export');
  const formats: ExportFormat[] = [];
  if (values.pdf) formats.push('pdf');
  if (values.pptx) formats.push('pptx');
  if (values.html) formats.push('html');
  if (values.present) formats.push('present');
  if (values.png) formats.push('png');
  if (formats.length === 0) formats.push('pdf', 'pptx');
  if (values.notes && !formats.includes('pdf')) throw new UsageError('--notes makes a PDF handout: use it with --pdf', 'export');
  const slides = (values.slide ?? []).map((value) => {
    if (!/^\d{1,6}$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`--slide needs a slide number from 1 (got '${value}')`, 'export');
    return Number(value);
  });
  if (slides.length > 0 && !formats.includes('png')) throw new UsageError('--slide picks the slides of --png: use it with --png', 'export');
  return {
    inputs: positionals,
    formats,
    notes: values.notes ?? false,
    slides: [...new Set(slides)].sort((a, b) => a - b),
    out: values.out,
    browserPath: values['browser-path'],
    strict: values.strict ?? false,
    allowRemote: values['allow-remote'] ?? false,
    allowMissing: values['allow-missing'] ?? false,
  };
}

// ---------------------------------------------------------------------------------------------
// Planning outputs.
