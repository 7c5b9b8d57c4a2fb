/**
 * What the end-to-end tests read off the workbench page. Page functions are
 * passed as source text: tsx compiles with esbuild's keepNames, which wraps
 * named inner functions in a `__name` helper the page does not have.
 */
import type { Page } from 'playwright-core';

/**
 * Waits until every line is wrapped as measured (a long text is measured in idle time after it shows)
 * and no layout has happened for a few frames (spacers and connectors are in place).
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.wrapping === undefined, null, { timeout: 60_000 });
  await page.evaluate(`(async () => {
    let last = document.documentElement.dataset.layouts;
    for (let quiet = 0; quiet < 4; ) {
      await new Promise((done) => requestAnimationFrame(() => done(undefined)));
      const now = document.documentElement.dataset.layouts;
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
    await document.fonts.ready;
  })()`);
}

/**
 * Link-start tops in both editors for every link visible in both, as [link, sourceTop, targetTop].
 * The editors mark a link's start by its first original paragraph (`bitext-ls-N`); the link index comes from the page's links.
 */
export function visibleLinkTops(page: Page): Promise<[number, number, number][]> {
  return page.evaluate(`(() => {
    const linkOf = new Map(window.bitextInspect.links().split(' ').map((link, index) => [Number(link.split('-')[0].split(',')[0]), index]));
    const tops = {};
    for (const side of ['source', 'target']) {
      tops[side] = new Map();
      for (const element of document.querySelectorAll('#' + side + '-editor .bitext-link-start')) {
        const match = /bitext-ls-(\\d+)/.exec(element.className);
        // A wrapped first line has one overlay per screen line: the link starts at the highest.
        const top = element.getBoundingClientRect().top;
        if (match) tops[side].set(Number(match[1]), Math.min(top, tops[side].get(Number(match[1])) ?? Infinity));
      }
    }
    return [...tops.source].filter(([start]) => tops.target.has(start) && linkOf.has(start)).map(([start, top]) => [linkOf.get(start), top, tops.target.get(start)]);
  })()`);
}

/** Where the dot plot draws the cell of (source, target) paragraphs (0-based), in page coordinates; undefined when out of view. */
export async function dotPlotPoint(page: Page, source: number, target: number): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate(`(() => {
    const canvas = document.querySelector('[data-testid=dot-plot-canvas]');
    if (!canvas || !canvas.dataset.scale) return undefined;
    const box = canvas.getBoundingClientRect();
    const d = canvas.dataset;
    const x = box.left + Number(d.plotLeft) + (${source} + 0.5 - Number(d.viewX)) * Number(d.scale);
    const y = box.top + Number(d.plotTop) + (${target} + 0.5 - Number(d.viewY)) * Number(d.scale);
    return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom ? { x, y } : undefined;
  })()`);
}
