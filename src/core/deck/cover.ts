import type { CoverFields, Slide, TextSpan } from './types';

/**
 * Reads a cover's fields as docs/house-structure.md §3 places them: the paragraph before the
 * `#` deck title holds series and date; the last paragraph after it, presenter and
 * organisation; `##` is the part title; the first list is the agenda.
 */
export function extractCover(slide: Slide): CoverFields {
  const deckTitle = slide.headings.find((heading) => heading.level === 1);
  const partTitle = slide.headings.find((heading) => heading.level === 2);
  const titleLine = deckTitle?.range.line ?? Number.POSITIVE_INFINITY;
  const before = slide.paragraphs.filter((paragraph) => paragraph.range.line < titleLine);
  const after = slide.paragraphs.filter((paragraph) => paragraph.range.line > titleLine);
  const seriesParagraph = before[0] ?? (deckTitle ? undefined : slide.paragraphs[0]);
  const presenterParagraph = after.at(-1) ?? (deckTitle ? undefined : slide.paragraphs.slice(1).at(-1));
  return {
    series: seriesParagraph?.lines[0],
    date: seriesParagraph?.lines[1],
    deckTitle: span(deckTitle),
    partTitle: span(partTitle),
    agenda: (slide.lists[0]?.items ?? []).map(span).filter((item): item is TextSpan => item !== undefined),
    presenter: presenterParagraph?.lines[0],
    organisation: presenterParagraph?.lines[1],
  };
}

function span(source: TextSpan | undefined): TextSpan | undefined {
  return source && { text: source.text, range: source.range };
}
