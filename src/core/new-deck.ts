/**
 * A new masterclass deck, written from a few answers (series, date, title, presenter,
 * organisation, number of parts). Pure: the editor's "New Masterclass Deck" command and the
 * tests call it; the result lints clean with the default configuration.
 */

export interface NewDeckInput {
  series: string;
  /** `dd/mm/yyyy` (or `dd/mm/yy`), a real calendar date. */
  date: string;
  title: string;
  presenter: string;
  organisation?: string;
  /** 1 to 9 parts (sessions); each opens with a cover and closes with a discussion. */
  parts: number;
}

export const DEFAULT_ORGANISATION = 'The Improvement Service';
export const MAX_PARTS = 9;

/** Today as `dd/mm/yyyy`. */
export function formatDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** Why a `dd/mm/yyyy` date is not acceptable, or undefined when it is a real calendar date. */
export function dateProblem(value: string): string | undefined {
  const match = /^(\d{2})\/(\d{2})\/(\d{2}|\d{4})$/.exec(value.trim());
  if (!match) return 'Write the date as dd/mm/yyyy, for example 24/03/2026.';
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return `${value.trim()} is not a calendar date.`;
  }
  return undefined;
}

/** Why a free-text answer is not acceptable, or undefined. */
export function textProblem(label: string, value: string): string | undefined {
  return oneLine(value) === '' ? `${label} cannot be empty.` : undefined;
}

export function partsProblem(value: string): string | undefined {
  const parts = Number(value.trim());
  return Number.isInteger(parts) && parts >= 1 && parts <= MAX_PARTS ? undefined : `Give a whole number from 1 to ${MAX_PARTS}.`;
}

/** The title of part `n` (1-based) in a new deck; later covers carry it as their part title. */
export function partTitle(part: number): string {
  return part === 1 ? 'Introduction' : `Part ${part}`;
}

/** A deck file name: `masterclass-yyyy-mm-dd.md` from the date, or from the title when the date is odd. */
export function newDeckFileName(input: Pick<NewDeckInput, 'date' | 'title'>): string {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(input.date.trim());
  if (match) return `masterclass-${match[3]}-${match[2]}-${match[1]}.md`;
  const slug = input.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'masterclass'}.md`;
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

  const slides: string[] = [];
  for (let part = 1; part <= parts; part++) {
    const cover = ['<!-- _class: cover -->', '', `${series}\n${date}`, '', `# ${title}`, ''];
    if (part === 1) {
      const agenda = Array.from({ length: parts }, (_, index) => `- ${partTitle(index + 1)}`);
      cover.push(...agenda, '');
    } else {
      cover.push(`## ${partTitle(part)}`, '');
    }
    cover.push(`${presenter}\n${organisation}`);
    slides.push(cover.join('\n'));

    slides.push(
      [
        '<!-- _class: content -->',
        '',
        `## ${part === 1 ? partTitle(1) : `${partTitle(part)}: Key Points`}`,
        '',
        '- The first point of this part',
        '- A second point, with the evidence behind it',
        '',
        '<!-- Replace these points with the content of this part. -->',
      ].join('\n'),
    );

    slides.push(['<!-- _class: discussion -->', '', '## Group Discussion', '', 'What question should the group discuss?'].join('\n'));
  }
  return `${frontMatter}\n\n${slides.join('\n\n---\n\n')}\n`;
}

export function newDeckProblems(input: NewDeckInput): string[] {
  const problems = [
    textProblem('The series', input.series),
    dateProblem(input.date),
    textProblem('The title', input.title),
    textProblem('The presenter', input.presenter),
    Number.isInteger(input.parts) && input.parts >= 1 && input.parts <= MAX_PARTS ? undefined : `The number of parts must be a whole number from 1 to ${MAX_PARTS}.`,
  ];
  return problems.filter((problem): problem is string => problem !== undefined);
}

/** Collapses whitespace (line breaks included) so one answer stays one line. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
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
