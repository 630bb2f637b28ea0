/**
 * A deck's document properties, worked out once for every export (PDF info and XMP, PPTX core
 * properties and text language).
 */
import { basename } from 'node:path';
import type { CoverFields, Deck } from './types';

export type SlideSize = '16:9' | '4:3';

export interface DeckProperties {
  title: string;
  author: string | undefined;
  subject: string | undefined;
  /** The organisation that gives the talk (the cover's organisation line). */
  organisation: string | undefined;
  keywords: string[];
  /** A BCP 47 language tag. */
  language: string;
  size: SlideSize;
}

const DEFAULT_LANGUAGE = 'en-GB';
const UNTITLED = 'Presentation';

/** Text on one line with its spaces collapsed, or undefined when there is none. */
function oneLine(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : undefined;
}

/** The value of the global directive Marp obeys: the last one written (front-matter or comment). */
function globalDirective(deck: Deck, name: string): string | undefined {
  return oneLine(deck.directives.findLast((directive) => directive.name === name)?.value);
}

/** A list, or a comma-separated string, as trimmed non-empty items. */
function listOf(value: unknown): string[] {
  const items: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items.map(oneLine).filter((item): item is string => item !== undefined);
}

/**
 * title = the `title` directive, else the first cover's deck title, else the first `#` heading,
 * else the first slide title, else the name of `file` (the deck's by default), else "Presentation";
 * author = the `author` directive, else the presenter; subject = the series;
 * keywords = front-matter `keywords` (a list or a comma-separated string), else series and organisation;
 * language = the `lang` directive, else en-GB; size = the `size` directive when 4:3, else 16:9.
 * Cover fields are read from the first cover that has them.
 */
export function deckProperties(deck: Deck, file = deck.file): DeckProperties {
  const covers = deck.slides.map((slide) => slide.cover).filter((cover) => cover !== undefined);
  const firstOf = (pick: (cover: CoverFields) => string | undefined) => covers.map((cover) => oneLine(pick(cover))).find((value) => value !== undefined);
  const headings = deck.slides.flatMap((slide) => slide.headings);
  const series = firstOf((cover) => cover.series?.text);
  const organisation = firstOf((cover) => cover.organisation?.text);
  const keywords = deck.frontMatter?.data.keywords !== undefined ? listOf(deck.frontMatter.data.keywords) : [series, organisation].filter((k) => k !== undefined);
  return {
    title:
      globalDirective(deck, 'title') ??
      firstOf((cover) => cover.deckTitle?.text) ??
      oneLine(headings.find((heading) => heading.level === 1)?.text) ??
      oneLine(deck.slides.find((slide) => slide.title)?.title?.text) ??
      oneLine(file && basename(file).replace(/\.[^.]+$/, '')) ??
      UNTITLED,
    author: globalDirective(deck, 'author') ?? firstOf((cover) => cover.presenter?.text),
    subject: series,
    organisation,
    keywords: [...new Set(keywords)],
    language: globalDirective(deck, 'lang') ?? DEFAULT_LANGUAGE,
    size: globalDirective(deck, 'size') === '4:3' ? '4:3' : '16:9',
  };
}
