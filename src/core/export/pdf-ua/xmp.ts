/**
 * The document's XMP metadata packet (ISO 16684-1) with the PDF/UA identification schema
 * (ISO 14289-1 §5: `pdfuaid:part` = 1) and the same title, language, author, subject,
 * keywords, tool and dates as the document information dictionary.
 */

export interface XmpProperties {
  title: string;
  lang: string;
  author: string | undefined;
  subject: string | undefined;
  keywords: string[];
  creator: string;
  producer: string;
  date: Date;
}

export const PDFUA_NAMESPACE = 'http://www.aiim.org/pdfua/ns/id/';

function escapeXml(text: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; markup characters are escaped.
  return text.replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `2026-12-03T12:00:00Z`. */
function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The packet as UTF-8 text. */
export function xmpPacket(properties: XmpProperties): string {
  const optional = (value: string | undefined, element: (v: string) => string): string => (value ? element(escapeXml(value)) : '');
  const date = xmpDate(properties.date);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `<rdf:Description rdf:about="" xmlns:pdfuaid="${PDFUA_NAMESPACE}" xmlns:dc="http://purl.org/dc/elements/1.1/"` +
      ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    '<pdfuaid:part>1</pdfuaid:part>',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(properties.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(properties.lang)}</rdf:li></rdf:Bag></dc:language>`,
    optional(properties.author, (v) => `<dc:creator><rdf:Seq><rdf:li>${v}</rdf:li></rdf:Seq></dc:creator>`),
    optional(properties.subject, (v) => `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${v}</rdf:li></rdf:Alt></dc:description>`),
    optional(properties.keywords.join(' '), (v) => `<pdf:Keywords>${v}</pdf:Keywords>`),
    `<pdf:Producer>${escapeXml(properties.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${escapeXml(properties.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** What a packet says: its `pdfuaid:part`, title and language (for the checker; a reader of what {@link xmpPacket} writes and of common variants). */
export function readXmp(packet: string): { part: string | undefined; title: string | undefined; language: string | undefined } {
  const prefix = new RegExp(`xmlns:(\\w+)=["']${PDFUA_NAMESPACE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}["']`).exec(packet)?.[1];
  const element = prefix ? new RegExp(`<${prefix}:part>\\s*(\\d+)\\s*</${prefix}:part>`).exec(packet) : null;
  const attribute = prefix ? new RegExp(`${prefix}:part=["'](\\d+)["']`).exec(packet) : null;
  const title = /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(packet)?.[1];
  const language = /<dc:language>[\s\S]*?<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(packet)?.[1];
  return { part: element?.[1] ?? attribute?.[1], title: title?.trim() || undefined, language: language?.trim() || undefined };
}
