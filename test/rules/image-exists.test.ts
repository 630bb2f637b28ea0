import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/core/lint/lint';
import type { LintEnvironment } from '../../src/core/rules/rule';
import { lintFixture, lintOptions, problemsOf, summarise } from '../helpers/lint';

const RULE = 'image-exists';
const notFound = (path: string) =>
  `The image \`${path}\` was not found: no such file relative to the deck's folder (check the path and the case of the file name).`;
const outside = (path: string) =>
  `The image \`${path}\` is outside the workspace: copy it into the workspace (e.g. an \`images/\` folder beside the deck) and link it there.`;

/**
 * Lints with a made-up file system: `files` are the absolute paths that exist; `links` map a
 * path to the real path it leads to.
 */
function lintWith(text: string, file: string | undefined, workspaceRoot: string | undefined, files: string[], links: Record<string, string> = {}) {
  const environment: LintEnvironment = {
    workspaceRoot,
    fileExists: (path) => files.includes(path),
    realPath: (path) => links[path] ?? (files.includes(path) ? path : undefined),
  };
  return problemsOf(lintText(text, file, { ...lintOptions(), environment }).problems, RULE);
}

describe('image-exists', () => {
  it('reports missing files and paths outside the workspace at the path; decodes `%20` and skips URLs', () => {
    const problems = problemsOf(lintFixture(RULE, 'bad'), RULE);
    expect(problems.map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [20, 17, 20, 35], message: notFound('images/missing.png') },
      // File names are case-sensitive (the fixture has `images/chart.png`); `?v=2` is not part of the file name.
      { rule: RULE, severity: 'error', range: [22, 17, 22, 33], message: notFound('images/Chart.PNG') },
      {
        rule: RULE,
        severity: 'error',
        range: [26, 1, 26, 13],
        message: "The image has no path: write the image file's path between the parentheses.",
      },
      { rule: RULE, severity: 'error', range: [32, 18, 32, 52], message: outside('../../../../../../../../etc/passwd') },
      { rule: RULE, severity: 'error', range: [34, 16, 34, 34], message: outside('../../../README.md') },
      // A background image alone in its paragraph is checked too.
      { rule: RULE, severity: 'error', range: [38, 7, 38, 28], message: notFound('images/background.jpg') },
    ]);
    expect(problems.every((problem) => problem.fix === undefined)).toBe(true);
  });

  it('accepts existing local files and URLs', () => {
    expect(problemsOf(lintFixture(RULE, 'good'), RULE)).toEqual([]);
  });

  it('resolves against the workspace root when the deck has no file', () => {
    const text = '## A\n\n![A](images/a.png) ![B](images/b.png) ![C](../etc/passwd)\n';
    expect(lintWith(text, undefined, '/ws', ['/ws/images/a.png', '/etc/passwd']).map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [3, 25, 3, 37], message: notFound('images/b.png') },
      { rule: RULE, severity: 'error', range: [3, 44, 3, 57], message: outside('../etc/passwd') },
    ]);
  });

  it("takes the deck's folder as the workspace when no root is set, and checks nothing when there is no folder to resolve against", () => {
    const text = '## A\n\n![C](../../etc/passwd) ![D](/srv/decks/d.png)\n';
    expect(lintWith(text, '/srv/decks/a.md', undefined, ['/etc/passwd']).map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [3, 6, 3, 22], message: outside('../../etc/passwd') },
      { rule: RULE, severity: 'error', range: [3, 29, 3, 45], message: notFound('/srv/decks/d.png') },
    ]);
    expect(lintWith(text, undefined, undefined, [])).toEqual([]);
  });

  it('decodes a path once: `%2541` names the file `%41`, not `A`', () => {
    const deck = '## Slide\n\n![Chart](images/a%2541.png)\n';
    expect(lintWith(deck, '/ws/deck.md', '/ws', ['/ws/images/a%41.png'])).toEqual([]);
    expect(lintWith(deck, '/ws/deck.md', '/ws', ['/ws/images/aA.png']).map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [3, 10, 3, 27], message: notFound('images/a%41.png') },
    ]);
  });

  it('treats a path inside the workspace written with `..` as inside', () => {
    const text = '## A\n\n![A](../pictures/a.png)\n';
    expect(lintWith(text, '/ws/decks/deck.md', '/ws', ['/ws/pictures/a.png'])).toEqual([]);
  });

  it('follows symbolic links: a link inside the workspace to a file outside is refused, a link to a file inside is fine', () => {
    const text = '## A\n\n![A](img/out.png) ![B](img/in.png)\n';
    const links = { '/ws/img/out.png': '/home/me/secret.png', '/ws/img/in.png': '/ws/shared/in.png' };
    expect(lintWith(text, '/ws/deck.md', '/ws', ['/home/me/secret.png', '/ws/shared/in.png'], links).map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'error',
        range: [3, 6, 3, 17],
        message:
          'The image `img/out.png` is a link to a file outside the workspace: copy it into the workspace (e.g. an `images/` folder beside the deck) and link it there.',
      },
    ]);
  });

  it('reads `..red.png` as a file name inside the folder, not a step outside', () => {
    const text = '## A\n\n![Red](..red.png) ![Blue](..blue.png)\n';
    expect(lintWith(text, '/ws/deck.md', '/ws', ['/ws/..red.png']).map(summarise)).toEqual([
      { rule: RULE, severity: 'error', range: [3, 27, 3, 37], message: notFound('..blue.png') },
    ]);
  });

  it('refuses addresses it cannot load, and a folder named as a picture', () => {
    const text = '## A\n\n![A](ftp://host/a.png) ![B](images)\n';
    const problems = lintWith(text, '/ws/deck.md', '/ws', [], { '/ws/images': '/ws/images' });
    expect(problems.map((problem) => problem.message)).toEqual([
      'The image `ftp://host/a.png` is a `ftp:` address, which isdeck does not load: use a picture file in the workspace.',
      'The image `images` is not a file (a folder or a device): link a picture file.',
    ]);
  });
});
