/**
 * The answers New Masterclass Deck asks for, and their checks: light enough for the
 * extension's own bundle, which validates each answer as it is typed (the deck itself is
 * written by the core bundle, src/core/new-deck.ts).
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

/** What is wrong with a set of answers, one message each; empty when the deck can be written. */
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
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
