/**
 * YAML aliases (`*name`) repeat what an anchor (`&name`) holds; nested, a few hundred bytes
 * stand for billions of nodes (an "alias bomb"). Everywhere isdeck turns YAML into data it
 * lets the `yaml` package count alias expansions and stops past this budget.
 */
import { parseDocument, type Document } from 'yaml';

/** The most alias expansions one YAML text may make (the `yaml` package's own default). */
export const MAX_YAML_ALIASES = 100;

export const YAML_ALIAS_MESSAGE = `YAML aliases expand past the limit of ${MAX_YAML_ALIASES}; write the values out instead of nesting \`*aliases\``;

export type YamlData = { data: unknown } | { overBudget: true } | { error: string };

/**
 * The document as plain data; `overBudget` when its aliases expand past
 * {@link MAX_YAML_ALIASES}; `error` for an alias without its anchor (found only here).
 */
export function yamlData(document: Document): YamlData {
  try {
    return { data: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return error.message.includes('Excessive alias count') ? { overBudget: true } : { error: error.message.split('\n')[0] ?? error.message };
  }
}

/**
 * Whether YAML text (a directive comment, which Marpit reads itself) would expand its aliases
 * past the budget. Text without both an anchor and an alias is passed without parsing.
 */
export function yamlTextOverBudget(text: string): boolean {
  if (!text.includes('&') || !text.includes('*')) return false;
  return 'overBudget' in yamlData(parseDocument(text));
}
