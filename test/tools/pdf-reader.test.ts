/**
 * test/helpers/pdf.ts, which the export tests read PDFs with (pdf.js, no poppler): it gives the
 * page count, page size, properties, tagging and text, and it reports a damaged file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { isA4, readPdf } from '../helpers/pdf';

const work = mkdtempSync(join(tmpdir(), 'isdeck-pdf-reader-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Two pages of text, 960 × 540, with properties; tagged when asked. */
async function writeSample(name: string, tagged: boolean): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const line of ['First page text', 'Second page text']) doc.addPage([960, 540]).drawText(line, { x: 40, y: 400, size: 24, font });
  doc.setTitle('Sample Title');
  doc.setAuthor('Sample Author');
  doc.setSubject('Sample Subject');
  doc.setCreator('isdeck');
  if (tagged) doc.catalog.set(PDFName.of('MarkInfo'), doc.context.obj({ Marked: true }));
  const file = join(work, name);
  writeFileSync(file, await doc.save({ useObjectStreams: false }));
  return file;
}

describe('readPdf', () => {
  it('reads pages, size, properties, tagging and text', async () => {
    const pdf = await readPdf(await writeSample('tagged.pdf', true));
    expect(pdf.pages).toBe(2);
    expect(pdf.pageSize).toEqual({ width: 960, height: 540 });
    expect(pdf.tagged).toBe(true);
    expect(pdf.info).toMatchObject({ Title: 'Sample Title', Author: 'Sample Author', Subject: 'Sample Subject', Creator: 'isdeck' });
    expect(pdf.text.replace(/\s+/g, ' ').trim()).toBe('First page text Second page text');
    expect(pdf.warnings).toEqual([]);
    expect((await readPdf(await writeSample('untagged.pdf', false))).tagged).toBe(false);
  });

  it('reports a cross-reference table that points at the wrong place', async () => {
    const file = await writeSample('broken.pdf', false);
    const bytes = readFileSync(file).toString('latin1');
    const startxref = /startxref\s+(\d+)/.exec(bytes)!;
    writeFileSync(file, Buffer.from(bytes.replace(startxref[0], `startxref\n${Number(startxref[1]) + 7}`), 'latin1'));
    const pdf = await readPdf(file);
    expect(pdf.pages).toBe(2);
    expect(pdf.warnings.join('\n')).toMatch(/Indexing all PDF objects/);
  });

  it('knows A4 within a point', () => {
    expect(isA4({ width: 594.96, height: 841.92 })).toBe(true);
    expect(isA4({ width: 612, height: 792 })).toBe(false);
  });
});
