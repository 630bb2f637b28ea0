/**
 * A zip reader for untrusted packages. It reads the central directory first and refuses a
 * package over the budgets before inflating anything (entry count, declared total size,
 * compression ratio), then inflates only the entries asked for, each capped at its declared
 * size while it inflates and checked against its CRC-32 afterwards. jszip's public API
 * exposes neither the declared sizes nor a cap on inflation, so the importer reads zips here.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { describeSize } from '../io/read-text';
import { ImportError } from './errors';

export interface ZipBudget {
  /** Most entries a package may list. */
  maxEntries: number;
  /** Most bytes all entries may declare, uncompressed, together. */
  maxTotalBytes: number;
  /** Most bytes one entry may declare, uncompressed. */
  maxEntryBytes: number;
  /** Most uncompressed bytes per compressed byte, for entries over {@link ZipBudget.ratioFloorBytes}. */
  maxRatio: number;
  /** Entries smaller than this are not held to the ratio (tiny XML compresses very well). */
  ratioFloorBytes: number;
}

/**
 * A real presentation has a few hundred parts; the XML compresses 5 to 30 times, pictures
 * hardly at all. Deflate reaches about 1,000 : 1 on repeated bytes, which is what bombs use.
 */
export const DEFAULT_ZIP_BUDGET: ZipBudget = {
  maxEntries: 10_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x1;
const UTF8_FLAG = 0x800;

/** The local-header signature `PK\x03\x04` (also the start of an empty zip's `PK\x05\x06`). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();

  private constructor(
    private readonly bytes: Buffer,
    list: ZipEntry[],
  ) {
    for (const entry of list) this.entries.set(entry.name, entry);
  }

  /** Reads the central directory and checks it against the budget; inflates nothing. */
  static open(data: Uint8Array, budget: ZipBudget = DEFAULT_ZIP_BUDGET): ZipArchive {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const list = readCentralDirectory(bytes, budget);
    checkBudget(list, budget);
    return new ZipArchive(bytes, list);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name);
  }

  /** The entry's bytes, inflated at most to its declared size, CRC checked; undefined when absent. */
  read(name: string): Buffer | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const start = dataOffset(this.bytes, entry);
    const raw = this.bytes.subarray(start, start + entry.compressedSize);
    if (raw.length !== entry.compressedSize) throw damaged(`${entry.name} is cut short`);
    let data: Buffer;
    if (entry.method === STORED) {
      data = raw;
    } else {
      try {
        // The cap makes zlib stop as soon as the output passes the declared size: a lying
        // header cannot make it inflate more than the budget already accepted.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new ImportError(`${entry.name} inflates to more than its declared ${entry.size} bytes (a zip bomb?); refused`);
        }
        throw damaged(`${entry.name} cannot be inflated`);
      }
    }
    if (data.length !== entry.size) throw damaged(`${entry.name} is ${data.length} bytes, not the ${entry.size} its header says`);
    if (crc32(data) >>> 0 !== entry.crc) throw damaged(`${entry.name} fails its checksum`);
    return data;
  }
}

function damaged(detail: string): ImportError {
  return new ImportError(`the package is damaged (${detail}); open it in PowerPoint and save it again as .pptx`);
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let offset = bytes.length - 22; offset >= lowest; offset--) {
    if (bytes.readUInt32LE(offset) === EOCD_SIGNATURE) return offset;
  }
  return -1;
}

function readCentralDirectory(bytes: Buffer, budget: ZipBudget): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw damaged('no zip directory');
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  const zip64 = eocd >= 20 && bytes.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIGNATURE;
  if (zip64 || count === 0xffff || offset === 0xffffffff) {
    throw new ImportError(`the package is a zip64 archive (over 65,535 parts or 4 GB), over the import budget`);
  }
  if (count > budget.maxEntries) throw new ImportError(`the package lists ${count} parts; at most ${budget.maxEntries} are imported`);
  if (offset + size > eocd) throw damaged('the zip directory points past its end');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw damaged('a zip directory entry is broken');
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = nameBytes.toString(flags & UTF8_FLAG ? 'utf8' : 'latin1');
    const entry: ZipEntry = {
      name,
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    };
    if (flags & ENCRYPTED_FLAG) throw new ImportError(`the package's part ${name} is encrypted; remove the password in PowerPoint and save it again as .pptx`);
    if (entry.method !== STORED && entry.method !== DEFLATED) throw damaged(`${name} uses zip compression method ${entry.method}`);
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) {
      throw new ImportError(`the package's part ${name} is a zip64 entry (over 4 GB), over the import budget`);
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function checkBudget(entries: readonly ZipEntry[], budget: ZipBudget): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.size > budget.maxEntryBytes) {
      throw new ImportError(`the package's part ${entry.name} is ${describeSize(entry.size)} uncompressed; parts over ${describeSize(budget.maxEntryBytes)} are not imported`);
    }
    if (entry.size > budget.ratioFloorBytes && entry.size > entry.compressedSize * budget.maxRatio) {
      const ratio = Math.round(entry.size / Math.max(1, entry.compressedSize));
      throw new ImportError(`the package's part ${entry.name} expands ${ratio} times (a zip bomb?); parts over ${budget.maxRatio} times are refused`);
    }
    total += entry.size;
  }
  if (total > budget.maxTotalBytes) {
    throw new ImportError(`the package holds ${describeSize(total)} uncompressed; at most ${describeSize(budget.maxTotalBytes)} is imported`);
  }
}

function dataOffset(bytes: Buffer, entry: ZipEntry): number {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) throw damaged(`${entry.name} has no local header`);
  return at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
}
