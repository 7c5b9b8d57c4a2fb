/**
 * OpenDocument text (.odt). Keeps: paragraphs and headings of the body in
 * document order (list items and table cells are paragraphs of their own);
 * frames and text boxes after the paragraph that anchors them (marked
 * `text-box`); footnotes and endnotes after the body (marked `footnote`);
 * tracked changes as if accepted (the body holds inserted text; deleted text
 * sits in the change log, which is skipped), with a warning saying so. Drops: headers and footers (they
 * live in styles.xml), comments (office:annotation), note citations.
 */
import { BitextError } from '../../errors.ts';
import { layOutBlocks } from './blocks.ts';
import type { ReadResult, TextBlock } from './types.ts';
import { attribute, childElements, descendants, isElement, parseXml, textContent, type XmlElement } from './xml.ts';
import { trackedChangesWarning } from './tracked-changes.ts';
import { openZip } from './zip.ts';

const office = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const textNs = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const draw = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';
const manifestNs = 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0';
const dublinCore = 'http://purl.org/dc/elements/1.1/';

/** Elements of the text namespace whose content is not the document's text. */
const skippedText = new Set(['tracked-changes', 'note-citation', 'sequence-decls', 'variable-decls', 'user-field-decls', 'alphabetical-index-mark', 'bookmark-ref']);

/** Reads an ODT file. @throws BitextError when it is not one, is encrypted, or holds no text. */
export function readOdt(bytes: Uint8Array, fileName: string): ReadResult {
  const archive = openZip(bytes, fileName, (name) => name === 'content.xml' || name === 'meta.xml' || name === 'META-INF/manifest.xml' || name === 'mimetype');
  const part = (name: string): XmlElement | undefined => {
    const text = archive.text(name);
    return text === undefined ? undefined : parseXml(text, `${fileName} (${name})`);
  };
  const manifest = part('META-INF/manifest.xml');
  if (manifest && descendants(manifest, manifestNs, 'encryption-data').length > 0) {
    throw new BitextError('undecodable', 'the document is password-protected; save a copy without a password to open it', { file: fileName });
  }
  const content = part('content.xml');
  const body = content && childElements(content, office, 'body')[0];
  const textBody = body && childElements(body, office, 'text')[0];
  if (!textBody) throw new BitextError('undecodable', 'not an OpenDocument text: content.xml has no office:text body', { file: fileName });

  const blocks: TextBlock[] = [];
  const notes: TextBlock[] = [];
  walkBlocks(textBody, blocks, notes);
  blocks.push(...notes);
  const { text, paragraphs } = layOutBlocks(blocks, fileName);
  const meta = part('meta.xml');
  const language = meta && descendants(meta, dublinCore, 'language')[0];
  const languageHint = language ? textContent(language).trim() : undefined;
  const regions = descendants(textBody, textNs, 'changed-region');
  const count = (name: string) => regions.filter((region) => childElements(region, textNs, name).length > 0).length;
  const warning = trackedChangesWarning(fileName, count('insertion'), count('deletion'));
  return { format: 'odt', text, paragraphs, encoding: { name: 'utf-8', bom: false, forced: false }, ...(languageHint ? { languageHint } : {}), warnings: warning ? [warning] : [] };
}

function walkBlocks(element: XmlElement, blocks: TextBlock[], notes: TextBlock[]): void {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.namespace === textNs && skippedText.has(child.localName)) continue;
    if (isElement(child, office, 'annotation') || isElement(child, office, 'forms')) continue;
    if (isElement(child, textNs, 'p') || isElement(child, textNs, 'h')) {
      const boxes: TextBlock[] = [];
      blocks.push({ text: paragraphText(child, boxes, notes) });
      blocks.push(...boxes);
    } else {
      walkBlocks(child, blocks, notes);
    }
  }
}

function paragraphText(paragraph: XmlElement, boxes: TextBlock[], notes: TextBlock[]): string {
  let text = '';
  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (typeof child === 'string') {
        text += child;
        continue;
      }
      if (child.namespace === textNs) {
        if (skippedText.has(child.localName)) continue;
        if (child.localName === 's') {
          text += ' '.repeat(Number(attribute(child, textNs, 'c') ?? '1') || 1);
          continue;
        }
        if (child.localName === 'tab' || child.localName === 'line-break') {
          text += ' ';
          continue;
        }
        if (child.localName === 'note') {
          const body = childElements(child, textNs, 'note-body')[0];
          if (body) {
            const inner: TextBlock[] = [];
            walkBlocks(body, inner, notes);
            notes.push(...inner.map((block) => ({ text: block.text, mark: 'footnote' as const })));
          }
          continue;
        }
      }
      if (isElement(child, office, 'annotation') || isElement(child, office, 'annotation-end')) continue;
      if (isElement(child, draw, 'frame')) {
        const inner: TextBlock[] = [];
        walkBlocks(child, inner, notes);
        boxes.push(...inner.map((block) => ({ text: block.text, mark: 'text-box' as const })));
        continue;
      }
      visit(child);
    }
  };
  visit(paragraph);
  return text;
}
