/**
 * The centre gutter: an SVG between the two editors with one connector per
 * link that has both sides, from the original's paragraphs to the
 * translation's. Colour says the aligner's confidence (green ≥ 0.8, yellow
 * ≥ 0.5, red below); a solid outline says a reviewer confirmed the link, a
 * dotted one that the aligner made it.
 *
 * Connectors are laid out in content coordinates, and only those near the
 * view: the layer asks its {@link ConnectorSource} for a stretch of content
 * when it is drawn and when scrolling comes near the edge of what is drawn,
 * so a layout of a long pair costs the few hundred connectors near the view,
 * not thousands. Scrolling only moves the group (both editors scroll
 * together, see scroll-sync.ts).
 */
import type { LinkStatus } from '../../shared/model/alignment.ts';
import type { ConfidenceBand } from '../state/alignment-index.ts';

/** A vertical extent in an editor's content, in pixels. */
export interface Span {
  readonly top: number;
  readonly bottom: number;
}

/** One connector to draw. */
export interface Connector {
  readonly link: number;
  readonly source: Span;
  readonly target: Span;
  readonly confidence: ConfidenceBand;
  readonly status: LinkStatus;
  /** A one-line description for the tooltip. */
  readonly title: string;
}

/** The connectors whose spans reach into the stretch of content from `from` to `to` (pixels). */
export type ConnectorSource = (from: number, to: number) => readonly Connector[];

const svgNamespace = 'http://www.w3.org/2000/svg';

/** Connectors are drawn this far (pixels) above and below the view; a scroll that comes within half of it draws more. */
export const drawMargin = 3000;

/**
 * The outline of a connector in a gutter `width` wide: the source span on the
 * left edge, the target span on the right, joined by two S-curves.
 */
export function connectorPath(connector: Pick<Connector, 'source' | 'target'>, width: number): string {
  const inset = 1;
  const { source, target } = connector;
  const sTop = source.top + inset;
  const sBottom = Math.max(sTop + 2, source.bottom - inset);
  const tTop = target.top + inset;
  const tBottom = Math.max(tTop + 2, target.bottom - inset);
  const middle = width / 2;
  const f = (value: number) => value.toFixed(1);
  return [
    `M0,${f(sTop)}`,
    `C${f(middle)},${f(sTop)} ${f(middle)},${f(tTop)} ${f(width)},${f(tTop)}`,
    `L${f(width)},${f(tBottom)}`,
    `C${f(middle)},${f(tBottom)} ${f(middle)},${f(sBottom)} 0,${f(sBottom)}`,
    'Z',
  ].join(' ');
}

/** Draws and redraws the connectors in one SVG element. */
export class ConnectorLayer {
  private readonly group: SVGGElement;
  private readonly paths = new Map<number, SVGPathElement>();
  private activeLink = -1;
  private source: ConnectorSource = () => [];
  private size = { width: 0, height: 0 };
  private scrollTop = 0;
  /** The stretch of content (pixels) whose connectors are drawn. */
  private drawn = { from: 0, to: -1 };

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly onSelect: (link: number) => void,
  ) {
    this.group = document.createElementNS(svgNamespace, 'g');
    this.group.classList.add('connectors');
    svg.append(this.group);
    // The gutter's size, kept from a resize observer: reading clientHeight while drawing would force a layout
    // of the whole page right after the editors changed (tens of milliseconds on a long pair).
    new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      if (!box || (box.width === this.size.width && box.height === this.size.height)) return;
      this.size = { width: box.width, height: box.height };
      this.drawNear();
    }).observe(svg);
    svg.addEventListener('click', (event) => {
      const target = event.target as Element | null;
      const link = target?.getAttribute('data-link');
      if (link !== null && link !== undefined) this.onSelect(Number(link));
    });
  }

  /**
   * Draws the connectors `source` gives near the view (see {@link drawMargin});
   * scrolling asks it for more as they come near. Thousands of SVG paths would
   * make every style change of the page slow.
   */
  draw(source: ConnectorSource): void {
    this.source = source;
    this.drawNear();
  }

  private drawNear(): void {
    const height = this.size.height || 800;
    const from = this.scrollTop - drawMargin;
    const to = this.scrollTop + height + drawMargin;
    this.drawn = { from, to };
    this.drawPaths(this.source(from, to));
  }

  private drawPaths(connectors: readonly Connector[]): void {
    const width = this.size.width || 48;
    const seen = new Set<number>();
    for (const connector of connectors) {
      seen.add(connector.link);
      let path = this.paths.get(connector.link);
      if (!path) {
        path = document.createElementNS(svgNamespace, 'path');
        path.setAttribute('data-link', String(connector.link));
        path.append(document.createElementNS(svgNamespace, 'title'));
        this.group.append(path);
        this.paths.set(connector.link, path);
      }
      path.setAttribute('d', connectorPath(connector, width));
      path.setAttribute(
        'class',
        `connector confidence-${connector.confidence} status-${connector.status}${connector.link === this.activeLink ? ' active' : ''}`,
      );
      path.firstElementChild!.textContent = connector.title;
    }
    for (const [link, path] of this.paths) {
      if (!seen.has(link)) {
        path.remove();
        this.paths.delete(link);
      }
    }
  }

  /** Moves the connectors with the editors' scroll position (drawing those that come near). */
  scrollTo(scrollTop: number): void {
    this.scrollTop = scrollTop;
    const height = this.size.height || 800;
    if (scrollTop - drawMargin / 2 < this.drawn.from || scrollTop + height + drawMargin / 2 > this.drawn.to) this.drawNear();
    this.group.setAttribute('transform', `translate(0 ${-scrollTop})`);
    // Where the view is, for the end-to-end tests (Monaco keeps its scroll position out of the DOM).
    this.svg.dataset.scrollTop = String(Math.round(scrollTop));
  }

  /** Emphasises the connector of `link` (-1: none). */
  setActive(link: number): void {
    if (link === this.activeLink) return;
    this.paths.get(this.activeLink)?.classList.remove('active');
    this.activeLink = link;
    const path = this.paths.get(link);
    if (path) {
      path.classList.add('active');
      // Drawn last, so its outline is not hidden under its neighbours'.
      this.group.append(path);
    }
  }

  /** Restyles the connector of `link` for a new review status (nothing moves, so nothing is laid out). */
  setStatus(link: number, status: LinkStatus): void {
    const path = this.paths.get(link);
    if (!path) return;
    for (const name of [...path.classList]) if (name.startsWith('status-')) path.classList.remove(name);
    path.classList.add(`status-${status}`);
    const title = path.firstElementChild;
    if (title?.textContent) title.textContent = title.textContent.replace(/ · (auto|confirmed|rejected)$/, ` · ${status}`);
  }

  /** Shows or hides the layer. */
  setVisible(visible: boolean): void {
    this.svg.classList.toggle('hidden', !visible);
  }
}
