import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipArchive } from '../../src/core/import/zip';
import { runCli } from '../helpers/cli';
import { parseDeck } from '../../src/core/deck/parse';
import { exportPptx } from '../../src/core/export/pptx';
import { zip } from './build-pptx';
import { compoundFile } from './cfb';

const work = mkdtempSync(join(tmpdir(), 'isdeck-import-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A presentation converted by LibreOffice to another format (a real .ppt, a real .odp). */
function convertWithLibreOffice(source: string, format: string): string {
  const profile = join(work, `lo-${format}`);
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', work, source], { stdio: 'ignore', timeout: 120_000 });
  return join(work, source.split('/').at(-1)!.replace(/\.pptx$/, `.${format}`));
}

const BOMB_BYTES = 16 * 1024 * 1024;

beforeAll(async () => {
  const good = join(work, 'good.pptx');
  const deck = join(work, 'good.md');
  writeFileSync(deck, '---\nmarp: true\ntheme: improvement-service\n---\n\n<!-- _class: content -->\n\n## A slide\n\n- A point\n');
  await exportPptx(parseDeck(readFileSync(deck, 'utf8'), deck), { deckPath: deck, outPath: good });
  convertWithLibreOffice(good, 'ppt');
  convertWithLibreOffice(good, 'odp');
  writeFileSync(join(work, 'notes.txt'), 'Speaker notes, not a presentation.\n');
  writeFileSync(join(work, 'report.pptx'), '%PDF-1.7\n%âãÏÓ\n');
  writeFileSync(join(work, 'empty.pptx'), '');
  writeFileSync(join(work, 'book.pptx'), zip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]));
  writeFileSync(join(work, 'secret.pptx'), compoundFile([{ name: 'EncryptionInfo', data: Buffer.from([4, 0, 4, 0]) }, { name: 'EncryptedPackage', data: Buffer.alloc(64, 7) }]));
  writeFileSync(join(work, 'letter.pptx'), compoundFile([{ name: 'WordDocument', data: Buffer.alloc(64) }]));
  writeFileSync(join(work, 'bomb.pptx'), zip([{ name: 'ppt/media/image1.png', data: Buffer.alloc(BOMB_BYTES) }]));
  writeFileSync(join(work, 'liar.pptx'), zip([{ name: '_rels/.rels', data: Buffer.alloc(4 * 1024 * 1024, 0x20), declaredSize: 100 }]));
  writeFileSync(join(work, 'crowd.pptx'), zip(Array.from({ length: 10_001 }, (_, index) => ({ name: `ppt/x${index}.xml`, data: '', store: true }))));
  writeFileSync(
    join(work, 'xxe.pptx'),
    zip([
      { name: '_rels/.rels', data: '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY lol SYSTEM "file:///etc/passwd">]><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>' },
    ]),
  );
  mkdirSync(join(work, 'folder.pptx'));
}, 300_000);

const BOMB_RATIO = Math.round(BOMB_BYTES / deflateRawSync(Buffer.alloc(BOMB_BYTES)).length);

const CASES: [file: string, message: string][] = [
  ['notes.txt', 'not a PowerPoint file (not a zip package); save the presentation as .pptx'],
  ['report.pptx', 'not a PowerPoint file (a PDF); save the presentation as .pptx'],
  ['empty.pptx', 'the file is empty; save the presentation as .pptx'],
  ['book.pptx', 'a zip package but not a presentation (an Excel workbook); save the presentation as .pptx'],
  ['good.odp', 'an OpenDocument presentation (.odp); save it as .pptx'],
  ['good.ppt', 'a PowerPoint 97-2003 presentation (.ppt); open it in PowerPoint or LibreOffice and save it as .pptx'],
  ['secret.pptx', 'an encrypted (password-protected) presentation; remove the password in PowerPoint and save it as .pptx'],
  ['letter.pptx', 'an old Office document (OLE compound file), not a presentation; save the presentation as .pptx'],
  ['bomb.pptx', `the package's part ppt/media/image1.png expands ${BOMB_RATIO} times (a zip bomb?); parts over 200 times are refused`],
  ['liar.pptx', '_rels/.rels inflates to more than its declared 100 bytes (a zip bomb?); refused'],
  ['crowd.pptx', 'the package lists 10001 parts; at most 10000 are imported'],
  ['xxe.pptx', 'the part _rels/.rels declares a document type, which OOXML never does; refused'],
  ['folder.pptx', 'is a folder'],
  ['missing.pptx', 'no such file or folder'],
];

describe('isdeck import refuses what it cannot read, in one line, exit 2, writing nothing', () => {
  it.each(CASES)('%s', async (file, message) => {
    const result = await runCli(['import', file, '--out', 'out'], { cwd: work });
    expect(result.stderr).toBe(`isdeck: ${file}: ${message}\n`);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(existsSync(join(work, 'out', `${file.replace(/\.[^.]+$/, '')}.md`))).toBe(false);
  });

  it('imports the good files of a run and still exits 2 for the bad one', async () => {
    const result = await runCli(['import', 'notes.txt', 'good.pptx', '--out', 'mixed'], { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('isdeck: notes.txt: not a PowerPoint file (not a zip package); save the presentation as .pptx\n');
    expect(result.stdout).toContain('good.pptx → mixed/good.md: 1 of 1 slide imported');
    expect(existsSync(join(work, 'mixed', 'good.md'))).toBe(true);
  });
});

describe('zip budgets, checked from the directory before anything is inflated', () => {
  it('refuses a package whose parts declare more than the total budget', () => {
    const bytes = zip([
      { name: 'a.bin', data: Buffer.alloc(600), store: true },
      { name: 'b.bin', data: Buffer.alloc(600), store: true },
    ]);
    const budget = { maxEntries: 10, maxTotalBytes: 1000, maxEntryBytes: 1000, maxRatio: 200, ratioFloorBytes: 1000 };
    expect(() => ZipArchive.open(bytes, budget)).toThrow('the package holds 1 KB uncompressed; at most 1000 bytes is imported');
    expect(() => ZipArchive.open(bytes, { ...budget, maxTotalBytes: 2000, maxEntryBytes: 500 })).toThrow("the package's part a.bin is 600 bytes uncompressed; parts over 500 bytes are not imported");
  });

  it('checks every part it reads against its checksum', () => {
    const bytes = zip([{ name: 'a.xml', data: '<a>hello</a>', store: true }]);
    bytes[bytes.indexOf('hello')] = 'j'.charCodeAt(0);
    expect(() => ZipArchive.open(bytes).read('a.xml')).toThrow('the package is damaged (a.xml fails its checksum); open it in PowerPoint and save it again as .pptx');
  });
});
