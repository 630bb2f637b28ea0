import type { InlineConfigComment } from './types';

/**
 * Copies the lines with everything that is not prose blanked to spaces (so columns stay
 * true): front-matter, code blocks, comments, inline code, link and image targets, URLs.
 */
export function blankNonProse(lines: readonly string[], nonProse: ReadonlyArray<[number, number]>): string[] {
  const blanked = lines.map(blankInlineNonProse);
  for (const [first, last] of nonProse) {
    for (let line = first; line <= last; line++) blanked[line - 1] = ' '.repeat(lines[line - 1]?.length ?? 0);
  }
  return blanked;
}

const INLINE_NON_PROSE = [/`+[^`]*`+/g, /\]\([^)]*\)/g, /<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, /\bhttps?:\/\/\S+/gi, /<!--.*?-->/g];

/** Cheap test for the characters every non-prose pattern needs, so most lines skip the patterns. */
const MAY_HOLD_NON_PROSE = /[`<]|\]\(|:\/\//;

function blankInlineNonProse(line: string): string {
  if (!MAY_HOLD_NON_PROSE.test(line)) return line;
  let result = line;
  for (const pattern of INLINE_NON_PROSE) result = result.replace(pattern, (match) => ' '.repeat(match.length));
  return result;
}

const INLINE_CONFIG = /<!--\s*isdeck-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

/** Reads `<!-- isdeck-disable RULE… -->`, `isdeck-enable` and `isdeck-disable-next-line` comments outside code. */
export function readInlineConfig(lines: readonly string[], code: ReadonlyArray<[number, number]>): InlineConfigComment[] {
  const inCode = (line: number) => code.some(([first, last]) => line >= first && line <= last);
  const comments: InlineConfigComment[] = [];
  lines.forEach((text, offset) => {
    const line = offset + 1;
    if (!text.includes('isdeck-') || inCode(line)) return;
    for (const match of text.matchAll(INLINE_CONFIG)) {
      const kind = match[1] as InlineConfigComment['kind'];
      const rules = (match[2] ?? '').split(/[\s,]+/).filter((rule) => rule !== '');
      comments.push({ kind, rules, line });
    }
  });
  return comments;
}
