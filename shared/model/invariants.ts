/**
 * The rules every alignment keeps: indices in range and sorted, no paragraph in
 * two links, links never crossing. Checked on load, after every edit in tests,
 * and by the property-based tests.
 */
import type { Link } from './alignment.ts';

/** One broken rule, naming the link (by its position in the list) it is about. */
export interface LinkProblem {
  readonly link: number;
  readonly message: string;
}

/**
 * Lists every rule the links break, for documents of `sourceCount` and
 * `targetCount` paragraphs. An empty list means the links are sound.
 *
 * Crossing is judged between links that have both sides: their source ranges
 * and their target ranges must each be disjoint and in the same order. A link
 * with an empty side (1:0 or 0:1) may sit anywhere, even in the gap of a group
 * that skips a paragraph.
 */
export function findLinkProblems(links: readonly Link[], sourceCount: number, targetCount: number): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const owner = { source: new Map<number, number>(), target: new Map<number, number>() };
  links.forEach((link, index) => {
    if (link.source.length === 0 && link.target.length === 0) {
      problems.push({ link: index, message: 'link has no paragraphs on either side' });
    }
    for (const side of ['source', 'target'] as const) {
      const indices = link[side];
      const count = side === 'source' ? sourceCount : targetCount;
      indices.forEach((paragraph, position) => {
        if (!Number.isInteger(paragraph) || paragraph < 0 || paragraph >= count) {
          problems.push({ link: index, message: `${side} paragraph ${paragraph} is out of range (0–${count - 1})` });
        }
        const previous = indices[position - 1];
        if (previous !== undefined && previous >= paragraph) {
          problems.push({ link: index, message: `${side} indices are not sorted and distinct` });
        }
        const other = owner[side].get(paragraph);
        if (other !== undefined) {
          problems.push({ link: index, message: `${side} paragraph ${paragraph} is already in link ${other}` });
        } else {
          owner[side].set(paragraph, index);
        }
      });
    }
    if (!(link.confidence >= 0 && link.confidence <= 1)) {
      problems.push({ link: index, message: `confidence ${link.confidence} is outside [0, 1]` });
    }
  });

  const full = links
    .map((link, index) => ({ index, link }))
    .filter(({ link }) => link.source.length > 0 && link.target.length > 0)
    .sort((a, b) => a.link.source[0]! - b.link.source[0]!);
  for (let i = 1; i < full.length; i++) {
    const before = full[i - 1]!;
    const after = full[i]!;
    const sourceOrdered = before.link.source.at(-1)! < after.link.source[0]!;
    const targetOrdered = before.link.target.at(-1)! < after.link.target[0]!;
    if (!sourceOrdered || !targetOrdered) {
      problems.push({ link: after.index, message: `link crosses or overlaps link ${before.index}` });
    }
  }
  return problems;
}
