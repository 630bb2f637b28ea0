import type { Box } from './layout';

/**
 * DrawingML written by hand, for the parts pptxgenjs does not write the house way (the theme,
 * the slide master and its layouts): shapes, text and colours as XML strings.
 */

export const NAMESPACES =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const EMU_PER_INCH = 914400;

export function emu(inches: number): number {
  return Math.round(inches * EMU_PER_INCH);
}

/** Hundredths of a point, as `sz` and `spc` take them. */
export function centipoints(points: number): number {
  return Math.round(points * 100);
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A colour: 6-digit hex, or one of the theme's scheme colours (`tx2`, `accent2`…), so a re-themed file follows. */
export type Colour = string | { scheme: string };

export function colourXml(colour: Colour): string {
  return typeof colour === 'string' ? `<a:srgbClr val="${colour}"/>` : `<a:schemeClr val="${colour.scheme}"/>`;
}

export function solidFill(colour: Colour): string {
  return `<a:solidFill>${colourXml(colour)}</a:solidFill>`;
}

export function xfrm(box: Box): string {
  return `<a:xfrm><a:off x="${emu(box.x)}" y="${emu(box.y)}"/><a:ext cx="${emu(box.w)}" cy="${emu(box.h)}"/></a:xfrm>`;
}

/** PowerPoint's mark of a decorative object: the accessibility checker and screen readers pass over it. */
export const DECORATIVE_EXTENSION =
  '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>';

export interface RunSpec {
  text: string;
  size?: number;
  bold?: boolean;
  colour?: Colour;
  /** Letter spacing in points. */
  spacing?: number;
  caps?: boolean;
}

export interface ParagraphSpec {
  runs: RunSpec[];
  align?: 'l' | 'ctr' | 'r';
  /** The paragraph is the slide number field. */
  slideNumber?: boolean;
}

/** `<a:rPr>` (or `<a:defRPr>`) of a run; `fonts` are its font elements (after the fill, as the schema orders them). */
export function runProperties(run: Omit<RunSpec, 'text'>, element = 'a:rPr', lang?: string, fonts = ''): string {
  const attributes = [
    lang ? ` lang="${lang}"` : '',
    run.size !== undefined ? ` sz="${centipoints(run.size)}"` : '',
    run.bold !== undefined ? ` b="${run.bold ? 1 : 0}"` : '',
    run.caps ? ' cap="all"' : '',
    run.spacing !== undefined ? ` spc="${centipoints(run.spacing)}"` : '',
  ].join('');
  const children = (run.colour !== undefined ? solidFill(run.colour) : '') + fonts;
  return children ? `<${element}${attributes}>${children}</${element}>` : `<${element}${attributes}/>`;
}

function paragraphXml(paragraph: ParagraphSpec, lang: string): string {
  const pPr = paragraph.align ? `<a:pPr algn="${paragraph.align}"/>` : '';
  const runs = paragraph.runs
    .map((run) =>
      paragraph.slideNumber
        ? `<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum">${runProperties(run, 'a:rPr', lang)}<a:t>‹#›</a:t></a:fld>`
        : `<a:r>${runProperties(run, 'a:rPr', lang)}<a:t>${escapeXml(run.text)}</a:t></a:r>`,
    )
    .join('');
  return `<a:p>${pPr}${runs}</a:p>`;
}

export interface ShapeSpec {
  name: string;
  box: Box;
  geometry?: 'rect' | 'line' | 'ellipse';
  fill?: Colour;
  line?: { colour: Colour; width: number };
  /** A placeholder: its type, index and, on a layout, the prompt it shows when empty. */
  placeholder?: { type: string; idx?: number; size?: 'quarter' | 'half' };
  /** Text body: anchor, paragraphs (placeholders on masters and layouts hold a prompt). */
  anchor?: 't' | 'ctr' | 'b';
  paragraphs?: ParagraphSpec[];
  /** `<a:lstStyle>` content: the text style a placeholder gives its text. */
  listStyle?: string;
  /** Shrink text on overflow (placeholders a user types into). */
  autofit?: boolean;
  decorative?: boolean;
}

/** A `<p:sp>` of a master or layout. */
export function shapeXml(id: number, spec: ShapeSpec, lang: string): string {
  const ph = spec.placeholder
    ? `<p:ph type="${spec.placeholder.type}"${spec.placeholder.size ? ` sz="${spec.placeholder.size}"` : ''}${spec.placeholder.idx !== undefined ? ` idx="${spec.placeholder.idx}"` : ''}${spec.paragraphs?.length && !spec.placeholder.type.match(/^(sldNum|ftr|dt)$/) ? ' hasCustomPrompt="1"' : ''}/>`
    : '';
  const cNvPr = `<p:cNvPr id="${id}" name="${escapeXml(spec.name)}">${spec.decorative ? DECORATIVE_EXTENSION : ''}</p:cNvPr>`;
  const locks = spec.placeholder ? '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>' : '<p:cNvSpPr/>';
  const geometry = spec.geometry ?? 'rect';
  const fill = spec.fill !== undefined ? solidFill(spec.fill) : spec.placeholder ? '' : '<a:noFill/>';
  const line = spec.line ? `<a:ln w="${emu(spec.line.width / 72)}">${solidFill(spec.line.colour)}</a:ln>` : spec.placeholder ? '' : '<a:ln><a:noFill/></a:ln>';
  const spPr = `<p:spPr>${xfrm(spec.box)}<a:prstGeom prst="${geometry}"><a:avLst/></a:prstGeom>${fill}${line}</p:spPr>`;
  const body =
    spec.paragraphs || spec.placeholder
      ? `<p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" rtlCol="0"${spec.anchor ? ` anchor="${spec.anchor}"` : ''}>${spec.autofit ? '<a:normAutofit/>' : '<a:noAutofit/>'}</a:bodyPr><a:lstStyle>${spec.listStyle ?? ''}</a:lstStyle>${(spec.paragraphs ?? [{ runs: [] }]).map((paragraph) => paragraphXml(paragraph, lang)).join('')}</p:txBody>`
      : '';
  return `<p:sp><p:nvSpPr>${cNvPr}${locks}<p:nvPr>${ph}</p:nvPr></p:nvSpPr>${spPr}${body}</p:sp>`;
}

/** The group properties every shape tree opens with. */
export const SHAPE_TREE_START =
  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';
