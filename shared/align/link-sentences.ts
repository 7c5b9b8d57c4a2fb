/**
 * Sentence alignments of an alignment's links (sentence-align.ts), from the
 * alignment value itself: its documents' paragraph texts and effective
 * languages. Used by the exports (every link) and by the app's sentence panel
 * (the links around the one under the caret).
 */
import type { Alignment } from '../model/alignment.ts';
import { effectiveLanguage, paragraphText, type BitextDocument } from '../model/document.ts';
import type { SegmentationRules } from '../text/sentences.ts';
import { alignSentences, type LinkSentences, type SentenceSide } from './sentence-align.ts';

/** A document's paragraphs as the sentence aligner reads them: the texts exports write, and the effective language. */
export function sentenceSide(document: BitextDocument): SentenceSide {
  return {
    texts: document.paragraphs.map((_, index) => paragraphText(document, index)),
    language: effectiveLanguage(document.language).iso6393,
  };
}

/** The sentence alignment of every link with both sides, by link index. */
export function sentencesOfLinks(alignment: Alignment, rules?: SegmentationRules): Map<number, LinkSentences> {
  const blocks = alignSentences(sentenceSide(alignment.source), sentenceSide(alignment.target), alignment.links, rules ? { rules } : {});
  return new Map(blocks.map((block) => [block.link, block]));
}

/** Links on each side of the chosen one whose sentences inform its length model and anchor rarities. */
const neighbourhood = 40;

/**
 * The sentence alignment of link `link` alone, its models fitted to the links
 * around it (up to {@link neighbourhood} on each side) rather than to the whole
 * pair, so the cost stays the same on a 30,000-paragraph pair. Undefined for
 * an untranslated link or an index out of range. On a pair of no more than
 * 81 links the result is the one an export computes.
 */
export function sentencesOfLink(alignment: Alignment, link: number, rules?: SegmentationRules): LinkSentences | undefined {
  const chosen = alignment.links[link];
  if (!chosen || chosen.source.length === 0 || chosen.target.length === 0) return undefined;
  const from = Math.max(0, link - neighbourhood);
  const to = Math.min(alignment.links.length, link + neighbourhood + 1);
  const blocks = alignSentences(sentenceSide(alignment.source), sentenceSide(alignment.target), alignment.links.slice(from, to), rules ? { rules } : {});
  const block = blocks.find((candidate) => candidate.link === link - from);
  return block ? { ...block, link } : undefined;
}
