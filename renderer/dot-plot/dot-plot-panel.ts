/**
 * The dot plot panel: the alignment as the review report draws it (source
 * paragraphs along x, target paragraphs along y, one square per linked pair),
 * under the editors. A click on a mark puts both editors on that link; the
 * link under the caret is outlined in the plot.
 *
 * The SVG is the report's own (shared/report/dot-plot.ts), so the geometry of
 * the app's plot and the report's cannot drift apart. It is parsed as XML with
 * DOMParser, never set as HTML; every text in it is escaped by renderDotPlot
 * anyway. Its marks are then coloured by the app's confidence bands (a class
 * per mark, styled in styles.css), so a link has the same colour in the plot as
 * its connector between the editors, in either theme.
 */
import type { Alignment } from '../../shared/model/alignment.ts';
import { renderDotPlot } from '../../shared/report/dot-plot.ts';
import { confidenceBand, describeLink, isPaired } from '../state/alignment-index.ts';
import { fileName, h, icon } from '../ui/dom.ts';

/** What the panel tells its owner. */
export interface DotPlotEvents {
  /** The user clicked a mark of link `link`. */
  onJump(link: number): void;
  /** The user closed the panel. */
  onClose(): void;
}

/** Room the SVG keeps around the plot area for axes and labels (renderDotPlot's margins, rounded up). */
const axesWidth = 80;
const axesHeight = 70;

/** The panel, built into `element` (hidden until {@link DotPlotPanel.setVisible}). */
export class DotPlotPanel {
  private readonly plot: HTMLElement;
  private readonly caption: HTMLElement;
  private alignment: Alignment | undefined;
  /** What the drawn plot was made from, to skip redrawing when only the text changed. */
  private drawn: { links: Alignment['links']; sources: number; targets: number; width: number; height: number } | undefined;
  private active = -1;
  private visible = false;
  private frame = 0;

  constructor(
    private readonly element: HTMLElement,
    private readonly events: DotPlotEvents,
  ) {
    this.caption = h('span', { class: 'panel-caption', 'data-testid': 'dot-plot-caption' });
    this.plot = h('div', { class: 'dot-plot-area', 'data-testid': 'dot-plot' });
    const legend = h(
      'div',
      { class: 'dot-plot-legend', 'aria-label': 'Legend' },
      h('span', { class: 'legend-item' }, h('span', { class: 'legend-swatch high' }), 'confidence ≥ 0.8'),
      h('span', { class: 'legend-item' }, h('span', { class: 'legend-swatch medium' }), '0.5–0.8'),
      h('span', { class: 'legend-item' }, h('span', { class: 'legend-swatch low' }), 'below 0.5'),
      h('span', { class: 'legend-item' }, h('span', { class: 'legend-swatch confirmed' }), 'confirmed'),
      h('span', { class: 'legend-item' }, h('span', { class: 'legend-swatch rejected' }), 'rejected'),
      h('span', { class: 'legend-item' }, h('span', { class: 'legend-swatch untranslated' }), 'no counterpart'),
    );
    element.replaceChildren(
      h(
        'div',
        { class: 'panel-header' },
        icon('graph-scatter'),
        h('span', { class: 'panel-title' }, 'Dot plot'),
        this.caption,
        h('span', { class: 'fill' }),
        legend,
        h(
          'button',
          { type: 'button', class: 'tool icon-only', title: 'Close the dot plot', 'aria-label': 'Close the dot plot', onclick: () => events.onClose() },
          icon('close'),
        ),
      ),
      this.plot,
    );
    this.plot.addEventListener('click', (event) => {
      const mark = (event.target as Element).closest('[data-link]');
      if (mark) events.onJump(Number(mark.getAttribute('data-link')));
    });
    new ResizeObserver(() => this.schedule()).observe(this.plot);
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

  /** Takes the current alignment (drawn on the next frame, if shown and its links changed). */
  update(alignment: Alignment | undefined): void {
    this.alignment = alignment;
    if (this.visible) this.schedule();
  }

  /** Outlines the marks of link `link` (-1: none). */
  setActive(link: number): void {
    if (link === this.active) return;
    this.active = link;
    this.applyActive();
  }

  private schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const alignment = this.alignment;
    if (!this.visible) return;
    if (!alignment) {
      this.drawn = undefined;
      this.caption.textContent = '';
      this.plot.replaceChildren(h('p', { class: 'panel-empty' }, 'Open a pair of documents to see its dot plot.'));
      return;
    }
    const width = Math.max(120, this.plot.clientWidth - axesWidth - 16);
    const height = Math.max(60, this.plot.clientHeight - axesHeight - 8);
    const key = { links: alignment.links, sources: alignment.source.paragraphs.length, targets: alignment.target.paragraphs.length, width, height };
    const drawn = this.drawn;
    if (
      drawn &&
      drawn.links === key.links &&
      drawn.sources === key.sources &&
      drawn.targets === key.targets &&
      drawn.width === key.width &&
      drawn.height === key.height
    ) {
      return;
    }
    this.drawn = key;
    const markup = renderDotPlot(alignment, {
      maxWidth: width,
      maxHeight: height,
      maxCell: 22,
      sourceLabel: `original: ${fileName(alignment.source.path)}`,
      targetLabel: 'translation',
    });
    const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const svg = parsed.documentElement;
    if (svg.nodeName !== 'svg') {
      // Never expected: renderDotPlot writes well-formed XML. Say so rather than show a parser error page.
      this.plot.replaceChildren(h('p', { class: 'panel-empty' }, 'The dot plot could not be drawn.'));
      return;
    }
    const plot = document.importNode(svg, true);
    for (const mark of plot.querySelectorAll('.mark[data-link]')) {
      const link = alignment.links[Number(mark.getAttribute('data-link'))];
      if (!link) continue;
      if (isPaired(link)) mark.classList.add(`confidence-${confidenceBand(link.confidence)}`);
      // The app numbers paragraphs from 1 (the editors' margins, the status bar); the report's plot from 0.
      const title = mark.querySelector('title');
      if (title) title.textContent = `¶ ${describeLink(link)} · confidence ${link.confidence.toFixed(2)} · ${link.status}`;
    }
    for (const tick of plot.querySelectorAll('text.tick')) tick.textContent = String(Number(tick.textContent) + 1);
    this.plot.replaceChildren(plot);
    const paired = alignment.links.filter((link) => link.source.length > 0 && link.target.length > 0).length;
    this.caption.textContent = `${alignment.source.paragraphs.length} × ${alignment.target.paragraphs.length} paragraphs · ${paired} paired links · click a mark to go to its link`;
    this.applyActive();
  }

  private applyActive(): void {
    for (const mark of this.plot.querySelectorAll('.mark.active')) mark.classList.remove('active');
    if (this.active >= 0) this.plot.querySelector(`.mark[data-link="${this.active}"]`)?.classList.add('active');
  }
}
