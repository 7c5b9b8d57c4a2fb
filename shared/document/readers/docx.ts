/**
 * Word documents (.docx, Office Open XML). Keeps: the body's paragraphs in
 * document order, each list item, table cell paragraph and heading a paragraph
 * of its own; text boxes after the paragraph that anchors them (marked
 * `text-box`); footnotes and endnotes after the body (marked `footnote`);
 * tracked changes as if accepted (insertions kept, deletions dropped), with
 * a warning saying so.
 * Drops: headers and footers, comments, field codes (their results are kept),
 * deleted text, hidden text (`w:vanish`), and the note reference numbers.
 */
import { BitextError } from '../../errors.ts';
import { layOutBlocks } from './blocks.ts';
import type { ReadResult, TextBlock } from './types.ts';
import { attribute, childElements, descendants, isElement, parseXml, type XmlElement } from './xml.ts';
import { trackedChangesWarning } from './tracked-changes.ts';
import { openZip } from './zip.ts';

const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const markupCompatibility = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const relationships = 'http://schemas.openxmlformats.org/package/2006/relationships';
const officeDocumentType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

/** Elements whose content is not the document's text as accepted. */
const skipped = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'rPr', 'pPr', 'sectPr', 'tblPr', 'trPr', 'tcPr', 'commentReference']);

/** Reads a DOCX file. @throws BitextError when it is not one, or holds no text. */
export function readDocx(bytes: Uint8Array, fileName: string): ReadResult {
  const archive = openZip(bytes, fileName, (name) => name.endsWith('.xml') || name.endsWith('.rels'));
  const part = (name: string): XmlElement | undefined => {
    const text = archive.text(name);
    return text === undefined ? undefined : parseXml(text, `${fileName} (${name})`);
  };
  const mainPart = mainDocumentPart(part('_rels/.rels'));
  const document = part(mainPart);
  if (!document) throw new BitextError('undecodable', `not a Word document: ${mainPart} is missing from the archive`, { file: fileName });
  const body = childElements(document, w, 'body')[0];
  if (!body) throw new BitextError('undecodable', `not a Word document: ${mainPart} has no body`, { file: fileName });

  const blocks: TextBlock[] = [];
  walkBlocks(body, blocks);
  const folder = mainPart.slice(0, mainPart.lastIndexOf('/') + 1);
  for (const [name, noteName] of [['footnotes.xml', 'footnote'], ['endnotes.xml', 'endnote']] as const) {
    const notes = part(`${folder}${name}`);
    if (!notes) continue;
    for (const note of childElements(notes, w, noteName)) {
      const type = attribute(note, w, 'type');
      if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
      const noteBlocks: TextBlock[] = [];
      walkBlocks(note, noteBlocks);
      blocks.push(...noteBlocks.map((block) => ({ text: block.text, mark: 'footnote' as const })));
    }
  }
  const { text, paragraphs } = layOutBlocks(blocks, fileName);
  const languageHint = defaultLanguage(part(`${folder}styles.xml`));
  const changes = (name: string) => descendants(body, w, name).length;
  const warning = trackedChangesWarning(fileName, changes('ins') + changes('moveTo'), changes('del') + changes('moveFrom'));
  return { format: 'docx', text, paragraphs, encoding: { name: 'utf-8', bom: false, forced: false }, ...(languageHint ? { languageHint } : {}), warnings: warning ? [warning] : [] };
}

/** The main document part named by the package relationships; `word/document.xml` by default. */
function mainDocumentPart(rels: XmlElement | undefined): string {
  const relationship = rels && childElements(rels, relationships, 'Relationship').find((element) => attribute(element, '', 'Type') === officeDocumentType);
  const target = relationship && attribute(relationship, '', 'Target');
  return target ? target.replace(/^\//u, '') : 'word/document.xml';
}

/** Paragraphs under `element` in document order, as blocks; text boxes after their anchor paragraph. */
function walkBlocks(element: XmlElement, blocks: TextBlock[]): void {
  for (const child of element.children) {
    if (typeof child === 'string' || child.namespace === w && skipped.has(child.localName)) continue;
    if (isElement(child, w, 'p')) {
      const boxes: TextBlock[] = [];
      blocks.push({ text: paragraphText(child, boxes) });
      blocks.push(...boxes);
    } else if (isElement(child, markupCompatibility, 'AlternateContent')) {
      walkBlocks(preferredChoice(child), blocks);
    } else {
      walkBlocks(child, blocks);
    }
  }
}

/** The text of a paragraph; the paragraphs of text boxes inside it go to `boxes`. */
function paragraphText(paragraph: XmlElement, boxes: TextBlock[]): string {
  let text = '';
  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      if (child.namespace === w) {
        if (skipped.has(child.localName)) continue;
        switch (child.localName) {
          case 't':
            text += child.children.filter((node) => typeof node === 'string').join('');
            continue;
          case 'tab':
          case 'br':
          case 'cr':
            text += ' ';
            continue;
          case 'noBreakHyphen':
            text += '\u2011';
            continue;
          case 'r':
            // Hidden text (w:vanish) is not part of the document as printed.
            if (isHiddenRun(child)) continue;
            break;
          case 'txbxContent': {
            const inner: TextBlock[] = [];
            walkBlocks(child, inner);
            boxes.push(...inner.map((block) => ({ text: block.text, mark: 'text-box' as const })));
            continue;
          }
        }
      }
      if (isElement(child, markupCompatibility, 'AlternateContent')) visit(preferredChoice(child));
      else visit(child);
    }
  };
  visit(paragraph);
  return text;
}

function isHiddenRun(run: XmlElement): boolean {
  const properties = childElements(run, w, 'rPr')[0];
  const vanish = properties && childElements(properties, w, 'vanish')[0];
  return vanish !== undefined && !['0', 'false', 'off'].includes(attribute(vanish, w, 'val') ?? 'true');
}

/** Word writes a text box twice (a DrawingML choice and a VML fallback); read one. */
function preferredChoice(alternate: XmlElement): XmlElement {
  return childElements(alternate, markupCompatibility, 'Choice')[0] ?? childElements(alternate, markupCompatibility, 'Fallback')[0] ?? alternate;
}

/** The default language in styles.xml (`w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val`). */
function defaultLanguage(styles: XmlElement | undefined): string | undefined {
  const defaults = styles && childElements(styles, w, 'docDefaults')[0];
  const runDefaults = defaults && childElements(defaults, w, 'rPrDefault')[0];
  const properties = runDefaults && childElements(runDefaults, w, 'rPr')[0];
  const language = properties && childElements(properties, w, 'lang')[0];
  return language && attribute(language, w, 'val');
}
