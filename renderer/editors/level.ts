/**
 * Keeping linked paragraphs level across the two editors: where the blank
 * spacers (Monaco view zones) go and how tall they are. Pure: it reads line
 * positions through a small interface, so it is tested without a browser.
 *
 * Each link that starts something new on the page is a row. A row's anchor on
 * each side is the first line of its first paragraph there; a side the link
 * does not have (an untranslated paragraph) anchors where that side's next
 * paragraph starts. Walking the rows in order, the side whose anchor sits higher
 * gets a spacer just above it, as tall as the difference. The spacer fills for
 * the row before: opposite an untranslated paragraph it is a marked gap, after
 * a link of unequal heights a plain filler. A final spacer makes both editors
 * equally tall, so they can scroll by the same amount.
 *
 * Untranslated paragraphs inside a group (the headline 18 in `17,19-5` with
 * `18-∅`) start no row: the group's row spans them.
 */
import type { Link, Side } from '../../shared/model/alignment.ts';

/** A paragraph's lines in its editor: 1-based, inclusive. */
export interface LineRange {
  readonly first: number;
  readonly last: number;
}

/** Where a row starts on one side: a line number, or past the last line. */
export type Anchor = number | 'end';

/** One row of the side-by-side layout. */
export interface Row {
  /** Index of the link in the alignment. */
  readonly link: number;
  readonly source: Anchor;
  readonly target: Anchor;
  /** The link has no paragraph on this side (untranslated, or added by the translator). */
  readonly sourceEmpty: boolean;
  readonly targetEmpty: boolean;
  /** How many paragraphs the link has on each side. */
  readonly sourceCount: number;
  readonly targetCount: number;
}

/** What a spacer stands for. */
export type GapKind =
  /** Evens out a link whose two sides differ in height. */
  | 'filler'
  /** Opposite original paragraphs that have no translation. */
  | 'untranslated'
  /** Opposite translation paragraphs that have no original. */
  | 'added';

/** A part of a spacer. */
export interface GapSegment {
  readonly kind: GapKind;
  readonly height: number;
  /** For `untranslated` and `added`: how many paragraphs it stands opposite. */
  readonly paragraphs: number;
}

/** A spacer: a Monaco view zone after `afterLine` (0: above the first line). */
export interface Zone {
  readonly side: Side;
  readonly afterLine: number;
  readonly height: number;
  readonly segments: readonly GapSegment[];
}

/** Line positions of one editor without any spacers, in pixels from the top of its content. */
export interface SideMeasure {
  readonly lineCount: number;
  /** Top of model line `line` (1-based). */
  top(line: number): number;
  /** Bottom of the last line. */
  contentBottom(): number;
}

/**
 * The rows of the layout, from the links and each paragraph's lines. Anchors
 * never go back up: a link out of order is drawn level with the one before.
 */
export function layoutRows(links: readonly Pick<Link, 'source' | 'target'>[], sourceLines: readonly LineRange[], targetLines: readonly LineRange[]): Row[] {
  const rows: Row[] = [];
  let nextSource = 0;
  let nextTarget = 0;
  let lastSource: Anchor = 1;
  let lastTarget: Anchor = 1;
  const lineOf = (lines: readonly LineRange[], paragraph: number): Anchor => lines[paragraph]?.first ?? 'end';
  const later = (a: Anchor, b: Anchor): Anchor => (a === 'end' || b === 'end' ? 'end' : Math.max(a, b));

  links.forEach((link, index) => {
    const hasSource = link.source.length > 0;
    const hasTarget = link.target.length > 0;
    if (!hasSource && !hasTarget) return;
    let source: Anchor;
    let target: Anchor;
    if (hasSource && hasTarget) {
      source = lineOf(sourceLines, link.source[0]!);
      target = lineOf(targetLines, link.target[0]!);
    } else if (hasSource) {
      if (link.source[0]! < nextSource) return; // Inside an earlier group's span.
      source = lineOf(sourceLines, link.source[0]!);
      target = lineOf(targetLines, nextTarget);
    } else {
      if (link.target[0]! < nextTarget) return;
      target = lineOf(targetLines, link.target[0]!);
      source = lineOf(sourceLines, nextSource);
    }
    if (hasSource) nextSource = Math.max(nextSource, link.source.at(-1)! + 1);
    if (hasTarget) nextTarget = Math.max(nextTarget, link.target.at(-1)! + 1);
    source = later(source, lastSource);
    target = later(target, lastTarget);
    lastSource = source;
    lastTarget = target;
    rows.push({
      link: index,
      source,
      target,
      sourceEmpty: !hasSource,
      targetEmpty: !hasTarget,
      sourceCount: link.source.length,
      targetCount: link.target.length,
    });
  });
  return rows;
}

/**
 * The spacers that level every row, and the final one that evens the heights.
 * Differences under half a pixel are left alone.
 */
export function levelZones(rows: readonly Row[], measure: { readonly source: SideMeasure; readonly target: SideMeasure }): Zone[] {
  const zones = new Map<string, { side: Side; afterLine: number; segments: GapSegment[] }>();
  const added = { source: 0, target: 0 };
  const position = (side: Side, anchor: Anchor) =>
    (anchor === 'end' ? measure[side].contentBottom() : measure[side].top(anchor)) + added[side];
  const afterLineOf = (side: Side, anchor: Anchor) => (anchor === 'end' ? measure[side].lineCount : anchor - 1);

  let previous: Row | undefined;
  const end: Row = { link: -1, source: 'end', target: 'end', sourceEmpty: false, targetEmpty: false, sourceCount: 0, targetCount: 0 };
  for (const row of [...rows, end]) {
    const source = position('source', row.source);
    const target = position('target', row.target);
    const difference = Math.round(Math.abs(source - target));
    if (difference >= 1) {
      const side: Side = source < target ? 'source' : 'target';
      const oppositeOfEmpty = previous !== undefined && (side === 'source' ? previous.sourceEmpty : previous.targetEmpty);
      const kind: GapKind = oppositeOfEmpty ? (side === 'target' ? 'untranslated' : 'added') : 'filler';
      const paragraphs = kind === 'filler' || !previous ? 0 : side === 'target' ? previous.sourceCount : previous.targetCount;
      const afterLine = afterLineOf(side, side === 'source' ? row.source : row.target);
      const key = `${side}:${afterLine}`;
      const zone = zones.get(key) ?? { side, afterLine, segments: [] };
      zones.set(key, zone);
      const last = zone.segments.at(-1);
      if (last && last.kind === kind) {
        zone.segments[zone.segments.length - 1] = { kind, height: last.height + difference, paragraphs: last.paragraphs + paragraphs };
      } else {
        zone.segments.push({ kind, height: difference, paragraphs });
      }
      added[side] += difference;
    }
    previous = row;
  }
  return [...zones.values()].map((zone) => ({
    side: zone.side,
    afterLine: zone.afterLine,
    height: zone.segments.reduce((sum, segment) => sum + segment.height, 0),
    segments: zone.segments,
  }));
}

/**
 * Line positions without the spacers, from an editor's positions with them:
 * each known spacer above a line is taken off. `top(line)` counts the spacers
 * after lines before `line`, as Monaco's `getTopForLineNumber` does.
 */
export function withoutZones(
  zones: readonly Pick<Zone, 'afterLine' | 'height'>[],
  lineCount: number,
  top: (line: number) => number,
  bottom: (line: number) => number,
): SideMeasure {
  const sorted = [...zones].sort((a, b) => a.afterLine - b.afterLine);
  const above = (line: number) => {
    let sum = 0;
    for (const zone of sorted) {
      if (zone.afterLine >= line) break;
      sum += zone.height;
    }
    return sum;
  };
  return {
    lineCount,
    top: (line) => top(line) - above(line),
    contentBottom: () => bottom(lineCount) - above(lineCount),
  };
}

/** Each paragraph's lines, from its offsets and the editor's offset-to-line conversion. */
export function paragraphLines(
  paragraphs: readonly { readonly start: number; readonly end: number }[],
  lineAt: (offset: number) => number,
): LineRange[] {
  return paragraphs.map((paragraph) => {
    const first = lineAt(paragraph.start);
    const last = paragraph.end > paragraph.start ? lineAt(paragraph.end - 1) : first;
    return { first, last: Math.max(first, last) };
  });
}
