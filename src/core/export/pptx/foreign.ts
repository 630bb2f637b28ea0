import type { Deck, Directive } from '../../deck/types';
import { HOUSE_THEME_NAME } from '../../render/theme';
import { slideList as slideRanges, type WarningCause } from '../warnings';
import type { PptxWarning } from './context';

/**
 * What a deck asks of its look that the PowerPoint export does not carry over, one warning
 * a cause: a theme other than the house theme, each slide class that is not a house slide
 * type (with the slides it is on), each styling directive. The slides are still drawn, in
 * full, on the house master: only the look is lost, never the content.
 */
export function foreignLookWarnings(deck: Deck): PptxWarning[] {
  return [...themeWarning(deck), ...classWarnings(deck), ...styleWarnings(deck)];
}

/** The slide a directive is written on (front-matter: the first). */
function slideOf(deck: Deck, directive: Directive): number {
  if (directive.origin === 'front-matter') return 1;
  const slide = deck.slides.find((candidate) => candidate.directives.includes(directive));
  return (slide?.index ?? 0) + 1;
}

function warning(cause: WarningCause, slide: number, message: string, directive: Directive | undefined): PptxWarning {
  return { source: 'pptx', cause, slide, line: directive?.range.line, message };
}

function themeWarning(deck: Deck): PptxWarning[] {
  const theme = deck.directives.filter((directive) => directive.name === 'theme').at(-1);
  if (!theme || theme.value.trim() === '' || theme.value.trim() === HOUSE_THEME_NAME) return [];
  const message = `Theme \`${theme.value.trim()}\` is not the house theme: its colours, fonts and layouts are not carried over; every slide is drawn on the house master.`;
  return [warning('foreign-theme', slideOf(deck, theme), message, theme)];
}

function classWarnings(deck: Deck): PptxWarning[] {
  const byClass = new Map<string, { slides: number[]; directive: Directive | undefined }>();
  for (const slide of deck.slides) {
    if (slide.type !== undefined) continue;
    const name = slide.className ?? '';
    const entry = byClass.get(name) ?? { slides: [], directive: slide.classDirective };
    entry.slides.push(slide.index + 1);
    byClass.set(name, entry);
  }
  return [...byClass].map(([name, { slides, directive }]) =>
    warning(
      'class-not-house-type',
      slides[0]!,
      `Slide class \`${name}\` is not a house slide type; ${slideList(slides)} ${slides.length === 1 ? 'is exported as a content slide' : 'are exported as content slides'}.`,
      directive,
    ),
  );
}

/** Directives that style a slide in CSS; the house master has its own look. */
const STYLING = new Set(['style', 'backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize', 'color']);

function styleWarnings(deck: Deck): PptxWarning[] {
  const byName = new Map<string, Directive[]>();
  for (const directive of deck.directives) {
    const name = directive.name.replace(/^_/, '');
    if (STYLING.has(name)) byName.set(name, [...(byName.get(name) ?? []), directive]);
  }
  return [...byName].map(([name, directives]) => {
    const first = directives[0]!;
    const more = directives.length > 1 ? ` (and ${directives.length - 1} more)` : '';
    const what = name === 'backgroundImage' ? 'the background it sets is not drawn (a `![bg](…)` picture is)' : 'the slides keep the house look';
    return warning('style-not-carried', slideOf(deck, first), `Directive \`${first.name}\`${more} is not carried over to PowerPoint: ${what}.`, first);
  });
}

/** `slide 3`, `slides 2, 5–9`. */
export function slideList(slides: readonly number[]): string {
  return `${slides.length === 1 ? 'slide' : 'slides'} ${slideRanges(slides)}`;
}
