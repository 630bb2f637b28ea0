/**
 * Cover dates (docs/house-structure.md §3): `dd/mm/yy` or `dd/mm/yyyy`, a real calendar date;
 * a two-digit year `yy` means 20yy. Dates written in another recognisable form are
 * normalised to `dd/mm/yyyy`.
 */

export type CoverDateCheck =
  /** `dd/mm/yy` or `dd/mm/yyyy` and a real date. */
  | { kind: 'valid' }
  /** In the house form or another recognisable form, but no such day exists (31/02/2010). */
  | { kind: 'not-a-calendar-date' }
  /** A real date in another recognisable form (`24.03.10`, `2010-03-24`, `24/3/10`, `24 March 2010`). */
  | { kind: 'other-form'; normalised: string }
  /** Not recognisable as a date at all. */
  | { kind: 'not-a-date' };

const HOUSE_FORM = /^(\d{2})\/(\d{2})\/(\d{2}|\d{4})$/;
/** Day, month, year with any of `/ . - ` between them and one- or two-digit day and month. */
const DAY_MONTH_YEAR = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/;
/** ISO 8601 and its relatives: year first, four digits. */
const YEAR_MONTH_DAY = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
/** `24 March 2010`, `24th Mar. 2010`, `24 March, 2010`. */
const DAY_MONTH_NAME_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{2}|\d{4})$/;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function checkCoverDate(raw: string): CoverDateCheck {
  const text = raw.trim();
  const house = HOUSE_FORM.exec(text);
  if (house) {
    return isCalendarDate(Number(house[1]), Number(house[2]), fullYear(house[3]!)) ? { kind: 'valid' } : { kind: 'not-a-calendar-date' };
  }
  const parts = otherForm(text);
  if (!parts) return { kind: 'not-a-date' };
  const { day, month, year } = parts;
  if (!isCalendarDate(day, month, year)) return { kind: 'not-a-calendar-date' };
  return { kind: 'other-form', normalised: formatHouseDate(day, month, year) };
}

function otherForm(text: string): { day: number; month: number; year: number } | undefined {
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) return { day: Number(dmy[1]), month: Number(dmy[2]), year: fullYear(dmy[3]!) };
  const ymd = YEAR_MONTH_DAY.exec(text);
  if (ymd) return { day: Number(ymd[3]), month: Number(ymd[2]), year: Number(ymd[1]) };
  const named = DAY_MONTH_NAME_YEAR.exec(text);
  if (named) {
    const month = monthNumber(named[2]!);
    if (month !== undefined) return { day: Number(named[1]), month, year: fullYear(named[3]!) };
  }
  return undefined;
}

/** `September`, `Sept` and `Sep` all name month 9; a word that is no month's name is not a date. */
function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((name) => name.startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

/** Two-digit years are this century's: `10` is 2010. */
function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

export function isCalendarDate(day: number, month: number, year: number): boolean {
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(month, year);
}

function daysInMonth(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function formatHouseDate(day: number, month: number, year: number): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}
