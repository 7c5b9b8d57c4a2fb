/**
 * The dot plot's geometry (renderer/dot-plot/plot-view.ts): fitting, zooming
 * about the pointer, panning within the pair, axis numbers from 1, and which
 * link a click is on, at any zoom.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { centreOn, clampView, fitView, linkAt, linkOfParagraph, maxScale, panBy, tickIndices, zoomAt } from '../../../renderer/dot-plot/plot-view.ts';
import { parseLinks } from '../../../shared/model/alignment.ts';

const frame = { width: 300, height: 200, sources: 30_000, targets: 30_000 };

test('the fitted view shows the whole pair; zooming keeps the paragraph under the pointer in place', () => {
  const fit = fitView(frame);
  assert.deepEqual(fit, { x: 0, y: 0, scale: 200 / 30_000 });
  const zoomed = zoomAt(fit, frame, 1000, 150, 100);
  assert.ok(Math.abs(zoomed.scale - (200 / 30_000) * 1000) < 1e-9);
  const before = { x: fit.x + 150 / fit.scale, y: fit.y + 100 / fit.scale };
  const after = { x: zoomed.x + 150 / zoomed.scale, y: zoomed.y + 100 / zoomed.scale };
  assert.ok(Math.abs(before.x - after.x) < 1e-6 && Math.abs(before.y - after.y) < 1e-6, 'the point under the pointer stays');
  assert.equal(zoomAt(zoomed, frame, 1e9, 0, 0).scale, maxScale, 'no deeper than the largest cell');
  assert.equal(zoomAt(zoomed, frame, 1e-9, 0, 0).scale, fit.scale, 'no further out than the whole pair');
});

test('in a wide, short panel a whole Bible zooms about the pointer: the paragraph under it stays there at every notch', () => {
  const wide = { width: 1300, height: 130, sources: 29_406, targets: 29_435 };
  let view = fitView(wide);
  const px = 15_000 * view.scale;
  const py = 65;
  const under = (current: typeof view) => ({ x: current.x + px / current.scale, y: current.y + py / current.scale });
  const start = under(view);
  for (let notch = 0; notch < 60; notch++) {
    view = zoomAt(view, wide, 1.25, px, py);
    const now = under(view);
    assert.ok(Math.abs(now.x - start.x) < 1 && Math.abs(now.y - start.y) < 1, `notch ${notch + 1}: ${JSON.stringify({ start, now, view })}`);
  }
  assert.equal(view.scale, maxScale);
});

test('panning follows the drag and stops half a view past the edges of the pair', () => {
  const view = { x: 100, y: 100, scale: 10 };
  assert.deepEqual(panBy(view, frame, 50, -20), { x: 95, y: 102, scale: 10 });
  assert.deepEqual(panBy(view, frame, 1e6, 1e6), { x: -15, y: -10, scale: 10 });
  assert.deepEqual(clampView({ x: 1e9, y: 1e9, scale: 10 }, frame), { x: 30_000 - 15, y: 30_000 - 10, scale: 10 });
  assert.deepEqual(centreOn(view, frame, 500, 400), { x: 485, y: 390, scale: 10 });
});

test('axis ticks number paragraphs from 1, at round steps a label apart', () => {
  assert.deepEqual(tickIndices(0, 38, 20, 38), [0, 4, 9, 14, 19, 24, 29, 34], 'paragraph 1, then 5, 10, 15…');
  assert.deepEqual(tickIndices(0, 30_000, 200 / 30_000, 30_000), [0, 9999, 19999, 29999]);
  assert.deepEqual(tickIndices(1000.2, 1003.5, 48, 30_000), [1001, 1003], 'zoomed in: every second paragraph, numbered 1002 and 1004');
});

test('a click hits the link of the mark it is on, or the nearest within a few pixels', () => {
  const links = parseLinks('0-0 1,2-1 ∅-2 3-3 4-∅ 5-4');
  const bySource = linkOfParagraph(links, 'source', 6);
  assert.deepEqual([...bySource], [0, 1, 1, 3, 4, 5]);
  assert.equal(linkAt(links, bySource, 2.5, 1.5, 0), 1, 'inside the mark of 2-1');
  assert.equal(linkAt(links, bySource, 3.5, 3.5, 0), 2 + 1, 'the fourth link, 3-3');
  assert.equal(linkAt(links, bySource, 4.5, 2.5, 0.4), -1, 'an untranslated paragraph has no mark');
  assert.equal(linkAt(links, bySource, 5.3, 4.2, 0), 5);
  assert.equal(linkAt(links, bySource, 0.5, 5.5, 1), -1, 'far from any mark');
  assert.equal(linkAt(links, bySource, 1.1, 0.3, 0.3), 0, 'just right of 0-0: the nearest mark within the radius');
});
