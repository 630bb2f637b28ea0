/**
 * One slide part to a {@link SourceSlide}: its shapes in reading order (the shape tree's
 * order, which is PowerPoint's reading order for screen readers), groups flattened with
 * their transforms, placeholders placed and styled through their layout and master.
 */
import { posix } from 'node:path';
import type { Box, Paragraph, PlaceholderRole, Shape, SourceSlide } from '../model';
import type { OpcPackage, Relationship } from '../package';
import { attr, child, elements, numberAttr, path, type XmlElement } from '../xml';
import { readChart } from './chart';
import { readSmartArtText } from './smartart';
import { readParagraphs, type StyleChain, type TextContext } from './text';

const EMU_PER_INCH = 914400;

interface Transform {
  sx: number;
  sy: number;
  dx: number;
  dy: number;
}

const IDENTITY: Transform = { sx: 1, sy: 1, dx: 0, dy: 0 };

interface PlaceholderDefinition {
  type: string;
  idx: string | undefined;
  box: Box | undefined;
  lstStyle: XmlElement | undefined;
}

/** A layout's or master's placeholders, and the master's text styles. */
interface Template {
  name: string;
  type: string;
  layout: PlaceholderDefinition[];
  master: PlaceholderDefinition[];
  textStyles: XmlElement | undefined;
}

export interface SlideReadContext {
  pkg: OpcPackage;
  /** Layouts read so far, by part name: most slides share a few. */
  templates: Map<string, Template>;
  /** The presentation's default text style (text boxes inherit it). */
  defaultTextStyle: XmlElement | undefined;
  onLanguage(lang: string): void;
}

export function readSlide(part: string, number: number, sectionName: string | undefined, context: SlideReadContext): SourceSlide {
  const { pkg } = context;
  const root = pkg.xml(part);
  const template = readTemplate(pkg, part, context.templates);
  const relationships = pkg.relationships(part);
  const externalLinks: string[] = [];
  const textContext = (chain: StyleChain): TextContext => ({
    chain,
    relationships,
    onOtherLink: (target) => {
      if (!externalLinks.includes(target)) externalLinks.push(target);
    },
    onLanguage: context.onLanguage,
  });
  const reader = new ShapeReader(pkg, relationships, template, context.defaultTextStyle, textContext, externalLinks);
  const tree = path(root, 'p:cSld', 'p:spTree');
  const shapes = reader.readTree(tree, IDENTITY);
  return {
    number,
    hidden: attr(root, 'show') === '0' || attr(root, 'show') === 'false',
    layoutName: template.name,
    layoutType: template.type,
    sectionName,
    shapes,
    notes: readNotes(pkg, part, textContext([])),
    externalLinks,
  };
}

function readTemplate(pkg: OpcPackage, slidePart: string, templates: Map<string, Template>): Template {
  const layoutPart = pkg.related(slidePart, 'slideLayout') ?? '';
  const known = templates.get(layoutPart);
  if (known) return known;
  const layout = layoutPart ? pkg.xml(layoutPart) : undefined;
  const masterPart = layoutPart ? pkg.related(layoutPart, 'slideMaster') : undefined;
  const master = masterPart ? pkg.xml(masterPart, true) : undefined;
  const template: Template = {
    name: attr(child(layout, 'p:cSld'), 'name') ?? '',
    type: attr(layout, 'type') ?? '',
    layout: placeholderDefinitions(layout),
    master: placeholderDefinitions(master),
    textStyles: child(master, 'p:txStyles'),
  };
  templates.set(layoutPart, template);
  return template;
}

function placeholderDefinitions(root: XmlElement | undefined): PlaceholderDefinition[] {
  const definitions: PlaceholderDefinition[] = [];
  for (const sp of elements(path(root, 'p:cSld', 'p:spTree'))) {
    const ph = path(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph');
    if (!ph) continue;
    definitions.push({
      type: attr(ph, 'type') ?? 'obj',
      idx: attr(ph, 'idx'),
      box: boxOf(path(sp, 'p:spPr', 'a:xfrm'), IDENTITY),
      lstStyle: path(sp, 'p:txBody', 'a:lstStyle'),
    });
  }
  return definitions;
}

/** The master-level type a placeholder type falls back to. */
function masterType(type: string): string {
  if (type === 'ctrTitle' || type === 'title') return 'title';
  if (type === 'dt' || type === 'ftr' || type === 'sldNum' || type === 'hdr') return type;
  return 'body';
}

function roleOf(type: string): PlaceholderRole {
  switch (type) {
    case 'title':
    case 'ctrTitle':
      return 'title';
    case 'subTitle':
      return 'subtitle';
    case 'dt':
      return 'date';
    case 'ftr':
      return 'footer';
    case 'sldNum':
      return 'slide-number';
    case 'hdr':
      return 'header';
    case 'pic':
      return 'picture';
    case 'sldImg':
      return 'other';
    default:
      return 'body';
  }
}

function boxOf(xfrm: XmlElement | undefined, transform: Transform): Box | undefined {
  const off = child(xfrm, 'a:off');
  const ext = child(xfrm, 'a:ext');
  if (!off || !ext) return undefined;
  const x = numberAttr(off, 'x') ?? 0;
  const y = numberAttr(off, 'y') ?? 0;
  const w = numberAttr(ext, 'cx') ?? 0;
  const h = numberAttr(ext, 'cy') ?? 0;
  return {
    x: (transform.sx * x + transform.dx) / EMU_PER_INCH,
    y: (transform.sy * y + transform.dy) / EMU_PER_INCH,
    w: (transform.sx * w) / EMU_PER_INCH,
    h: (transform.sy * h) / EMU_PER_INCH,
  };
}

/** A group's children's coordinates, mapped into the group's box, then by the parent's transform. */
function groupTransform(xfrm: XmlElement | undefined, parent: Transform): Transform {
  const off = child(xfrm, 'a:off');
  const ext = child(xfrm, 'a:ext');
  const chOff = child(xfrm, 'a:chOff');
  const chExt = child(xfrm, 'a:chExt');
  if (!off || !ext || !chOff || !chExt) return parent;
  const scale = (extent: number | undefined, childExtent: number | undefined) => (extent && childExtent ? extent / childExtent : 1);
  const sx = scale(numberAttr(ext, 'cx'), numberAttr(chExt, 'cx'));
  const sy = scale(numberAttr(ext, 'cy'), numberAttr(chExt, 'cy'));
  const dx = (numberAttr(off, 'x') ?? 0) - (numberAttr(chOff, 'x') ?? 0) * sx;
  const dy = (numberAttr(off, 'y') ?? 0) - (numberAttr(chOff, 'y') ?? 0) * sy;
  return { sx: parent.sx * sx, sy: parent.sy * sy, dx: parent.sx * dx + parent.dx, dy: parent.sy * dy + parent.dy };
}

/** A picture that stands for a video or a sound (its poster frame). */
const MEDIA_ELEMENTS = /^a:(videoFile|audioFile|quickTimeFile|audioCd|wavAudioFile)$/;
const LINE_GEOMETRIES = new Set(['line', 'straightConnector1', 'bentConnector2', 'bentConnector3', 'curvedConnector3']);
/** Groups nest this deep at most; a deeper tree is hostile, and its rest is not read. */
const MAX_GROUP_DEPTH = 32;

class ShapeReader {
  constructor(
    private readonly pkg: OpcPackage,
    private readonly relationships: ReadonlyMap<string, Relationship>,
    private readonly template: Template,
    private readonly defaultTextStyle: XmlElement | undefined,
    private readonly textContext: (chain: StyleChain) => TextContext,
    private readonly externalLinks: string[],
  ) {}

  readTree(tree: XmlElement | undefined, transform: Transform, depth = 0): Shape[] {
    const shapes: Shape[] = [];
    if (depth > MAX_GROUP_DEPTH) return shapes;
    for (const node of elements(tree)) {
      switch (node.name) {
        case 'p:sp':
          shapes.push(this.readShape(node, transform));
          break;
        case 'p:grpSp':
          shapes.push(...this.readTree(node, groupTransform(path(node, 'p:grpSpPr', 'a:xfrm'), transform), depth + 1));
          break;
        case 'p:pic':
          shapes.push(this.readPicture(node, transform));
          break;
        case 'p:graphicFrame':
          shapes.push(this.readGraphicFrame(node, transform));
          break;
        case 'p:cxnSp':
          shapes.push({ kind: 'line', ...this.common(node, 'p:nvCxnSpPr', path(node, 'p:spPr', 'a:xfrm'), transform), arrow: hasArrow(node) });
          break;
        case 'mc:AlternateContent': {
          // The fallback is what a reader without the extension shows: so is this one.
          const chosen = child(node, 'mc:Fallback') ?? child(node, 'mc:Choice');
          shapes.push(...this.readTree(chosen, transform, depth + 1));
          break;
        }
        case 'p:contentPart':
          shapes.push({ kind: 'graphic', name: 'Ink', description: '', box: undefined, what: 'other', paragraphs: [] });
          break;
        default:
          break;
      }
    }
    return shapes;
  }

  private common(node: XmlElement, nvName: string, xfrm: XmlElement | undefined, transform: Transform) {
    const cNvPr = path(node, nvName, 'p:cNvPr');
    return { name: attr(cNvPr, 'name') ?? '', description: (attr(cNvPr, 'descr') ?? '').trim(), box: boxOf(xfrm, transform) };
  }

  private readShape(sp: XmlElement, transform: Transform): Shape {
    const spPr = child(sp, 'p:spPr');
    const ph = path(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph');
    const common = this.common(sp, 'p:nvSpPr', child(spPr, 'a:xfrm'), transform);
    const geometry = attr(path(spPr, 'a:prstGeom'), 'prst') ?? (child(spPr, 'a:custGeom') ? 'custom' : 'rect');
    const body = child(sp, 'p:txBody');
    if (LINE_GEOMETRIES.has(geometry) && !body?.children.some((node) => typeof node !== 'string' && node.name === 'a:p' && node.children.length > 0)) {
      return { kind: 'line', ...common, arrow: hasArrow(sp) };
    }
    let box = common.box;
    let chain: StyleChain = [this.defaultTextStyle];
    let placeholder: PlaceholderRole | undefined;
    if (ph) {
      const type = attr(ph, 'type') ?? 'obj';
      const idx = attr(ph, 'idx');
      const fromLayout =
        (idx !== undefined ? this.template.layout.find((definition) => definition.idx === idx) : undefined) ??
        this.template.layout.find((definition) => definition.type === type);
      const fromMaster = this.template.master.find((definition) => masterType(definition.type) === masterType(fromLayout?.type ?? type));
      box ??= fromLayout?.box ?? fromMaster?.box;
      const masterStyle = masterType(type) === 'title' ? 'p:titleStyle' : masterType(type) === 'body' ? 'p:bodyStyle' : 'p:otherStyle';
      chain = [fromLayout?.lstStyle, fromMaster?.lstStyle, child(this.template.textStyles, masterStyle)];
      placeholder = roleOf(type);
    }
    return {
      kind: 'text',
      ...common,
      box,
      placeholder,
      geometry,
      filled: isFilled(sp),
      paragraphs: readParagraphs(body, this.textContext(chain)),
    };
  }

  private readPicture(pic: XmlElement, transform: Transform): Shape {
    const common = this.common(pic, 'p:nvPicPr', path(pic, 'p:spPr', 'a:xfrm'), transform);
    const nvPr = path(pic, 'p:nvPicPr', 'p:nvPr');
    if (elements(nvPr).some((node) => MEDIA_ELEMENTS.test(node.name))) return { kind: 'graphic', ...common, what: 'media', paragraphs: [] };
    const blip = path(pic, 'p:blipFill', 'a:blip');
    const embed = attr(blip, 'r:embed');
    const link = attr(blip, 'r:link');
    const rel = embed ? this.relationships.get(embed) : undefined;
    if (rel && !rel.external) {
      const data = this.pkg.bytes(rel.part);
      if (data) return { kind: 'picture', ...common, image: { data, extension: posix.extname(rel.part).slice(1).toLowerCase() } };
    }
    if (link || rel?.external) {
      const linked = link ? this.relationships.get(link) : rel;
      if (linked?.external) this.externalLinks.push(linked.target);
      return { kind: 'picture', ...common, image: { missing: 'linked' } };
    }
    return { kind: 'picture', ...common, image: { missing: 'absent' } };
  }

  private readGraphicFrame(frame: XmlElement, transform: Transform): Shape {
    const common = this.common(frame, 'p:nvGraphicFramePr', child(frame, 'p:xfrm'), transform);
    const data = path(frame, 'a:graphic', 'a:graphicData');
    const kind = (attr(data, 'uri') ?? '').split('/').at(-1) ?? '';
    if (kind === 'table') {
      const table = child(data, 'a:tbl');
      const rows = elements(table)
        .filter((node) => node.name === 'a:tr')
        .map((tr) => elements(tr).filter((node) => node.name === 'a:tc').map((tc) => this.readCell(tc)));
      return { kind: 'table', ...common, rows };
    }
    if (kind === 'chart') {
      const chartPart = this.internalPart(attr(child(data, 'c:chart'), 'r:id'));
      const read = readChart(chartPart ? this.pkg.xml(chartPart) : undefined, common.description);
      return { kind: 'chart', ...common, ...read };
    }
    if (kind === 'diagram') {
      const dataPart = this.internalPart(attr(child(data, 'dgm:relIds'), 'r:dm'));
      return { kind: 'graphic', ...common, what: 'smartart', paragraphs: readSmartArtText(dataPart ? this.pkg.xml(dataPart) : undefined) };
    }
    if (kind === 'ole') {
      // An OLE object's link (TargetMode="External") is recorded, never opened.
      for (const node of elements(data)) {
        const id = attr(node, 'r:id');
        const rel = id ? this.relationships.get(id) : undefined;
        if (rel?.external) this.externalLinks.push(rel.target);
      }
      return { kind: 'graphic', ...common, what: 'ole', paragraphs: [] };
    }
    return { kind: 'graphic', ...common, what: 'other', paragraphs: [] };
  }

  private readCell(tc: XmlElement): Paragraph[] {
    if (attr(tc, 'hMerge') === '1' || attr(tc, 'vMerge') === '1') return [];
    return readParagraphs(child(tc, 'a:txBody'), this.textContext([]));
  }

  private internalPart(id: string | undefined): string | undefined {
    const rel = id ? this.relationships.get(id) : undefined;
    return rel && !rel.external ? rel.part : undefined;
  }
}

function hasArrow(node: XmlElement): boolean {
  const line = path(node, 'p:spPr', 'a:ln');
  return [child(line, 'a:headEnd'), child(line, 'a:tailEnd')].some((end) => end !== undefined && (attr(end, 'type') ?? 'none') !== 'none');
}

/** A fill of the shape's own, or a theme style fill reference (autoshapes drawn in PowerPoint). */
function isFilled(sp: XmlElement): boolean {
  const spPr = child(sp, 'p:spPr');
  for (const node of elements(spPr)) {
    if (node.name === 'a:noFill') return false;
    if (node.name === 'a:solidFill' || node.name === 'a:gradFill' || node.name === 'a:pattFill' || node.name === 'a:blipFill') return true;
  }
  return (numberAttr(path(sp, 'p:style', 'a:fillRef'), 'idx') ?? 0) > 0;
}

/** Placeholders of a notes page that are not the notes: the slide's picture, header, footer, date, number. */
const NOTES_FURNITURE = new Set(['sldImg', 'hdr', 'ftr', 'dt', 'sldNum']);

/** The notes page's text: its body, or any text box on it (LibreOffice may write the notes so). */
function readNotes(pkg: OpcPackage, slidePart: string, context: TextContext): Paragraph[] {
  const notesPart = pkg.related(slidePart, 'notesSlide');
  if (!notesPart) return [];
  const notes = pkg.xml(notesPart);
  const relationships = pkg.relationships(notesPart);
  const paragraphs: Paragraph[] = [];
  for (const sp of elements(path(notes, 'p:cSld', 'p:spTree'))) {
    const ph = path(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph');
    if (sp.name !== 'p:sp' || (ph && NOTES_FURNITURE.has(attr(ph, 'type') ?? 'obj'))) continue;
    paragraphs.push(...readParagraphs(child(sp, 'p:txBody'), { ...context, relationships }));
  }
  return paragraphs;
}
