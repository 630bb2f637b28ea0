/**
 * Packages written by hand for the reader's tests: a zip writer that can also lie in its
 * headers (for the zip-bomb tests), and a minimal presentation around given slide XML.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipInput {
  name: string;
  data: string | Uint8Array;
  /** Stored instead of deflated. */
  store?: boolean;
  /** The uncompressed size the headers claim (default: the true one). */
  declaredSize?: number;
}

export function zip(entries: readonly ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data);
    const body = entry.store ? data : deflateRawSync(data);
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? data.length;
    const header = (central: boolean) => {
      const fixed = Buffer.alloc(central ? 46 : 30);
      fixed.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      let at = 4;
      if (central) fixed.writeUInt16LE(20, (at += 2) - 2);
      fixed.writeUInt16LE(20, at);
      fixed.writeUInt16LE(0x800, at + 2);
      fixed.writeUInt16LE(entry.store ? 0 : 8, at + 4);
      fixed.writeUInt32LE(crc32(data) >>> 0, at + 10);
      fixed.writeUInt32LE(body.length, at + 14);
      fixed.writeUInt32LE(size, at + 18);
      fixed.writeUInt16LE(name.length, at + 22);
      if (central) fixed.writeUInt32LE(offset, 42);
      return Buffer.concat([fixed, name]);
    };
    const local = Buffer.concat([header(false), body]);
    centrals.push(header(true));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const NS = {
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};

const XMLNS = `xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:p="${NS.p}"`;

export function rels(list: readonly { id: string; type: string; target: string; external?: boolean }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS.rels}">${list
    .map((rel) => `<Relationship Id="${rel.id}" Type="${rel.type.startsWith('http') ? rel.type : `${NS.type}/${rel.type}`}" Target="${rel.target}"${rel.external ? ' TargetMode="External"' : ''}/>`)
    .join('')}</Relationships>`;
}

export interface SlideInput {
  /** The shape tree's children. */
  shapes: string;
  /** Relationships of the slide part (a layout is added when `layout` is set). */
  rels?: { id: string; type: string; target: string; external?: boolean }[];
  notes?: string;
  hidden?: boolean;
  layout?: number;
}

export interface PackageInput {
  slides: SlideInput[];
  /** `<p:sldSz>` in EMU (default 4:3). */
  size?: { cx: number; cy: number };
  /** Extra parts (charts, media, layouts, masters). */
  parts?: ZipInput[];
  /** Inside `<p:presentation>` after the slide list (sections go in `<p:extLst>`). */
  presentationExtra?: string;
  core?: string;
}

/** `<p:sp>` with a text body; `ph` is the placeholder element's attributes (`type="title"`). */
export function sp(options: { name?: string; ph?: string; box?: [number, number, number, number]; paragraphs: string; geometry?: string; fill?: string; descr?: string }): string {
  const [x, y, w, h] = (options.box ?? [1, 1, 4, 1]).map((inches) => Math.round(inches * 914400));
  return `<p:sp><p:nvSpPr><p:cNvPr id="2" name="${options.name ?? 'Shape'}"${options.descr ? ` descr="${options.descr}"` : ''}/><p:cNvSpPr/><p:nvPr>${options.ph ? `<p:ph ${options.ph}/>` : ''}</p:nvPr></p:nvSpPr><p:spPr>${options.box || !options.ph ? `<a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${w}" cy="${h}"/></a:xfrm>` : ''}<a:prstGeom prst="${options.geometry ?? 'rect'}"><a:avLst/></a:prstGeom>${options.fill ?? ''}</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>${options.paragraphs}</p:txBody></p:sp>`;
}

/** `<a:p>` of one plain run, with optional paragraph properties. */
export function p(text: string, pPr = ''): string {
  return `<a:p>${pPr}<a:r><a:rPr lang="en-GB"/><a:t>${text}</a:t></a:r></a:p>`;
}

export function presentation(input: PackageInput): Buffer {
  const size = input.size ?? { cx: 9144000, cy: 6858000 };
  const parts: ZipInput[] = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    {
      name: '_rels/.rels',
      data: rels([
        { id: 'rId1', type: 'officeDocument', target: 'ppt/presentation.xml' },
        ...(input.core ? [{ id: 'rId2', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' }] : []),
      ]),
    },
    {
      name: 'ppt/presentation.xml',
      data: `<?xml version="1.0"?><p:presentation ${XMLNS}><p:sldIdLst>${input.slides.map((_, index) => `<p:sldId id="${256 + index}" r:id="rId${index + 1}"/>`).join('')}</p:sldIdLst><p:sldSz cx="${size.cx}" cy="${size.cy}"/>${input.presentationExtra ?? ''}</p:presentation>`,
    },
    { name: 'ppt/_rels/presentation.xml.rels', data: rels(input.slides.map((_, index) => ({ id: `rId${index + 1}`, type: 'slide', target: `slides/slide${index + 1}.xml` }))) },
    ...(input.core ? [{ name: 'docProps/core.xml', data: input.core }] : []),
    ...(input.parts ?? []),
  ];
  input.slides.forEach((slide, index) => {
    const number = index + 1;
    parts.push({
      name: `ppt/slides/slide${number}.xml`,
      data: `<?xml version="1.0"?><p:sld ${XMLNS}${slide.hidden ? ' show="0"' : ''}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${slide.shapes}</p:spTree></p:cSld></p:sld>`,
    });
    const slideRels = [...(slide.rels ?? [])];
    if (slide.layout !== undefined) slideRels.push({ id: 'rIdLayout', type: 'slideLayout', target: `../slideLayouts/slideLayout${slide.layout}.xml` });
    if (slide.notes !== undefined) {
      slideRels.push({ id: 'rIdNotes', type: 'notesSlide', target: `../notesSlides/notesSlide${number}.xml` });
      parts.push({
        name: `ppt/notesSlides/notesSlide${number}.xml`,
        data: `<?xml version="1.0"?><p:notes ${XMLNS}><p:cSld><p:spTree>${sp({ ph: 'type="sldImg"', paragraphs: '' })}${sp({ ph: 'type="body" idx="1"', paragraphs: slide.notes })}</p:spTree></p:cSld></p:notes>`,
      });
    }
    if (slideRels.length > 0) parts.push({ name: `ppt/slides/_rels/slide${number}.xml.rels`, data: rels(slideRels) });
  });
  return zip(parts);
}

/** A layout with the given placeholders, on a master with the given placeholders and text styles. */
export function layoutAndMaster(options: { layoutName: string; layoutType?: string; layoutShapes: string; masterShapes: string; txStyles?: string; number?: number }): ZipInput[] {
  const number = options.number ?? 1;
  return [
    {
      name: `ppt/slideLayouts/slideLayout${number}.xml`,
      data: `<?xml version="1.0"?><p:sldLayout ${XMLNS}${options.layoutType ? ` type="${options.layoutType}"` : ''}><p:cSld name="${options.layoutName}"><p:spTree>${options.layoutShapes}</p:spTree></p:cSld></p:sldLayout>`,
    },
    { name: `ppt/slideLayouts/_rels/slideLayout${number}.xml.rels`, data: rels([{ id: 'rId1', type: 'slideMaster', target: '../slideMasters/slideMaster1.xml' }]) },
    {
      name: 'ppt/slideMasters/slideMaster1.xml',
      data: `<?xml version="1.0"?><p:sldMaster ${XMLNS}><p:cSld><p:spTree>${options.masterShapes}</p:spTree></p:cSld><p:txStyles>${options.txStyles ?? ''}</p:txStyles></p:sldMaster>`,
    },
  ];
}
