/**
 * What each reader keeps and drops, on small inputs: the pandoc-made
 * structure fixtures (tests/fixtures/documents/features.*), and containers
 * built here for what pandoc does not write.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readDocumentContent, type ReadResult } from '../../../../shared/document/readers/read-document.ts';
import { detectFormat } from '../../../../shared/document/readers/detect-format.ts';
import { docx, odt, zip } from './build-container.ts';
import { loadDocument } from '../../../../shared/document/load.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/documents/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);
/** The paragraphs as `[mark]text`, for assertions a reader can check by eye. */
const shown = (result: ReadResult) => result.paragraphs.map((paragraph) => `${paragraph.mark ? `[${paragraph.mark}]` : ''}${result.text.slice(paragraph.start, paragraph.end)}`);
const read = (bytes: Uint8Array, fileName: string) => readDocumentContent(bytes, { fileName });

test('DOCX and ODT written by pandoc: headings, list items, table cells and footnotes are paragraphs of their own', async () => {
  const expected = ['Heading one', 'Body paragraph with a note.', 'First item', 'Second item', 'Cell A', 'Cell B', 'Cell C', 'Cell D', 'Closing paragraph.', '[footnote]The footnote text.'];
  for (const name of ['features.docx', 'features.odt']) {
    const result = await read(fixture(name), name);
    assert.deepEqual(shown(result), expected);
    assert.deepEqual(result.warnings, [], 'no tracked changes, no warning');
  }
});

test('DOCX: tracked changes read as accepted, text boxes after their paragraph, comments, hidden text and field codes left out', async () => {
  const body = [
    '<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>inserted</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>deleted</w:delText></w:r></w:del><w:r><w:t>.</w:t></w:r></w:p>',
    '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Anchor</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>',
    '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
    '<w:p><w:r><w:t xml:space="preserve">Shown </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden </w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>unhidden</w:t></w:r></w:p>',
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>Page</w:t><w:tab/><w:t>one</w:t></w:r></w:p>',
  ].join('');
  const comments = '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0"><w:p><w:r><w:t>A comment</w:t></w:r></w:p></w:comment></w:comments>';
  const header = '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>Running head</w:t></w:r></w:p></w:hdr>';
  const result = await read(docx(body, { 'word/comments.xml': comments, 'word/header1.xml': header }), 'changes.docx');
  assert.equal(result.format, 'docx');
  assert.deepEqual(shown(result), ['Kept inserted.', 'Anchor', '[text-box]In the box', 'Shown unhidden', 'Page one']);
  assert.deepEqual(result.warnings, ['changes.docx: tracked changes are read as accepted (1 insertion kept, 1 deletion dropped); accept or reject them in the word processor if that is not the text you mean']);
});

test('ODT: tracked deletions, comments and note citations left out; frames after their paragraph; meta language as a hint', async () => {
  const body = [
    '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>gone</text:p></text:deletion></text:changed-region></text:tracked-changes>',
    '<text:h>Title</text:h>',
    '<text:p>One<text:s text:c="2"/>two<text:change text:change-id="c1"/><office:annotation><text:p>A comment</text:p></office:annotation><text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Note.</text:p></text:note-body></text:note></text:p>',
    '<text:p>Anchor<draw:frame><draw:text-box><text:p>Boxed</text:p></draw:text-box></draw:frame></text:p>',
  ].join('');
  const meta = '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:language>th-TH</dc:language></office:meta></office:document-meta>';
  const result = await read(odt(body, { 'meta.xml': meta }), 'changes.odt');
  assert.deepEqual(shown(result), ['Title', 'One two', 'Anchor', '[text-box]Boxed', '[footnote]Note.']);
  assert.equal(result.languageHint, 'th-TH');
  assert.deepEqual(result.warnings, ['changes.odt: tracked changes are read as accepted (0 insertions kept, 1 deletion dropped); accept or reject them in the word processor if that is not the text you mean']);
});

test('HTML: visible text by block; script, style, template and hidden elements dropped; furniture marked; lang and charset read', async () => {
  const page = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="windows-1252"><title>Title</title><style>p{}</style></head><body>
    <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
    <main><article><header><h1>Headline</h1></header>
      <p>First <b>bold</b> paragraph<br>after a break</p>
      <script>var x = "<p>not text</p>";</script><template><p>template</p></template>
      <p hidden>hidden</p><p aria-hidden="true">aria hidden</p><p style="color: red; display : none">inline hidden</p>
      <ul><li>Item one</li><li>Item <i>two</i></li></ul>
      <table><tr><td>Cell 1</td><td>Cell 2</td></tr></table>
      <p>Caf\u00e9 \u2019quoted\u2019</p>
    </article><aside>Related stories</aside></main>
    <footer>\u00a9 2023 Publisher</footer></body></html>`;
  const bytes = Uint8Array.from(page, (character) => ({ 0xe9: 0xe9, 0x2019: 0x92, 0xa9: 0xa9 })[character.charCodeAt(0)] ?? character.charCodeAt(0));
  const result = await read(bytes, 'page.html');
  assert.equal(result.format, 'html');
  assert.equal(result.encoding.name, 'windows-1252');
  assert.equal(result.languageHint, 'en-GB');
  assert.deepEqual(shown(result), [
    '[furniture]Home News',
    'Headline',
    'First bold paragraph',
    'after a break',
    'Item one',
    'Item two',
    'Cell 1',
    'Cell 2',
    'Café ’quoted’',
    '[furniture]Related stories',
    '[furniture]© 2023 Publisher',
  ]);
});

test('Markdown: block structure without the markup characters', async () => {
  const markdown = '# A *heading*\n\nSome **bold** text with [a link](http://example.com) and `code`.\n\n> Quoted\n> text\n\n1. First\n2. Second\n\n---\n\n![an image](x.png)\n\n<div>raw html</div>\n';
  assert.deepEqual(shown(await read(utf8(markdown), 'notes.md')), ['A heading', 'Some bold text with a link and code.', 'Quoted text', 'First', 'Second']);
});

test('SubRip and WebVTT: one cue a paragraph, numbers, timings, notes and tags left out', async () => {
  const srt = '1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Hello</i> there,\r\nfriend.\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\n{\\an8}Second cue\r\n';
  const srtResult = await read(utf8(srt), 'film.srt');
  assert.equal(srtResult.format, 'srt');
  assert.deepEqual(shown(srtResult), ['Hello there, friend.', 'Second cue']);
  const vtt = 'WEBVTT - a film\n\nNOTE written by hand\n\nSTYLE\n::cue { color: red }\n\nintro\n00:01.000 --> 00:02.000 align:start\n<v Anna>Hi &amp; welcome</v>\n\n00:03.000 --> 00:04.000\nBye\n';
  const vttResult = await read(utf8(vtt), 'film.vtt');
  assert.equal(vttResult.format, 'webvtt');
  assert.deepEqual(shown(vttResult), ['Hi & welcome', 'Bye']);
});

test('EPUB: chapters in spine order, not manifest order; a chapter the book lacks is a warning', async () => {
  const chapter = (text: string) => `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><p>${text}</p></body></html>`;
  const book = zip({
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    'OEBPS/book.opf': '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:language>fr</dc:language></metadata><manifest><item id="a" href="text/one.xhtml" media-type="application/xhtml+xml"/><item id="b" href="text/two%20b.xhtml" media-type="application/xhtml+xml"/><item id="gone" href="text/missing.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="b"/><itemref idref="a"/><itemref idref="gone"/></spine></package>',
    'OEBPS/text/one.xhtml': chapter('Chapter one'),
    'OEBPS/text/two b.xhtml': chapter('Chapter two comes first'),
  });
  const result = await read(book, 'book.epub');
  assert.deepEqual(shown(result), ['Chapter two comes first', 'Chapter one']);
  assert.equal(result.languageHint, 'fr');
  assert.deepEqual(result.warnings, ['book.epub: the spine names OEBPS/text/missing.xhtml, which the book lacks; read without it']);
});

test('the format is told from the bytes, whatever the extension says', async () => {
  assert.equal(detectFormat(fixture('nato-asia-2023.en.docx'), 'renamed.txt'), 'docx');
  assert.equal(detectFormat(fixture('nato-asia-2023.en.odt'), 'renamed'), 'odt');
  assert.equal(detectFormat(fixture('nato-asia-2023.en.epub'), 'book.zip'), 'epub');
  assert.equal(detectFormat(fixture('nato-asia-2023.en.html'), 'page.txt'), 'html');
  assert.equal(detectFormat(fixture('nato-asia-2023.en-th.xlf'), 'file.xml'), 'xliff');
  assert.equal(detectFormat(fixture('nato-asia-2023.en-th.tmx'), 'memory.xml'), 'tmx');
  assert.equal(detectFormat(utf8('%PDF-1.7\n'), 'x.bin'), 'pdf');
  assert.equal(detectFormat(utf8('WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n'), 'captions.txt'), 'webvtt');
  assert.equal(detectFormat(utf8('1\n00:00:01,000 --> 00:00:02,000\nHi\n'), 'captions.txt'), 'srt');
  // Markdown is plain text to the eye: only the name says so.
  assert.equal(detectFormat(utf8('# Title\n\nText\n'), 'notes.md'), 'markdown');
  assert.equal(detectFormat(utf8('# Title\n\nText\n'), 'notes.txt'), 'text');
  assert.equal(detectFormat(fixture('nato-asia-2023.en.md'), 'notes.markdown'), 'markdown');
});

test('a forced format wins over detection', async () => {
  const result = await readDocumentContent(fixture('nato-asia-2023.en.html'), { fileName: 'page.html', forcedFormat: 'text' });
  assert.equal(result.format, 'text');
  assert.match(result.text, /^<!DOCTYPE html>/u);
});

test('a declared language is used only where the text is too short to tell', async () => {
  const page = (lang: string, text: string) => utf8(`<!DOCTYPE html><html lang="${lang}"><body><p>${text}</p></body></html>`);
  assert.equal((await loadDocument(page('th-TH', 'สวัสดี'), 'short.html')).language.detected.iso6393, 'tha');
  // A template's default declaration does not override what the text says.
  assert.equal((await loadDocument(page('en', 'เลขาธิการนาโตมีกำหนดจะเยือนเกาหลีใต้และญี่ปุ่นตั้งแต่วันจันทร์นี้'), 'long.html')).language.detected.iso6393, 'tha');
});
