/**
 * A minimal, valid OLE compound file (version 3, 512-byte sectors) holding named streams,
 * as an encrypted Office file is (`EncryptionInfo`, `EncryptedPackage`). Streams are padded
 * to the 4,096-byte mini-stream cut-off so that they live in ordinary sectors.
 */
const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

export function compoundFile(streams: readonly { name: string; data: Uint8Array }[]): Buffer {
  const bodies = streams.map((stream) => {
    const size = Math.max(4096, Math.ceil(stream.data.length / SECTOR) * SECTOR);
    const body = Buffer.alloc(size);
    body.set(stream.data);
    return body;
  });
  const directorySectors = Math.ceil(((streams.length + 1) * 128) / SECTOR);
  const streamSectors = bodies.map((body) => body.length / SECTOR);
  const totalSectors = 1 + directorySectors + streamSectors.reduce((sum, count) => sum + count, 0);
  if (totalSectors > SECTOR / 4) throw new Error('compoundFile: too large for one FAT sector');

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  let next = 1;
  const chain = (count: number) => {
    const start = next;
    for (let index = 0; index < count; index++, next++) fat.writeUInt32LE(index === count - 1 ? END_OF_CHAIN : next + 1, next * 4);
    return start;
  };
  const directoryStart = chain(directorySectors);
  const starts = streamSectors.map((count) => chain(count));

  const directory = Buffer.alloc(directorySectors * SECTOR);
  const entry = (index: number, name: string, type: number, start: number, size: number, child: number, right: number) => {
    const at = index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    directory.set(encoded, at);
    directory.writeUInt16LE(encoded.length, at + 64);
    directory[at + 66] = type;
    directory[at + 67] = 1;
    directory.writeUInt32LE(FREE, at + 68);
    directory.writeUInt32LE(right, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(start, at + 116);
    directory.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, END_OF_CHAIN, 0, streams.length > 0 ? 1 : FREE, FREE);
  streams.forEach((stream, index) => entry(index + 1, stream.name, 2, starts[index]!, stream.data.length < 4096 ? 4096 : stream.data.length, FREE, index + 2 <= streams.length ? index + 2 : FREE));

  const header = Buffer.alloc(SECTOR);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44);
  header.writeUInt32LE(directoryStart, 48);
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(END_OF_CHAIN, 60);
  header.writeUInt32LE(END_OF_CHAIN, 68);
  for (let index = 0; index < 109; index++) header.writeUInt32LE(index === 0 ? 0 : FREE, 76 + index * 4);
  return Buffer.concat([header, fat, directory, ...bodies]);
}
