/**
 * Where a sentence may be cut in two (Shift+S in the sentence panel): at the
 * start of a word, or of a letter (a grapheme cluster, so a Thai tone mark
 * stays on its consonant), never where one part would hold only white space.
 * Words come from `Intl.Segmenter`, which finds Thai, Lao, Khmer, Burmese and
 * CJK words by dictionary, so a cut falls between words in any script.
 * Pure (no DOM): the panel draws the cut, this says where it may go.
 */

/** The unit a cut moves by. */
export type CutUnit = 'word' | 'grapheme';

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string, unit: CutUnit): Intl.Segmenter {
  const key = `${unit}:${language}`;
  let found = segmenters.get(key);
  if (!found) {
    const supported = language !== 'und' && Intl.Segmenter.supportedLocalesOf([language]).length > 0;
    found = new Intl.Segmenter(supported ? language : undefined, { granularity: unit });
    segmenters.set(key, found);
  }
  return found;
}

/**
 * The offsets in `text` (one sentence) where a cut may go, ascending: each is
 * where the second part starts, after any white space (a cut before or after
 * a space is the same cut). Empty when the sentence is one word (or letter).
 */
export function cutPositions(text: string, language: string, unit: CutUnit): number[] {
  const positions = new Set<number>();
  for (const segment of segmenter(language, unit).segment(text)) {
    if (segment.index === 0) continue;
    let at = segment.index;
    while (at < text.length && /\s/u.test(text[at]!)) at++;
    if (at >= text.length || text.slice(0, at).trim().length === 0) continue;
    positions.add(at);
  }
  return [...positions].sort((a, b) => a - b);
}

/** The position nearest `target` (the earlier one on a tie), or undefined when there is none. */
export function nearestPosition(positions: readonly number[], target: number): number | undefined {
  let best: number | undefined;
  for (const position of positions) {
    if (best === undefined || Math.abs(position - target) < Math.abs(best - target)) best = position;
  }
  return best;
}

/**
 * The position `step` places after `current` (negative: before; ±Infinity:
 * the last or the first), or undefined when there is none that way.
 */
export function stepPosition(positions: readonly number[], current: number, step: number): number | undefined {
  if (step === Infinity) return positions.at(-1);
  if (step === -Infinity) return positions[0];
  if (step > 0) return positions.filter((position) => position > current)[step - 1];
  return positions.filter((position) => position < current).at(step);
}
