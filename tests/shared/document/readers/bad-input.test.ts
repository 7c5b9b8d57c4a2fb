/**
 * Files that are not what they claim, or too much of it: each refused with a
 * BitextError that names the file and says what is wrong.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocumentContent } from '../../../../shared/document/readers/read-document.ts';
import { loadDocument } from '../../../../shared/document/load.ts';
import { readBilingual } from '../../../../shared/document/readers/bilingual.ts';
import { maxDecompressedBytes } from '../../../../shared/document/readers/zip.ts';
import { BitextError } from '../../../../shared/errors.ts';
import { docx, odt, zip } from './build-container.ts';

const read = (bytes: Uint8Array, fileName: string) => readDocumentContent(bytes, { fileName });
const refused = (run: () => unknown, code: string, message: RegExp) =>
  assert.rejects(async () => run(), (error: unknown) => {
    assert.ok(error instanceof BitextError, String(error));
    assert.equal(error.code, code);
    assert.match(error.message, message);
    return true;
  });

/** Sets the uncompressed size `name` declares, in its local header and the central directory, as a ZIP bomb's would be. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameAt = (offset: number, length: number) => new TextDecoder().decode(zip.subarray(offset, offset + length));
  for (let i = 0; i + 46 < zip.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x02014b50 && nameAt(i + 46, view.getUint16(i + 28, true)) === name) view.setUint32(i + 24, size, true);
    if (signature === 0x04034b50 && nameAt(i + 30, view.getUint16(i + 26, true)) === name) view.setUint32(i + 22, size, true);
  }
  return zip;
}

test('an encrypted (password-protected) Word file, an OLE compound file, is refused as such', async () => {
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  await refused(() => read(ole, 'secret.docx'), 'undecodable', /^secret\.docx: .*password-protected \(encrypted\)/u);
});

test('a password-protected ODT is refused as such', async () => {
  const manifest =
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>';
  await refused(() => read(odt('<text:p>x</text:p>', { 'META-INF/manifest.xml': manifest }), 'secret.odt'), 'undecodable', /^secret\.odt: .*password-protected/u);
});

test('a ZIP bomb is refused before it is inflated', async () => {
  const bomb = declareSize(docx('<w:p><w:r><w:t>text</w:t></w:r></w:p>'), 'word/document.xml', maxDecompressedBytes + 1);
  await refused(() => read(bomb, 'bomb.docx'), 'too-large', /^bomb\.docx: the archive would inflate to more than 100 MiB/u);
});

test('a ZIP entry larger than its header says is refused', async () => {
  const lying = declareSize(docx('<w:p><w:r><w:t>text</w:t></w:r></w:p>'), 'word/document.xml', 10);
  await assert.rejects(async () => read(lying, 'lying.docx'), (error: unknown) => error instanceof BitextError && error.message.startsWith('lying.docx'));
});

test('a DOCX with no text is refused', async () => {
  await refused(() => read(docx('<w:p/><w:tbl><w:tr><w:tc><w:p><w:r><w:t> </w:t></w:r></w:p></w:tc></w:tr></w:tbl>'), 'empty.docx'), 'undecodable', /^empty\.docx: the document has no text$/u);
});

test('malformed XML inside a DOCX or an ODT is refused, naming the part and the line', async () => {
  await refused(() => read(docx('<w:p><w:r><w:t>open</w:r></w:p>'), 'broken.docx'), 'undecodable', /^broken\.docx \(word\/document\.xml\):1: malformed XML: end tag <\/w:r> does not match <w:t>/u);
  await refused(() => read(odt('<text:p>unclosed'), 'broken.odt'), 'undecodable', /^broken\.odt \(content\.xml\):1: malformed XML: end tag <\/office:text> does not match <text:p>/u);
  await refused(() => read(docx('<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>'), 'entity.docx'), 'undecodable', /unknown entity &nbsp;/u);
});

test('XML with a DTD internal subset (entity expansion, "billion laughs") is refused', async () => {
  const laughs = '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><tmx version="1.4"><body/></tmx>';
  await refused(() => readBilingual(laughs, 'laughs.tmx'), 'undecodable', /^laughs\.tmx:1: malformed XML: a DTD internal subset/u);
});

test('a ZIP archive that is no document the workbench reads is refused with what it is', async () => {
  const spreadsheet = zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });
  await refused(() => read(spreadsheet, 'sheet.ods'), 'undecodable', /^sheet\.ods: a application\/vnd\.oasis\.opendocument\.spreadsheet archive, not a document/u);
});

test('an HTML page of 20 MiB of markup is refused quickly, naming the file', async () => {
  const page = new TextEncoder().encode(`<!DOCTYPE html><html><body>${'<span></span>'.repeat(1_600_000)}</body></html>`);
  assert.ok(page.length > 20_000_000);
  const started = Date.now();
  await refused(() => read(page, 'markup.html'), 'too-large', /^markup\.html: the page has 3,200,005 tags; the workbench reads pages of up to 500,000$/u);
  assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
});

test('HTML nested deeper than the reader walks is refused, not a stack overflow', async () => {
  const page = new TextEncoder().encode(`<!DOCTYPE html><html><body>${'<div>'.repeat(5000)}deep</body></html>`);
  await refused(() => read(page, 'deep.html'), 'undecodable', /^deep\.html: the page's elements nest deeper than 1000/u);
});

test('a bilingual file opened as one document says how to open it', async () => {
  const xliff = new TextEncoder().encode('<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" datatype="plaintext" original="x"><body/></file></xliff>');
  await assert.rejects(loadDocument(xliff, 'pair.xlf'), /pair\.xlf: this is a bilingual XLIFF file: open it on its own/u);
});
