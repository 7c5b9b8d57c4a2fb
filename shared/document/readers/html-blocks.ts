/**
 * The visible text of an HTML document as blocks, through parse5 (the HTML5
 * parsing algorithm browsers use). Shared by the HTML and EPUB readers.
 *
 * Keeps: the text of block elements (paragraphs, headings, list items, table
 * cells, captions, quotations, preformatted text), one block each; `<br>` ends
 * a block. Page furniture — `nav`, `aside`, and `header`/`footer` that are not
 * inside an article or section (and the ARIA roles of the same) — is kept but
 * marked `furniture`. Drops: `<head>` (its `<title>` included), script, style,
 * template, noscript, embedded objects, form controls' values, and hidden
 * elements (`hidden`, `aria-hidden="true"`, an inline `display: none` or
 * `visibility: hidden`). Image alt text is left out.
 */
import { parse } from 'parse5';
import { BitextError } from '../../errors.ts';
import type { ParagraphMark, TextBlock } from './types.ts';

/** A parse5 node, as far as this module reads it. */
interface HtmlNode {
  readonly nodeName: string;
  readonly tagName?: string;
  readonly value?: string;
  readonly attrs?: readonly { readonly name: string; readonly value: string }[];
  readonly childNodes?: readonly HtmlNode[];
}

/** What an HTML document yields: blocks, and what it declares about itself. */
export interface HtmlContent {
  readonly blocks: TextBlock[];
  /** `<html lang>` (or `xml:lang`). */
  readonly language?: string;
}

/**
 * The most tags a page may have. A long news page has some 30,000 and a whole
 * book some 300,000; past this, parse5's tree would take seconds and gigabytes
 * (20 MiB of nested `<div>` took 23 s and 2.9 GB here) for no text worth aligning.
 */
const maxTags = 500_000;

/** Start and end tags, comments and doctypes: every `<` followed by a letter, `/` or `!`. */
function countTags(text: string): number {
  let count = 0;
  for (let index = text.indexOf('<'); index !== -1; index = text.indexOf('<', index + 1)) {
    const next = text.charCodeAt(index + 1);
    if (next === 0x2f || next === 0x21 || (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a)) count++;
  }
  return count;
}

/** How deep elements may nest. */
const maxDepth = 1000;
const dropped = new Set(['head', 'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'select', 'textarea', 'button', 'input', 'audio', 'video', 'map']);
const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'legend', 'menu',
]);
const furnitureRoles = new Set(['navigation', 'banner', 'contentinfo', 'complementary']);
const sectioning = new Set(['article', 'section', 'main']);

/**
 * Reads the blocks of the HTML `text` read from `fileName`.
 *
 * @throws BitextError for elements nested deeper than {@link maxDepth} (no page needs it; the walk recurses).
 */
export function htmlBlocks(text: string, fileName: string): HtmlContent {
  const tags = countTags(text);
  if (tags > maxTags) {
    throw new BitextError('too-large', `the page has ${tags.toLocaleString('en')} tags; the workbench reads pages of up to ${maxTags.toLocaleString('en')}`, { file: fileName });
  }
  const document = parse(text) as unknown as HtmlNode;
  const blocks: TextBlock[] = [];
  let current = '';
  let currentMark: ParagraphMark | undefined;
  const flush = () => {
    if (current.trim() !== '') blocks.push({ text: current, ...(currentMark ? { mark: currentMark } : {}) });
    current = '';
  };
  const visit = (node: HtmlNode, furniture: boolean, inSection: boolean, depth: number) => {
    if (depth > maxDepth) throw new BitextError('undecodable', `the page's elements nest deeper than ${maxDepth}; refused`, { file: fileName });
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#text') {
        if (current.trim() === '') currentMark = furniture ? 'furniture' : undefined;
        current += child.value ?? '';
        continue;
      }
      const tag = child.tagName;
      if (!tag || dropped.has(tag) || isHidden(child)) continue;
      if (tag === 'br') {
        flush();
        continue;
      }
      const role = attributeOf(child, 'role');
      const isFurniture =
        furniture || tag === 'nav' || tag === 'aside' || ((tag === 'header' || tag === 'footer') && !inSection) || (role !== undefined && furnitureRoles.has(role));
      const block = blockElements.has(tag);
      if (block) flush();
      visit(child, isFurniture, inSection || sectioning.has(tag), depth + 1);
      if (block) flush();
    }
  };
  visit(document, false, false, 0);
  flush();
  const html = (document.childNodes ?? []).find((node) => node.tagName === 'html');
  const language = html && (attributeOf(html, 'lang') ?? attributeOf(html, 'xml:lang'));
  return { blocks, ...(language?.trim() ? { language: language.trim() } : {}) };
}

function attributeOf(node: HtmlNode, name: string): string | undefined {
  return node.attrs?.find((attribute) => attribute.name === name)?.value;
}

function isHidden(node: HtmlNode): boolean {
  if (attributeOf(node, 'hidden') !== undefined) return true;
  if (attributeOf(node, 'aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const style = attributeOf(node, 'style')?.toLowerCase().replace(/\s+/gu, '');
  return style !== undefined && /(?:^|;)(?:display:none|visibility:hidden)(?:;|!|$)/u.test(style);
}
