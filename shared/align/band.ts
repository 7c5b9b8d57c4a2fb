/**
 * The part of the (source × target) grid the search visits: for each source
 * position, a range of target positions around a guide path. Its size is
 * about (source + target paragraphs) × width, so the search stays linear in
 * document length.
 */

/** A point the guide passes through, in search-node coordinates (paragraphs consumed on each side). */
export interface GuidePoint {
  readonly source: number;
  readonly target: number;
}

/**
 * Nodes (i, j), i source and j target paragraphs consumed, with
 * `low[i] ≤ j ≤ high[i]`; both bounds never decrease with i.
 */
export interface Band {
  readonly sourceCount: number;
  readonly targetCount: number;
  readonly low: Int32Array;
  readonly high: Int32Array;
  /** Index of node (i, low[i]) in flat per-node arrays; `rowStart[sourceCount + 1]` is the node count. */
  readonly rowStart: Int32Array;
  readonly cells: number;
  readonly halfWidth: number;
}

/** The guide's target position at source position `x`, interpolating between points (sorted, increasing). */
function makeGuide(points: readonly GuidePoint[], sourceCount: number, targetCount: number): (x: number) => number {
  const vertices: GuidePoint[] = [{ source: 0, target: 0 }];
  for (const point of points) {
    const last = vertices.at(-1)!;
    if (point.source > last.source && point.target > last.target && point.source < sourceCount && point.target < targetCount) {
      vertices.push(point);
    }
  }
  vertices.push({ source: sourceCount, target: targetCount });
  let segment = 0;
  // Callers ask for increasing x, so a moving segment pointer makes the whole sweep linear.
  return (x: number) => {
    if (x <= 0) return 0;
    if (x >= sourceCount) return targetCount;
    while (segment > 0 && vertices[segment]!.source > x) segment--;
    while (segment < vertices.length - 2 && vertices[segment + 1]!.source < x) segment++;
    const from = vertices[segment]!;
    const to = vertices[segment + 1]!;
    const span = to.source - from.source;
    return span <= 0 ? to.target : from.target + ((x - from.source) / span) * (to.target - from.target);
  };
}

/**
 * The band of nodes within `halfWidth` paragraphs (on either axis) of the
 * guide through `points`. `halfWidth` may be one number or one per source
 * position (widened only where the path needs room).
 */
export function bandAround(points: readonly GuidePoint[], sourceCount: number, targetCount: number, halfWidth: number | Int32Array): Band {
  const lowGuide = makeGuide(points, sourceCount, targetCount);
  const highGuide = makeGuide(points, sourceCount, targetCount);
  const widthAt = (row: number) => (typeof halfWidth === 'number' ? halfWidth : halfWidth[row]!);
  const low = new Int32Array(sourceCount + 1);
  const high = new Int32Array(sourceCount + 1);
  for (let row = 0; row <= sourceCount; row++) {
    const width = widthAt(row);
    // Within the width on the source axis as well: a steep guide stretch (target paragraphs with no source) widens the row.
    low[row] = Math.max(0, Math.floor(lowGuide(row - width)) - width);
    high[row] = Math.min(targetCount, Math.ceil(highGuide(row + width)) + width);
  }
  // Bounds must never decrease with the row, or a widened row would hang unconnected.
  for (let row = sourceCount - 1; row >= 0; row--) low[row] = Math.min(low[row]!, low[row + 1]!);
  for (let row = 1; row <= sourceCount; row++) high[row] = Math.max(high[row]!, high[row - 1]!);
  const rowStart = new Int32Array(sourceCount + 2);
  let cells = 0;
  for (let row = 0; row <= sourceCount; row++) {
    rowStart[row] = cells;
    cells += high[row]! - low[row]! + 1;
  }
  rowStart[sourceCount + 1] = cells;
  let widest = 0;
  for (let row = 0; row <= sourceCount; row++) widest = Math.max(widest, widthAt(row));
  return { sourceCount, targetCount, low, high, rowStart, cells, halfWidth: widest };
}

/**
 * Per-row half-widths doubled around the rows where a path ran along the
 * band's edge (within twice the old width of them), the rest kept: the next
 * search gets room where it needs it, and work grows only there.
 */
export function widenAround(widths: Int32Array, edgeRows: readonly number[]): Int32Array {
  const next = Int32Array.from(widths);
  for (const row of edgeRows) {
    const reach = 2 * widths[row]!;
    for (let other = Math.max(0, row - reach); other <= Math.min(widths.length - 1, row + reach); other++) {
      next[other] = Math.max(next[other]!, 2 * widths[row]!);
    }
  }
  return next;
}

/** True when the band holds every node of the grid. */
export function coversGrid(band: Band): boolean {
  for (let row = 0; row <= band.sourceCount; row++) {
    if (band.low[row] !== 0 || band.high[row] !== band.targetCount) return false;
  }
  return true;
}
