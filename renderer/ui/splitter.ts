/**
 * A splitter on the top edge of a panel under the editors: dragging it sets
 * the panel's height (the editors take the rest), within limits that keep
 * the editors usable; the height is handed to `onResized` when the drag ends,
 * so it can be kept in the settings.
 */

/** Options of {@link installSplitter}. */
export interface SplitterOptions {
  /** The smallest height of the panel, in CSS pixels. */
  readonly min: number;
  /** Room the rest of the window keeps (toolbar, editors, status bar). */
  readonly keep: number;
  /** While dragging. */
  onResize(height: number): void;
  /** The drag ended at `height`. */
  onResized(height: number): void;
}

/** The height a panel may take in a window `windowHeight` tall. */
export function panelHeightWithin(height: number, windowHeight: number, options: Pick<SplitterOptions, 'min' | 'keep'>): number {
  return Math.round(Math.max(options.min, Math.min(windowHeight - options.keep, height)));
}

/** Makes `handle` resize `panel`. */
export function installSplitter(handle: HTMLElement, panel: HTMLElement, options: SplitterOptions): void {
  handle.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    const startY = event.clientY;
    const startHeight = panel.getBoundingClientRect().height;
    let height = startHeight;
    handle.setPointerCapture(event.pointerId);
    const move = (moved: PointerEvent) => {
      height = panelHeightWithin(startHeight + startY - moved.clientY, window.innerHeight, options);
      panel.style.height = `${height}px`;
      options.onResize(height);
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      if (height !== startHeight) options.onResized(height);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
}
