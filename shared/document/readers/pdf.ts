/**
 * PDF documents with a text layer, through pdf.js (Mozilla's reader, in its
 * build for Node and older engines). Keeps: the text of every page, as
 * paragraphs rebuilt from line geometry (pdf-layout.ts). Drops: running
 * headers and footers (a line repeated on most pages in the top or bottom
 * tenth of the page), page numbers, images, annotations and form fields.
 * A PDF with no text layer (a scan) is refused: it needs OCR first.
 */
import { BitextError } from '../../errors.ts';
import { layOutBlocks } from './blocks.ts';
import { undoGlyphMaps, undoPositionalForms } from './pdf-glyph-forms.ts';
import { layOutPages, type PageText, type TextRun } from './pdf-layout.ts';
import type { ReadResult } from './types.ts';

/** Pages past this are refused: a 20 MiB PDF of text runs to a few thousand pages at most. */
const maxPages = 10_000;

/** What this module reads of a pdf.js text item. */
interface PdfTextItem {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly width?: number;
  readonly height?: number;
  readonly hasEOL?: boolean;
}

/** Reads a PDF. @throws BitextError for a damaged, encrypted or scanned (textless) PDF. */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  // pdf.js makes one DOMMatrix as it loads, for drawing, which reading text never does. Node has none; pdf.js borrows
  // one from @napi-rs/canvas, a native module that bundles cannot carry. An identity matrix stands in.
  const platform = globalThis as { DOMMatrix?: unknown };
  platform.DOMMatrix ??= class IdentityMatrix {
    readonly a = 1;
    readonly b = 0;
    readonly c = 0;
    readonly d = 1;
    readonly e = 0;
    readonly f = 0;
  };
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
  // pdf.js runs its worker in-process when it finds the handler here, instead of importing "./pdf.worker.mjs" beside
  // itself, which a bundle (dist/electron, dist/cli) would not have.
  const global = globalThis as { pdfjsWorker?: { WorkerMessageHandler: unknown } };
  global.pdfjsWorker ??= { WorkerMessageHandler: worker.WorkerMessageHandler };
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new BitextError('undecodable', 'the PDF is password-protected; save a copy without a password to open it', { file: fileName }, { cause: error });
    }
    throw new BitextError('undecodable', `the PDF cannot be read (${(error as Error).message})`, { file: fileName }, { cause: error });
  }
  try {
    if (document.numPages > maxPages) throw new BitextError('too-large', `the PDF has ${document.numPages} pages; the workbench reads up to ${maxPages}`, { file: fileName });
    const pages: PageText[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const runs: TextRun[] = (content.items as PdfTextItem[]).flatMap((item) =>
        item.str === undefined || !item.transform
          ? []
          : [{ text: undoPositionalForms(item.str), x: item.transform[4]!, y: item.transform[5]!, width: item.width ?? 0, height: item.height || Math.hypot(item.transform[2]!, item.transform[3]!), endOfLine: item.hasEOL ?? false }],
      );
      pages.push({ height: page.view[3]! - page.view[1]!, runs });
      page.cleanup();
    }
    if (!pages.some((page) => page.runs.some((run) => run.text.trim() !== ''))) {
      throw new BitextError('undecodable', 'the PDF has no text layer (a scanned document?); run OCR on it first (for example ocrmypdf), then open the result', { file: fileName });
    }
    const blocks = layOutPages(pages).map((block) => ({ ...block, text: undoGlyphMaps(block.text) }));
    const { text, paragraphs } = layOutBlocks(blocks, fileName);
    return { format: 'pdf', text, paragraphs, encoding: { name: 'utf-8', bom: false, forced: false }, warnings: [] };
  } finally {
    await document.destroy();
  }
}
