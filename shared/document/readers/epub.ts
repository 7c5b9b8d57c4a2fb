/**
 * EPUB books: the chapters in spine order (the reading order the package
 * declares), each through the HTML reader's blocks. Keeps what html-blocks.ts
 * keeps; drops the navigation document when it is not in the spine, images,
 * styles and fonts. A book with DRM (META-INF/encryption.xml naming content
 * files other than fonts) is refused.
 */
import { BitextError } from '../../errors.ts';
import { layOutBlocks } from './blocks.ts';
import { htmlBlocks } from './html-blocks.ts';
import type { ReadResult, TextBlock } from './types.ts';
import { attribute, childElements, descendants, parseXml, textContent, type XmlElement } from './xml.ts';
import { openZip } from './zip.ts';

const container = 'urn:oasis:names:tc:opendocument:xmlns:container';
const opf = 'http://www.idpf.org/2007/opf';
const dublinCore = 'http://purl.org/dc/elements/1.1/';
const xmlEncryption = 'http://www.w3.org/2001/04/xmlenc#';

/** Reads an EPUB book. @throws BitextError when it is not one, is encrypted, or has no text. */
export function readEpub(bytes: Uint8Array, fileName: string): ReadResult {
  const archive = openZip(bytes, fileName, (name) => /\.(?:x?html?|xml|opf)$/iu.test(name));
  const xml = (name: string): XmlElement | undefined => {
    const text = archive.text(name);
    return text === undefined ? undefined : parseXml(text, `${fileName} (${name})`);
  };
  const encryption = xml('META-INF/encryption.xml');
  const encrypted = encryption ? descendants(encryption, xmlEncryption, 'CipherReference').map((reference) => attribute(reference, '', 'URI') ?? '') : [];
  if (encrypted.some((uri) => !/\.(?:otf|ttf|woff2?)$/iu.test(uri))) {
    throw new BitextError('undecodable', 'the book is encrypted (DRM); the workbench reads only unencrypted EPUB', { file: fileName });
  }
  const rootfile = descendants(xml('META-INF/container.xml') ?? emptyElement, container, 'rootfile')[0];
  const packagePath = rootfile && attribute(rootfile, '', 'full-path');
  const packageDocument = packagePath ? xml(packagePath) : undefined;
  if (!packagePath || !packageDocument) throw new BitextError('undecodable', 'not an EPUB book: META-INF/container.xml names no package document', { file: fileName });

  const folder = packagePath.slice(0, packagePath.lastIndexOf('/') + 1);
  const manifest = new Map<string, string>();
  for (const item of descendants(packageDocument, opf, 'item')) {
    const id = attribute(item, '', 'id');
    const href = attribute(item, '', 'href');
    if (id && href) manifest.set(id, resolveHref(folder, href));
  }
  const blocks: TextBlock[] = [];
  const warnings: string[] = [];
  for (const itemref of descendants(packageDocument, opf, 'itemref')) {
    const path = manifest.get(attribute(itemref, '', 'idref') ?? '');
    const chapter = path ? archive.text(path) : undefined;
    if (chapter === undefined) {
      warnings.push(`${fileName}: the spine names ${path ?? attribute(itemref, '', 'idref')}, which the book lacks; read without it`);
      continue;
    }
    blocks.push(...htmlBlocks(chapter, `${fileName} (${path})`).blocks);
  }
  const { text, paragraphs } = layOutBlocks(blocks, fileName);
  const metadata = childElements(packageDocument, opf, 'metadata')[0];
  const language = metadata && descendants(metadata, dublinCore, 'language')[0];
  const languageHint = language ? textContent(language).trim() : undefined;
  return { format: 'epub', text, paragraphs, encoding: { name: 'utf-8', bom: false, forced: false }, ...(languageHint ? { languageHint } : {}), warnings };
}

const emptyElement: XmlElement = { namespace: '', localName: '', attributes: new Map(), children: [] };

/** A manifest href (relative to the package document, percent-encoded) as an archive entry name. */
function resolveHref(folder: string, href: string): string {
  const parts: string[] = [];
  for (const part of `${folder}${decodeURIComponent(href.split('#')[0]!)}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
