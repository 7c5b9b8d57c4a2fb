/**
 * Which format a file is in, from its bytes first and its name second: a ZIP
 * container by its entries (DOCX's word/document.xml or [Content_Types].xml,
 * ODT's and EPUB's `mimetype` entry), PDF by `%PDF-`, XML by its root element
 * (XLIFF, TMX, XHTML), HTML by its doctype or root, WebVTT by its header,
 * SubRip by the shape of its first cue, Markdown by its extension (Markdown
 * is plain text to the eye; nothing in the bytes says so).
 */
import { BitextError } from '../../errors.ts';
import { timingLine } from './subtitles.ts';
import type { DocumentFormat } from './types.ts';
import { isZip, openZip } from './zip.ts';

/** Whether the bytes are an OLE compound file: an encrypted Office document, or an old binary .doc. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * The format of the file `fileName` with these bytes.
 *
 * @throws BitextError `undecodable` for an encrypted Office file or a ZIP archive the workbench does not read.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): DocumentFormat {
  if (isCompoundFile(bytes)) {
    throw new BitextError(
      'undecodable',
      'the file is a password-protected (encrypted) Office document or an old binary .doc; save it unprotected as .docx to open it',
      { file: fileName },
    );
  }
  if (isZip(bytes)) return zipFormat(bytes, fileName);
  if (startsWith(bytes, '%PDF-')) return 'pdf';

  const extension = /\.([a-z0-9]+)$/iu.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const head = textHead(bytes);
  const start = head.trimStart();
  const root = rootElement(start);
  if (root === 'xliff') return 'xliff';
  if (root === 'tmx') return 'tmx';
  if (root === 'html' || /^<!doctype\s+html/iu.test(start)) return 'html';
  if (/^WEBVTT(?:[ \t]|\r|\n|$)/u.test(start)) return 'webvtt';
  const lines = start.split(/\r\n|\r|\n/u, 2);
  if (/^\d+\s*$/u.test(lines[0] ?? '') && timingLine.test(lines[1] ?? '')) return 'srt';
  if (['md', 'markdown', 'mdown', 'mkd'].includes(extension)) return 'markdown';
  if (['html', 'htm', 'xhtml'].includes(extension) && start.startsWith('<')) return 'html';
  if (extension === 'srt' && timingLine.test(head)) return 'srt';
  return 'text';
}

function zipFormat(bytes: Uint8Array, fileName: string): DocumentFormat {
  const archive = openZip(bytes, fileName, (name) => name === 'mimetype');
  const mimetype = archive.text('mimetype')?.trim();
  if (mimetype === 'application/vnd.oasis.opendocument.text') return 'odt';
  if (mimetype === 'application/epub+zip') return 'epub';
  if (archive.names.includes('word/document.xml')) return 'docx';
  if (archive.names.includes('[Content_Types].xml') && !mimetype) {
    // A Word document whose main part is not at the usual place: the package relationships name it.
    if (!archive.names.some((name) => name.startsWith('xl/') || name.startsWith('ppt/'))) return 'docx';
  }
  const what = mimetype ? `a ${mimetype} archive` : 'a ZIP archive';
  throw new BitextError('undecodable', `${what}, not a document the workbench reads (DOCX, ODT or EPUB)`, { file: fileName });
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** The first 4 KiB as text, leniently (only for sniffing): UTF-16 by its mark, else UTF-8. */
function textHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  return new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/u, '');
}

/** The lower-cased local name of the first element, after the XML declaration, comments and doctype. */
function rootElement(text: string): string | undefined {
  let rest = text;
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) rest = rest.slice(rest.indexOf('?>') + 2 || rest.length);
    else if (rest.startsWith('<!--')) rest = rest.slice(rest.indexOf('-->') + 3 || rest.length);
    else if (rest.startsWith('<!')) rest = rest.slice(rest.indexOf('>') + 1 || rest.length);
    else break;
  }
  const match = /^<([A-Za-z_][\w.:-]*)/u.exec(rest);
  return match ? match[1]!.split(':').pop()!.toLowerCase() : undefined;
}
