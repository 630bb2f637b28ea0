/**
 * A `.pptx` file's bytes to a house Markdown deck, its pictures and a report. Pure: no file
 * is read or written here (write.ts does that). Steps: read the package, frame each shown
 * slide (decoration out, title found), let the recognisers type it, write the Markdown,
 * apply the house fixes that change prose, and lint the result.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Deck, SlideType } from '../deck/types';
import { fixText } from '../lint/fix';
import { lintText, type LintOptions } from '../lint/lint';
import { allRules } from '../rules';
import type { Problem } from '../rules/rule';
import { composeSlide } from './compose';
import { repeatedFurniture } from './decoration';
import { frameSlide } from './frame';
import { deckMarkdown, type SlideMarkdown } from './markdown';
import { DEFAULT_IMPORT_BUDGET, readPresentation, type ImportBudget } from './read/presentation';

export interface ImportOptions {
  /** The deck's name: it is written as `<name>.md`, its pictures in `<name>-images/`. */
  name: string;
  /** How the deck is linted (the configuration that governs the folder it is written to). */
  lint: LintOptions;
  /** Where the deck will be written: image paths are checked against it. */
  deckPath: string;
  budget?: ImportBudget;
}

export interface ImportedImage {
  /** Relative to the deck's folder, `/`-separated. */
  path: string;
  data: Uint8Array;
}

/** Something a person should look at, on a slide of the PowerPoint file (1-based), or the file as a whole. */
export interface Finding {
  slide: number | undefined;
  message: string;
}

export interface ImportReport {
  /** Slides in the PowerPoint file, hidden ones included. */
  slidesInFile: number;
  /** The type of each imported slide, in order, with its number in the PowerPoint file. */
  slides: { number: number; type: SlideType }[];
  /** Numbers of the hidden slides, which are not imported. */
  hidden: number[];
  findings: Finding[];
  /** The lint problems left after the house fixes, each with its PowerPoint slide number. */
  problems: { slide: number | undefined; problem: Problem }[];
  /** How many house fixes were applied. */
  fixesApplied: number;
}

export interface ImportResult {
  markdown: string;
  images: ImportedImage[];
  report: ImportReport;
}

/**
 * Fixes that add text the deck did not have are left out: `part-ends-with-discussion`
 * would insert a discussion slide with a placeholder question. The report names the part.
 */
const FABRICATING_FIXES = new Set(['part-ends-with-discussion']);

export function importPresentation(bytes: Uint8Array, options: ImportOptions): ImportResult {
  const presentation = readPresentation(bytes, options.budget ?? DEFAULT_IMPORT_BUDGET);
  const findings: Finding[] = [];
  const finding = (slide: number | undefined, message: string) => findings.push({ slide, message });
  const images = new ImageFolder(`${options.name}-images`);
  const repeated = repeatedFurniture(presentation);
  const frameContext = { width: presentation.width, height: presentation.height, deckTitle: presentation.title, repeated };

  const shown = presentation.slides.filter((slide) => !slide.hidden);
  const hidden = presentation.slides.filter((slide) => slide.hidden).map((slide) => slide.number);
  const composed: SlideMarkdown[] = shown.map((source, index) => {
    for (const link of source.externalLinks) finding(source.number, `a link to ${link} was not followed (only web and e-mail links are kept)`);
    return composeSlide(frameSlide(source, index, frameContext), { addImage: (data, extension, slide) => images.add(data, extension, slide), finding });
  });
  composed.forEach((slide, index) => {
    const section = shown[index]!.sectionName;
    if (index > 0 && section !== undefined && slide.type !== 'cover') {
      finding(shown[index]!.number, `the PowerPoint section "${section}" starts here: a house part opens with a cover; add one if a new session starts here`);
    }
  });
  for (const refused of presentation.refused) finding(undefined, `the package names a part outside itself (${refused}): not followed`);
  const size = slideSize(presentation.width, presentation.height);
  if (!size.exact) finding(undefined, `the slides are ${presentation.width.toFixed(2)} × ${presentation.height.toFixed(2)} in, neither 4:3 nor 16:9: imported as ${size.name}`);

  const markdown = deckMarkdown(
    {
      size: size.name,
      lang: presentation.language || 'en-GB',
      title: presentation.title || firstCoverTitle(composed) || options.name,
      author: presentation.author,
    },
    composed,
  );
  const lintOptions = withImages(options.lint, options.deckPath, images.paths());
  const fixed = houseFixes(markdown, options.deckPath, lintOptions);
  const numbers = shown.map((slide) => slide.number);
  const deck = fixed.deck;
  const problems = fixed.problems.map((problem) => {
    const index = deck.slides.findIndex((slide) => problem.range.line >= slide.range.line && problem.range.line <= slide.range.endLine);
    return { slide: index < 0 ? undefined : numbers[index], problem };
  });
  return {
    markdown: fixed.text,
    images: images.list(),
    report: {
      slidesInFile: presentation.slides.length,
      slides: composed.map((slide, index) => ({ number: numbers[index]!, type: slide.type })),
      hidden,
      findings,
      problems,
      fixesApplied: fixed.applied,
    },
  };
}

/**
 * The house fixes that change prose (all but {@link FABRICATING_FIXES}), then the lint of
 * the result. A deck with nothing to fix is parsed and linted once.
 */
function houseFixes(markdown: string, deckPath: string, lintOptions: LintOptions): { text: string; applied: number; deck: Deck; problems: Problem[] } {
  const first = lintText(markdown, deckPath, lintOptions);
  if (!first.problems.some((problem) => problem.fix && !FABRICATING_FIXES.has(problem.ruleId))) return { text: markdown, applied: 0, ...first };
  const fixed = fixText(markdown, deckPath, { ...lintOptions, rules: (lintOptions.rules ?? allRules).filter((rule) => !FABRICATING_FIXES.has(rule.id)) });
  return { text: fixed.text, applied: fixed.applied, ...lintText(fixed.text, deckPath, lintOptions) };
}

/** 4:3 or 16:9, whichever the slide's proportions are nearer; `exact` when within 2%. */
function slideSize(width: number, height: number): { name: '4:3' | '16:9'; exact: boolean } {
  const ratio = width / height;
  const name = Math.abs(ratio - 4 / 3) < Math.abs(ratio - 16 / 9) ? '4:3' : '16:9';
  const target = name === '4:3' ? 4 / 3 : 16 / 9;
  return { name, exact: Math.abs(ratio - target) / target < 0.02 };
}

function firstCoverTitle(slides: readonly SlideMarkdown[]): string | undefined {
  for (const slide of slides) {
    if (slide.type !== 'cover') continue;
    const heading = slide.blocks.find((block) => block.kind === 'heading' && block.level === 1);
    if (heading?.kind === 'heading') return heading.text;
  }
  return undefined;
}

/** The pictures of a deck: one file a distinct picture, named by the slide it first appears on. */
class ImageFolder {
  private readonly byHash = new Map<string, ImportedImage>();
  private readonly perSlide = new Map<number, number>();

  constructor(private readonly folder: string) {}

  add(data: Uint8Array, extension: string, slide: number): string {
    const hash = createHash('sha256').update(data).digest('hex');
    const known = this.byHash.get(hash);
    if (known) return known.path;
    const count = (this.perSlide.get(slide) ?? 0) + 1;
    this.perSlide.set(slide, count);
    const safeExtension = /^[a-z0-9]{1,5}$/.test(extension) ? extension : 'bin';
    const path = posix.join(this.folder, `slide${String(slide).padStart(2, '0')}-${count}.${safeExtension}`);
    this.byHash.set(hash, { path, data });
    return path;
  }

  paths(): string[] {
    return this.list().map((image) => image.path);
  }

  list(): ImportedImage[] {
    return [...this.byHash.values()];
  }
}

/** The lint environment, told that the pictures about to be written exist. */
function withImages(options: LintOptions, deckPath: string, paths: readonly string[]): LintOptions {
  const planned = new Set(paths.map((path) => posix.join(posix.dirname(deckPath.split('\\').join('/')), path)));
  const environment = options.environment;
  const isPlanned = (absolutePath: string) => planned.has(absolutePath.split('\\').join('/'));
  return {
    ...options,
    environment: {
      ...environment,
      fileExists: (absolutePath) => isPlanned(absolutePath) || environment.fileExists(absolutePath),
      // A picture not written yet has no links to resolve: its real path is its path.
      realPath: (absolutePath) => (isPlanned(absolutePath) ? absolutePath : environment.realPath(absolutePath)),
    },
  };
}
