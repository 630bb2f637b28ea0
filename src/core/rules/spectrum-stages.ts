import { z } from 'zod';
import { rangeOf } from '../deck/source-text';
import type { List } from '../deck/types';
import { defineRule, type Fix, type TextEdit } from './rule';

const MIN_STAGES = 2;
const MAX_STAGES = 6;

export default defineRule({
  id: 'spectrum-stages',
  description: `A \`spectrum\` slide has one ordered list of ${MIN_STAGES} to ${MAX_STAGES} stages.`,
  defaultSeverity: 'error',
  fixable: true,
  scope: 'house',
  options: z.object({}),
  check(context) {
    const { lines } = context.deck;
    for (const slide of context.deck.slides) {
      if (slide.type !== 'spectrum') continue;
      const [list, ...extra] = slide.lists;
      if (!list) {
        context.report({
          message: `The spectrum slide has no stages: add an ordered list (\`1. First stage\`, \`2. …\`) of ${MIN_STAGES} to ${MAX_STAGES} stages.`,
          range: slide.anchor,
        });
        continue;
      }
      for (const other of extra) {
        context.report({
          message: 'The spectrum slide has more than one list: put every stage in one ordered list.',
          range: other.range,
        });
      }
      if (!list.ordered) {
        const fix = numberedListFix(lines, list);
        context.report({
          message: 'The spectrum stages are a bullet list: number them (`1.`, `2.`, …) so they read as a progression.',
          range: list.range,
          ...(fix && { fix }),
        });
      }
      const count = list.items.length;
      if (count < MIN_STAGES || count > MAX_STAGES) {
        context.report({
          message: `The spectrum has ${count} stage${count === 1 ? '' : 's'}; it needs ${MIN_STAGES} to ${MAX_STAGES}, drawn left to right.`,
          range: list.range,
        });
      }
    }
  },
});

/**
 * Turns `- ` markers into `1. `, `2. `, …, indenting each item's following lines by the
 * marker's growth so nested lists and continuation lines stay inside their item.
 */
function numberedListFix(lines: readonly string[], list: List): Fix | undefined {
  const isBullet = (line: number, column: number) => ['-', '*', '+'].includes((lines[line - 1] ?? '')[column - 1] ?? '');
  if (!list.items.every((item) => isBullet(item.range.line, item.range.column))) return undefined;
  const edits: TextEdit[] = [];
  list.items.forEach((item, index) => {
    const line = item.range.line;
    const column = item.range.column;
    const numbered = `${index + 1}.`;
    edits.push({ range: rangeOf(line, column, line, column + 1), newText: numbered });
    const growth = numbered.length - 1;
    const nextLine = list.items[index + 1]?.range.line ?? list.range.endLine + 1;
    for (let following = line + 1; following < nextLine; following++) {
      if ((lines[following - 1] ?? '').trim() === '') continue;
      edits.push({ range: rangeOf(following, 1, following, 1), newText: ' '.repeat(growth) });
    }
  });
  return { description: 'Number the stages', edits };
}
