/**
 * The PDF/UA pass's parts without a browser: the content-stream reader, the painting groups
 * and their marked content, the artifact rewrite, the XMP packet, and the checker on small
 * PDFs made with pdf-lib that break one condition at a time.
 */
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { artifactKind, markArtifacts } from '../../src/core/export/pdf-ua/artifacts';
import { checkPdfUa, formatPdfUaReport } from '../../src/core/export/pdf-ua/check';
import { parseContentStream } from '../../src/core/export/pdf-ua/content-stream';
import { isTagged, paintGroups } from '../../src/core/export/pdf-ua/marked-content';
import { readXmp, xmpPacket } from '../../src/core/export/pdf-ua/xmp';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const PAGE = [0, 0, 960, 540] as const;

describe('parseContentStream', () => {
  it('reads operators with their operands, skipping strings, arrays, dictionaries, comments and inline images', () => {
    const stream = bytes(
      [
        '% a comment with BT and Tj in it',
        '/Span <</MCID 7 /ActualText (a \\) b (c) d)>> BDC',
        'BT /F1 12 Tf 1 0 0 -1 10 20 Tm [(x) -20 (ET y)] TJ <00410042> Tj ET',
        'EMC',
        'BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\xff EI',
        'q .5 0 0 .5 0 0 cm 0 0 10 10 re f Q',
      ].join('\n'),
    );
    const operations = parseContentStream(stream);
    expect(operations.map((op) => op.operator)).toEqual(['BDC', 'BT', 'Tf', 'Tm', 'TJ', 'Tj', 'ET', 'EMC', 'BI', 'q', 'cm', 're', 'f', 'Q']);
    const bdc = operations[0]!;
    expect(bdc.operands.map((operand) => operand.kind)).toEqual(['name', 'other']);
    const text = Buffer.from(stream).toString('latin1');
    expect(text.slice(bdc.start, bdc.end)).toBe('/Span <</MCID 7 /ActualText (a \\) b (c) d)>> BDC');
    expect(operations[3]!.operands).toEqual([1, 0, 0, -1, 10, 20].map((value) => ({ kind: 'number', value })));
    expect(text.slice(operations[8]!.start, operations[8]!.end)).toBe('BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\xff EI');
    expect(operations[10]!.operands.map((operand) => (operand.kind === 'number' ? operand.value : NaN))).toEqual([0.5, 0, 0, 0.5, 0, 0]);
  });
});

describe('paintGroups', () => {
  const stream = bytes(
    [
      '.24 0 0 -.24 0 540 cm',
      'q 3.125 0 0 3.125 0 0 cm',
      '/NonStruct <</MCID 0 >>BDC 0 0 1280 44 re f EMC',
      'BT /F4 16 Tf 1 0 0 -1 935 25 Tm <002A> Tj 9 0 Td <002B> Tj ET',
      '0 0 100 100 re W* n',
      '/P <</MCID 1 >>BDC BT 1 0 0 -1 64 117 Tm <0001> Tj ET EMC',
      'BT 1 0 0 -1 1200 698 Tm <00B3> Tj ET',
      'q 100 0 0 100 400 200 cm /Im1 Do Q',
      'Q',
    ].join('\n'),
  );
  const groups = paintGroups(stream, parseContentStream(stream));

  it('finds each text object, path, and XObject with the marked content around it and where it lies', () => {
    expect(groups.map((group) => [group.kind, group.textOperators, isTagged(group.marks), group.marks.map((mark) => mark.mcid)])).toEqual([
      ['path', 0, true, [0]],
      ['text', 2, false, []],
      ['text', 1, true, [1]],
      ['text', 1, false, []],
      ['xobject', 0, false, []],
    ]);
    // 1280 × 44 px at the top of a 960 × 540 pt page: y from 507 to 540.
    expect(groups[0]!.box.map((v) => Math.round(v))).toEqual([0, 507, 960, 540]);
    // The tagline's origins: x 935 → 701.25 pt, 944 → 708 pt; baseline 25 px → 521.25 pt.
    expect(groups[1]!.box.map((v) => Math.round(v * 100) / 100)).toEqual([701.25, 521.25, 708, 521.25]);
    expect(groups.map((group) => artifactKind(group.box, PAGE))).toEqual(['header', 'header', 'layout', 'footer', 'layout']);
  });

  it('wraps untagged painting as artifacts, turns decorative marked content into one, and copies the rest', () => {
    const operations = parseContentStream(stream);
    const rewrite = markArtifacts(stream, operations, groups, new Set([0]), PAGE);
    const text = Buffer.from(rewrite.bytes).toString('latin1');
    expect(rewrite.wrapped).toBe(3);
    expect(text).toContain('/Artifact <</Type /Pagination /Subtype /Header>> BDC 0 0 1280 44 re f EMC');
    expect(text).toContain('/Artifact <</Type /Pagination /Subtype /Header>> BDC\nBT /F4 16 Tf 1 0 0 -1 935 25 Tm <002A> Tj 9 0 Td <002B> Tj ET\nEMC');
    expect(text).toContain('/P <</MCID 1 >>BDC BT 1 0 0 -1 64 117 Tm <0001> Tj ET EMC');
    expect(text).toContain('/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nBT 1 0 0 -1 1200 698 Tm <00B3> Tj ET\nEMC');
    expect(text).toContain('/Artifact <</Type /Layout>> BDC\n/Im1 Do\nEMC');
    expect(text).toContain('0 0 100 100 re W* n');
    const again = paintGroups(rewrite.bytes, parseContentStream(rewrite.bytes));
    expect(again.every((group) => isTagged(group.marks))).toBe(true);
    expect(again.filter((group) => group.marks.some((mark) => mark.mcid !== undefined)).length).toBe(1);
  });
});

describe('XMP', () => {
  it('writes the PDF/UA identification, title and language, escaped, and reads them back', () => {
    const packet = xmpPacket({
      title: 'Rates & "Charges" <2026> – Łódź',
      lang: 'en-GB',
      author: 'A. Presenter',
      subject: undefined,
      keywords: [],
      creator: 'isdeck',
      producer: 'isdeck',
      date: new Date('2026-12-03T10:00:00.000Z'),
    });
    expect(packet).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(packet).toContain('xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"');
    expect(packet).toContain('Rates &#38; &#34;Charges&#34; &#60;2026&#62; – Łódź');
    expect(packet).toContain('<xmp:CreateDate>2026-12-03T10:00:00Z</xmp:CreateDate>');
    expect(packet).not.toContain('dc:description');
    expect(readXmp(packet)).toEqual({ part: '1', title: 'Rates &#38; &#34;Charges&#34; &#60;2026&#62; – Łódź', language: 'en-GB' });
    expect(readXmp('<x:xmpmeta><rdf:Description xmlns:u="http://www.aiim.org/pdfua/ns/id/" u:part="1"/></x:xmpmeta>').part).toBe('1');
    expect(readXmp('<x:xmpmeta/>')).toEqual({ part: undefined, title: undefined, language: undefined });
  });
});

describe('checkPdfUa on PDFs that break the conditions', () => {
  it('names each condition a plain pdf-lib document fails, and where', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([960, 540]).drawText('Untagged words', { x: 50, y: 50, size: 20, font });
    const report = await checkPdfUa(await doc.save({ useObjectStreams: false }));
    const failures = Object.fromEntries(report.checks.filter((check) => check.failures.length > 0).map((check) => [check.id, check.failures]));
    expect(failures).toEqual({
      'tagged-content': ['page 1: 1 text-showing operators and 0 other painting operations outside marked content'],
      'structure-tree': ['no structure tree (Matterhorn 01-006)'],
      'pdfua-identification': ['no XMP metadata stream in the catalogue'],
      'display-doc-title': ['ViewerPreferences /DisplayDocTitle is not true'],
      language: ['catalogue /Lang is missing'],
      'mark-info': ['MarkInfo /Marked is not true'],
      'tab-order': ['page 1: /Tabs is not /S'],
      'fonts-embedded': ['font Helvetica is not embedded'],
      'to-unicode': ['font Helvetica has no /ToUnicode'],
    });
    expect(report.passed).toBe(6);
    expect(formatPdfUaReport(report, { details: false })).toBe('PDF/UA checks: 6 passed, 9 failed');
  });

  it('reads a file pdf-lib wrote with object streams (the full-load fallback)', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([960, 540]);
    doc.setLanguage('cy');
    doc.catalog.set(PDFName.of('MarkInfo'), doc.context.obj({ Marked: true }));
    const report = await checkPdfUa(await doc.save({ useObjectStreams: true }));
    const failed = report.checks.filter((check) => check.failures.length > 0).map((check) => check.id);
    expect(failed).toEqual(['structure-tree', 'pdfua-identification', 'display-doc-title', 'tab-order']);
  });
});
