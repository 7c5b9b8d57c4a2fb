/**
 * End to end: how the editors lay text out, in the real renderer (dist/renderer)
 * in Debian's Chromium through the browser host.
 *
 * - A long pair (some 1,500 paragraphs a side) shows with only the lines in view
 *   measured for wrapping, the rest measured in idle time: once that is done,
 *   every line is where Monaco puts it when it wraps the whole text at once
 *   (the same scroll height, the same text on each visual line, the links level).
 * - A panel opening below the editors (the sentence panel) keeps the caret's
 *   link in view in both editors.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startHttpHost, type HttpHost } from '../../electron/http-host.ts';
import { readDocument } from '../../electron/services/documents.ts';
import { saveAlignment } from '../../electron/services/alignment-store.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { createWorkbenchService } from '../../electron/services/workbench-service.ts';
import { alignDocuments } from '../../shared/pipeline.ts';
import { syntheticCase } from '../../bench/udhr-cases.ts';
import { chromiumPath } from './chromium.ts';
import { settle, visibleLinkTops } from './page-probes.ts';
import { openWorkbenchPage, rendererDir, startWorkbench, waitReady, type WorkbenchPage } from './workbench-page.ts';

const root = resolve(import.meta.dirname, '..', '..');
const skip = existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}`;

/** The text of every visual line the editor of `side` draws, top to bottom. */
function shownLines(page: Page, side: 'source' | 'target'): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('#${side}-editor .view-line')]
    .map((line) => [line.getBoundingClientRect().top, line.textContent])
    .sort((a, b) => a[0] - b[0])
    .map(([, text]) => text)`);
}

/** Where the view is in both editors: the scroll position, the visual lines drawn, the links' tops. */
async function place(page: Page): Promise<{ scrollTop: string; source: string[]; target: string[]; links: [number, number, number][] }> {
  await settle(page);
  return {
    scrollTop: (await page.evaluate(`document.getElementById('gutter').dataset.scrollTop`)) as string,
    source: await shownLines(page, 'source'),
    target: await shownLines(page, 'target'),
    // In link order: the order Monaco happens to draw them in is no part of the layout.
    links: (await visibleLinkTops(page)).sort((a, b) => a[0] - b[0]),
  };
}

/** Places from the end of the text towards its top, every 12 pages (at most 20 of them), as {@link place}s. */
async function placesUpward(page: Page): Promise<Awaited<ReturnType<typeof place>>[]> {
  const box = (await page.locator('#source-editor').boundingBox())!;
  await page.mouse.click(box.x + 200, box.y + 60);
  await page.keyboard.press('Control+End');
  const places = [await place(page)];
  while (places.length < 20) {
    for (let step = 0; step < 12; step++) await page.keyboard.press('PageUp');
    const next = await place(page);
    if (next.scrollTop === places.at(-1)!.scrollTop) break;
    places.push(next);
  }
  return places;
}

describe('a long pair is wrapped in view first, the rest in idle time', { skip }, () => {
  let dir: string;
  let host: HttpHost;
  let opened: WorkbenchPage;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-layout-'));
    const workspace = join(dir, 'workspace');
    mkdirSync(workspace);
    const pair = syntheticCase(1500, 'tha');
    // Ending on a line that fits, whose wrapping no measure changes (Monaco tells the view zones that lines moved only when the last line it wraps again changes).
    writeFileSync(join(workspace, 'long.en.txt'), `${pair.source.texts.join('\n')}\nThe end.\n`);
    writeFileSync(join(workspace, 'long.th.txt'), `${pair.target.texts.join('\n')}\nจบ\n`);
    const alignment = alignDocuments(await readDocument(join(workspace, 'long.en.txt')), await readDocument(join(workspace, 'long.th.txt')));
    await saveAlignment(join(workspace, 'long.bitext'), alignment);
    const service = createWorkbenchService({ host: 'browser', rootDir: root, workspace, settings: createSettingsStore(join(dir, 'settings.json')), recoveryDir: join(dir, 'recovery') });
    host = await startHttpHost({ api: service, assetsDir: rendererDir });
    opened = await openWorkbenchPage(`${host.url}&open=long.bitext`);
  });

  after(async () => {
    await opened?.browser.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(opened?.errors ?? [], [], 'no errors in the page');
  });

  test('once the idle-time wrapping is done, every line is where wrapping the whole text at once puts it', async () => {
    const { page } = opened;
    // Whether the page ever said it had lines left to measure (a short text never does).
    await page.evaluate(`(() => {
      window.__deferred = document.documentElement.dataset.wrapping === 'pending';
      new MutationObserver(() => { if (document.documentElement.dataset.wrapping === 'pending') window.__deferred = true; })
        .observe(document.documentElement, { attributes: true, attributeFilter: ['data-wrapping'] });
    })()`);
    await waitReady(page);
    assert.equal(await page.evaluate('window.__deferred'), true, 'lines out of view were left for later');
    const places = await placesUpward(page);
    assert.ok(places.length > 5, 'the text is many pages long');
    for (const { links } of places) {
      assert.ok(links.length > 3, 'links in view');
      for (const [link, source, target] of links) assert.ok(Math.abs(source - target) < 1, `link ${link + 1} level in both editors`);
    }
    // Monaco wraps every line again, measuring each one, when the editors change width; back at the first width, it is the whole text wrapped at once.
    await page.setViewportSize({ width: 1200, height: 900 });
    await settle(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    const again = await placesUpward(page);
    assert.equal(again[0]!.scrollTop, places[0]!.scrollTop, 'the same height of text');
    places.forEach((expected, index) => assert.deepEqual(again[index], expected, `the same lines ${index * 12} pages up from the end`));
  });
});

describe('a panel opening below the editors', { skip }, () => {
  let dir: string;
  let workbench: Awaited<ReturnType<typeof startWorkbench>>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-layout-panel-'));
    const workspace = join(dir, 'workspace');
    mkdirSync(workspace);
    workbench = await startWorkbench(createWorkbenchService({ host: 'browser', rootDir: root, workspace, settings: createSettingsStore(join(dir, 'settings.json')) }));
  });

  after(async () => {
    await workbench?.close();
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(workbench?.errors ?? [], [], 'no errors in the page');
  });

  test('keeps the caret’s link in view in both editors', async () => {
    const { page } = workbench;
    await waitReady(page, { idle: true });
    const gutter = page.locator('#gutter');
    const before = (await gutter.boundingBox())!;
    // The lowest link whose connector is wholly in view: the panel will cover it.
    const spans = (await page.evaluate(`[...document.querySelectorAll('#gutter path.connector')].map((path) => {
      const box = path.getBoundingClientRect();
      return [Number(path.dataset.link), box.top, box.bottom];
    })`)) as [number, number, number][];
    const [link, top] = spans.filter(([, top, bottom]) => top >= before.y && bottom <= before.y + before.height).sort((a, b) => b[1] - a[1])[0]!;
    const editor = (await page.locator('#source-editor').boundingBox())!;
    await page.mouse.click(editor.x + 200, top + 8);
    await settle(page);
    assert.equal(((await page.evaluate('window.bitextInspect.caret()')) as { link: number }).link, link, 'the caret is in the link');
    await page.getByTestId('toggle-sentences').click();
    await page.getByTestId('sentence-panel').waitFor();
    await settle(page);
    const after = (await gutter.boundingBox())!;
    const active = (await page.locator(`#gutter path.connector[data-link="${link}"]`).boundingBox())!;
    assert.ok(after.height < before.height - 100, 'the editors got shorter');
    assert.ok(top + (active.height) > after.y + after.height, 'the link was where the panel now is');
    assert.ok(active.y >= after.y - 1 && active.y + active.height <= after.y + after.height + 1, `link ${link + 1} (${active.y}–${active.y + active.height}) in view (${after.y}–${after.y + after.height})`);
  });
});
