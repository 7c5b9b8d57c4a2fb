/**
 * The dot plot of an alignment as an SVG string: source paragraphs along x,
 * target paragraphs along y (both from the top-left corner, in reading order),
 * one mark per linked pair of paragraphs, coloured by the link's confidence.
 * A good alignment is a staircase from top left to bottom right; a mark off
 * the staircase, or a gap in it, is where to look.
 *
 * Pure: the report embeds it. Every mark of a link sits in a
 * `<g data-link="i">` (i = the link's 0-based index, for code), so a click
 * handler can jump to the link; axes, tooltips and anchors count from 1, as
 * everything a person reads does.
 */
import type { Alignment, Link } from '../model/alignment.ts';
import { escapeHtml } from './escape.ts';
import { confidenceBands, confidenceColor, displayNumber, displayParagraphs } from '../review/progress.ts';

/** Options of {@link renderDotPlot}. All sizes are in CSS pixels. */
export interface DotPlotOptions {
  /** Largest width of the plot area (the axes and labels come on top). Default 640. */
  readonly maxWidth?: number;
  /** Largest height of the plot area. Default 420. */
  readonly maxHeight?: number;
  /** Largest side of one paragraph's cell. Default 18. */
  readonly maxCell?: number;
  /** Wrap each link's marks in `<a href="#link-n">` (n: the link's number, from 1; the HTML report's rows have those ids). Default `false`. */
  readonly anchors?: boolean;
  /** Axis labels; default `source paragraphs` / `target paragraphs`. */
  readonly sourceLabel?: string;
  readonly targetLabel?: string;
}

/** The report colours links by the app's confidence bands (shared/review/progress.ts), so both read alike. */
export { confidenceBands, confidenceColor };

/**
 * The dot plot of `alignment` as a standalone `<svg>` element.
 *
 * A link with both sides draws one square per (source, target) paragraph pair
 * it joins, filled with its confidence colour; confirmed links get a dark
 * outline, rejected ones are hollow and dashed. A 1:0 link draws a grey tick
 * under the x axis at its source paragraph, a 0:1 link one left of the y axis.
 * Each link's marks carry a `<title>` (the browser's tooltip).
 */
export function renderDotPlot(alignment: Pick<Alignment, 'links' | 'source' | 'target'>, options: DotPlotOptions = {}): string {
  const sourceCount = Math.max(1, alignment.source.paragraphs.length);
  const targetCount = Math.max(1, alignment.target.paragraphs.length);
  const cell = Math.max(0.25, Math.min(options.maxCell ?? 18, (options.maxWidth ?? 640) / sourceCount, (options.maxHeight ?? 420) / targetCount));
  const plotWidth = cell * sourceCount;
  const plotHeight = cell * targetCount;
  const margin = { left: 60, top: 14, right: 12, bottom: 50 };
  const width = Math.ceil(margin.left + plotWidth + margin.right);
  const height = Math.ceil(margin.top + plotHeight + margin.bottom);
  const x = (index: number) => margin.left + index * cell;
  const y = (index: number) => margin.top + index * cell;
  const round = (value: number) => Math.round(value * 100) / 100;
  const parts: string[] = [];

  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="dot-plot" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Dot plot of the alignment: ${alignment.links.length} links between ${alignment.source.paragraphs.length} source and ${alignment.target.paragraphs.length} target paragraphs">`,
    `<rect x="${round(x(0))}" y="${round(y(0))}" width="${round(plotWidth)}" height="${round(plotHeight)}" fill="#fafbfc" stroke="#c9ced6"/>`,
  );

  // Grid and tick labels every `step` paragraphs, at most ~12 labels per axis.
  const step = (count: number) => [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].find((candidate) => count / candidate <= 12) ?? 10000;
  const grid: string[] = [];
  // Paragraph 1, then every multiple of the step (paragraph n sits at index n - 1).
  const ticks = (count: number) => [0, ...Array.from({ length: Math.floor(count / step(count)) }, (_, k) => (k + 1) * step(count) - 1)].filter((index, k, all) => index < count && all.indexOf(index) === k);
  for (const index of ticks(sourceCount)) {
    const center = round(x(index) + cell / 2);
    if (index > 0) grid.push(`<line x1="${round(x(index))}" y1="${round(y(0))}" x2="${round(x(index))}" y2="${round(y(targetCount))}"/>`);
    parts.push(`<text class="tick" x="${center}" y="${round(y(targetCount) + 20)}" text-anchor="middle">${displayNumber(index)}</text>`);
  }
  for (const index of ticks(targetCount)) {
    if (index > 0) grid.push(`<line x1="${round(x(0))}" y1="${round(y(index))}" x2="${round(x(sourceCount))}" y2="${round(y(index))}"/>`);
    parts.push(`<text class="tick" x="${round(x(0) - 14)}" y="${round(y(index) + cell / 2 + 3.5)}" text-anchor="end">${displayNumber(index)}</text>`);
  }
  parts.push(`<g stroke="#e3e6eb" stroke-width="1">${grid.join('')}</g>`);
  parts.push(
    `<text class="axis" x="${round(x(0) + plotWidth / 2)}" y="${height - 8}" text-anchor="middle">${escapeHtml(options.sourceLabel ?? 'source paragraphs')} →</text>`,
    `<text class="axis" transform="translate(10 ${round(y(0) + plotHeight / 2)}) rotate(90)" text-anchor="middle">${escapeHtml(options.targetLabel ?? 'target paragraphs')} →</text>`,
  );

  alignment.links.forEach((link, index) => {
    const marks = linkMarks(link, { x, y, cell, round, sourceCount, targetCount });
    if (marks === '') return;
    const title = `<title>${escapeHtml(describeLink(link, index))}</title>`;
    const group = `<g class="mark status-${link.status}" data-link="${index}">${title}${marks}</g>`;
    parts.push(options.anchors ? `<a href="#link-${displayNumber(index)}">${group}</a>` : group);
  });

  parts.push('</svg>');
  return parts.join('\n');
}

interface Geometry {
  readonly x: (index: number) => number;
  readonly y: (index: number) => number;
  readonly cell: number;
  readonly round: (value: number) => number;
  readonly sourceCount: number;
  readonly targetCount: number;
}

function linkMarks(link: Link, geometry: Geometry): string {
  const { x, y, cell, round, sourceCount, targetCount } = geometry;
  const sources = link.source.filter((index) => index >= 0 && index < sourceCount);
  const targets = link.target.filter((index) => index >= 0 && index < targetCount);
  const tick = Math.max(3, Math.min(6, cell * 0.4));
  if (targets.length === 0) {
    // Untranslated source paragraphs: ticks just below the plot, at their x.
    return sources
      .map((index) => `<rect x="${round(x(index) + cell * 0.15)}" y="${round(y(targetCount) + 2)}" width="${round(cell * 0.7)}" height="${round(tick)}" fill="#9aa3ae"/>`)
      .join('');
  }
  if (sources.length === 0) {
    return targets
      .map((index) => `<rect x="${round(x(0) - 2 - tick)}" y="${round(y(index) + cell * 0.15)}" width="${round(tick)}" height="${round(cell * 0.7)}" fill="#9aa3ae"/>`)
      .join('');
  }
  const color = confidenceColor(link.confidence);
  const inset = Math.min(1.5, cell * 0.1);
  const size = round(cell - 2 * inset);
  const style =
    link.status === 'rejected'
      ? `fill="none" stroke="${color}" stroke-width="1.5" stroke-dasharray="2 1.5"`
      : link.status === 'confirmed'
        ? `fill="${color}" stroke="#1d2430" stroke-width="1.2"`
        : `fill="${color}"`;
  const marks: string[] = [];
  for (const source of sources) {
    for (const target of targets) {
      marks.push(`<rect x="${round(x(source) + inset)}" y="${round(y(target) + inset)}" width="${size}" height="${size}" rx="${round(Math.min(2, cell / 6))}" ${style}/>`);
    }
  }
  return marks.join('');
}

function describeLink(link: Link, index: number): string {
  return `Link ${displayNumber(index)}: source ¶${displayParagraphs(link.source)} → target ¶${displayParagraphs(link.target)}, confidence ${link.confidence.toFixed(2)}, ${link.status}`;
}
