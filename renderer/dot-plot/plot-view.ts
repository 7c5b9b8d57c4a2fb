/**
 * The geometry of the app's dot plot, without the DOM: which part of the
 * pair is in view (paragraph coordinates of the top-left corner and the
 * pixels per paragraph), zooming about a point, panning, the tick numbers of
 * the axes, and which link a point is on. Source paragraphs run along x,
 * target paragraphs down y; paragraph i covers [i, i + 1) on its axis.
 */
import type { Link } from '../../shared/model/alignment.ts';

/** The part of the plot in view. */
export interface PlotView {
  /** Paragraph coordinates (fractional, 0-based) at the top-left corner of the plot area. */
  readonly x: number;
  readonly y: number;
  /** Pixels per paragraph, on both axes (a square cell). */
  readonly scale: number;
}

/** The plot area and the pair's size. */
export interface PlotFrame {
  readonly width: number;
  readonly height: number;
  readonly sources: number;
  readonly targets: number;
}

/** How far one can zoom in: a paragraph's cell at most this many pixels. */
export const maxScale = 48;

/** The whole pair in view. */
export function fitView(frame: PlotFrame): PlotView {
  const scale = Math.min(frame.width / Math.max(1, frame.sources), frame.height / Math.max(1, frame.targets));
  return { x: 0, y: 0, scale: Math.min(maxScale, scale) };
}

/** `view` kept near the pair: no zooming out past the whole, no panning more than half a view past its edges. */
export function clampView(view: PlotView, frame: PlotFrame): PlotView {
  const fit = fitView(frame);
  const scale = Math.max(fit.scale, Math.min(maxScale, view.scale));
  // Where the pair is wider than the view, the view may run past its edges by half its size, no more. Where it is
  // narrower (a long pair in a wide, short panel, at most zooms), a tenth of the pair must stay in view: holding the
  // whole pair in view there would pull the paragraph under the pointer away from it at every notch of the wheel.
  const clampAxis = (value: number, count: number, pixels: number) => {
    const span = pixels / scale;
    const keep = count >= span ? span / 2 : count / 10;
    return Math.max(keep - span, Math.min(value, count - keep));
  };
  return { x: clampAxis(view.x, frame.sources, frame.width), y: clampAxis(view.y, frame.targets, frame.height), scale };
}

/** Zooms by `factor` keeping the paragraph under the point (`px`, `py`, pixels in the plot area) where it is. */
export function zoomAt(view: PlotView, frame: PlotFrame, factor: number, px: number, py: number): PlotView {
  const atX = view.x + px / view.scale;
  const atY = view.y + py / view.scale;
  const scale = Math.max(fitView(frame).scale, Math.min(maxScale, view.scale * factor));
  return clampView({ x: atX - px / scale, y: atY - py / scale, scale }, frame);
}

/** Moves the view by a drag of (`dx`, `dy`) pixels (the content follows the pointer). */
export function panBy(view: PlotView, frame: PlotFrame, dx: number, dy: number): PlotView {
  return clampView({ ...view, x: view.x - dx / view.scale, y: view.y - dy / view.scale }, frame);
}

/** A view with paragraph coordinates (`x`, `y`) in its centre, at the same scale. */
export function centreOn(view: PlotView, frame: PlotFrame, x: number, y: number): PlotView {
  return clampView({ ...view, x: x - frame.width / 2 / view.scale, y: y - frame.height / 2 / view.scale }, frame);
}

/**
 * The 0-based indices to label on an axis in view from `from` to `to`
 * (paragraph coordinates): paragraph numbers (from 1) at a round step that
 * keeps labels `minGap` pixels apart; paragraph n sits at index n - 1.
 */
export function tickIndices(from: number, to: number, scale: number, count: number, minGap = 56): number[] {
  const steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];
  const step = steps.find((candidate) => candidate * scale >= minGap) ?? 100000;
  const first = Math.max(step, Math.ceil((Math.max(0, from) + 1) / step) * step);
  const ticks: number[] = from <= 0.5 ? [0] : [];
  for (let number = first; number - 1 < Math.min(count, to); number += step) ticks.push(number - 1);
  return ticks;
}

/** For each paragraph of one side, the index of the link holding it (-1: none). */
export function linkOfParagraph(links: readonly Pick<Link, 'source' | 'target'>[], side: 'source' | 'target', count: number): Int32Array {
  const map = new Int32Array(count).fill(-1);
  links.forEach((link, index) => {
    for (const paragraph of link[side]) if (paragraph >= 0 && paragraph < count) map[paragraph] = index;
  });
  return map;
}

/**
 * The link with a mark nearest to paragraph coordinates (`x`, `y`), within
 * `radius` paragraphs (a few pixels' worth when zoomed out, so a click at
 * any zoom hits the mark it is on); -1 when none.
 */
export function linkAt(
  links: readonly Pick<Link, 'source' | 'target'>[],
  bySource: Int32Array,
  x: number,
  y: number,
  radius: number,
): number {
  let best = -1;
  let bestDistance = Infinity;
  const from = Math.max(0, Math.floor(x - radius));
  const to = Math.min(bySource.length - 1, Math.floor(x + radius));
  for (let source = from; source <= to; source++) {
    const index = bySource[source]!;
    if (index < 0) continue;
    for (const target of links[index]!.target) {
      const dx = Math.max(0, Math.abs(source + 0.5 - x) - 0.5);
      const dy = Math.max(0, Math.abs(target + 0.5 - y) - 0.5);
      const distance = Math.hypot(dx, dy);
      if (distance <= radius && distance < bestDistance) {
        best = index;
        bestDistance = distance;
      }
    }
  }
  return best;
}
