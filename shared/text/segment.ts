/**
 * Words through `Intl.Segmenter`, which knows Thai, Chinese and
 * Japanese word boundaries that a space-splitter cannot see.
 */

const wordSegmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(locale: string): Intl.Segmenter {
  let segmenter = wordSegmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale === 'und' ? undefined : locale, { granularity: 'word' });
    wordSegmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** The words of `text` (punctuation and spaces left out), segmented by the rules of `locale` (BCP-47). */
export function words(text: string, locale: string): string[] {
  const out: string[] = [];
  for (const segment of wordSegmenter(locale).segment(text)) {
    if (segment.isWordLike) out.push(segment.segment);
  }
  return out;
}

/** Offsets where the words of `text` start (punctuation and spaces left out), ascending. */
export function wordStarts(text: string, locale: string): number[] {
  const out: number[] = [];
  for (const segment of wordSegmenter(locale).segment(text)) {
    if (segment.isWordLike) out.push(segment.index);
  }
  return out;
}

/** `[start, end)` of the words of `text` (punctuation and spaces left out), in order. */
export function wordSpans(text: string, locale: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const segment of wordSegmenter(locale).segment(text)) {
    if (segment.isWordLike) out.push({ start: segment.index, end: segment.index + segment.segment.length });
  }
  return out;
}
