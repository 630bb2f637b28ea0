import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, ConfigLoader, parseConfigText } from '../../src/core/config/load';

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfigText', () => {
  it('accepts JSON and YAML with severities and options', () => {
    expect(parseConfigText('{"rules": {"uk-spelling": "off", "bullet-limits": {"options": {"maxBullets": 5}}}}', '.isdeckrc.json')).toEqual({
      rules: { 'uk-spelling': 'off', 'bullet-limits': { options: { maxBullets: 5 } } },
    });
    expect(parseConfigText('root: true\nrules:\n  slide-title: warning\n', '.isdeckrc.yaml')).toEqual({ root: true, rules: { 'slide-title': 'warning' } });
    expect(parseConfigText('\uFEFF{"root": true}', '.isdeckrc.json')).toEqual({ root: true });
    expect(parseConfigText('', '.isdeckrc.yml')).toEqual({});
  });

  it('names the file, the line and the key path of a bad option', () => {
    const text = '{\n  "rules": {\n    "bullet-limits": {\n      "options": { "maxBullets": "7" }\n    }\n  }\n}\n';
    const error = configError(() => parseConfigText(text, '.isdeckrc.json'));
    expect(error.message).toBe('.isdeckrc.json:4: rules.bullet-limits.options.maxBullets: expected number, received string "7"');
    expect(error.file).toBe('.isdeckrc.json');
    expect(error.issues).toEqual([{ path: 'rules.bullet-limits.options.maxBullets', line: 4, message: 'expected number, received string "7"' }]);
  });

  it('reports an unknown rule id at its key, with a suggestion for a near miss', () => {
    const text = 'rules:\n  no-such-rule: error\n  bulet-limits: off\n';
    expect(configError(() => parseConfigText(text, 'decks/.isdeckrc.yaml')).message).toBe(
      [
        'decks/.isdeckrc.yaml:2: rules.no-such-rule: unknown rule id',
        'decks/.isdeckrc.yaml:3: rules.bulet-limits: unknown rule id (did you mean `bullet-limits`?)',
      ].join('\n'),
    );
  });

  it('explains a bad severity, a bad entry type and unknown keys', () => {
    const text = '{\n  "rules": {\n    "slide-title": "warn",\n    "uk-spelling": 3,\n    "front-matter": {"severity": "error", "level": 1}\n  },\n  "rooty": true\n}';
    expect(configError(() => parseConfigText(text, '.isdeckrc.json')).message.split('\n')).toEqual([
      '.isdeckrc.json:3: rules.slide-title: expected "error", "warning" or "off", received string "warn" (did you mean `warning`?)',
      '.isdeckrc.json:4: rules.uk-spelling: expected "error", "warning" or "off", or an object, received number',
      '.isdeckrc.json:5: rules.front-matter.level: unknown key (a rule takes `severity` and `options`)',
      '.isdeckrc.json:7: rooty: unknown key (expected `$schema`, `root`, `render`, `html`, `allowRemote` or `rules`)',
    ]);
    expect(configError(() => parseConfigText('root: yes\n', '.isdeckrc.yml')).message).toBe('.isdeckrc.yml:1: root: expected boolean, received string "yes"');
    expect(configError(() => parseConfigText('- a\n', '.isdeckrc.yml')).message).toBe('.isdeckrc.yml:1: expected object, received array');
  });

  it('reports JSON and YAML syntax errors at their line', () => {
    expect(configError(() => parseConfigText('{\n  "rules": {\n    "slide-title": "off",\n  }\n}', '.isdeckrc.json')).message).toMatch(
      /^\.isdeckrc\.json:4: invalid JSON: /,
    );
    expect(configError(() => parseConfigText('', '.isdeckrc.json')).message).toBe('.isdeckrc.json:1: invalid JSON: Unexpected end of JSON input');
    expect(configError(() => parseConfigText('rules:\n\tslide-title: off\n', '.isdeckrc.yaml')).message).toMatch(/^\.isdeckrc\.yaml:2: invalid YAML: /);
  });

  it('reports a repeated key at its line, in a nested mapping too', () => {
    expect(configError(() => parseConfigText('rules:\n  slide-title: off\n  uk-spelling: off\n  slide-title: error\n', '.isdeckrc.yaml')).message).toBe(
      '.isdeckrc.yaml:4: invalid YAML: Map keys must be unique',
    );
  });
});

describe('ConfigLoader', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const loader = (options: { configFile?: string } = {}) => new ConfigLoader({ ...options, display: (file) => file.slice(root.length + 1) });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'isdeck-config-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds files upward and merges them parent first, options key by key', () => {
    write('.isdeckrc.json', JSON.stringify({ root: true, rules: { 'uk-spelling': 'off', 'bullet-limits': { options: { maxBullets: 5, maxWords: 20 } } } }));
    write('a/b/.isdeckrc.yaml', 'rules:\n  uk-spelling: warning\n  bullet-limits:\n    severity: error\n    options:\n      maxBullets: 9\n');
    mkdirSync(join(root, 'a/b/c'), { recursive: true });
    const configs = loader();
    expect(configs.filesFor(join(root, 'a/b/c')).map((loaded) => loaded.file)).toEqual([join(root, '.isdeckrc.json'), join(root, 'a/b/.isdeckrc.yaml')]);
    const resolved = configs.configFor(join(root, 'a/b/c'));
    expect(resolved.rules.get('uk-spelling')?.severity).toBe('warning');
    expect(resolved.rules.get('bullet-limits')).toEqual({ severity: 'error', options: { maxBullets: 9, maxDepth: 2, maxWords: 20 } });
    expect(configs.configFor(join(root, 'a')).rules.get('uk-spelling')?.severity).toBe('off');
    expect(resolved.rules.get('slide-title')?.severity).toBe('error');
  });

  it('stops after a file with root: true', () => {
    write('.isdeckrc.json', JSON.stringify({ rules: { 'slide-title': 'off' } }));
    write('inner/.isdeckrc.yml', 'root: true\n');
    const configs = loader();
    expect(configs.filesFor(join(root, 'inner')).map((loaded) => loaded.file)).toEqual([join(root, 'inner/.isdeckrc.yml')]);
    expect(configs.configFor(join(root, 'inner')).rules.get('slide-title')?.severity).toBe('error');
    expect(configs.isRootFolder(join(root, 'inner'))).toBe(true);
    expect(configs.isRootFolder(root)).toBe(false);
  });

  it('takes the first of .isdeckrc.json, .isdeckrc.yaml, .isdeckrc.yml in one folder', () => {
    write('.isdeckrc.yml', 'root: true\nrules:\n  slide-title: warning\n');
    write('.isdeckrc.json', '{"root": true, "rules": {"slide-title": "off"}}');
    expect(loader().configFor(root).rules.get('slide-title')?.severity).toBe('off');
  });

  it('caches per folder within a run', () => {
    write('.isdeckrc.json', '{"root": true, "rules": {"slide-title": "off"}}');
    const configs = loader();
    const first = configs.configFor(root);
    write('.isdeckrc.json', '{"root": true, "rules": {"slide-title": "warning"}}');
    expect(configs.configFor(root)).toBe(first);
    expect(loader().configFor(root).rules.get('slide-title')?.severity).toBe('warning');
  });

  it('uses --config instead of discovery', () => {
    write('.isdeckrc.json', '{"root": true, "rules": {"slide-title": "off"}}');
    write('other/settings.yaml', 'rules:\n  uk-spelling: off\n');
    const configs = loader({ configFile: join(root, 'other/settings.yaml') });
    const resolved = configs.configFor(root);
    expect(resolved.rules.get('slide-title')?.severity).toBe('error');
    expect(resolved.rules.get('uk-spelling')?.severity).toBe('off');
  });

  it('throws a ConfigError naming the file for a broken or missing file, every time it is asked', () => {
    write('.isdeckrc.json', '{"root": true, "rules": {"slide-titel": "off"}}');
    const configs = loader();
    expect(() => configs.configFor(root)).toThrow(/^\.isdeckrc\.json:1: rules\.slide-titel: unknown rule id \(did you mean `slide-title`\?\)$/);
    expect(() => configs.configFor(root)).toThrow(ConfigError);
    expect(configs.isRootFolder(root)).toBe(true);
    expect(() => loader({ configFile: join(root, 'missing.json') }).configFor(root)).toThrow(/^missing\.json: no such file$/);
  });

  it('uses the defaults when no file is found', () => {
    const resolved = loader().configFor(root);
    expect(resolved.rules.get('uk-spelling')?.severity).toBe('warning');
    expect(resolved.render).toBe(false);
  });
});
