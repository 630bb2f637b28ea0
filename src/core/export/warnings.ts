/**
 * What an export tells its reader, as data: every exporter (PDF, HTML, PPTX) and the checks of
 * the drawn page report an {@link ExportWarning}, and the command line groups them by cause
 * with the slides they concern ("slides 2, 5–9: …") instead of printing one line a slide.
 *
 * The cause says what happened and decides what it means ({@link WarningKind}): callers test
 * the kind (is content missing? did a drawn check fail?), never the text of the message.
 */
import type { Deck, SourceRange } from '../deck/types';
import type { PictureWarning } from '../images/embed';
import { leftOutPictures, leftOutRequests, type LeftOut } from './left-out';
import type { NetworkPolicy, RefusedRequest } from './network';

/**
 * - `left-out`: something the deck says is not in the output (an image, a construct the
 *   format cannot draw). `--strict` fails on it.
 * - `changed`: it is in the output, drawn otherwise than the deck asks (a class drawn as a
 *   content slide, a chart cell that is not a number drawn as 0).
 * - `checked`: a check of the drawn slide found a problem (text out of the slide, too small,
 *   too little contrast). `--strict` fails on it.
 * - `note`: for information; nothing is missing (a remote image the document loads when opened).
 */
export type WarningKind = 'left-out' | 'changed' | 'checked' | 'note';

/**
 * The causes the exporters report, each with its kind. A new cause is added here, so that its
 * kind is decided once. The drawn checks report under their rule ids.
 */
export const WARNING_CAUSES = {
  // A picture the picture policy refused, or that could not be read or is not an image.
  'picture-left-out': 'left-out',
  // A picture kept as a web address: the HTML loads it when opened (PDF: the network policy).
  'picture-remote': 'note',
  // A request of the page the network policy refused, or that failed or timed out.
  'request-refused': 'left-out',
  'foreign-theme': 'changed',
  'class-not-house-type': 'changed',
  'style-not-carried': 'changed',
  'picture-filter': 'changed',
  'formula-as-tex': 'changed',
  'chart-no-values': 'changed',
  'chart-not-number': 'changed',
  // Text the PowerPoint export could not fit at the house minimum size (a word broken inside).
  'text-not-fitted': 'checked',
  'slide-overflow': 'checked',
  'min-font-size': 'checked',
  contrast: 'checked',
} as const satisfies Record<string, WarningKind>;

export type WarningCause = keyof typeof WARNING_CAUSES;

/** Where a warning comes from: an output format, or the checks of the drawn page (PDF and HTML draw alike). */
export type WarningSource = 'pdf' | 'html' | 'pptx' | 'presentation' | 'png' | 'drawn';

export interface ExportWarning {
  source: WarningSource;
  cause: WarningCause;
  /** 1-based slide number; `undefined` for the deck as a whole. */
  slide: number | undefined;
  /** 1-based line in the deck where the cause is written; `undefined` when unknown. */
  line: number | undefined;
  /**
   * What happened and what to do, without the slide number: warnings of one cause with the
   * same message on several slides are one line.
   */
  message: string;
}

export function warningKind(warning: Pick<ExportWarning, 'cause'>): WarningKind {
  return WARNING_CAUSES[warning.cause];
}

/** A warning about slide `index` (0-based) of a deck, at `range` when the cause has a place. */
export function slideWarning(
  source: WarningSource,
  cause: WarningCause,
  index: number,
  message: string,
  range: SourceRange | undefined,
): ExportWarning {
  return { source, cause, slide: index + 1, line: range?.line, message };
}

/** What `left-out.ts` placed (pictures left out, requests refused) as warnings of one cause. */
export function fromLeftOut(source: WarningSource, cause: WarningCause, items: readonly LeftOut[]): ExportWarning[] {
  return items.map((item) => ({ source, cause, slide: item.slide, line: item.line, message: item.message }));
}

/**
 * The picture warnings of an HTML or PDF render, placed on the slides that show each picture:
 * left out (`picture-left-out`), or, in HTML, kept as a web address the document loads when
 * opened (`picture-remote`; a PDF is printed once, its requests judged by the network policy).
 */
export function pictureWarnings(deck: Deck, source: WarningSource, warnings: readonly PictureWarning[]): ExportWarning[] {
  const remote = source === 'html' ? fromLeftOut(source, 'picture-remote', leftOutPictures(deck, warnings, 'remote')) : [];
  return [...fromLeftOut(source, 'picture-left-out', leftOutPictures(deck, warnings)), ...remote];
}

/** The requests a page made that were not answered, placed where the deck names them. */
export function requestWarnings(deck: Deck, source: WarningSource, refused: readonly RefusedRequest[], policy: NetworkPolicy): ExportWarning[] {
  return fromLeftOut(source, 'request-refused', leftOutRequests(deck, refused, policy));
}

/** Warnings of one cause and message: the sources and slides they concern. */
export interface WarningGroup {
  cause: WarningCause;
  kind: WarningKind;
  message: string;
  sources: WarningSource[];
  /** Slide numbers, ascending, each once. */
  slides: number[];
  /** The first line the cause is written at, when known. */
  line: number | undefined;
}

const SOURCE_ORDER: Record<WarningSource, number> = { drawn: 0, pdf: 1, html: 2, pptx: 3, presentation: 4, png: 5 };

/** Groups warnings by cause and message, in the order of their first slide, then line, then format. */
export function groupWarnings(warnings: readonly ExportWarning[]): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const warning of warnings) {
    const key = `${warning.cause}\u0000${warning.message}`;
    let group = groups.get(key);
    if (!group) {
      group = { cause: warning.cause, kind: warningKind(warning), message: warning.message, sources: [], slides: [], line: undefined };
      groups.set(key, group);
    }
    if (!group.sources.includes(warning.source)) group.sources.push(warning.source);
    if (warning.slide !== undefined && !group.slides.includes(warning.slide)) group.slides.push(warning.slide);
    if (warning.line !== undefined && (group.line === undefined || warning.line < group.line)) group.line = warning.line;
  }
  const first = (group: WarningGroup) => group.slides[0] ?? 0;
  return [...groups.values()]
    .map((group) => ({
      ...group,
      slides: group.slides.sort((a, b) => a - b),
      sources: group.sources.sort((a, b) => SOURCE_ORDER[a] - SOURCE_ORDER[b]),
    }))
    .sort((a, b) => first(a) - first(b) || (a.line ?? 0) - (b.line ?? 0) || SOURCE_ORDER[a.sources[0]!] - SOURCE_ORDER[b.sources[0]!]);
}

/** `[2, 5, 6, 7, 9]` → `2, 5–7, 9`. */
export function slideList(slides: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < slides.length; i++) {
    const start = slides[i]!;
    let end = start;
    while (slides[i + 1] === end + 1) end = slides[++i]!;
    parts.push(end === start ? `${start}` : end === start + 1 ? `${start}, ${end}` : `${start}–${end}`);
  }
  return parts.join(', ');
}

const SOURCE_LABEL: Record<WarningSource, string> = { drawn: 'drawn slides', pdf: 'PDF', html: 'HTML', pptx: 'PPTX', presentation: 'presentation', png: 'PNG' };

/**
 * One line for a group, without its place in the file (the caller puts the deck and the first
 * line before it): `PDF, HTML: slide 3: …`, `PPTX: slides 2, 5–9: …`,
 * `drawn slides: slide 7: … [slide-overflow]`.
 */
export function describeGroup(group: WarningGroup): string {
  const where = group.slides.length === 0 ? '' : `${group.slides.length === 1 ? 'slide' : 'slides'} ${slideList(group.slides)}: `;
  const rule = group.kind === 'checked' ? ` [${group.cause}]` : '';
  return `${group.sources.map((source) => SOURCE_LABEL[source]).join(', ')}: ${where}${group.message}${rule}`;
}

/** One warning on its own line, its line first (the editor's output channel lists them one by one). */
export function describeWarning(warning: ExportWarning): string {
  return `${warning.line === undefined ? '' : `line ${warning.line}: `}${describeGroup(groupWarnings([warning])[0]!)}`;
}
