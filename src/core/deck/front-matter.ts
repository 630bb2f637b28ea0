import { isMap, isScalar, LineCounter } from 'yaml';
import { z } from 'zod';
import { parseYamlDocument, YAML_ALIAS_MESSAGE, yamlData } from '../yaml-budget';
import { clampRange, lineStartOffsets, offsetsToRange, rangeOf } from './source-text';
import type { FrontMatter, FrontMatterEntry } from './types';

export const HOUSE_THEME = 'improvement-service';

/**
 * The front-matter keys the house structure gives meaning to. Other Marp directives pass
 * through untouched; these are checked because the theme, the exporters and the validator read them.
 */
export const frontMatterSchema = z
  .object({
    marp: z.literal(true, { error: 'must be `true` for Marp to treat the file as a deck' }).optional(),
    theme: z.string().optional(),
    size: z.enum(['16:9', '4:3'], { error: 'must be `16:9` or `4:3`' }).optional(),
    lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as `en-GB`').optional(),
    title: z.string().optional(),
    paginate: z.boolean().optional(),
  })
  .loose();

export type HouseFrontMatter = z.infer<typeof frontMatterSchema>;

/**
 * Parses the YAML between a deck's opening and closing `---` lines.
 * `firstLine` is the 1-based line of the opening `---`; `lastLine` that of the closing one (or
 * the last line of the deck when it is not `closed`).
 * A YAML error is recorded with its line, never thrown.
 */
export function parseFrontMatter(lines: readonly string[], firstLine: number, lastLine: number, closed = true): FrontMatter {
  // Front-matter never closed runs to the end of the deck: its last line is YAML too.
  const yamlText = lines.slice(firstLine, closed ? lastLine - 1 : lastLine).join('\n');
  const lineOffset = firstLine;
  const range = rangeOf(firstLine, 1, lastLine, (lines[lastLine - 1]?.length ?? 3) + 1);
  const lineCounter = new LineCounter();
  const document = parseYamlDocument(yamlText, { lineCounter, prettyErrors: false });
  const firstError = document.errors[0];
  if (firstError) {
    const [start, end] = firstError.pos;
    const starts = lineStartOffsets(yamlText);
    // YAML points at the end of the text for a missing closing bracket: keep the range inside the file.
    const errorRange = clampRange(lines, offsetsToRange(starts, start, Math.max(end, start), lineOffset));
    const message = firstError.message.split('\n')[0] ?? firstError.message;
    return { range, closed, data: {}, entries: [], error: { message, range: errorRange } };
  }
  const read = yamlData(document);
  if (!('data' in read)) {
    const message = 'overBudget' in read ? YAML_ALIAS_MESSAGE : read.error;
    return { range, closed, data: {}, entries: [], error: { message, range: rangeOf(firstLine + 1, 1, firstLine + 1, 1) } };
  }
  const data = (read.data ?? {}) as Record<string, unknown>;
  const contents: unknown = document.contents;
  if (contents !== null && !isMap(contents)) {
    return {
      range,
      closed,
      data: {},
      entries: [],
      error: { message: 'Front-matter must be a YAML mapping of `key: value` lines', range: rangeOf(firstLine + 1, 1, firstLine + 1, 1) },
    };
  }
  const starts = lineStartOffsets(yamlText);
  const entries: FrontMatterEntry[] = [];
  for (const pair of contents?.items ?? []) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const keyRange = offsetsToRange(starts, pair.key.range[0], pair.key.range[1], lineOffset);
    const valueNode = pair.value as { range?: [number, number, number] } | null;
    const valueOffsets = valueNode?.range ?? [pair.key.range[1], pair.key.range[1]];
    const valueRange = offsetsToRange(starts, valueOffsets[0], valueOffsets[1], lineOffset);
    entries.push({ key, value: isScalar(valueNode) ? valueNode.value : data[key], keyRange, valueRange });
  }
  return { range, closed, data, entries, error: undefined };
}
