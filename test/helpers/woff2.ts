/**
 * The characters a WOFF2 font maps (its `cmap`), read with Node's brotli: the tests derive the
 * house font's coverage from the font files themselves (W3C WOFF2 §4–5; OpenType `cmap`
 * formats 4 and 12).
 */
import { brotliDecompressSync } from 'node:zlib';

const KNOWN_TAGS = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar', 'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill'];

function base128(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = bytes[at + i]!;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, at + i + 1];
  }
  throw new Error('bad UIntBase128');
}

/** The `cmap` table of a WOFF2 file. */
function cmapTable(file: Uint8Array): DataView {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (view.getUint32(0) !== 0x774f4632) throw new Error('not WOFF2');
  const numTables = view.getUint16(12);
  const compressedSize = view.getUint32(20);
  let at = 48;
  let offset = 0;
  let cmap: { offset: number; length: number } | undefined;
  for (let i = 0; i < numTables; i++) {
    const flags = file[at++]!;
    let tag = KNOWN_TAGS[flags & 0x3f];
    if ((flags & 0x3f) === 63) {
      tag = String.fromCharCode(...file.subarray(at, at + 4));
      at += 4;
    }
    const version = flags >> 6;
    let length: number;
    [length, at] = base128(file, at);
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0;
    if (transformed) [length, at] = base128(file, at);
    if (tag === 'cmap') cmap = { offset, length };
    offset += length;
  }
  if (!cmap) throw new Error('no cmap');
  const tables = brotliDecompressSync(file.subarray(at, at + compressedSize));
  return new DataView(tables.buffer, tables.byteOffset + cmap.offset, cmap.length);
}

/** The code points `file` (WOFF2) maps to a glyph other than .notdef. */
export function woff2CodePoints(file: Uint8Array): Set<number> {
  const cmap = cmapTable(file);
  const records: { platform: number; encoding: number; offset: number }[] = [];
  for (let i = 0; i < cmap.getUint16(2); i++) {
    records.push({ platform: cmap.getUint16(4 + i * 8), encoding: cmap.getUint16(6 + i * 8), offset: cmap.getUint32(8 + i * 8) });
  }
  const pick = records.find((r) => r.platform === 3 && r.encoding === 10) ?? records.find((r) => r.platform === 3 && r.encoding === 1) ?? records.find((r) => r.platform === 0);
  if (!pick) throw new Error('no Unicode cmap subtable');
  const at = pick.offset;
  const format = cmap.getUint16(at);
  const points = new Set<number>();
  if (format === 12) {
    const groups = cmap.getUint32(at + 12);
    for (let g = 0; g < groups; g++) {
      const start = cmap.getUint32(at + 16 + g * 12);
      const end = cmap.getUint32(at + 20 + g * 12);
      const glyph = cmap.getUint32(at + 24 + g * 12);
      for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) points.add(c);
    }
    return points;
  }
  if (format !== 4) throw new Error(`cmap format ${format}`);
  const segments = cmap.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = cmap.getUint16(ends + s * 2);
    const start = cmap.getUint16(starts + s * 2);
    const delta = cmap.getInt16(deltas + s * 2);
    const rangeOffset = cmap.getUint16(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      const glyph = rangeOffset === 0 ? (c + delta) & 0xffff : cmap.getUint16(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
      if (glyph !== 0) points.add(c);
    }
  }
  return points;
}
