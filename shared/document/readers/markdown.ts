/**
 * Markdown (.md, .markdown), through mdast-util-from-markdown (CommonMark).
 * Keeps: the text of paragraphs, headings, list items' paragraphs, block
 * quotes' paragraphs and code blocks, one block each, with emphasis, links and
 * inline code read as their text. Drops: the markup characters, link targets,
 * images, raw HTML, thematic breaks and link definitions.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { EncodingName } from '../../model/document.ts';
import { decodeBytes } from '../../text/decode.ts';
import { layOutBlocks } from './blocks.ts';
import type { ReadResult, TextBlock } from './types.ts';

/** An mdast node, as far as this module reads it. */
interface MarkdownNode {
  readonly type: string;
  readonly value?: string;
  readonly children?: readonly MarkdownNode[];
}

const blockTypes = new Set(['paragraph', 'heading', 'code', 'tableCell']);
const droppedTypes = new Set(['html', 'image', 'imageReference', 'definition', 'thematicBreak', 'footnoteDefinition']);

/** Reads a Markdown document. @throws BitextError when it cannot be decoded or has no text. */
export function readMarkdown(bytes: Uint8Array, fileName: string, forcedEncoding?: EncodingName): ReadResult {
  const decoded = decodeBytes(bytes, fileName, forcedEncoding);
  const tree = fromMarkdown(decoded.text) as MarkdownNode;
  const blocks: TextBlock[] = [];
  const visit = (node: MarkdownNode) => {
    for (const child of node.children ?? []) {
      if (droppedTypes.has(child.type)) continue;
      if (blockTypes.has(child.type)) blocks.push({ text: inlineText(child) });
      else visit(child);
    }
  };
  visit(tree);
  const { text, paragraphs } = layOutBlocks(blocks, fileName);
  return { format: 'markdown', text, paragraphs, encoding: decoded.encoding, warnings: decoded.warnings };
}

function inlineText(node: MarkdownNode): string {
  if (droppedTypes.has(node.type)) return '';
  if (node.type === 'break') return ' ';
  if (node.value !== undefined) return node.value;
  return (node.children ?? []).map(inlineText).join('');
}
