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

/**
 * The guide's target position at increasing source positions, interpolating
 * between its vertices: the points (sorted, increasing) that advance on both
 * sides, from (0, 0) to the grid's far corner. The vertices are typed arrays
 * and the segment a moving index: a band is built for every pass and retry.
 */
class Guide {
  private readonly sources: Float64Array;
  private readonly targets: Float64Array;
  private readonly last: number;
  private segment = 0;

  constructor(
    points: readonly GuidePoint[],
    private readonly sourceCount: number,
    private readonly targetCount: number,
  ) {
    const sources = new Float64Array(points.length + 2);
    const targets = new Float64Array(points.length + 2);
    let count = 1;
    for (let index = 0; index < points.length; index++) {
      const point = points[index]!;
      if (point.source > sources[count - 1]! && point.target > targets[count - 1]! && point.source < sourceCount && point.target < targetCount) {
        sources[count] = point.source;
        targets[count] = point.target;
        count++;
      }
    }
    sources[count] = sourceCount;
    targets[count] = targetCount;
    this.sources = sources;
    this.targets = targets;
    this.last = count;
  }

  /** The target position at `x`; callers ask for nearly increasing x, so the whole sweep is linear. */
  at(x: number): number {
    if (x <= 0) return 0;
    if (x >= this.sourceCount) return this.targetCount;
    const sources = this.sources;
    let segment = this.segment;
    while (segment > 0 && sources[segment]! > x) segment--;
    while (segment < this.last - 1 && sources[segment + 1]! < x) segment++;
    this.segment = segment;
    const fromSource = sources[segment]!;
    const fromTarget = this.targets[segment]!;
    const toTarget = this.targets[segment + 1]!;
    const span = sources[segment + 1]! - fromSource;
    return span <= 0 ? toTarget : fromTarget + ((x - fromSource) / span) * (toTarget - fromTarget);
  }
}

/**
 * The band of nodes within `halfWidth` paragraphs (on either axis) of the
 * guide through `points`. `halfWidth` may be one number or one per source
 * position (widened only where the path needs room).
 */
export function bandAround(points: readonly GuidePoint[], sourceCount: number, targetCount: number, halfWidth: number | Int32Array): Band {
  const lowGuide = new Guide(points, sourceCount, targetCount);
  const highGuide = new Guide(points, sourceCount, targetCount);
  const widths = typeof halfWidth === 'number' ? new Int32Array(sourceCount + 1).fill(halfWidth) : halfWidth;
  const low = new Int32Array(sourceCount + 1);
  const high = new Int32Array(sourceCount + 1);
  for (let row = 0; row <= sourceCount; row++) {
    const width = widths[row]!;
    // Within the width on the source axis as well: a steep guide stretch (target paragraphs with no source) widens the row.
    low[row] = Math.max(0, Math.floor(lowGuide.at(row - width)) - width);
    high[row] = Math.min(targetCount, Math.ceil(highGuide.at(row + width)) + width);
  }
  // Bounds must never decrease with the row, or a widened row would hang unconnected.
  for (let row = sourceCount - 1; row >= 0; row--) low[row] = Math.min(low[row]!, low[row + 1]!);
  for (let row = 1; row <= sourceCount; row++) high[row] = Math.max(high[row]!, high[row - 1]!);
  const rowStart = new Int32Array(sourceCount + 2);
  let cells = 0;
  let widest = 0;
  for (let row = 0; row <= sourceCount; row++) {
    rowStart[row] = cells;
    cells += high[row]! - low[row]! + 1;
    widest = Math.max(widest, widths[row]!);
  }
  rowStart[sourceCount + 1] = cells;
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
