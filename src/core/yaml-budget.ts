/**
 * YAML aliases (`*name`) repeat what an anchor (`&name`) holds; nested, a few hundred bytes
 * stand for billions of nodes (an "alias bomb"). Everywhere isdeck turns YAML into data it
 * lets the `yaml` package count alias expansions and stops past this budget.
 */
import { parse, parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/** The most alias expansions one YAML text may make (the `yaml` package's own default). */
export const MAX_YAML_ALIASES = 100;

export const YAML_ALIAS_MESSAGE = `YAML aliases expand past the limit of ${MAX_YAML_ALIASES}; write the values out instead of nesting \`*aliases\``;

/**
 * `yaml`'s `parseDocument`, quiet: the package prints warnings (an ambiguous anchor) to the
 * process's standard error, where they would break the CLI's one-line messages.
 */
export function parseYamlDocument(text: string, options: ParseOptions & DocumentOptions & SchemaOptions = {}): Document {
  return parseDocument(text, { logLevel: 'error', ...options });
}

/** `yaml`'s `parse`, quiet and within the alias budget (it throws past it, as on a syntax error). */
export function parseYamlValue(text: string): unknown {
  return parse(text, { logLevel: 'error', maxAliasCount: MAX_YAML_ALIASES });
}

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
  return 'overBudget' in yamlData(parseYamlDocument(text));
}
