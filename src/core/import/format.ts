/**
 * What a file is, when it is not a presentation the importer reads: one line naming the
 * format and what to do about it.
 */
import { ImportError } from './errors';
import { looksLikeZip, type ZipArchive } from './zip';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A stream name in an OLE compound document's directory (names are UTF-16LE there). */
function hasOleStream(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}

/** Refuses what is not a zip package, naming what it is; returns when it is a zip. */
export function checkPackageBytes(bytes: Uint8Array): void {
  if (OLE_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    if (hasOleStream(bytes, 'EncryptionInfo') || hasOleStream(bytes, 'EncryptedPackage')) {
      throw new ImportError('an encrypted (password-protected) presentation; remove the password in PowerPoint and save it as .pptx');
    }
    if (hasOleStream(bytes, 'PowerPoint Document')) {
      throw new ImportError('a PowerPoint 97-2003 presentation (.ppt); open it in PowerPoint or LibreOffice and save it as .pptx');
    }
    throw new ImportError('an old Office document (OLE compound file), not a presentation; save the presentation as .pptx');
  }
  if (bytes.length === 0) throw new ImportError('the file is empty; save the presentation as .pptx');
  if (!looksLikeZip(bytes)) {
    const pdf = Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
    throw new ImportError(`not a PowerPoint file (${pdf ? 'a PDF' : 'not a zip package'}); save the presentation as .pptx`);
  }
}

/** Refuses a zip that is not a presentation, naming what it is. */
export function notAPresentation(zip: ZipArchive): ImportError {
  const mimetype = zip.read('mimetype')?.toString('latin1').trim();
  if (mimetype === 'application/vnd.oasis.opendocument.presentation') {
    return new ImportError('an OpenDocument presentation (.odp); save it as .pptx');
  }
  const kind = zip.has('word/document.xml') ? 'a Word document' : zip.has('xl/workbook.xml') ? 'an Excel workbook' : 'no presentation part';
  return new ImportError(`a zip package but not a presentation (${kind}); save the presentation as .pptx`);
}
