/**
 * End to end, the reviewer's first week (issue 12), in Debian's Chromium
 * through the browser host, on the corpus English–Thai pair:
 * - the open flow: after a start whose original could not be read (a binary
 *   file), Original… then Translation… opens and aligns the two;
 * - one numbering: the link the app calls "Link 12, ¶12 ↔ 1" is row 12 with
 *   ¶12 in the review report and tuid 12 with x-source-paragraphs 12 in TMX;
 *   the status bar names the paragraph, not the editor line;
 * - a small window (1000 × 650): every toolbar, review-header and Export
 *   dialog button lies within the viewport;
 * - the dot plot zooms with the wheel, pans by dragging, and a click on a
 *   mark still jumps to its link.
 *
 * Build the renderer first (`node scripts/build.js --renderer`). Screenshots go
 * to test-results/screenshots, or to BITEXT_SCREENSHOTS (`docs/screenshots`).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHttpHost, type HttpHost } from '../../electron/http-host.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { dotPlotPoint, settle } from './page-probes.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { createWorkbenchService, samplePair } from '../../electron/services/workbench-service.ts';
import type { Alignment } from '../../shared/model/alignment.ts';
import { renderReport } from '../../shared/report/html.ts';
import { toTmx } from '../../shared/formats/tmx.ts';

const root = resolve(import.meta.dirname, '..', '..');
const screenshots = resolve(root, process.env.BITEXT_SCREENSHOTS ?? join('test-results', 'screenshots'));

interface Harness {
  readonly browser: Browser;
  readonly host: HttpHost;
  readonly workspace: string;
  readonly errors: string[];
  open(viewport: { width: number; height: number }, deviceScaleFactor?: number): Promise<Page>;
}

async function startHost(): Promise<Harness & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-reviewer-'));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  copyFileSync(join(root, samplePair.source), join(workspace, 'nato.en.txt'));
  copyFileSync(join(root, samplePair.target), join(workspace, 'nato.th.txt'));
  // A start the workbench cannot carry out: the "original" is a binary file.
  writeFileSync(join(workspace, 'picture.png'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]));
  const service = createWorkbenchService({
    host: 'browser',
    rootDir: root,
    workspace,
    initial: { kind: 'pair', source: join(workspace, 'picture.png'), target: join(workspace, 'nato.th.txt') },
    settings: createSettingsStore(join(dir, 'settings.json')),
    recoveryDir: join(dir, 'recovery'),
  });
  const host = await startHttpHost({ api: service, assetsDir: join(root, 'dist', 'renderer') });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const errors: string[] = [];
  return {
    dir,
    browser,
    host,
    workspace,
    errors,
    async open(viewport, deviceScaleFactor = 1) {
      const page = await browser.newPage({ viewport, deviceScaleFactor, colorScheme: 'light' });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(host.url);
      await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 60_000 });
      return page;
    },
  };
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, name) });
}

/** Chooses `file` in the file dialog the toolbar button `testid` opens. */
async function chooseThrough(page: Page, testid: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testid).click();
  await (await chooser).setFiles(file);
}

/** Opens the pair through the toolbar from a page where nothing is open, and waits for the links. */
async function openPairThroughToolbar(page: Page, workspace: string): Promise<void> {
  await chooseThrough(page, 'open-source', join(workspace, 'nato.en.txt'));
  await page.waitForFunction(() => document.querySelector('#notices')?.textContent?.includes('Now open the translation'));
  await chooseThrough(page, 'open-target', join(workspace, 'nato.th.txt'));
  await page.waitForFunction(() => (window as unknown as { bitextInspect: { links(): string } }).bitextInspect.links().length > 0, null, { timeout: 60_000 });
  await page.waitForFunction(() => document.documentElement.dataset.flags !== undefined);
  await settle(page);
}

/** The bounding boxes of the visible elements matching `selector` that reach outside the viewport. */
async function outside(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(`(() => {
    const out = [];
    for (const element of document.querySelectorAll(${JSON.stringify(selector)})) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || element.closest('[hidden]')) continue;
      if (box.left < 0 || box.top < 0 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5) {
        out.push((element.getAttribute('aria-label') || element.textContent || element.tagName).trim().slice(0, 40) + ' @' + Math.round(box.left) + ',' + Math.round(box.top) + '–' + Math.round(box.right) + ',' + Math.round(box.bottom));
      }
    }
    return out;
  })()`);
}

describe('the reviewer\'s first week (issue 12)', { timeout: 300_000 }, () => {
  let harness: Harness & { dir: string };
  before(async () => {
    harness = await startHost();
  });
  after(async () => {
    await harness?.browser.close();
    await harness?.host.close();
    if (harness) rmSync(harness.dir, { recursive: true, force: true });
  });

  test('after a start that failed on a binary file, Original… then Translation… opens and aligns the pair', async () => {
    const page = await harness.open({ width: 1400, height: 900 });
    assert.match((await page.locator('#notices').textContent()) ?? '', /picture\.png/, 'the failed start says which file');
    assert.equal(await page.evaluate('window.bitextInspect.links()'), '', 'nothing is open');
    await openPairThroughToolbar(page, harness.workspace);
    const links = (await page.evaluate('window.bitextInspect.links()')) as string;
    assert.match(links, /17,19-5/, `the pair is aligned (${links})`);
    assert.doesNotMatch((await page.locator('#notices').textContent()) ?? '', /picture\.png|Now open/, 'the notices of the failed start are gone');
    await page.close();
  });

  test('one numbering: app, status bar, review report and TMX name the same link and paragraphs from 1', async () => {
    const page = await harness.open({ width: 1400, height: 900 });
    await openPairThroughToolbar(page, harness.workspace);
    // The link of English paragraph 12 (index 11) and Thai paragraph 1 (index 0): link 12 in the document order.
    const index = (await page.evaluate(`window.bitextInspect.alignment().links.findIndex((link) => link.source.includes(11))`)) as number;
    assert.equal(index, 11);
    await page.locator('#source-editor .view-line', { hasText: /Nato\sSecretary\sGeneral\sJens\sStoltenberg\sis\sset/ }).click();
    await settle(page);
    assert.match((await page.getByTestId('status-link').textContent()) ?? '', /^Link 12 · ¶ 12 ↔ 1 · /);
    assert.equal(await page.getByTestId('status-paragraph').textContent(), 'Original ¶ 12');
    assert.doesNotMatch((await page.locator('#status-bar').textContent()) ?? '', /\bLn \d/);
    assert.equal(await page.locator('.review-row[data-link="11"] .cell-index').textContent(), '12', 'the review list numbers the link 12');
    assert.match((await page.locator('.review-row[data-link="11"] .cell-paragraphs').textContent()) ?? '', /^12 ↔ 1$/);

    // The report and the TMX export of the alignment the page holds, as the host writes them.
    const alignment = (await page.evaluate('window.bitextInspect.alignment()')) as Alignment;
    const report = renderReport(alignment);
    assert.match(report, /<tr id="link-12" class="[^"]*"><th scope="row" class="index">12<\/th><td class="text" lang="en"><p><span class="para">¶12<\/span>Nato Secretary General/);
    assert.match(report, /<span class="para">¶1<\/span>/, 'Thai paragraph 1');
    assert.match(report, /<title>Link 12: source ¶12 → target ¶1, /, 'the dot plot names it alike');
    const { xml } = toTmx(alignment);
    assert.match(xml, /<tu tuid="12"[^>]*>\s*<prop type="x-status">[^<]*<\/prop>\s*<prop type="x-confidence">[^<]*<\/prop>\s*<prop type="x-source-paragraphs">12<\/prop>\s*<prop type="x-target-paragraphs">1<\/prop>/);
    await page.close();
  });

  test('a 1000 × 650 window: every toolbar, review and Export dialog button is within the viewport', async () => {
    const page = await harness.open({ width: 1000, height: 650 });
    await openPairThroughToolbar(page, harness.workspace);
    await page.keyboard.press('Control+Alt+KeyD');
    await settle(page);
    await shoot(page, 'small-window.png');
    assert.deepEqual(await outside(page, '#toolbar button, #toolbar select'), [], 'toolbar');
    assert.deepEqual(await outside(page, '#review-panel button, #review-panel select, #review-panel [role=radio]'), [], 'review header');
    const editorHeight = await page.locator('#source-editor').evaluate((element) => element.getBoundingClientRect().height);
    assert.ok(editorHeight >= 200, `the editors keep room to read (${editorHeight} px)`);
    await page.keyboard.press('Control+e');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await shoot(page, 'small-window-export.png');
    assert.deepEqual(await outside(page, 'dialog[open] .actions button'), [], 'export dialog buttons');
    await page.keyboard.press('Escape');
    await page.close();
  });

  test('200 % zoom of a 1400 × 900 window (700 × 450 CSS pixels): toolbar, review header and Export dialog buttons stay within the window', async () => {
    const page = await harness.open({ width: 700, height: 450 }, 2);
    await openPairThroughToolbar(page, harness.workspace);
    await shoot(page, 'zoom-200.png');
    assert.deepEqual(await outside(page, '#toolbar button, #toolbar select'), [], 'toolbar');
    assert.deepEqual(await outside(page, '#review-panel button, #review-panel select, #review-panel [role=radio]'), [], 'review header');
    await page.keyboard.press('Control+e');
    await page.locator('dialog[open]').waitFor();
    assert.deepEqual(await outside(page, 'dialog[open] .actions button'), [], 'export dialog buttons');
    await page.keyboard.press('Escape');
    await page.close();
  });

  test('the dot plot zooms with the wheel about the pointer, pans by dragging, shows a minimap, and a click still jumps to the link', async () => {
    const page = await harness.open({ width: 1400, height: 900 });
    await openPairThroughToolbar(page, harness.workspace);
    await page.getByTestId('toggle-dot-plot').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=dot-plot-canvas]')?.dataset.scale !== undefined);
    const drawn = async () => (await page.evaluate(`({ ...document.querySelector('[data-testid=dot-plot-canvas]').dataset })`)) as Record<string, string>;
    const fitted = await drawn();
    assert.equal(await page.getByTestId('dot-plot-minimap').isVisible(), false, 'no minimap while the whole pair is in view');

    // Zoom in over the mark of link 12 (English ¶12 ↔ Thai ¶1).
    const mark = (await dotPlotPoint(page, 11, 0))!;
    await page.mouse.move(mark.x, mark.y);
    for (let notch = 0; notch < 4; notch++) await page.mouse.wheel(0, -200);
    await page.waitForFunction((before) => Number(document.querySelector<HTMLElement>('[data-testid=dot-plot-canvas]')!.dataset.scale) > before * 2, Number(fitted.scale));
    const zoomed = await drawn();
    const after = (await dotPlotPoint(page, 11, 0))!;
    assert.ok(Math.hypot(after.x - mark.x, after.y - mark.y) < Number(zoomed.scale), `the mark under the pointer stays under it (${JSON.stringify({ mark, after, fitted, zoomed })})`);
    assert.equal(await page.getByTestId('dot-plot-minimap').isVisible(), true, 'zoomed in, the minimap shows the whole pair');
    assert.match((await page.getByTestId('dot-plot-caption').textContent()) ?? '', /zoom \d/);
    await shoot(page, 'dot-plot-zoomed.png');

    // Drag to pan: the content follows the pointer.
    await page.mouse.move(mark.x, mark.y);
    await page.mouse.down();
    await page.mouse.move(mark.x + 60, mark.y + 20, { steps: 4 });
    await page.mouse.up();
    const panned = await drawn();
    assert.ok(Number(panned.viewX) < Number(zoomed.viewX), `panned left to right (${zoomed.viewX} → ${panned.viewX})`);

    // A click on a mark still jumps: link 12 under the caret, in the status bar and outlined in the plot.
    const target = (await dotPlotPoint(page, 11, 0))!;
    await page.mouse.click(target.x, target.y);
    await settle(page);
    assert.match((await page.getByTestId('status-link').textContent()) ?? '', /^Link 12 · ¶ 12 ↔ 1/);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=dot-plot-canvas]')?.dataset.active === '11');

    await page.getByTestId('dot-plot-fit').click();
    await page.waitForFunction((scale) => document.querySelector<HTMLElement>('[data-testid=dot-plot-canvas]')?.dataset.scale === scale, fitted.scale);
    await page.close();
  });
});
