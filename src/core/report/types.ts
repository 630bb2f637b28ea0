import type { Problem, Rule } from '../rules/rule';

/** The problems of one deck, as every formatter takes them. */
export interface FileResult {
  /** Path relative to the working folder, forward slashes; `<stdin>` for standard input. */
  file: string;
  problems: Problem[];
}

export interface FormatOptions {
  /** ANSI colours (stylish only). The CLI sets it when writing to a terminal. */
  color: boolean;
  /** The rule catalogue (SARIF lists it; indexes refer to it). */
  rules: readonly Rule[];
  /** The tool's version (SARIF). */
  version: string;
  /** A `file:` URI of the folder paths are relative to, ending in `/` (SARIF `%SRCROOT%`). */
  srcRoot: string | undefined;
}

export type Formatter = (results: readonly FileResult[], options: FormatOptions) => string;
