/**
 * Small DOCX, ODT and EPUB containers built in the tests for what pandoc
 * cannot write (tracked changes, text boxes, comments, encryption, damage):
 * the XML is the least each format needs, zipped by fflate.
 */
import { strToU8, zipSync } from 'fflate';

const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A DOCX whose word/document.xml body is `body` (WordprocessingML, prefix `w:`); `parts` adds or replaces entries. */
export function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${w}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}</w:body></w:document>`,
    ...parts,
  });
}

/** An ODT whose office:text is `body` (prefix `text:`, `office:`, `draw:`); `parts` adds or replaces entries. */
export function odt(body: string, parts: Record<string, string> = {}): Uint8Array {
  return zip({
    mimetype: 'application/vnd.oasis.opendocument.text',
    'content.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ...parts,
  });
}

/** A ZIP of `entries` (text). */
export function zip(entries: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, typeof value === 'string' ? strToU8(value) : value])));
}
