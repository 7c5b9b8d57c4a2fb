/**
 * PDF: the corpus pages printed by Chromium (tests/fixtures/documents/make.sh),
 * with Chromium's running header (date, title) and footer (address, page n/N)
 * on every page; and the layout rules on small synthetic pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readDocumentContent } from '../../../../shared/document/readers/read-document.ts';
import { layOutPages, type PageText, type TextRun } from '../../../../shared/document/readers/pdf-layout.ts';
import { undoGlyphMaps, undoPositionalForms } from '../../../../shared/document/readers/pdf-glyph-forms.ts';
import { BitextError } from '../../../../shared/errors.ts';

const root = new URL('../../../../', import.meta.url);
const bytes = (path: string) => new Uint8Array(readFileSync(new URL(path, root)));
const lines = (path: string) =>
  readFileSync(new URL(path, root), 'utf8')
    .split('\n')
    .map((line) => line.trim().replace(/\s+/gu, ' '))
    .filter(Boolean);
const paragraphs = (result: { text: string; paragraphs: readonly { start: number; end: number }[] }) => result.paragraphs.map((paragraph) => result.text.slice(paragraph.start, paragraph.end));

test('a PDF printed by Chromium reads as the text’s paragraphs, its running header, footer and page numbers dropped', async () => {
  const result = await readDocumentContent(bytes('tests/fixtures/documents/nato-asia-2023.en.pdf'), { fileName: 'en.pdf' });
  assert.equal(result.format, 'pdf');
  assert.deepEqual(paragraphs(result), lines('corpus/nato-asia-2023.en.original-with-page-clutter.txt'));
});

test('the Thai PDF reads as the Thai text, every tone mark back, without Chromium’s header and footer', async () => {
  const result = await readDocumentContent(bytes('tests/fixtures/documents/nato-asia-2023.th.pdf'), { fileName: 'th.pdf' });
  // Chromium wraps Thai lines between words, where the text may or may not have had a space: the PDF does not say.
  const spaceless = (text: string) => text.replaceAll(' ', '');
  assert.deepEqual(paragraphs(result).map(spaceless), lines('corpus/nato-asia-2023.th.translation.txt').map(spaceless));
  assert.doesNotMatch(result.text, /[\ue000-\uf8ff]/u, 'no Private Use Area character is left');
});

test('Thai marks a font maps to its Private Use Area forms read as the marks, in canonical order', () => {
  // As pdf.js gives Chromium's Loma runs: ต + lowered mai tho (U+F70B); ป + lowered mai ek (U+F70A) drawn before sara u.
  assert.equal(undoGlyphMaps(undoPositionalForms('ใต\uf70bและญี่ป\uf70a\u0e38น')), 'ใต้และญี่ปุ่น');
  assert.equal(undoGlyphMaps(undoPositionalForms('จันทร\uf70e ก\u0e4d\u0e32หนด')), 'จันทร์ กำหนด');
  assert.equal(undoPositionalForms('\uf71b'), '\uf71b', 'a form with no agreed meaning is left alone');
});

test('layout: a line ending in a tone mark joins the next Thai line without a space', () => {
  const page: PageText = { height: 792, runs: [run(undoPositionalForms('ตั้งแต่วันจันทร\uf70e'), 700), run('นี้ เพื่อเสริมสร้าง', 686)] };
  assert.deepEqual(layOutPages([page]).map((block) => block.text), ['ตั้งแต่วันจันทร์นี้ เพื่อเสริมสร้าง']);
});

test('a PDF without a text layer is refused, saying it needs OCR', async () => {
  await assert.rejects(readDocumentContent(bytes('tests/fixtures/documents/scanned.pdf'), { fileName: 'scan.pdf' }), (error: unknown) => {
    assert.ok(error instanceof BitextError);
    assert.match(error.message, /^scan\.pdf: the PDF has no text layer \(a scanned document\?\); run OCR on it first/u);
    return true;
  });
});

test('a damaged PDF is refused, naming the file', async () => {
  await assert.rejects(readDocumentContent(new TextEncoder().encode('%PDF-1.7\nnot really\n'), { fileName: 'broken.pdf' }), /^BitextError: broken\.pdf: the PDF cannot be read/u);
});

/** A line of text as one run at `y`, 12 points high, 6 points a character. */
const run = (text: string, y: number, x = 72): TextRun => ({ text, x, y, width: text.length * 6, height: 12, endOfLine: true });

test('layout: running heads and page numbers dropped, paragraphs by gaps and short lines, hyphens and page breaks joined', () => {
  const page = (number: number, body: TextRun[]): PageText => ({ height: 792, runs: [run('The Book — Chapter One', 760), ...body, run(`${number}`, 30, 300)] });
  const pages = [
    page(1, [
      run('A first paragraph whose lines are full and go on, as lines do, to', 700),
      run('the next line, which is short.', 686),
      run('A second paragraph after a gap, ending in a hyphenated word: hyph-', 650),
      run('enated, and on to the end of the page without a stop as long lines', 636),
    ]),
    page(2, [run('do, so it goes on here.', 700), run('เกาหลีใต้และญี่ปุ่นตั้งแต่วันจันทร์นี้ เพื่อเสริมสร้างความสัมพันธ์ของพันธมิตรด้านความ', 660), run('มั่นคง', 646)]),
    page(3, [run('Last page.', 700)]),
  ];
  assert.deepEqual(
    layOutPages(pages).map((block) => block.text),
    [
      'A first paragraph whose lines are full and go on, as lines do, to the next line, which is short.',
      'A second paragraph after a gap, ending in a hyphenated word: hyph-enated, and on to the end of the page without a stop as long lines do, so it goes on here.',
      'เกาหลีใต้และญี่ปุ่นตั้งแต่วันจันทร์นี้ เพื่อเสริมสร้างความสัมพันธ์ของพันธมิตรด้านความมั่นคง',
      'Last page.',
    ],
  );
});
