import { oneLine, plain, runsText, splitLines, type Block } from '../blocks';
import type { ImportSlide } from '../frame';
import { textShapes } from '../geometry';
import type { Run, TextShape } from '../model';
import type { SlideRecogniser } from './recogniser';

/** `24/03/10`, `24/03/2010`, `24.3.2010`, `24-03-2010`: a cover's date line (left as written). */
const DATE = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})$/;
/** The label the theme draws over the agenda; the importer leaves it to the theme. */
const AGENDA_LABEL = /^agenda:?$/i;
/** Section names PowerPoint gives by itself: not part titles. */
const DEFAULT_SECTION = /^(default section|untitled section|part \d+)$/i;

interface CoverLine {
  runs: Run[];
  text: string;
  shape: TextShape;
  bulleted: boolean;
}

/**
 * `cover`: a title slide (a Title Slide layout, a subtitle placeholder, the first slide of
 * the deck, or a slide with a date line that starts a section or carries the deck's title). Its lines are sorted into the house fields: the date line, the series line beside
 * it, the title, a part title under it (else the section's name), bulleted lines as the
 * agenda, and the last two lines below the title as presenter and organisation.
 */
export const coverRecogniser: SlideRecogniser = {
  type: 'cover',
  recognise(slide) {
    const texts = textShapes(slide.shapes);
    const lines = coverLines(texts);
    if (!isCover(slide, lines)) return undefined;
    const titleY = slide.titleShape?.box?.y ?? 0;
    const rest = lines.filter((line) => !(line.bulleted || AGENDA_LABEL.test(line.text)));
    const date = rest.find((line) => DATE.test(line.text));
    const series = seriesLine(rest, date, titleY);
    const remaining = rest.filter((line) => line !== date && line !== series);
    const below = remaining.filter((line) => (line.shape.box?.y ?? Number.POSITIVE_INFINITY) >= titleY);
    const people = below.length >= 2 ? below.slice(-2) : below.slice(-1);
    const partLine = below.length > people.length ? below[0] : undefined;
    const extras = remaining.filter((line) => line !== partLine && !people.includes(line));
    const partTitle = partLine?.text ?? (slide.index > 0 && slide.source.sectionName && !DEFAULT_SECTION.test(slide.source.sectionName) ? sectionTitle(slide.source.sectionName) : undefined);

    const blocks: Block[] = [];
    const fieldLines = [series, date].filter((line): line is CoverLine => line !== undefined).map((line) => [plain(line.text)]);
    if (fieldLines.length > 0) blocks.push({ kind: 'paragraph', lines: fieldLines });
    if (slide.title) blocks.push({ kind: 'heading', level: 1, text: slide.title });
    if (partTitle) blocks.push({ kind: 'heading', level: 2, text: partTitle });
    const agenda = lines.filter((line) => line.bulleted);
    if (agenda.length > 0) blocks.push({ kind: 'list', items: agenda.map((line) => ({ depth: 1, ordered: false, runs: [plain(line.text)] })) });
    for (const line of extras) blocks.push({ kind: 'paragraph', lines: [line.runs] });
    const restAt = blocks.length;
    if (people.length > 0) blocks.push({ kind: 'paragraph', lines: people.map((line) => [plain(line.text)]) });

    const findings: string[] = [];
    if (!partLine && partTitle) findings.push(`the part title "${partTitle}" comes from the PowerPoint section's name`);
    if (!date) findings.push('the cover has no date line (dd/mm/yyyy)');
    // Pictures and other content go before the presenter, where the house cover has room for them.
    return { blocks, claimed: new Set(texts), ownsTitle: true, restAt, findings };
  },
};

/** Every line of the cover's texts (a paragraph's soft line breaks split it), in reading order. */
function coverLines(texts: readonly TextShape[]): CoverLine[] {
  return texts.flatMap((shape) =>
    shape.paragraphs.flatMap((paragraph) =>
      splitLines(paragraph.runs).map((runs) => ({ runs, text: oneLine(runsText(runs)), shape, bulleted: paragraph.bullet !== 'none' })),
    ),
  );
}

function isCover(slide: ImportSlide, lines: readonly CoverLine[]): boolean {
  if (slide.title === undefined) return false;
  const { layoutType, layoutName, sectionName } = slide.source;
  if (layoutType === 'title' || /title slide|cover/i.test(layoutName)) return true;
  if (slide.shapes.some((shape) => shape.kind === 'text' && shape.placeholder === 'subtitle')) return true;
  if (slide.index === 0) return true;
  const hasDate = lines.some((line) => DATE.test(line.text));
  return hasDate && (sectionName !== undefined || oneLine(slide.title).toLowerCase() === oneLine(slide.deckTitle).toLowerCase());
}

/** The line before the date in the date's own text; else the first line above the title. */
function seriesLine(lines: readonly CoverLine[], date: CoverLine | undefined, titleY: number): CoverLine | undefined {
  if (date) {
    const at = lines.indexOf(date);
    const before = lines[at - 1];
    if (before && before.shape === date.shape) return before;
  }
  return lines.find((line) => line !== date && (line.shape.box?.y ?? Number.POSITIVE_INFINITY) < titleY);
}

/** `Part 2: Implications` → `Implications`. */
function sectionTitle(name: string): string {
  return oneLine(name.replace(/^part\s+\d+\s*[:–-]\s*/i, ''));
}
