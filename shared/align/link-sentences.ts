/**
 * Sentence alignments of an alignment's links (sentence-align.ts), from the
 * alignment value itself: its documents' paragraph texts and effective
 * languages. Used by the exports (every link) and by the app's sentence panel
 * (the links around the one under the caret). A link that stores sentence
 * pairs a reviewer fixed (`Link.sentences`) gives those, whatever the rules.
 */
import type { Alignment, StoredSentences } from '../model/alignment.ts';
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

/** The sentence alignment of every link with both sides, by link index: stored where a reviewer fixed it, else computed. */
export function sentencesOfLinks(alignment: Alignment, rules?: SegmentationRules): Map<number, LinkSentences> {
  // Every link computed, those that store their pairs too, so that a fix on one link never changes another's pairs.
  const blocks = alignSentences(sentenceSide(alignment.source), sentenceSide(alignment.target), alignment.links, rules ? { rules } : {});
  const result = new Map(blocks.map((block) => [block.link, block]));
  alignment.links.forEach((link, index) => {
    if (link.sentences) result.set(index, storedBlock(index, link.sentences));
  });
  return new Map([...result].sort((a, b) => a[0] - b[0]));
}


/** Stored sentence pairs in the aligner's shape; `score` is 0, as for a link no aligner judged. */
export function storedBlock(link: number, stored: StoredSentences): LinkSentences {
  return {
    link,
    sourceSentences: stored.source,
    targetSentences: stored.target,
    links: stored.pairs.map((pair) => ({ source: pair.source, target: pair.target, score: 0, confidence: pair.confidence, ...(pair.status !== 'auto' ? { status: pair.status } : {}) })),
  };
}

/** Sentence pairs as a link stores them, from the aligner's: every pair `auto` with the aligner's confidence. */
export function toStoredSentences(block: LinkSentences): StoredSentences {
  return {
    source: block.sourceSentences,
    target: block.targetSentences,
    pairs: block.links.map((pair) => ({ source: pair.source, target: pair.target, confidence: pair.confidence, status: pair.status ?? 'auto' })),
  };
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
  if (chosen.sentences) return storedBlock(link, chosen.sentences);
  const from = Math.max(0, link - neighbourhood);
  const to = Math.min(alignment.links.length, link + neighbourhood + 1);
  // Links that store their pairs are computed too: the models are fitted to every link around, so a fix on one
  // link never changes the pairs computed for another.
  const blocks = alignSentences(sentenceSide(alignment.source), sentenceSide(alignment.target), alignment.links.slice(from, to), rules ? { rules } : {});
  const block = blocks.find((candidate) => candidate.link === link - from);
  return block ? { ...block, link } : undefined;
}
