/**
 * The dot plot panel: the alignment as a staircase (original paragraphs
 * along x, translation paragraphs down y, one square per linked pair of
 * paragraphs, coloured by the link's confidence band), under the editors.
 *
 * Drawn on a canvas, not as DOM nodes, so a 30,000 × 30,000 pair stays as
 * quick as a small one: only the paragraphs in view are drawn, from an index
 * of the links by original paragraph. The wheel zooms about the pointer,
 * dragging pans, the minimap in the corner shows the whole pair and where
 * the view is (click it to go there), − / + / Fit zoom from the header. A
 * click on a mark puts both editors on its link; the link under the caret is
 * outlined. Axes number paragraphs from 1, as everything a person reads does.
 */
import type { Alignment } from '../../shared/model/alignment.ts';
import { confidenceBand, describeLink, displayNumber } from '../../shared/review/progress.ts';
import { isPaired } from '../state/alignment-index.ts';
import { fileName, h, icon } from '../ui/dom.ts';
import { centreOn, clampView, fitView, linkAt, linkOfParagraph, panBy, tickIndices, zoomAt, type PlotFrame, type PlotView } from './plot-view.ts';

/** What the panel tells its owner. */
export interface DotPlotEvents {
  /** The user clicked a mark of link `link`. */
  onJump(link: number): void;
  /** The user closed the panel. */
  onClose(): void;
}

/** Room around the plot area for the axes' numbers. */
const margin = { left: 46, top: 8, right: 10, bottom: 22 };
/** The minimap's largest size, in CSS pixels. */
const minimapSize = { width: 132, height: 96 };
/** A pointer that moved less than this (pixels) between press and release clicked rather than dragged. */
const clickSlop = 4;

/** The panel, built into `element` (hidden until {@link DotPlotPanel.setVisible}). */
export class DotPlotPanel {
  private readonly area: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly minimap: HTMLCanvasElement;
  private readonly caption: HTMLElement;
  private readonly tooltip: HTMLElement;
  private alignment: Alignment | undefined;
  private bySource: Int32Array = new Int32Array(0);
  private indexedLinks: Alignment['links'] | undefined;
  private view: PlotView | undefined;
  private active = -1;
  private visible = false;
  private frame = 0;
  /** The minimap's picture of the whole pair, redrawn when the links change. */
  private minimapFor: { links: Alignment['links']; width: number; height: number } | undefined;

  constructor(
    private readonly element: HTMLElement,
    private readonly events: DotPlotEvents,
  ) {
    this.caption = h('span', { class: 'panel-caption', 'data-testid': 'dot-plot-caption' });
    this.canvas = h('canvas', { class: 'dot-plot-canvas', 'data-testid': 'dot-plot-canvas', role: 'img', 'aria-label': 'Dot plot of the alignment' });
    this.minimap = h('canvas', { class: 'dot-plot-minimap', 'data-testid': 'dot-plot-minimap', title: 'The whole pair: click to go there' });
    this.tooltip = h('div', { class: 'dot-plot-tooltip', hidden: true });
    this.area = h('div', { class: 'dot-plot-area', 'data-testid': 'dot-plot' }, this.canvas, this.minimap, this.tooltip);
    const legend = h(
      'div',
      { class: 'dot-plot-legend', 'aria-label': 'Legend' },
      h('span', { class: 'legend-item' }, h('span', { class: 'legend-swatch high' }), '≥ 0.8'),
      h('span', { class: 'legend-item' }, h('span', { class: 'legend-swatch medium' }), '0.5–0.8'),
      h('span', { class: 'legend-item' }, h('span', { class: 'legend-swatch low' }), '< 0.5'),
      h('span', { class: 'legend-item' }, h('span', { class: 'legend-swatch confirmed' }), 'confirmed'),
    );
    const tool = (name: string, label: string, run: () => void, testid: string) =>
      h('button', { type: 'button', class: 'tool icon-only', title: label, 'aria-label': label, 'data-testid': testid, onclick: run }, icon(name));
    element.replaceChildren(
      h('div', { class: 'dot-plot-resize', title: 'Drag to resize', 'aria-hidden': 'true' }),
      h(
        'div',
        { class: 'panel-header' },
        icon('graph-scatter'),
        h('span', { class: 'panel-title' }, 'Dot plot'),
        this.caption,
        h('span', { class: 'fill' }),
        legend,
        tool('zoom-out', 'Zoom out', () => this.zoomBy(1 / 2), 'dot-plot-zoom-out'),
        tool('zoom-in', 'Zoom in', () => this.zoomBy(2), 'dot-plot-zoom-in'),
        tool('screen-normal', 'Show the whole pair', () => this.fit(), 'dot-plot-fit'),
        tool('close', 'Close the dot plot', () => events.onClose(), 'dot-plot-close'),
      ),
      this.area,
    );
    this.installPointer();
    new ResizeObserver(() => this.schedule()).observe(this.area);
  }

  /** The resize handle above the panel (the owner makes it a splitter). */
  get resizeHandle(): HTMLElement {
    return this.element.querySelector<HTMLElement>('.dot-plot-resize')!;
  }

  /** Shows or hides the panel; a shown panel draws the latest alignment. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.element.hidden = !visible;
    if (visible) this.schedule();
  }

  /** Whether the panel is shown. */
  isVisible(): boolean {
    return this.visible;
  }

  /** Takes the current alignment (drawn on the next frame, if shown). A new pair starts with the whole of it in view. */
  update(alignment: Alignment | undefined): void {
    const samePair =
      alignment !== undefined &&
      this.alignment !== undefined &&
      alignment.source.paragraphs.length === this.alignment.source.paragraphs.length &&
      alignment.target.paragraphs.length === this.alignment.target.paragraphs.length;
    if (!samePair) this.view = undefined;
    this.alignment = alignment;
    if (this.visible) this.schedule();
  }

  /** Outlines the marks of link `link` (-1: none). */
  setActive(link: number): void {
    if (link === this.active) return;
    this.active = link;
    if (this.visible) this.schedule();
  }

  private plotFrame(): PlotFrame | undefined {
    const alignment = this.alignment;
    if (!alignment) return undefined;
    return {
      width: Math.max(40, this.area.clientWidth - margin.left - margin.right),
      height: Math.max(30, this.area.clientHeight - margin.top - margin.bottom),
      sources: Math.max(1, alignment.source.paragraphs.length),
      targets: Math.max(1, alignment.target.paragraphs.length),
    };
  }

  private currentView(frame: PlotFrame): PlotView {
    this.view = this.view ? clampView(this.view, frame) : fitView(frame);
    return this.view;
  }

  private zoomBy(factor: number, px?: number, py?: number): void {
    const frame = this.plotFrame();
    if (!frame) return;
    this.view = zoomAt(this.currentView(frame), frame, factor, px ?? frame.width / 2, py ?? frame.height / 2);
    this.schedule();
  }

  private fit(): void {
    this.view = undefined;
    this.schedule();
  }

  private installPointer(): void {
    this.canvas.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        const box = this.canvas.getBoundingClientRect();
        // Trackpads send small deltas, mouse wheels about 100 a notch: one notch zooms by about 1.3.
        this.zoomBy(Math.exp(-event.deltaY * 0.0026), event.clientX - box.left - margin.left, event.clientY - box.top - margin.top);
      },
      { passive: false },
    );
    this.canvas.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      const frame = this.plotFrame();
      if (!frame) return;
      this.canvas.setPointerCapture(event.pointerId);
      const start = { x: event.clientX, y: event.clientY, view: this.currentView(frame) };
      let dragged = false;
      const move = (moved: PointerEvent) => {
        const dx = moved.clientX - start.x;
        const dy = moved.clientY - start.y;
        if (!dragged && Math.hypot(dx, dy) < clickSlop) return;
        dragged = true;
        this.canvas.classList.add('dragging');
        this.view = panBy(start.view, frame, dx, dy);
        this.schedule();
      };
      const up = (released: PointerEvent) => {
        this.canvas.removeEventListener('pointermove', move);
        this.canvas.removeEventListener('pointerup', up);
        this.canvas.classList.remove('dragging');
        if (!dragged) {
          const link = this.linkUnder(released);
          if (link >= 0) this.events.onJump(link);
        }
      };
      this.canvas.addEventListener('pointermove', move);
      this.canvas.addEventListener('pointerup', up);
    });
    this.canvas.addEventListener('pointermove', (event) => {
      if (event.buttons !== 0) return;
      const link = this.linkUnder(event);
      const current = link >= 0 ? this.alignment?.links[link] : undefined;
      this.canvas.style.cursor = current ? 'pointer' : '';
      this.tooltip.hidden = !current;
      if (current) {
        const box = this.area.getBoundingClientRect();
        this.tooltip.textContent = `Link ${displayNumber(link)} · ¶ ${describeLink(current)} · confidence ${current.confidence.toFixed(2)} · ${current.status}`;
        this.tooltip.style.left = `${Math.min(event.clientX - box.left + 12, box.width - 260)}px`;
        this.tooltip.style.top = `${event.clientY - box.top + 14}px`;
      }
    });
    this.canvas.addEventListener('pointerleave', () => {
      this.tooltip.hidden = true;
    });
    this.minimap.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      const frame = this.plotFrame();
      if (!frame) return;
      const box = this.minimap.getBoundingClientRect();
      const x = ((event.clientX - box.left) / box.width) * frame.sources;
      const y = ((event.clientY - box.top) / box.height) * frame.targets;
      this.view = centreOn(this.currentView(frame), frame, x, y);
      this.schedule();
    });
  }

  /** The link whose mark is under the pointer (within 4 pixels), or -1. */
  private linkUnder(event: PointerEvent): number {
    const alignment = this.alignment;
    const frame = this.plotFrame();
    if (!alignment || !frame) return -1;
    const view = this.currentView(frame);
    const box = this.canvas.getBoundingClientRect();
    const px = event.clientX - box.left - margin.left;
    const py = event.clientY - box.top - margin.top;
    if (px < 0 || py < 0 || px > frame.width || py > frame.height) return -1;
    this.index(alignment);
    return linkAt(alignment.links, this.bySource, view.x + px / view.scale, view.y + py / view.scale, 4 / view.scale);
  }

  private index(alignment: Alignment): void {
    if (this.indexedLinks === alignment.links && this.bySource.length === alignment.source.paragraphs.length) return;
    this.indexedLinks = alignment.links;
    this.bySource = linkOfParagraph(alignment.links, 'source', alignment.source.paragraphs.length);
  }

  private schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    if (!this.visible) return;
    const alignment = this.alignment;
    const frame = this.plotFrame();
    if (!alignment || !frame) {
      this.caption.textContent = 'Open a pair of documents to see its dot plot.';
      sizeCanvas(this.canvas, 0, 0);
      return;
    }
    this.index(alignment);
    const view = this.currentView(frame);
    const colours = paletteOf(this.element);
    const width = this.area.clientWidth;
    const height = this.area.clientHeight;
    const context = sizeCanvas(this.canvas, width, height);
    context.clearRect(0, 0, width, height);
    context.fillStyle = colours.background;
    context.fillRect(margin.left, margin.top, frame.width, frame.height);

    // What is in view, in paragraphs.
    const x0 = view.x;
    const y0 = view.y;
    const x1 = Math.min(frame.sources, x0 + frame.width / view.scale);
    const y1 = Math.min(frame.targets, y0 + frame.height / view.scale);
    const toX = (index: number) => margin.left + (index - x0) * view.scale;
    const toY = (index: number) => margin.top + (index - y0) * view.scale;

    // Axes: grid lines and paragraph numbers from 1.
    context.font = `10px ${getComputedStyle(this.element).fontFamily}`;
    context.fillStyle = colours.muted;
    context.strokeStyle = colours.grid;
    context.lineWidth = 1;
    context.textAlign = 'center';
    context.textBaseline = 'top';
    const inside = (at: number, from: number, length: number) => at >= from && at <= from + length;
    for (const index of tickIndices(x0, x1, view.scale, frame.sources)) {
      const x = Math.round(toX(index + 0.5)) + 0.5;
      if (!inside(x, margin.left, frame.width)) continue;
      context.beginPath();
      context.moveTo(x, margin.top);
      context.lineTo(x, margin.top + frame.height);
      context.stroke();
      context.fillText(String(displayNumber(index)), x, margin.top + frame.height + 5);
    }
    context.textAlign = 'right';
    context.textBaseline = 'middle';
    for (const index of tickIndices(y0, y1, view.scale, frame.targets)) {
      const y = Math.round(toY(index + 0.5)) + 0.5;
      if (!inside(y, margin.top, frame.height)) continue;
      context.beginPath();
      context.moveTo(margin.left, y);
      context.lineTo(margin.left + frame.width, y);
      context.stroke();
      context.fillText(String(displayNumber(index)), margin.left - 5, y);
    }

    // Marks: only the original paragraphs in view, through the index by original paragraph.
    context.save();
    context.beginPath();
    context.rect(margin.left, margin.top, frame.width, frame.height);
    context.clip();
    const cell = view.scale;
    const inset = cell >= 4 ? Math.min(1.5, cell * 0.1) : 0;
    const size = Math.max(1, cell - 2 * inset);
    const byColour = new Map<string, [number, number][]>();
    const outlined: [number, number][] = [];
    const active: [number, number][] = [];
    const seen = new Set<number>();
    for (let source = Math.floor(x0); source < Math.ceil(x1); source++) {
      const index = this.bySource[source]!;
      if (index < 0 || seen.has(index)) continue;
      seen.add(index);
      const link = alignment.links[index]!;
      if (!isPaired(link)) continue;
      const colour = colours[confidenceBand(link.confidence)];
      for (const s of link.source) {
        for (const t of link.target) {
          if (t + 1 < y0 || t > y1) continue;
          const point: [number, number] = [toX(s) + inset, toY(t) + inset];
          const list = byColour.get(colour) ?? [];
          list.push(point);
          byColour.set(colour, list);
          if (link.status === 'confirmed' && cell >= 5) outlined.push(point);
          if (index === this.active) active.push(point);
        }
      }
    }
    for (const [colour, points] of byColour) {
      context.fillStyle = colour;
      for (const [x, y] of points) context.fillRect(x, y, size, size);
    }
    context.strokeStyle = colours.text;
    context.lineWidth = 1;
    for (const [x, y] of outlined) context.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
    context.strokeStyle = colours.accent;
    context.lineWidth = 2;
    for (const [x, y] of active) context.strokeRect(x - 2, y - 2, size + 4, size + 4);
    context.restore();
    context.strokeStyle = colours.grid;
    context.lineWidth = 1;
    context.strokeRect(margin.left + 0.5, margin.top + 0.5, frame.width - 1, frame.height - 1);

    this.drawMinimap(alignment, frame, view, colours);
    const paired = alignment.links.filter(isPaired).length;
    const zoom = view.scale / fitView(frame).scale;
    // The axes' names as text (the canvas has none): original across, translation down.
    this.caption.textContent = `${fileName(alignment.source.path)} → × ${fileName(alignment.target.path)} ↓ · ${frame.sources} × ${frame.targets} ¶ · ${paired} paired links${zoom > 1.01 ? ` · zoom ${zoom < 10 ? zoom.toFixed(1) : Math.round(zoom)}×` : ''}`;
    this.canvas.setAttribute('aria-label', `Dot plot: ${fileName(alignment.source.path)} (across) against ${fileName(alignment.target.path)} (down)`);
    // For the end-to-end tests: where a paragraph is drawn (the canvas has no DOM per mark).
    Object.assign(this.canvas.dataset, {
      plotLeft: String(margin.left),
      plotTop: String(margin.top),
      viewX: String(view.x),
      viewY: String(view.y),
      scale: String(view.scale),
      active: String(this.active),
      confirmed: String(alignment.links.filter((link) => isPaired(link) && link.status === 'confirmed').length),
    });
  }

  private drawMinimap(alignment: Alignment, frame: PlotFrame, view: PlotView, colours: Palette): void {
    const ratio = Math.min(minimapSize.width / frame.sources, minimapSize.height / frame.targets);
    const width = Math.max(24, Math.round(frame.sources * ratio));
    const height = Math.max(24, Math.round(frame.targets * ratio));
    const whole = view.scale <= fitView(frame).scale * 1.001;
    // Only worth showing when part of the pair is out of view.
    this.minimap.hidden = whole;
    if (whole) return;
    const context = sizeCanvas(this.minimap, width, height);
    const stale = !this.minimapFor || this.minimapFor.links !== alignment.links || this.minimapFor.width !== width || this.minimapFor.height !== height;
    if (stale) this.minimapFor = { links: alignment.links, width, height };
    context.clearRect(0, 0, width, height);
    context.fillStyle = colours.background;
    context.fillRect(0, 0, width, height);
    const sx = width / frame.sources;
    const sy = height / frame.targets;
    for (const link of alignment.links) {
      if (!isPaired(link)) continue;
      context.fillStyle = colours[confidenceBand(link.confidence)];
      context.fillRect(link.source[0]! * sx, link.target[0]! * sy, Math.max(1, link.source.length * sx), Math.max(1, link.target.length * sy));
    }
    context.strokeStyle = colours.accent;
    context.lineWidth = 1.5;
    context.strokeRect(view.x * sx, view.y * sy, Math.max(3, (frame.width / view.scale) * sx), Math.max(3, (frame.height / view.scale) * sy));
  }
}

interface Palette {
  readonly high: string;
  readonly medium: string;
  readonly low: string;
  readonly background: string;
  readonly grid: string;
  readonly muted: string;
  readonly text: string;
  readonly accent: string;
}

/** The page's palette (light or dark theme), read from its CSS variables. */
function paletteOf(element: HTMLElement): Palette {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    high: read('--confidence-high', '#2f9a5a'),
    medium: read('--confidence-medium', '#cf9b0e'),
    low: read('--confidence-low', '#d3483f'),
    background: read('--gutter-bg', '#f4f4f2'),
    grid: read('--border', '#d9dde3'),
    muted: read('--muted', '#5b6675'),
    text: read('--text', '#1d2430'),
    accent: read('--accent', '#1f78b4'),
  };
}

/** Sizes a canvas to `width` × `height` CSS pixels at the screen's pixel density and returns its context, scaled to CSS pixels. */
function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const ratio = window.devicePixelRatio || 1;
  const pixelWidth = Math.round(width * ratio);
  const pixelHeight = Math.round(height * ratio);
  if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
    canvas.width = pixelWidth;
    canvas.height = pixelHeight;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const context = canvas.getContext('2d')!;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}
