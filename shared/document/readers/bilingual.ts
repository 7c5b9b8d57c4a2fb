/**
 * Bilingual files — XLIFF 1.2, XLIFF 2.x and TMX — read as an already aligned
 * pair: a source and a target document rebuilt from the units (one paragraph a
 * unit on each side, laid out like every markup reader's text), and one link a
 * unit. A unit with no text on one side is a paragraph left unlinked on the other.
 *
 * Status: XLIFF 1.2 `approved="yes"` or a target `state` of `final` or
 * `signed-off`, and XLIFF 2 segments all in state `final`, are `confirmed`;
 * everything else (and every TMX unit: TMX records no status) is `auto`.
 * Inline codes (placeholders, paired tags' native code, sub-flows) are left out
 * of the text; the text inside paired tags (`g`, `pc`, `mrk`, `hi`) is kept.
 */
import { BitextError } from '../../errors.ts';
import type { LinkStatus } from '../../model/alignment.ts';
import { layOutBlocks } from './blocks.ts';
import type { ExtractedParagraph, TextBlock } from './types.ts';
import { attribute, childElements, descendants, parseXml, type XmlElement } from './xml.ts';

const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';
const xliff12 = 'urn:oasis:names:tc:xliff:document:1.2';

/** One side of a bilingual file. */
export interface BilingualSide {
  readonly text: string;
  readonly paragraphs: readonly ExtractedParagraph[];
  /** The language the file declares for this side (BCP-47), if any. */
  readonly language?: string;
}

/** A unit: 0-based paragraph indices on each side (one at most), and its status. */
export interface BilingualUnit {
  readonly source: readonly number[];
  readonly target: readonly number[];
  readonly status: LinkStatus;
}

/** A bilingual file read as a pair. */
export interface BilingualRead {
  readonly format: 'xliff' | 'tmx';
  readonly source: BilingualSide;
  readonly target: BilingualSide;
  readonly units: readonly BilingualUnit[];
}

interface RawUnit {
  readonly source: string;
  readonly target: string;
  readonly status: LinkStatus;
}

/**
 * Reads an XLIFF or TMX file (already decoded) as a pair.
 *
 * @throws BitextError `undecodable` for malformed XML, another root element, or a file with no units.
 */
export function readBilingual(text: string, fileName: string): BilingualRead {
  const root = parseXml(text, fileName);
  if (root.localName === 'xliff') return assemble('xliff', root.namespace === xliff12 || attribute(root, '', 'version')?.startsWith('1') ? readXliff12(root) : readXliff2(root), fileName);
  if (root.localName === 'tmx') return assemble('tmx', readTmx(root), fileName);
  throw new BitextError('undecodable', `not an XLIFF or TMX file (the root element is <${root.localName}>)`, { file: fileName });
}

function readXliff12(root: XmlElement): { units: RawUnit[]; sourceLanguage?: string; targetLanguage?: string } {
  const file = descendants(root, root.namespace, 'file')[0];
  // Units not for translation, and the PO header gettext tools carry over as a unit, are not text of the document.
  const translatable = (unit: XmlElement) => attribute(unit, '', 'translate') !== 'no' && attribute(unit, '', 'restype') !== 'x-gettext-domain-header';
  const units = descendants(root, root.namespace, 'trans-unit').filter(translatable).map((unit): RawUnit => {
    const source = childElements(unit, root.namespace, 'source')[0];
    const target = childElements(unit, root.namespace, 'target')[0];
    const state = target && attribute(target, '', 'state');
    const confirmed = attribute(unit, '', 'approved') === 'yes' || state === 'final' || state === 'signed-off';
    return { source: source ? inlineText(source) : '', target: target ? inlineText(target) : '', status: confirmed ? 'confirmed' : 'auto' };
  });
  return { units, ...languages(file && attribute(file, '', 'source-language'), file && attribute(file, '', 'target-language')) };
}

function readXliff2(root: XmlElement): { units: RawUnit[]; sourceLanguage?: string; targetLanguage?: string } {
  const units = descendants(root, root.namespace, 'unit').filter((unit) => attribute(unit, '', 'translate') !== 'no').map((unit): RawUnit => {
    const parts = childElements(unit).filter((child) => child.localName === 'segment' || child.localName === 'ignorable');
    const side = (name: string) =>
      parts
        .map((part) => childElements(part, root.namespace, name)[0])
        .map((element) => (element ? inlineText(element) : ''))
        .join(' ');
    const segments = parts.filter((part) => part.localName === 'segment');
    const confirmed = segments.length > 0 && segments.every((segment) => attribute(segment, '', 'state') === 'final');
    return { source: side('source'), target: side('target'), status: confirmed ? 'confirmed' : 'auto' };
  });
  return { units, ...languages(attribute(root, '', 'srcLang'), attribute(root, '', 'trgLang')) };
}

function readTmx(root: XmlElement): { units: RawUnit[]; sourceLanguage?: string; targetLanguage?: string } {
  const header = childElements(root, '', 'header')[0];
  const declared = header && attribute(header, '', 'srclang');
  const tuvs = descendants(root, '', 'tu').map((unit) =>
    childElements(unit, '', 'tuv').map((tuv) => ({
      language: attribute(tuv, xmlNamespace, 'lang') ?? attribute(tuv, '', 'lang') ?? '',
      text: childElements(tuv, '', 'seg').map(inlineText).join(' '),
    })),
  );
  const sourceLanguage = declared && declared !== '*all*' ? declared : tuvs[0]?.[0]?.language;
  const same = (a: string, b: string | undefined) => b !== undefined && a.toLowerCase() === b.toLowerCase();
  const targetLanguage = tuvs.flat().find((tuv) => !same(tuv.language, sourceLanguage))?.language;
  const units = tuvs.map((variants): RawUnit => ({
    source: variants.find((tuv) => same(tuv.language, sourceLanguage))?.text ?? '',
    target: variants.find((tuv) => same(tuv.language, targetLanguage))?.text ?? '',
    status: 'auto',
  }));
  return { units, ...languages(sourceLanguage, targetLanguage) };
}

function languages(source: string | undefined, target: string | undefined): { sourceLanguage?: string; targetLanguage?: string } {
  return { ...(source ? { sourceLanguage: source } : {}), ...(target ? { targetLanguage: target } : {}) };
}

/** Elements whose content is native code or a sub-flow, not the segment's text. */
const codeElements = new Set(['ph', 'bpt', 'ept', 'it', 'ut', 'sub', 'x', 'bx', 'ex', 'sc', 'ec', 'sm', 'em', 'cp']);

function inlineText(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : codeElements.has(child.localName) ? '' : inlineText(child))).join('');
}

function assemble(format: 'xliff' | 'tmx', read: { units: RawUnit[]; sourceLanguage?: string; targetLanguage?: string }, fileName: string): BilingualRead {
  const sourceBlocks: TextBlock[] = [];
  const targetBlocks: TextBlock[] = [];
  const units: BilingualUnit[] = [];
  const blank = (text: string) => text.replace(/\s+/gu, '') === '';
  for (const unit of read.units) {
    if (blank(unit.source) && blank(unit.target)) continue;
    const source = blank(unit.source) ? [] : [sourceBlocks.push({ text: unit.source }) - 1];
    const target = blank(unit.target) ? [] : [targetBlocks.push({ text: unit.target }) - 1];
    units.push({ source, target, status: unit.status });
  }
  if (units.length === 0) throw new BitextError('undecodable', `the ${format === 'tmx' ? 'TMX' : 'XLIFF'} file has no units with text`, { file: fileName });
  const side = (blocks: TextBlock[], language: string | undefined, which: string): BilingualSide => {
    if (blocks.length === 0) throw new BitextError('undecodable', `the file has no ${which} text`, { file: fileName });
    return { ...layOutBlocks(blocks, fileName), ...(language ? { language } : {}) };
  };
  return { format, source: side(sourceBlocks, read.sourceLanguage, 'source'), target: side(targetBlocks, read.targetLanguage, 'target'), units };
}
