/**
 * Web pages (.html, .htm, .xhtml): the visible text, as html-blocks.ts reads
 * it. The page's `<meta charset>` decides the encoding when the bytes have no
 * byte-order mark and the user forced none; `<html lang>` is a language hint.
 */
import type { DecodedEncoding, EncodingName } from '../../model/document.ts';
import { decodeBytes, encodingAliases } from '../../text/decode.ts';
import { layOutBlocks } from './blocks.ts';
import { htmlBlocks } from './html-blocks.ts';
import type { ReadResult } from './types.ts';

/** Reads an HTML page. @throws BitextError when it cannot be decoded or shows no text. */
export function readHtml(bytes: Uint8Array, fileName: string, forcedEncoding?: EncodingName): ReadResult {
  const declared = forcedEncoding ?? declaredCharset(bytes);
  const decoded = forcedEncoding || !declared ? decodeBytes(bytes, fileName, forcedEncoding) : decodeDeclared(bytes, fileName, declared);
  // A charset the page declares is not the user's choice: report it as detected.
  const encoding: DecodedEncoding = forcedEncoding ? decoded.encoding : { ...decoded.encoding, forced: false };
  const { blocks, language } = htmlBlocks(decoded.text, fileName);
  const { text, paragraphs } = layOutBlocks(blocks, fileName);
  return { format: 'html', text, paragraphs, encoding, ...(language ? { languageHint: language } : {}), warnings: decoded.warnings };
}

/** Decodes as the page declares; a page whose bytes contradict its declaration is decoded as detected. */
function decodeDeclared(bytes: Uint8Array, fileName: string, declared: EncodingName) {
  try {
    return decodeBytes(bytes, fileName, declared);
  } catch {
    return decodeBytes(bytes, fileName);
  }
}

/**
 * The charset a `<meta>` in the first 1024 bytes declares (the prescan of the
 * HTML standard, simplified), when it is one the workbench decodes and the
 * bytes have no byte-order mark (which wins).
 */
function declaredCharset(bytes: Uint8Array): EncodingName | undefined {
  if ((bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head);
  return match ? encodingAliases[match[1]!.toLowerCase()] : undefined;
}
