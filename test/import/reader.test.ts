import { describe, expect, it } from 'vitest';
import { formatChartValue, labelHeaderFromDescription } from '../../src/core/import/read/chart';
import { readPresentation } from '../../src/core/import/read/presentation';
import type { ChartShape, GraphicShape, PictureShape, TableShape, TextShape } from '../../src/core/import/model';
import { OpcPackage, resolveTarget } from '../../src/core/import/package';
import { parseXml } from '../../src/core/import/xml';
import { layoutAndMaster, NS, p, presentation, sp } from './build-pptx';
import { tinyPng } from './helpers';

const read = (input: Parameters<typeof presentation>[0]) => readPresentation(presentation(input));
const text = (shape: TextShape) => shape.paragraphs.map((paragraph) => paragraph.runs.map((run) => run.text).join(''));

describe('XML', () => {
  it('resolves prefixes through their declarations, so other prefixes and strict OOXML read the same', () => {
    const root = parseXml(
      `<x:sld xmlns:x="${NS.p}" xmlns:d="http://purl.oclc.org/ooxml/drawingml/main"><x:cSld><d:t xml:space="preserve"> a &amp;#38; &#x2013; &lt;b&gt; </d:t></x:cSld></x:sld>`,
      'slide.xml',
    );
    expect(root.name).toBe('p:sld');
    const t = (root.children[0] as { children: { name: string; attrs: Record<string, string>; children: string[] }[] }).children[0]!;
    expect([t.name, t.attrs['xml:space'], t.children.join('')]).toEqual(['a:t', 'preserve', ' a &#38; – <b> ']);
  });

  it('refuses a document type declaration: no entity is ever defined or expanded', () => {
    expect(() => parseXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><x>&b;</x>', 'ppt/slides/slide1.xml')).toThrow(
      'the part ppt/slides/slide1.xml declares a document type, which OOXML never does; refused',
    );
  });

  it('says which part is not well-formed', () => {
    expect(() => parseXml('<a><b></a>', 'ppt/slides/slide2.xml')).toThrow('the part ppt/slides/slide2.xml is not well-formed XML (</a> closes <b>)');
    expect(() => parseXml('<a><b>', 'x.xml')).toThrow('(<b> is never closed)');
  });
});

describe('presentation', () => {
  it('reads slides in the presentation order, its size, the document properties, hidden slides and section starts', () => {
    const result = read({
      size: { cx: 12192000, cy: 6858000 },
      slides: [{ shapes: sp({ paragraphs: p('One') }) }, { shapes: sp({ paragraphs: p('Two') }), hidden: true }, { shapes: sp({ paragraphs: p('Three') }) }],
      presentationExtra: `<p:extLst><p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"><p14:sectionLst xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main"><p14:section name="Opening" id="{A}"><p14:sldIdLst><p14:sldId id="256"/><p14:sldId id="257"/></p14:sldIdLst></p14:section><p14:section name="Part 2: Practice" id="{B}"><p14:sldIdLst><p14:sldId id="258"/></p14:sldIdLst></p14:section></p14:sectionLst></p:ext></p:extLst>`,
      core: `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Shared  Services</dc:title><dc:creator>Alex Morgan</dc:creator><dc:language>en-GB</dc:language></cp:coreProperties>`,
    });
    expect([result.width.toFixed(3), result.height, result.title, result.author, result.language]).toEqual(['13.333', 7.5, 'Shared Services', 'Alex Morgan', 'en-GB']);
    expect(result.slides.map((slide) => [slide.number, slide.hidden, slide.sectionName, text(slide.shapes[0] as TextShape)[0]])).toEqual([
      [1, false, 'Opening', 'One'],
      [2, true, undefined, 'Two'],
      [3, false, 'Part 2: Practice', 'Three'],
    ]);
  });

  it('takes the language most runs are tagged with when the properties have none', () => {
    const result = read({ slides: [{ shapes: sp({ paragraphs: '<a:p><a:r><a:rPr lang="cy-GB"/><a:t>Croeso</a:t></a:r><a:r><a:rPr lang="cy-GB"/><a:t> i bawb</a:t></a:r></a:p>' }) }] });
    expect(result.language).toBe('cy-GB');
  });
});

describe('text', () => {
  it('reads runs with bold and italic, line breaks, levels, bullets and numbering; skips empty paragraphs and slide-number fields', () => {
    const paragraphs =
      '<a:p><a:pPr><a:buNone/></a:pPr><a:r><a:rPr b="1"/><a:t>Bold</a:t></a:r><a:r><a:rPr i="1"/><a:t> italic</a:t></a:r><a:br/><a:r><a:t>next line</a:t></a:r></a:p>' +
      '<a:p><a:pPr lvl="1"><a:buChar char="•"/></a:pPr><a:r><a:t>nested</a:t></a:r></a:p>' +
      '<a:p><a:pPr><a:buAutoNum type="arabicPeriod"/></a:pPr><a:r><a:t>first</a:t></a:r></a:p>' +
      '<a:p><a:r><a:t>  </a:t></a:r></a:p>' +
      '<a:p><a:fld type="slidenum" id="{X}"><a:t>7</a:t></a:fld><a:r><a:t>of ten</a:t></a:r></a:p>';
    const shape = read({ slides: [{ shapes: sp({ paragraphs }) }] }).slides[0]!.shapes[0] as TextShape;
    expect(shape.paragraphs.map((paragraph) => [paragraph.level, paragraph.bullet, paragraph.runs])).toEqual([
      [0, 'none', [{ text: 'Bold', bold: true, italic: false }, { text: ' italic', bold: false, italic: true }, { text: '\nnext line', bold: false, italic: false }]],
      [1, 'bullet', [{ text: 'nested', bold: false, italic: false }]],
      [0, 'number', [{ text: 'first', bold: false, italic: false }]],
      [0, 'none', [{ text: 'of ten', bold: false, italic: false }]],
    ]);
  });

  it('writes a superscript number as a footnote marker, and keeps web links but not links to files', () => {
    const paragraphs =
      '<a:p><a:r><a:t>Costs rose</a:t></a:r><a:r><a:rPr baseline="30000"/><a:t>12</a:t></a:r></a:p>' +
      '<a:p><a:r><a:rPr><a:hlinkClick r:id="rIdWeb"/></a:rPr><a:t>Audit Scotland</a:t></a:r><a:r><a:rPr><a:hlinkClick r:id="rIdFile"/></a:rPr><a:t> the file</a:t></a:r></a:p>';
    const slide = read({
      slides: [
        {
          shapes: sp({ paragraphs }),
          rels: [
            { id: 'rIdWeb', type: 'hyperlink', target: 'https://www.audit-scotland.gov.uk/', external: true },
            { id: 'rIdFile', type: 'hyperlink', target: 'file:///C:/secret/budget.xlsx', external: true },
          ],
        },
      ],
    }).slides[0]!;
    const shape = slide.shapes[0] as TextShape;
    expect(shape.paragraphs[0]!.runs.map((run) => run.text).join('')).toBe('Costs rose¹²');
    expect(shape.paragraphs[1]!.runs).toEqual([
      { text: 'Audit Scotland', bold: false, italic: false, link: 'https://www.audit-scotland.gov.uk/' },
      { text: ' the file', bold: false, italic: false },
    ]);
    expect(slide.externalLinks).toEqual(['file:///C:/secret/budget.xlsx']);
  });

  it('inherits bullets, bold and position through the layout and master, as PowerPoint does', () => {
    const parts = layoutAndMaster({
      layoutName: 'Title and Content',
      layoutType: 'obj',
      layoutShapes: sp({ ph: 'type="body" idx="1"', box: [0.5, 1.5, 9, 5], paragraphs: '' }),
      masterShapes: sp({ ph: 'type="title"', box: [0.5, 0.3, 9, 1], paragraphs: '' }) + sp({ ph: 'type="body" idx="1"', box: [0.4, 1.4, 9, 5], paragraphs: '' }),
      txStyles: '<p:titleStyle><a:lvl1pPr><a:defRPr b="1" sz="4400"/></a:lvl1pPr></p:titleStyle><p:bodyStyle><a:lvl1pPr><a:buChar char="•"/><a:defRPr sz="2800"/></a:lvl1pPr></p:bodyStyle>',
    });
    const slide = read({
      parts,
      slides: [{ layout: 1, shapes: sp({ ph: 'type="title"', paragraphs: p('Why Share?') }) + sp({ ph: 'idx="1"', paragraphs: p('Costs') + p('Quality') }) }],
    }).slides[0]!;
    const [title, body] = slide.shapes as TextShape[];
    expect([slide.layoutName, slide.layoutType]).toEqual(['Title and Content', 'obj']);
    expect([title!.placeholder, title!.box, title!.paragraphs[0]!.runs[0]!.bold, title!.paragraphs[0]!.size]).toEqual(['title', { x: 0.5, y: 0.3, w: 9, h: 1 }, true, 44]);
    expect([body!.placeholder, body!.box, body!.paragraphs.map((paragraph) => paragraph.bullet), body!.paragraphs[0]!.size]).toEqual([
      'body',
      { x: 0.5, y: 1.5, w: 9, h: 5 },
      ['bullet', 'bullet'],
      28,
    ]);
  });
});

describe('shapes', () => {
  it('flattens groups in reading order with their transforms, and reads the fallback of alternate content', () => {
    const group = `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="5" name="Group"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="914400" y="914400"/><a:ext cx="1828800" cy="914400"/><a:chOff x="0" y="0"/><a:chExt cx="3657600" cy="1828800"/></a:xfrm></p:grpSpPr>${sp({ name: 'Inner', box: [2, 1, 2, 1], paragraphs: p('inside') })}</p:grpSp>`;
    const alternate = `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="a14">${sp({ name: 'Choice', paragraphs: p('new') })}</mc:Choice><mc:Fallback>${sp({ name: 'Fallback', paragraphs: p('old') })}</mc:Fallback></mc:AlternateContent>`;
    const shapes = read({ slides: [{ shapes: sp({ name: 'First', paragraphs: p('first') }) + group + alternate }] }).slides[0]!.shapes;
    expect(shapes.map((shape) => shape.name)).toEqual(['First', 'Inner', 'Fallback']);
    expect(shapes[1]!.box).toEqual({ x: 2, y: 1.5, w: 1, h: 0.5 });
  });

  it('reads tables, an empty cell where cells merge', () => {
    const cell = (value: string, attrs = '') => `<a:tc${attrs}><a:txBody><a:bodyPr/>${p(value)}</a:txBody></a:tc>`;
    const table = `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="Table"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tr>${cell('Benefits')}${cell('Risks')}</a:tr><a:tr>${cell('Spans', ' gridSpan="2"')}${cell('gone', ' hMerge="1"')}</a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;
    const shape = read({ slides: [{ shapes: table }] }).slides[0]!.shapes[0] as TableShape;
    expect(shape.rows.map((row) => row.map((cellParagraphs) => cellParagraphs.map((paragraph) => paragraph.runs[0]?.text).join('')))).toEqual([
      ['Benefits', 'Risks'],
      ['Spans', ''],
    ]);
  });

  it('reads a chart from its cached values, formatted as its labels show them, with its title', () => {
    const pt = (values: string[]) => values.map((value, index) => `<c:pt idx="${index}"><c:v>${value}</c:v></c:pt>`).join('');
    const series = (name: string, values: string[]) =>
      `<c:ser><c:tx><c:strRef><c:strCache><c:ptCount val="1"/>${pt([name])}</c:strCache></c:strRef></c:tx><c:cat><c:strRef><c:strCache><c:ptCount val="2"/>${pt(['Payroll', 'Fleet'])}</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/>${pt(values)}</c:numCache></c:numRef></c:val></c:ser>`;
    const chart = `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}"><c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>Savings (%)</a:t></a:r></a:p></c:rich></c:tx></c:title><c:plotArea><c:barChart><c:dLbls><c:numFmt formatCode="0&quot;%&quot;" sourceLinked="0"/></c:dLbls>${series('2008', ['12', '5'])}${series('2009', ['15.5', '9'])}</c:barChart><c:catAx><c:title><c:tx><c:rich><a:p><a:r><a:t>Service</a:t></a:r></a:p></c:rich></c:tx></c:title></c:catAx></c:plotArea></c:chart></c:chartSpace>`;
    const frame = `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="Chart 3"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="${NS.c}" r:id="rIdChart"/></a:graphicData></a:graphic></p:graphicFrame>`;
    const shape = read({
      slides: [{ shapes: frame, rels: [{ id: 'rIdChart', type: 'chart', target: '../charts/chart1.xml' }] }],
      parts: [{ name: 'ppt/charts/chart1.xml', data: chart }],
    }).slides[0]!.shapes[0] as ChartShape;
    expect([shape.title, shape.chartTypes]).toEqual(['Savings (%)', ['barChart']]);
    expect(shape.table).toEqual({ labelHeader: 'Service', seriesNames: ['2008', '2009'], categories: ['Payroll', 'Fleet'], values: [['12%', '16%'], ['5%', '9%']] });
  });

  it('formats chart values by their number format', () => {
    expect(['0.64|0%', '64|0"%"', '64|#,##0\\%', '3|\\£0', '3|"£"#,##0', '3.5|"£"#,##0.0##', '1200|#,##0', '0.3333333333333333|General', '-3|[$£-809]#,##0', 'n/a|General'].map((pair) => formatChartValue(...(pair.split('|') as [string, string])))).toEqual([
      '64%',
      '64%',
      '64%',
      '£3',
      '£3',
      '£3.5',
      '1200',
      '0.333333333333333',
      '-£3',
      'n/a',
    ]);
    expect(labelHeaderFromDescription('Bar chart, Savings, by region, by Service. 2008: Payroll 12', '2008')).toBe('Service');
    expect(labelHeaderFromDescription('A picture of a chart', '2008')).toBe('');
  });

  it('reads embedded pictures with their description; a linked picture is recorded and never opened', () => {
    const pic = (name: string, blip: string, descr: string) =>
      `<p:pic><p:nvPicPr><p:cNvPr id="3" name="${name}" descr="${descr}"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip ${blip}/></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm></p:spPr></p:pic>`;
    const png = tinyPng();
    const slide = read({
      slides: [
        {
          shapes: pic('Photo', 'r:embed="rIdImage"', 'The council chamber') + pic('Linked', 'r:link="rIdLink"', 'A linked map'),
          rels: [
            { id: 'rIdImage', type: 'image', target: '../media/image1.png' },
            { id: 'rIdLink', type: 'image', target: 'file:///etc/passwd', external: true },
          ],
        },
      ],
      parts: [{ name: 'ppt/media/image1.png', data: png, store: true }],
    }).slides[0]!;
    const [photo, linked] = slide.shapes as PictureShape[];
    expect([photo!.description, 'data' in photo!.image && Buffer.from(photo!.image.data).equals(png), 'extension' in photo!.image && photo!.image.extension]).toEqual(['The council chamber', true, 'png']);
    expect(linked!.image).toEqual({ missing: 'linked' });
    expect(slide.externalLinks).toEqual(['file:///etc/passwd']);
  });

  it('reads SmartArt text in its hierarchy from the diagram data', () => {
    const point = (id: string, value: string, type = '') => `<dgm:pt modelId="${id}"${type ? ` type="${type}"` : ''}><dgm:t><a:bodyPr/><a:p><a:r><a:t>${value}</a:t></a:r></a:p></dgm:t></dgm:pt>`;
    const cxn = (source: string, destination: string, order: number) => `<dgm:cxn modelId="c${destination}" srcId="${source}" destId="${destination}" srcOrd="${order}"/>`;
    const data = `<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="${NS.a}"><dgm:ptLst><dgm:pt modelId="0" type="doc"/>${point('2', 'Second')}${point('1', 'First')}${point('3', 'Detail')}</dgm:ptLst><dgm:cxnLst>${cxn('0', '2', 1)}${cxn('0', '1', 0)}${cxn('1', '3', 0)}</dgm:cxnLst></dgm:dataModel>`;
    const frame = `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="Diagram 1"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram"><dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rIdData"/></a:graphicData></a:graphic></p:graphicFrame>`;
    const shape = read({ slides: [{ shapes: frame, rels: [{ id: 'rIdData', type: 'diagramData', target: '../diagrams/data1.xml' }] }], parts: [{ name: 'ppt/diagrams/data1.xml', data }] }).slides[0]!
      .shapes[0] as GraphicShape;
    expect(shape.what).toBe('smartart');
    expect(shape.paragraphs.map((paragraph) => [paragraph.level, paragraph.runs[0]!.text])).toEqual([
      [0, 'First'],
      [1, 'Detail'],
      [0, 'Second'],
    ]);
  });

  it('reads speaker notes from the notes page body only', () => {
    const slide = read({ slides: [{ shapes: '', notes: p('Timing: 5 minutes') + p('Ask the room') }] }).slides[0]!;
    expect(slide.notes.map((paragraph) => paragraph.runs[0]!.text)).toEqual(['Timing: 5 minutes', 'Ask the room']);
  });

  it('never follows a relationship out of the package', () => {
    const result = readPresentation(
      presentation({
        slides: [{ shapes: '<p:pic><p:nvPicPr><p:cNvPr id="3" name="Escape"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rIdUp"/></p:blipFill><p:spPr/></p:pic>', rels: [{ id: 'rIdUp', type: 'image', target: '../../../../etc/passwd' }] }],
      }),
    );
    expect((result.slides[0]!.shapes[0] as PictureShape).image).toEqual({ missing: 'absent' });
    expect(result.refused).toEqual(['../../../../etc/passwd']);
  });
});


describe('part names', () => {
  it('resolves relationship targets inside the package and refuses the ones that leave it', () => {
    expect(
      [
        ['ppt/slides/slide1.xml', '../media/image1.png'],
        ['ppt/slides/slide1.xml', '/ppt/media/image%201.png'],
        ['', 'ppt/presentation.xml'],
        ['ppt/slides/slide1.xml', '../../../etc/passwd'],
        ['ppt/slides/slide1.xml', 'C:/Windows/win.ini'],
        ['ppt/slides/slide1.xml', '..\\..\\secret.xml'],
        ['ppt/slides/slide1.xml', 'file:///etc/passwd'],
      ].map(([source, target]) => resolveTarget(source!, target!)),
    ).toEqual(['ppt/media/image1.png', 'ppt/media/image 1.png', 'ppt/presentation.xml', undefined, undefined, undefined, undefined]);
    expect(['ppt/a.xml', '/ppt/a.xml', '../a.xml', 'ppt/../a.xml', 'C:a.xml', 'ppt\\a.xml'].map(OpcPackage.isSafePartName)).toEqual([true, false, false, false, false, false]);
  });
});
