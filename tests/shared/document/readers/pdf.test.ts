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
import { loadDocument } from '../../../../shared/document/load.ts';
import { alignDocuments } from '../../../../shared/pipeline.ts';
import { formatLinks } from '../../../../shared/model/alignment.ts';
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

test('the English PDF aligns with the Thai DOCX as the text pair does', async () => {
  const load = (path: string) => loadDocument(bytes(path), path, { detectParagraphs: false });
  const [source, target, english, thai] = await Promise.all([
    load('tests/fixtures/documents/nato-asia-2023.en.pdf'),
    load('tests/fixtures/documents/nato-asia-2023.th.docx'),
    load('corpus/nato-asia-2023.en.original-with-page-clutter.txt'),
    load('corpus/nato-asia-2023.th.translation.txt'),
  ]);
  const now = '2026-01-01T00:00:00.000Z';
  assert.equal(formatLinks(alignDocuments(source, target, { now }).links), formatLinks(alignDocuments(english, thai, { now }).links));
});

test('the Thai PDF reads as ten paragraphs without Chromium’s header and footer', async () => {
  const result = await readDocumentContent(bytes('tests/fixtures/documents/nato-asia-2023.th.pdf'), { fileName: 'th.pdf' });
  const found = paragraphs(result);
  assert.equal(found.length, 10);
  // pdf.js loses some Thai tone marks of Chromium's embedded fonts (poppler's pdftotext keeps them), so only the start is compared.
  assert.ok(found[0]!.startsWith('Jens Stoltenberg เลขาธิการนาโต มีกำหนดจะเยือน'), found[0]);
  assert.ok(!found.some((paragraph) => /file:|nato-asia-2023|\d+\/\d+/u.test(paragraph)));
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
