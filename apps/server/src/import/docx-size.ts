import { RefusalError } from '../refusal-error.ts';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
// The end record is 22 bytes, followed by a comment of at most 65,535 bytes.
const END_RECORD_SEARCH = 22 + 0xffff;

/**
 * Total uncompressed size of a zip archive's entries, in bytes, as its central directory declares
 * them; throws `importUnreadable` when the buffer is not a zip archive Plume can read (ZIP64 included).
 */
export function zipUncompressedSize(zip: Buffer): number {
  const end = findEndRecord(zip);
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let index = 0; index < entries; index++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) throw unreadable();
    const size = zip.readUInt32LE(offset + 24);
    // 0xFFFFFFFF means the real size is in a ZIP64 field: no Word file needs 4 GB, so it is refused.
    if (size === 0xffffffff) throw unreadable();
    total += size;
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return total;
}

function findEndRecord(zip: Buffer): number {
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - END_RECORD_SEARCH); offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw unreadable();
}

function unreadable(): RefusalError {
  return new RefusalError(
    'importUnreadable',
    "Ce fichier n'est pas un document Word (.docx) lisible. — This file is not a readable Word (.docx) document.",
  );
}
