/**
 * An alignment made from a bilingual file (XLIFF, TMX) carried over onto a
 * new version of that file. Both documents come from the one file, so both
 * are rebased (shared/edits/rebase.ts: each side's old paragraphs followed
 * into its new text through a diff, links kept where their paragraphs still
 * continue, the reviewer's statuses and notes with them). Then the file's own
 * links are used where the diff can say nothing: a unit whose paragraphs are
 * all new on both sides (a unit added to the file) becomes one link with the
 * file's status, instead of two unlinked paragraphs.
 */
import type { Alignment, Link, Side } from '../model/alignment.ts';
import type { DecodedEncoding } from '../model/document.ts';
import { rebaseDocument, type RebaseReport } from '../edits/rebase.ts';
import { sortLinks } from '../edits/sort-links.ts';
import type { BilingualRead } from './readers/bilingual.ts';
import { sha256Hex } from './load.ts';

/** What rebasing onto the new file did. */
export interface BilingualRebase {
  readonly alignment: Alignment;
  /** One report per side rebased, in the order given. */
  readonly reports: readonly RebaseReport[];
  /** Units added to the file that became links of their own (indices into `read.units`). */
  readonly linkedUnits: readonly number[];
}

/**
 * Rebases `sides` of `alignment` onto the bilingual file `read` (read from bytes whose SHA-256 is `sha256`,
 * decoded as `encoding`). With both sides, units new on both sides are linked as the file links them. Paragraph
 * languages of the new paragraphs are left for the caller to detect, as `rebaseDocument` leaves them.
 */
export async function rebaseOntoBilingual(
  alignment: Alignment,
  read: BilingualRead,
  sides: readonly Side[],
  file: { readonly sha256: string; readonly encoding: DecodedEncoding },
  now: string,
): Promise<BilingualRebase> {
  let current = alignment;
  const reports: RebaseReport[] = [];
  for (const side of sides) {
    const { text, paragraphs } = read[side];
    const textSha256 = await sha256Hex(new TextEncoder().encode(text));
    const result = rebaseDocument(current, side, text, paragraphs, { now, document: { sha256: file.sha256, textSha256, encoding: file.encoding } });
    current = result.alignment;
    reports.push(result.report);
  }
  const source = reports.find((report) => report.side === 'source');
  const target = reports.find((report) => report.side === 'target');
  if (!source || !target) return { alignment: current, reports, linkedUnits: [] };
  const { links, linkedUnits } = linkAddedUnits(current.links, read, new Set(source.added), new Set(target.added));
  return { alignment: linkedUnits.length > 0 ? { ...current, links } : current, reports, linkedUnits };
}

/**
 * The file's links for units whose paragraphs are all new on both sides: the one-sided links the rebase gave
 * those paragraphs are replaced by the unit's link, unless it would cross a link kept from before (a unit the
 * file moved: the reviewer's links win, the paragraphs stay unlinked for the reviewer to see).
 */
function linkAddedUnits(
  links: readonly Link[],
  read: BilingualRead,
  addedSource: ReadonlySet<number>,
  addedTarget: ReadonlySet<number>,
): { links: Link[]; linkedUnits: number[] } {
  let next = [...links];
  const linkedUnits: number[] = [];
  read.units.forEach((unit, index) => {
    if (unit.source.length === 0 || unit.target.length === 0) return;
    if (!unit.source.every((paragraph) => addedSource.has(paragraph)) || !unit.target.every((paragraph) => addedTarget.has(paragraph))) return;
    const crosses = next.some(
      (link) => link.source.length > 0 && link.target.length > 0 && link.source[0]! < unit.source[0]! !== link.target[0]! < unit.target[0]!,
    );
    if (crosses) return;
    const holds = (link: Link) => link.source.some((paragraph) => unit.source.includes(paragraph)) || link.target.some((paragraph) => unit.target.includes(paragraph));
    // A unit is a translation the file's author made: certain as a link, as when the file was first opened.
    next = [...next.filter((link) => !holds(link)), { source: [...unit.source], target: [...unit.target], score: 0, confidence: 1, status: unit.status }];
    linkedUnits.push(index);
  });
  return { links: linkedUnits.length > 0 ? sortLinks(next) : next, linkedUnits };
}
