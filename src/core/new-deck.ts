/**
 * A new masterclass deck, written from a few answers (series, date, title, presenter,
 * organisation, number of parts). Pure: the editor's "New Masterclass Deck" command and the
 * tests call it; the result lints clean with the default configuration. Each slide is its
 * type's template (src/core/slide-types) with the answers typed into its tab stops.
 */
import { expandSnippet } from './snippets/expand';
import content from './slide-types/content';
import cover, { FIRST_COVER_TEMPLATE } from './slide-types/cover';
import discussion from './slide-types/discussion';
import { DEFAULT_ORGANISATION, newDeckProblems, oneLine, type NewDeckInput } from './new-deck-answers';

/** The title of part `n` (1-based) in a new deck; later covers carry it as their part title. */
function partTitle(part: number): string {
  return part === 1 ? 'Introduction' : `Part ${part}`;
}

/** Builds the deck's Markdown. Throws on an answer that {@link newDeckProblems} would report. */
export function newMasterclassDeck(input: NewDeckInput): string {
  const problems = newDeckProblems(input);
  if (problems.length > 0) throw new Error(problems.join(' '));
  const series = escapeInline(oneLine(input.series));
  const date = oneLine(input.date);
  const title = escapeInline(oneLine(input.title));
  const presenter = escapeInline(oneLine(input.presenter));
  const organisation = escapeInline(oneLine(input.organisation ?? '') || DEFAULT_ORGANISATION);
  const parts = input.parts;

  const frontMatter = [
    '---',
    'marp: true',
    'theme: improvement-service',
    'size: 16:9',
    'lang: en-GB',
    'paginate: true',
    `title: ${JSON.stringify(oneLine(input.title))}`,
    '---',
  ].join('\n');

  const agenda = Array.from({ length: parts }, (_, index) => `- ${partTitle(index + 1)}`).join('\n');
  const slides: string[] = [];
  for (let part = 1; part <= parts; part++) {
    // The cover's tab stops are its fields, in order; the fourth is the agenda or the part title.
    const partLine = part === 1 ? agenda : partTitle(part);
    slides.push(filled(part === 1 ? FIRST_COVER_TEMPLATE : cover.template, [series, date, title, partLine, presenter, organisation]));
    // The content slide's first tab stop is its title; the rest are the template's own example.
    slides.push(filled(content.template, [part === 1 ? partTitle(1) : `${partTitle(part)}: Key Points`]));
    slides.push(filled(discussion.template, []));
  }
  return `${frontMatter}\n\n${slides.join('\n\n---\n\n')}\n`;
}


/** A slide template with `answers[i]` typed into tab stop i + 1, the other stops at their defaults. */
function filled(template: readonly string[], answers: readonly string[]): string {
  const values = Object.fromEntries(answers.map((answer, index) => [index + 1, answer]));
  return expandSnippet(template, { values }).replace(/\n+$/, '');
}

/**
 * Escapes what Markdown would read as markup in a line of plain text: inline markup anywhere,
 * and a leading block marker (`#`, `-`, `+`, `>`, `1.`), so an answer stays the text it was.
 */
export function escapeInline(value: string): string {
  let text = value.replace(/[\\`*_[\]<>&~|]/g, (character) => `\\${character}`);
  text = text.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return text;
}
