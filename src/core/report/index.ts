/** The lint report formats: the problems of every file linted, written as `--format` asks. */
import { github } from './github';
import { gitlab } from './gitlab';
import { json } from './json';
import { junit } from './junit';
import { sarif } from './sarif';
import { stylish } from './stylish';
import type { Formatter } from './types';

export type { FileResult, FormatOptions, Formatter } from './types';
export { ordered } from './order';

/** Every `--format` the CLI accepts; the first is the default. */
export const FORMATTERS = { stylish, json, sarif, github, junit, gitlab } as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}
