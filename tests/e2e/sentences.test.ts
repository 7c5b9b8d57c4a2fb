/**
 * End to end: sentence pairs in the real renderer, in Debian's Chromium through
 * the browser host, on the corpus English–Thai pair: the sentence panel lists
 * the pairs of the link under the caret, and Export… with one pair per sentence
 * writes the pairs `extractPairs` promises, counted here from the alignment.
 *
 * The renderer comes from dist/renderer (`node scripts/build.js --renderer`), or
 * from BITEXT_RENDERER_DIR. The screenshot goes to test-results/screenshots, or
 * to BITEXT_SCREENSHOTS.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHttpHost, type HttpHost } from '../../electron/http-host.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { readDocument } from '../../electron/services/documents.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { createWorkbenchService, samplePair } from '../../electron/services/workbench-service.ts';
import { sentencesOfLink } from '../../shared/align/link-sentences.ts';
import { extractPairs } from '../../shared/formats/export-pairs.ts';
import { paragraphText } from '../../shared/model/document.ts';
import type { Alignment } from '../../shared/model/alignment.ts';
import { alignDocuments } from '../../shared/pipeline.ts';
import { settle, dotPlotPoint } from './page-probes.ts';

const root = resolve(import.meta.dirname, '..', '..');
const assetsDir = resolve(root, process.env.BITEXT_RENDERER_DIR ?? join('dist', 'renderer'));
const screenshots = resolve(root, process.env.BITEXT_SCREENSHOTS ?? join('test-results', 'screenshots'));

describe('sentence pairs in the browser host', { skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}` }, () => {
  let dir: string;
  let workspace: string;
  let host: HttpHost;
  let browser: Browser;
  let page: Page;
  let expected: Alignment;
  const errors: string[] = [];

  before(async () => {
    const source = await readDocument(join(root, samplePair.source));
    const target = await readDocument(join(root, samplePair.target));
    expected = alignDocuments(source, target);
    dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-sentences-'));
    workspace = join(dir, 'workspace');
    mkdirSync(workspace);
    const service = createWorkbenchService({ host: 'browser', rootDir: root, workspace, settings: createSettingsStore(join(dir, 'settings.json')) });
    host = await startHttpHost({ api: service, assetsDir });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(host.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true', 'the workbench started');
    await page.waitForFunction(() => document.documentElement.dataset.busy === 'false');
  });

  after(async () => {
    await browser?.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(errors, [], 'no errors in the page');
  });

  test('the sentence panel lists the sentence pairs of the link under the caret', async () => {
    await page.getByTestId('toggle-sentences').click();
    assert.equal(await page.getByTestId('toggle-sentences').getAttribute('aria-pressed'), 'true');
    await page.getByTestId('sentence-panel').waitFor();
    // Put the caret on the link of "The war in Ukraine…" through the dot plot.
    const index = expected.links.findIndex((link) => link.source.some((paragraph) => paragraphText(expected.source, paragraph).startsWith('The war in Ukraine')));
    assert.ok(index >= 0);
    await page.getByTestId('toggle-dot-plot').click();
    await settle(page);
    const link = expected.links[index]!;
    const mark = await dotPlotPoint(page, link.source[0]!, link.target[0]!);
    assert.ok(mark, `the dot plot shows the mark of link ${index + 1}`);
    await page.mouse.click(mark.x, mark.y);
    await settle(page);
    const block = sentencesOfLink(expected, index)!;
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="sentence-row"]').length === count, block.links.length);
    const rows = await page.getByTestId('sentence-row').evaluateAll((elements) =>
      elements.map((row) => [...row.querySelectorAll('.sentence-cell')].map((cell) => [...cell.querySelectorAll('.sentence')].map((span) => span.textContent).join(' ‖ '))),
    );
    const text = (document: Alignment['source'], refs: typeof block.sourceSentences, indices: readonly number[]) =>
      indices.map((at) => paragraphText(document, refs[at]!.paragraph).slice(refs[at]!.start, refs[at]!.end)).join(' ‖ ');
    assert.deepEqual(
      rows,
      block.links.map((link) => [text(expected.source, block.sourceSentences, link.source), text(expected.target, block.targetSentences, link.target)]),
    );
    assert.ok(rows[0]![0]!.startsWith('The war in Ukraine'));
    assert.match((await page.getByTestId('sentence-caption').textContent()) ?? '', new RegExp(`^link ${index + 1} `));
    await page.getByTestId('toggle-dot-plot').click();
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'sentence-panel.png') });
  });

  test('Export… with one pair per sentence writes the sentence pairs', async () => {
    const wanted = extractPairs(expected, { unit: 'sentence' }, 'none').pairs.length;
    const paragraphs = extractPairs(expected, {}, 'none').pairs.length;
    assert.ok(wanted > paragraphs);
    await page.getByTestId('export').click();
    await page.getByTestId('export-dialog').waitFor();
    await page.getByTestId('format-tmx').check();
    await page.getByTestId('export-unit-sentence').check();
    await page.getByTestId('destination-workspace').check();
    await page.getByTestId('export-name').fill('sentences.tmx');
    assert.match((await page.getByTestId('export-preview').textContent()) ?? '', new RegExp(`^${wanted} pairs`));
    await page.getByTestId('export-confirm').click();
    const path = join(workspace, 'sentences.tmx');
    await page.waitForFunction((file) => document.documentElement.dataset.lastExport === file, path);
    const xml = new DOMParser().parseFromString(readFileSync(path, 'utf8'), 'application/xml');
    assert.equal(xml.getElementsByTagName('tu').length, wanted);
    assert.equal(xml.getElementsByTagName('header')[0]?.getAttribute('segtype'), 'sentence');
  });
});
