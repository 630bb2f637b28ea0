import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findWorkspaceRoot } from '../../src/core/config/workspace';

describe('findWorkspaceRoot', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'isdeck-workspace-'));
    mkdirSync(join(root, 'project/decks/2010'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is the nearest folder upward with .git', () => {
    mkdirSync(join(root, 'project/.git'));
    expect(findWorkspaceRoot(join(root, 'project/decks/2010'))).toBe(join(root, 'project'));
  });

  it('is the nearest folder upward with package.json', () => {
    mkdirSync(join(root, 'project/.git'));
    writeFileSync(join(root, 'project/decks/package.json'), '{}');
    expect(findWorkspaceRoot(join(root, 'project/decks/2010'))).toBe(join(root, 'project/decks'));
  });

  it('is a folder whose configuration file says root: true', () => {
    mkdirSync(join(root, 'project/.git'));
    writeFileSync(join(root, 'project/decks/.isdeckrc.yaml'), 'root: true\n');
    writeFileSync(join(root, 'project/decks/2010/.isdeckrc.json'), '{"rules": {}}');
    expect(findWorkspaceRoot(join(root, 'project/decks/2010'))).toBe(join(root, 'project/decks'));
  });

  it('is the deck\'s own folder when nothing marks a workspace', () => {
    // Only meaningful when no folder above the temporary folder is marked (true on CI and here).
    const marked = (() => {
      const found = findWorkspaceRoot(join(root, 'project/decks/2010'));
      return found !== join(root, 'project/decks/2010');
    })();
    if (marked) return;
    expect(findWorkspaceRoot(join(root, 'project/decks/2010'))).toBe(join(root, 'project/decks/2010'));
  });
});
