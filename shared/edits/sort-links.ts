/**
 * Document order for links. Every edit ends by sorting, so the list the UI
 * walks (review queue, Ctrl+Enter, export rows) has one canonical order.
 */
import type { Link } from '../model/alignment.ts';

/**
 * Sorts links into document order and returns a new array.
 *
 * Links with both sides are ordered by their first source paragraph (they never
 * cross, so that is also their target order). A link with an empty side goes
 * into the gap after the last two-sided link that starts before it on its own
 * side: source-only links first, then target-only ones, each by first index.
 * So `17,19-5 18-∅` keeps the skipped paragraph right after its group, and the
 * untranslated clutter before the first real link comes first: `0-∅ 1-∅ 11-0`.
 *
 * Stable for equal keys, though sound links never have equal keys.
 */
export function sortLinks<T extends Pick<Link, 'source' | 'target'>>(links: readonly T[]): T[] {
  const full = links.filter((link) => link.source.length > 0 && link.target.length > 0);
  const sourceStarts = full.map((link) => link.source[0]!).sort((a, b) => a - b);
  const targetStarts = full.map((link) => link.target[0]!).sort((a, b) => a - b);
  const keyed = links.map((link, position) => ({ link, position, key: sortKey(link, sourceStarts, targetStarts) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || a.position - b.position);
  return keyed.map(({ link }) => link);
}

/** `[gap, phase, first index]`: gap -1 is before the first two-sided link; phase 0 is the two-sided link itself. */
type SortKey = readonly [number, number, number];

function sortKey(link: Pick<Link, 'source' | 'target'>, sourceStarts: number[], targetStarts: number[]): SortKey {
  const firstSource = link.source[0];
  const firstTarget = link.target[0];
  if (firstSource !== undefined && firstTarget !== undefined) {
    return [countBelow(sourceStarts, firstSource), 0, firstSource];
  }
  if (firstSource !== undefined) return [countBelow(sourceStarts, firstSource) - 1, 1, firstSource];
  if (firstTarget !== undefined) return [countBelow(targetStarts, firstTarget) - 1, 2, firstTarget];
  return [Number.POSITIVE_INFINITY, 3, 0];
}

function compareKeys(a: SortKey, b: SortKey): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** How many of the sorted `values` are below `value` (binary search). */
function countBelow(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
