import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { isMap, isScalar, LineCounter, type Document, type Node as YamlNode } from 'yaml';
import { parseYamlDocument, YAML_ALIAS_MESSAGE, yamlData } from '../yaml-budget';
import type { z } from 'zod';
import { allRules } from '../rules';
import type { Rule } from '../rules/rule';
import { buildConfigSchema, resolveConfig, type ConfigFile, type ResolvedConfig } from './schema';

/** Looked for in each folder, in this order; the first found in a folder is used. */
export const CONFIG_FILE_NAMES = ['.isdeckrc.json', '.isdeckrc.yaml', '.isdeckrc.yml'] as const;

export interface ConfigIssue {
  /** Dotted key path (`rules.bullet-limits.options.maxBullets`); empty for the file as a whole. */
  path: string;
  /** 1-based line in the file, when it could be found. */
  line: number | undefined;
  message: string;
}

/** A configuration file that cannot be read, parsed or validated. One line per issue, each naming the file. */
export class ConfigError extends Error {
  constructor(
    /** The file as shown to the user (relative to the working folder, forward slashes). */
    readonly file: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(issues.map((issue) => formatIssue(file, issue)).join('\n'));
    this.name = 'ConfigError';
  }
}

function formatIssue(file: string, issue: ConfigIssue): string {
  const where = issue.line === undefined ? file : `${file}:${issue.line}`;
  return issue.path === '' ? `${where}: ${issue.message}` : `${where}: ${issue.path}: ${issue.message}`;
}

/**
 * Parses and validates the text of a configuration file. `.json` files are JSON, anything
 * else YAML. Throws {@link ConfigError} naming `displayName`, the line and the key path.
 */
export function parseConfigText(text: string, displayName: string, rules: readonly Rule[] = allRules): ConfigFile {
  const isJson = displayName.toLowerCase().endsWith('.json');
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: unknown;
  if (isJson) {
    try {
      data = JSON.parse(source);
    } catch (error) {
      throw new ConfigError(displayName, [jsonSyntaxIssue(source, error)]);
    }
  }
  // YAML is a superset of JSON: the same parse locates keys in either kind of file.
  const lineCounter = new LineCounter();
  const document = parseYamlDocument(source, { lineCounter, prettyErrors: false });
  if (!isJson) {
    const yamlError = document.errors[0];
    if (yamlError) {
      const line = lineCounter.linePos(yamlError.pos[0]).line;
      const message = (yamlError.message.split('\n')[0] ?? yamlError.message).replace(/ at line \d+, column \d+:?$/, '');
      throw new ConfigError(displayName, [{ path: '', line, message: `invalid YAML: ${message}` }]);
    }
    const read = yamlData(document);
    if (!('data' in read)) {
      throw new ConfigError(displayName, [{ path: '', line: undefined, message: 'overBudget' in read ? YAML_ALIAS_MESSAGE : `invalid YAML: ${read.error}` }]);
    }
    data = read.data ?? {};
  }
  const result = buildConfigSchema(rules).safeParse(data);
  // The file as written, not the parse: option defaults are applied once, after merging
  // (a child's defaults must not overwrite a parent's options).
  if (result.success) return data as ConfigFile;
  const locate = (path: readonly PropertyKey[], keyOnly: boolean) =>
    isJson && document.errors.length > 0 ? undefined : locatePath(document, lineCounter, path, keyOnly);
  const issues = result.error.issues.flatMap((issue) => describeIssue(issue, data, rules, []));
  const located = issues.map((issue) => ({ path: dotted(issue.path), line: locate(issue.path, issue.keyOnly), message: issue.message }));
  located.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  throw new ConfigError(displayName, located);
}

interface Described {
  path: PropertyKey[];
  message: string;
  /** The issue is about a key that should not be there: point at the key, not its value. */
  keyOnly: boolean;
}

/** Turns a zod issue into messages a config author understands, descending into unions. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown, rules: readonly Rule[], prefix: PropertyKey[]): Described[] {
  const path = [...prefix, ...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: unknownKeyMessage(path, key, rules), keyOnly: true }));
    case 'invalid_type':
      return [{ path, message: `expected ${issue.expected}, received ${received(valueAt(data, path))}`, keyOnly: false }];
    case 'invalid_value':
      return [{ path, message: invalidValueMessage(issue.values, valueAt(data, path)), keyOnly: false }];
    case 'invalid_union': {
      // A rule entry is a severity string or `{severity, options}`: follow the branch that accepted the value's type.
      const rejects = (branch: readonly z.core.$ZodIssue[]) =>
        branch.some((sub) => sub.path.length === 0 && (sub.code === 'invalid_type' || sub.code === 'invalid_value'));
      const matching = issue.errors.filter((branch) => !rejects(branch));
      if (matching.length === 1) return matching[0]!.flatMap((sub) => describeIssue(sub, data, rules, path));
      const value = valueAt(data, path);
      const choices = issue.errors.map((branch) => branch.find((sub) => sub.path.length === 0)).find((sub) => sub?.code === 'invalid_value');
      if (typeof value === 'string' && choices?.code === 'invalid_value') {
        return [{ path, message: invalidValueMessage(choices.values, value), keyOnly: false }];
      }
      const expected = issue.errors.map((branch) => expectedOf(branch)).filter((text) => text !== '');
      return [{ path, message: `expected ${expected.join(', or ')}, received ${received(value)}`, keyOnly: false }];
    }
    default:
      return [{ path, message: lowerFirst(issue.message.replace(/^Invalid input: /, '')), keyOnly: false }];
  }
}

function invalidValueMessage(values: readonly unknown[], value: unknown): string {
  const strings = values.filter((candidate): candidate is string => typeof candidate === 'string');
  let near = '';
  if (typeof value === 'string' && value !== '' && strings.length > 0) {
    const guess = strings.find((candidate) => candidate.startsWith(value.toLowerCase())) ?? closest(value, strings);
    if (guess.startsWith(value.toLowerCase()) || distanceIsSmall(value, guess)) near = ` (did you mean \`${guess}\`?)`;
  }
  return `expected ${listValues(values)}, received ${received(value)}${near}`;
}

function expectedOf(branch: readonly z.core.$ZodIssue[]): string {
  const root = branch.find((sub) => sub.path.length === 0);
  if (root?.code === 'invalid_value') return listValues(root.values);
  if (root?.code === 'invalid_type') return root.expected === 'object' ? 'an object' : String(root.expected);
  return '';
}

function unknownKeyMessage(parent: readonly PropertyKey[], key: string, rules: readonly Rule[]): string {
  if (parent.length === 1 && parent[0] === 'rules') {
    const ids = rules.map((rule) => rule.id);
    const guess = ids.length > 0 ? closest(key, ids) : undefined;
    const near = guess !== undefined && distanceIsSmall(key, guess) ? ` (did you mean \`${guess}\`?)` : '';
    return `unknown rule id${near}`;
  }
  if (parent.length === 2 && parent[0] === 'rules') return 'unknown key (a rule takes `severity` and `options`)';
  if (parent.length === 0) return 'unknown key (expected `$schema`, `root`, `render`, `html`, `allowRemote` or `rules`)';
  return 'unknown key';
}

/** A likely typo: a few edits apart (at most 2, or a quarter of the id for long ids). */
function distanceIsSmall(typed: string, known: string): boolean {
  return distance(typed, known) <= Math.max(2, Math.floor(known.length / 4));
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function listValues(values: readonly unknown[]): string {
  const quoted = values.map((value) => JSON.stringify(value));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

function received(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  return typeof value;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : String(key))).join('.').replace(/\.\[/g, '[');
}

/** The line of the deepest node on `path` found in the document (the key itself when `keyOnly`). */
function locatePath(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[], keyOnly: boolean): number | undefined {
  let node: unknown = document.contents;
  let line: number | undefined = offsetLine(node, lineCounter);
  for (const key of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
    if (!pair) break;
    line = offsetLine(pair.key, lineCounter) ?? line;
    if (keyOnly && key === path.at(-1)) return line;
    node = pair.value;
    line = offsetLine(node, lineCounter) ?? line;
  }
  return line;
}

function offsetLine(node: unknown, lineCounter: LineCounter): number | undefined {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? lineCounter.linePos(range[0]).line : undefined;
}

function jsonSyntaxIssue(source: string, error: unknown): ConfigIssue {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  let line: number | undefined;
  if (position) {
    const offset = Number(position[1]);
    line = 1;
    for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  } else if (source.trim() === '') {
    line = 1;
  }
  const message = raw
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+/, '')
    .replace(/^JSON\.parse: /, '');
  return { path: '', line, message: `invalid JSON: ${message}` };
}

export interface LoadedConfig {
  /** Absolute path of the file. */
  file: string;
  config: ConfigFile;
}

export interface ConfigLoaderOptions {
  /** `--config FILE`: use this one file for every deck instead of looking for files. */
  configFile?: string;
  rules?: readonly Rule[];
  /** How a file is named in messages; defaults to its path relative to the working folder, forward slashes. */
  display?: (absolutePath: string) => string;
}

export function displayPath(absolutePath: string, cwd = process.cwd()): string {
  const path = relative(cwd, absolutePath) || '.';
  return path.split('\\').join('/');
}

/**
 * Finds, reads and merges configuration for decks, caching per folder and per file for one run.
 * Discovery: from the deck's folder upward, the first of {@link CONFIG_FILE_NAMES} in each folder,
 * stopping after a file with `root: true` or at the filesystem root. Parent first, child overrides.
 */
export class ConfigLoader {
  private readonly rules: readonly Rule[];
  private readonly display: (absolutePath: string) => string;
  private readonly configFile: string | undefined;
  private readonly files = new Map<string, LoadedConfig | ConfigError>();
  private readonly folderFile = new Map<string, string | undefined>();
  private readonly chains = new Map<string, LoadedConfig[] | ConfigError>();
  private readonly resolved = new Map<string, ResolvedConfig | ConfigError>();

  constructor(options: ConfigLoaderOptions = {}) {
    this.rules = options.rules ?? allRules;
    this.display = options.display ?? ((file) => displayPath(file));
    this.configFile = options.configFile === undefined ? undefined : resolve(options.configFile);
  }

  /** The configuration file in `folder` itself, if any (no parents). */
  configFileIn(folder: string): string | undefined {
    const key = resolve(folder);
    if (this.folderFile.has(key)) return this.folderFile.get(key);
    const found = CONFIG_FILE_NAMES.map((name) => join(key, name)).find(isFile);
    this.folderFile.set(key, found);
    return found;
  }

  /** Reads and validates one file (cached). Throws {@link ConfigError}. */
  loadFile(file: string): LoadedConfig {
    const key = resolve(file);
    let entry = this.files.get(key);
    if (!entry) {
      entry = this.readAndParse(key);
      this.files.set(key, entry);
    }
    if (entry instanceof ConfigError) throw entry;
    return entry;
  }

  /** The files that apply to decks in `folder`, parent first. Throws {@link ConfigError}. */
  filesFor(folder: string): LoadedConfig[] {
    const key = resolve(folder);
    let entry = this.chains.get(key);
    if (!entry) {
      try {
        entry = this.configFile ? [this.loadFile(this.configFile)] : this.discover(key);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        entry = error;
      }
      this.chains.set(key, entry);
    }
    if (entry instanceof ConfigError) throw entry;
    return entry;
  }

  /** The merged configuration for decks in `folder`. Throws {@link ConfigError}. */
  configFor(folder: string): ResolvedConfig {
    const key = resolve(folder);
    let entry = this.resolved.get(key);
    if (!entry) {
      try {
        const files = this.filesFor(key);
        entry = this.merge(files);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        entry = error;
      }
      this.resolved.set(key, entry);
    }
    if (entry instanceof ConfigError) throw entry;
    return entry;
  }

  /** Whether `folder` holds a configuration file that says `root: true` (a broken file says no). */
  isRootFolder(folder: string): boolean {
    const file = this.configFileIn(folder);
    if (!file) return false;
    try {
      return this.loadFile(file).config.root === true;
    } catch {
      return looselyRoot(file);
    }
  }

  private discover(folder: string): LoadedConfig[] {
    const chain: LoadedConfig[] = [];
    let current = folder;
    for (;;) {
      const file = this.configFileIn(current);
      if (file) {
        const loaded = this.loadFile(file);
        chain.unshift(loaded);
        if (loaded.config.root === true) break;
      }
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    return chain;
  }

  private merge(files: readonly LoadedConfig[]): ResolvedConfig {
    try {
      return resolveConfig(this.rules, files.map((loaded) => loaded.config));
    } catch (error) {
      // Options valid file by file can still fail once merged (a rule with required options).
      const last = files.at(-1);
      const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
      throw new ConfigError(last ? this.display(last.file) : '(defaults)', [{ path: 'rules', line: undefined, message }]);
    }
  }

  private readAndParse(file: string): LoadedConfig | ConfigError {
    const name = this.display(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const message = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(error)})`;
      return new ConfigError(name, [{ path: '', line: undefined, message }]);
    }
    try {
      return { file, config: parseConfigText(text, name, this.rules) };
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** For a file that does not validate: does it still plainly say `root: true`? */
function looselyRoot(file: string): boolean {
  try {
    const document = parseYamlDocument(readFileSync(file, 'utf8'));
    return document.get('root') === true;
  } catch {
    return false;
  }
}
