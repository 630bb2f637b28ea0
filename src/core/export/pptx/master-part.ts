import { BRAND_COLOURS, BRAND_SIZES, BRAND_TAGLINE, BRAND_WORDMARK, CAPS_SPACING } from './brand';
import { houseLayouts, type HouseLayout, type PlaceholderLayout, type TextStyle } from './house-layouts';
import { PLACEHOLDER_INDEX } from './placeholders';
import type { SlideGeometry } from './layout';
import { centipoints, colourXml, NAMESPACES, runProperties, SHAPE_TREE_START, shapeXml, solidFill, XML_DECLARATION, type ShapeSpec } from './xml';

/**
 * The house slide master and its layouts, written as PresentationML (pptxgenjs 4.0.1 writes
 * layouts without body placeholders and titles that PowerPoint does not take for titles):
 * the frame on the master (navy band with the tagline, teal rule, footer hairline, wordmark),
 * the title, body, footer and slide-number placeholders with the house text styles, then one
 * layout a house slide type (`house-layouts.ts`).
 */

/** Scheme colours the theme defines (`theme-part.ts`): the master's text and frame follow a re-themed file. */
const SCHEME = {
  navy: { scheme: 'tx2' },
  teal: { scheme: 'accent2' },
  ink: { scheme: 'tx1' },
  paper: { scheme: 'bg1' },
} as const;

export interface MasterParts {
  master: string;
  masterRels: string;
  /** `ppt/slideLayouts/slideLayoutN.xml`, in gallery order, with their keys. */
  layouts: { key: HouseLayout['key']; name: string; xml: string; rels: string }[];
}

const RELS_START = `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;
const RELATIONSHIP_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function masterParts(geometry: SlideGeometry, lang: string): MasterParts {
  const layouts = houseLayouts(geometry);
  const layoutIds = layouts.map((_, index) => `<p:sldLayoutId id="${2147483649 + index}" r:id="rId${index + 1}"/>`).join('');
  const master =
    `${XML_DECLARATION}<p:sldMaster ${NAMESPACES}><p:cSld><p:bg><p:bgPr>${solidFill(SCHEME.paper)}<a:effectLst/></p:bgPr></p:bg><p:spTree>${SHAPE_TREE_START}` +
    shapes([...frame(geometry), ...masterPlaceholders(geometry)], lang) +
    '</p:spTree></p:cSld>' +
    '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>' +
    `<p:sldLayoutIdLst>${layoutIds}</p:sldLayoutIdLst>` +
    `<p:txStyles>${textStyles()}</p:txStyles></p:sldMaster>`;
  const masterRels =
    RELS_START +
    layouts.map((_, index) => `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIP_TYPE}/slideLayout" Target="../slideLayouts/slideLayout${index + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${layouts.length + 1}" Type="${RELATIONSHIP_TYPE}/theme" Target="../theme/theme1.xml"/></Relationships>`;
  const layoutRels = `${RELS_START}<Relationship Id="rId1" Type="${RELATIONSHIP_TYPE}/slideMaster" Target="../slideMasters/slideMaster1.xml"/></Relationships>`;
  return {
    master,
    masterRels,
    layouts: layouts.map((layout) => ({ key: layout.key, name: layout.name, xml: layoutXml(layout, geometry, lang), rels: layoutRels })),
  };
}

function shapes(specs: readonly ShapeSpec[], lang: string): string {
  return specs.map((spec, index) => shapeXml(index + 2, spec, lang)).join('');
}

/** Header band and tagline, teal rule, white footer band (also on navy slides) with its hairline and the wordmark as live text. */
function frame(geometry: SlideGeometry): ShapeSpec[] {
  const { header, accent, footer, wordmark, margin, width } = geometry;
  return [
    { name: 'Header band', box: header, fill: SCHEME.navy, decorative: true },
    { name: 'Accent rule', box: accent, fill: SCHEME.teal, decorative: true },
    {
      name: 'Tagline',
      box: { x: margin, y: header.y, w: width - 2 * margin, h: header.h },
      anchor: 'ctr',
      paragraphs: [{ align: 'r', runs: [{ text: BRAND_TAGLINE, size: BRAND_SIZES.tagline, bold: true, spacing: 1, colour: SCHEME.paper }] }],
    },
    { name: 'Footer band', box: footer, fill: SCHEME.paper, decorative: true },
    { name: 'Footer rule', box: { x: margin, y: footer.y, w: width - 2 * margin, h: 0 }, geometry: 'line', line: { colour: BRAND_COLOURS.rule, width: 0.75 }, decorative: true },
    {
      name: 'Wordmark',
      box: wordmark,
      anchor: 't',
      paragraphs: [
        {
          runs: [
            { text: BRAND_WORDMARK.lead, size: BRAND_SIZES.wordmark, bold: false, colour: SCHEME.navy },
            { text: BRAND_WORDMARK.accent, size: BRAND_SIZES.wordmark, bold: true, colour: SCHEME.teal },
          ],
        },
        { runs: [{ text: BRAND_WORDMARK.strapline, size: BRAND_SIZES.strapline, bold: false, spacing: 0.5, colour: BRAND_COLOURS.muted }] },
      ],
    },
  ];
}

/** The footer placeholder's box: between the wordmark and the slide number. */
function footerBox(geometry: SlideGeometry) {
  const left = geometry.wordmark.x + geometry.wordmark.w + 0.1;
  return { x: left, y: geometry.footer.y, w: geometry.slideNumber.x - 0.1 - left, h: geometry.footer.h };
}

function masterPlaceholders(geometry: SlideGeometry): ShapeSpec[] {
  return [
    { name: 'Title', box: geometry.title, anchor: 'b', placeholder: { type: 'title' }, paragraphs: [prompt('Slide title')] },
    { name: 'Text', box: geometry.body, anchor: 't', placeholder: { type: 'body', idx: PLACEHOLDER_INDEX.body }, paragraphs: [prompt('Text')], autofit: true },
    ...furniturePlaceholders(geometry),
  ];
}

/** Footer and slide number: on the master, and on each layout so they show on its slides. */
function furniturePlaceholders(geometry: SlideGeometry): ShapeSpec[] {
  return [
    {
      name: 'Footer',
      box: footerBox(geometry),
      anchor: 'ctr',
      placeholder: { type: 'ftr', size: 'quarter', idx: PLACEHOLDER_INDEX.footer },
      listStyle: levelStyle(1, { align: 'ctr' }, { size: BRAND_SIZES.footnote, colour: BRAND_COLOURS.muted }),
    },
    {
      name: 'Slide number',
      box: geometry.slideNumber,
      anchor: 'ctr',
      placeholder: { type: 'sldNum', size: 'quarter', idx: PLACEHOLDER_INDEX.slideNumber },
      listStyle: levelStyle(1, { align: 'r' }, { size: BRAND_SIZES.slideNumber, bold: true, colour: SCHEME.navy }),
      paragraphs: [{ align: 'r', slideNumber: true, runs: [{ text: '' }] }],
    },
  ];
}

function prompt(text: string) {
  return { runs: [{ text }] };
}

function layoutXml(layout: HouseLayout, geometry: SlideGeometry, lang: string): string {
  const background = layout.background ? `<p:bg><p:bgPr>${solidFill(layout.background)}<a:effectLst/></p:bgPr></p:bg>` : '';
  const placeholders: ShapeSpec[] = [
    placeholderShape('Title', layout.title, { type: layout.title.type }),
    placeholderShape('Text', layout.body, { type: 'body', idx: PLACEHOLDER_INDEX.body }, true),
    ...(layout.picture ? [placeholderShape('Picture', layout.picture, { type: 'pic', idx: PLACEHOLDER_INDEX.picture })] : []),
    ...furniturePlaceholders(geometry),
  ];
  return (
    `${XML_DECLARATION}<p:sldLayout ${NAMESPACES} type="${layout.type}" preserve="1"><p:cSld name="${layout.name}">${background}<p:spTree>${SHAPE_TREE_START}` +
    shapes([...layout.ornaments, ...placeholders], lang) +
    '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>'
  );
}

function placeholderShape(name: string, layout: PlaceholderLayout, placeholder: ShapeSpec['placeholder'], autofit = false): ShapeSpec {
  return {
    name,
    box: layout.box,
    anchor: layout.anchor,
    placeholder,
    paragraphs: [prompt(layout.prompt)],
    autofit,
    ...(layout.style ? { listStyle: styleOverride(layout.style) } : {}),
  };
}

/** A layout placeholder's own text style, over the master's. */
function styleOverride(style: TextStyle): string {
  const run = { size: style.size, colour: style.colour, bold: style.bold ?? false, caps: style.caps, spacing: style.caps ? CAPS_SPACING : undefined };
  if (style.bullets) return levelStyle(1, { marL: BULLET_INDENT, indent: -BULLET_INDENT, bullet: HOUSE_BULLETS[0] }, run);
  return levelStyle(1, { marL: 0, indent: 0, bullet: '<a:buNone/>' }, run);
}

/** Hanging indent of a bullet level, in inches (the exporter's 21 pt × 1.05). */
const BULLET_INDENT = 0.3;

const HOUSE_BULLETS = [
  `<a:buClr>${colourXml(SCHEME.teal)}</a:buClr><a:buSzPct val="100000"/><a:buChar char="&#x25AA;"/>`,
  `<a:buClr><a:srgbClr val="${BRAND_COLOURS.muted}"/></a:buClr><a:buSzPct val="100000"/><a:buChar char="&#x2013;"/>`,
];

interface LevelParagraph {
  align?: 'l' | 'ctr' | 'r';
  marL?: number;
  indent?: number;
  spaceBefore?: number;
  bullet?: string;
}

function levelStyle(level: number, paragraph: LevelParagraph, run: Parameters<typeof runProperties>[0], fonts = ''): string {
  const attributes = [
    ` algn="${paragraph.align ?? 'l'}"`,
    paragraph.marL !== undefined ? ` marL="${Math.round(paragraph.marL * 914400)}"` : '',
    paragraph.indent !== undefined ? ` indent="${Math.round(paragraph.indent * 914400)}"` : '',
  ].join('');
  const spacing = paragraph.spaceBefore !== undefined ? `<a:spcBef><a:spcPts val="${centipoints(paragraph.spaceBefore)}"/></a:spcBef>` : '';
  const properties = runProperties(run, 'a:defRPr', undefined, fonts);
  return `<a:lvl${level}pPr${attributes}>${spacing}${paragraph.bullet ?? ''}${properties}</a:lvl${level}pPr>`;
}

const MAJOR_FONTS = '<a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/>';
const MINOR_FONTS = '<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/>';

/**
 * The master's text styles: titles navy bold; body text ink with the house bullets (teal
 * squares, muted dashes a level down, each level a little smaller); other text ink.
 */
function textStyles(): string {
  const title = levelStyle(1, { bullet: '<a:buNone/>' }, { size: BRAND_SIZES.title.max, bold: true, colour: SCHEME.navy }, MAJOR_FONTS);
  const body = Array.from({ length: 9 }, (_, index) => {
    const level = index + 1;
    const size = Math.max(12, BRAND_SIZES.body.max * 0.9 ** Math.min(index, 3));
    return levelStyle(
      level,
      { marL: BULLET_INDENT * level, indent: -BULLET_INDENT, spaceBefore: Math.round(size * 0.45), bullet: HOUSE_BULLETS[Math.min(index, 1)] },
      { size, bold: false, colour: SCHEME.ink },
      MINOR_FONTS,
    );
  }).join('');
  const other = levelStyle(1, {}, { size: 18, colour: SCHEME.ink }, MINOR_FONTS);
  return `<p:titleStyle>${title}</p:titleStyle><p:bodyStyle>${body}</p:bodyStyle><p:otherStyle>${other}</p:otherStyle>`;
}
