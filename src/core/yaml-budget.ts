/**
 * YAML aliases (`*name`) repeat what an anchor (`&name`) holds; nested, a few hundred bytes
 * stand for billions of nodes (an "alias bomb"). Everywhere isdeck turns YAML into data it
 * lets the `yaml` package count alias expansions and stops past this budget.
 */
import { isScalar, parseDocument, visit, YAMLParseError, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/** The most alias expansions one YAML text may make (the `yaml` package's own default). */
export const MAX_YAML_ALIASES = 100;

export const YAML_ALIAS_MESSAGE = `YAML aliases expand past the limit of ${MAX_YAML_ALIASES}; write the values out instead of nesting \`*aliases\``;

export type YamlDocumentOptions = Omit<ParseOptions & DocumentOptions & SchemaOptions, 'uniqueKeys'>;

/**
 * `yaml`'s `parseDocument`, quiet: the package prints warnings (an ambiguous anchor) to the
 * process's standard error, where they would break the CLI's one-line messages.
 * A key repeated in a mapping is an error, as in `yaml` by default; but `yaml` finds it by
 * comparing each key with every key before it (100,000 front-matter keys took minutes), so
 * it is found here instead, with a set, and reported as `yaml` would.
 */
export function parseYamlDocument(text: string, options: YamlDocumentOptions = {}): Document {
  const document = parseDocument(text, { logLevel: 'error', ...options, uniqueKeys: false });
  const duplicate = firstDuplicateKey(document);
  if (duplicate) {
    document.errors.push(new YAMLParseError(duplicate, 'DUPLICATE_KEY', 'Map keys must be unique'));
    document.errors.sort((first, second) => first.pos[0] - second.pos[0]);
  }
  return document;
}

/**
 * The source offsets of the first scalar key that repeats an earlier key of its mapping.
 * `<<` (a merge) may repeat, as `yaml` allows.
 */
function firstDuplicateKey(document: Document): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || key.value === '<<') continue;
        if (seen.has(key.value) && key.range && (!found || key.range[0] < found[0])) found = [key.range[0], key.range[1]];
        seen.add(key.value);
      }
    },
  });
  return found;
}

/** YAML text as plain data, quiet and within the alias budget; throws on a syntax error, as `yaml`'s `parse` does. */
export function parseYamlValue(text: string): unknown {
  const document = parseYamlDocument(text);
  const firstError = document.errors[0];
  if (firstError) throw firstError;
  return document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
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
