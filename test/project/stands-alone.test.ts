/**
 * The project stands on its own: no file names a place outside the repository (a sibling
 * folder, a path on the machine it was written on), and every citation of the house
 * structure points at the project's own docs/house-structure.md and a section it has.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli';

/** The project's text files: tracked or new, not ignored, binaries (a NUL byte) left out. */
function projectTextFiles(): { path: string; text: string }[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return listed
    .split('\0')
    .filter((path) => path !== '' && existsSync(join(PROJECT_ROOT, path)))
    .map((path) => ({ path, bytes: readFileSync(join(PROJECT_ROOT, path)) }))
    .filter(({ bytes }) => !bytes.subarray(0, 8000).includes(0))
    .map(({ path, bytes }) => ({ path, text: bytes.toString('utf8') }));
}

const files = projectTextFiles();
const HOUSE_STRUCTURE = join(PROJECT_ROOT, 'docs/house-structure.md');

/** GitHub's anchors of the page's headings: lower case, punctuation dropped, spaces to `-`. */
const anchors = new Set(
  [...readFileSync(HOUSE_STRUCTURE, 'utf8').matchAll(/^#+ (.+)$/gm)].map(([, heading]) =>
    heading!.toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-'),
  ),
);
const sections = new Set([...readFileSync(HOUSE_STRUCTURE, 'utf8').matchAll(/^## (\d+)\. /gm)].map(([, number]) => number));

describe('the project stands on its own', () => {
  it('lists the project’s files', () => {
    expect(files.map((file) => file.path)).toEqual(expect.arrayContaining(['package.json', 'docs/house-structure.md', 'decks/masterclass-2010-03-24.seed.txt']));
  });

  it('no file names a folder beside the repository or a path on the machine', () => {
    // Written in pieces, so this file does not name them itself.
    const outside = [['..', 'shared', ''].join('/'), ['', 'work', ''].join('/')];
    const found = files.flatMap(({ path, text }) =>
      text.split('\n').flatMap((line, index) => (outside.some((needle) => line.includes(needle)) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('cites the house structure as docs/house-structure.md, with sections it has', () => {
    const wrong: string[] = [];
    for (const { path, text } of files) {
      if (path === 'docs/house-structure.md') continue;
      // Markdown links to the page: the target resolves to it, the anchor is one of its headings.
      let rest = text.replace(/\[[^\]\n]*\]\(([^)\s]*house-structure\.md)(?:#([^)\s]*))?\)/g, (link, target: string, anchor?: string) => {
        if (resolve(dirname(join(PROJECT_ROOT, path)), target) !== HOUSE_STRUCTURE) wrong.push(`${path}: ${link} does not lead to docs/house-structure.md`);
        if (anchor !== undefined && !anchors.has(anchor)) wrong.push(`${path}: ${link}: no heading #${anchor}`);
        return '';
      });
      // Code and prose name it from the repository root, with the section meant.
      rest = rest.replace(/docs\/house-structure\.md(?: §(\d+))?/g, (citation, section?: string) => {
        if (section !== undefined && !sections.has(section)) wrong.push(`${path}: ${citation}: no section ${section}`);
        return '';
      });
      for (const stray of rest.match(/house-structure\.md|house[- ]structure,? §\s*\d+/gi) ?? []) wrong.push(`${path}: "${stray}" does not point to docs/house-structure.md`);
    }
    expect(wrong).toEqual([]);
  });
});
