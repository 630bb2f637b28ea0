/**
 * The picture policy on a real file system: one verdict and one message for the
 * `image-exists` rule and every exporter (HTML/PDF resolver, PowerPoint loader).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import { ImageLoader } from '../../src/core/export/pptx/images';
import { readLocalFile } from '../../src/core/export/pptx';
import { embeddingImageResolver, type PictureWarning } from '../../src/core/images/embed';
import { judgePicture, type PicturePlace } from '../../src/core/images/policy';
import { lintText } from '../../src/core/lint/lint';
import { lintOptions, problemsOf } from '../helpers/lint';

// A 2 × 1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYPj/n4GBgQEADfwC/g2Rz2oAAAAASUVORK5CYII=', 'base64');

let root: string;
let outside: string;
let place: PicturePlace;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'isdeck-pictures-'));
  outside = mkdtempSync(join(tmpdir(), 'isdeck-pictures-outside-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'decks'));
  mkdirSync(join(root, 'img'));
  writeFileSync(join(root, 'img', 'x.png'), PNG);
  writeFileSync(join(root, 'decks', '..red.png'), PNG);
  writeFileSync(join(outside, 'secret.png'), PNG);
  symlinkSync(join(outside, 'secret.png'), join(root, 'decks', 'leak.png'));
  symlinkSync(join(root, 'img', 'x.png'), join(root, 'decks', 'alias.png'));
  symlinkSync(outside, join(root, 'decks', 'away'));
  place = { deckDir: join(root, 'decks'), workspaceRoot: root };
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const OUTSIDE = (path: string) =>
  `The image \`${path}\` is outside the workspace: copy it into the workspace (e.g. an \`images/\` folder beside the deck) and link it there.`;
const LINKED_OUT = (path: string) =>
  `The image \`${path}\` is a link to a file outside the workspace: copy it into the workspace (e.g. an \`images/\` folder beside the deck) and link it there.`;

describe('judgePicture', () => {
  it('allows a sibling folder inside the workspace, a link that stays inside, and `..red.png` (a name, not a step out)', () => {
    expect(judgePicture('../img/x.png', place)).toEqual({ kind: 'file', path: join(root, 'img', 'x.png') });
    expect(judgePicture('alias.png', place)).toEqual({ kind: 'file', path: join(root, 'img', 'x.png') });
    expect(judgePicture('..red.png', place)).toEqual({ kind: 'file', path: join(root, 'decks', '..red.png') });
    expect(judgePicture(pathToFileURL(join(root, 'img', 'x.png')).href, place)).toEqual({ kind: 'file', path: join(root, 'img', 'x.png') });
  });

  it('refuses by real path: a link to a file outside, a file in a linked folder outside, a path that steps out', () => {
    expect(judgePicture('leak.png', place)).toEqual({ kind: 'refused', reason: 'outside', message: LINKED_OUT('leak.png') });
    expect(judgePicture('away/secret.png', place)).toEqual({ kind: 'refused', reason: 'outside', message: LINKED_OUT('away/secret.png') });
    const stepOut = `../../${outside.split('/').at(-1)}/secret.png`;
    expect(judgePicture(stepOut, place)).toEqual({ kind: 'refused', reason: 'outside', message: OUTSIDE(stepOut) });
    expect(judgePicture(join(outside, 'secret.png'), place)).toMatchObject({ reason: 'outside' });
  });

  it('a missing file is "not found" inside the workspace, "outside" beyond it', () => {
    expect(judgePicture('none.png', place)).toMatchObject({ kind: 'refused', reason: 'missing' });
    expect(judgePicture('../../none.png', place)).toMatchObject({ kind: 'refused', reason: 'outside' });
  });

  it('leaves web addresses to the network policy, keeps data: pictures, refuses other addresses', () => {
    expect(judgePicture('https://example.com/a.png', place)).toEqual({ kind: 'remote' });
    expect(judgePicture('//example.com/a.png', place)).toEqual({ kind: 'remote' });
    expect(judgePicture(`data:image/png;base64,${PNG.toString('base64')}`, place)).toEqual({ kind: 'data' });
    expect(judgePicture('ftp://example.com/a.png', place)).toMatchObject({ kind: 'refused', reason: 'address' });
    expect(judgePicture('javascript:alert(1)', place)).toMatchObject({ kind: 'refused', reason: 'address' });
    expect(judgePicture('../img', place)).toMatchObject({ kind: 'refused', reason: 'not-a-file' });
  });
});

describe('lint and every exporter say the same', () => {
  const text = '---\nmarp: true\n---\n\n## Pictures\n\n![A](../img/x.png)\n\n![B](..red.png)\n\n![C](leak.png)\n\n![D](none.png)\n';
  const refused = ['leak.png', 'none.png'];

  it('image-exists, the HTML/PDF resolver and the PowerPoint loader refuse the same pictures with the same messages', () => {
    const deckPath = join(root, 'decks', 'talk.md');
    const lint = problemsOf(lintText(text, deckPath, lintOptions({}, root)).problems, 'image-exists').map((problem) => problem.message);
    const deck = parseDeck(text, deckPath);
    const warnings: PictureWarning[] = [];
    const resolve = embeddingImageResolver(place, warnings);
    const images = deck.slides.flatMap((slide) => slide.images);
    const drawn = images.map((image) => resolve(encodeURI(image.src)));
    const loader = new ImageLoader(place, readLocalFile);
    const loaded = images.map((image) => loader.load(image));

    expect(lint).toEqual([LINKED_OUT('leak.png'), expect.stringContaining('`none.png` was not found')]);
    expect(warnings.map((warning) => warning.path)).toEqual(refused);
    expect(warnings.map((warning) => warning.message)).toEqual(lint);
    expect(loaded.flatMap((result) => (result.ok ? [] : [result.reason]))).toEqual(lint);
    expect(drawn.map((src) => src?.startsWith('data:image/png;base64,') ?? null)).toEqual([true, true, null, null]);
    expect(loaded.map((result) => result.ok)).toEqual([true, true, false, false]);
  });

  it('the PowerPoint loader reads a file once and shares its bytes between uses', () => {
    let reads = 0;
    const loader = new ImageLoader(place, (path) => {
      reads++;
      return readLocalFile(path);
    });
    const deck = parseDeck('## A\n\n![A](../img/x.png)\n\n![B](alias.png)\n\n![C](../img/x.png)\n', join(root, 'decks', 'talk.md'));
    const loaded = deck.slides[0]!.images.map((image) => loader.load(image));
    expect(reads).toBe(1);
    const data = loaded.map((result) => (result.ok ? result.image.data : ''));
    expect(new Set(data).size).toBe(1);
    expect(data[0]).toMatch(/^image\/png;base64,/);
  });
});
