/**
 * End to end: Export… and Review report… in the real renderer, driven in
 * Debian's Chromium through the browser host, on the corpus English–Thai pair.
 * Every format is exported through the dialog, into the workspace and as a
 * download, and each file is read back (XML parsed, CSV read by RFC 4180, the
 * workbook opened with exceljs): it must hold one pair per two-sided link of the
 * alignment, counted here from the alignment, not written down.
 *
 * The renderer comes from dist/renderer (`node scripts/build.js --renderer`), or
 * from BITEXT_RENDERER_DIR. Screenshots go to test-results/screenshots, or to
 * BITEXT_SCREENSHOTS (`BITEXT_SCREENSHOTS=docs/screenshots` refreshes the committed ones).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHttpHost, type HttpHost } from '../../electron/http-host.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { readDocument } from '../../electron/services/documents.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { createWorkbenchService, samplePair } from '../../electron/services/workbench-service.ts';
import { exportFormats, type ExportFormat } from '../../shared/formats/export-format.ts';
import { extractPairs } from '../../shared/formats/export-pairs.ts';
import type { Alignment } from '../../shared/model/alignment.ts';
import { alignDocuments } from '../../shared/pipeline.ts';

const root = resolve(import.meta.dirname, '..', '..');
const assetsDir = resolve(root, process.env.BITEXT_RENDERER_DIR ?? join('dist', 'renderer'));
const screenshots = resolve(root, process.env.BITEXT_SCREENSHOTS ?? join('test-results', 'screenshots'));

async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 60_000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true', 'the workbench started');
  await page.waitForFunction(() => document.documentElement.dataset.busy === 'false');
}

/** Reads CSV/TSV as the exports write them (RFC 4180 quoting, a BOM, a header row). */
function readDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') (field += '"'), index++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) row.push(field), (field = '');
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The pairs a file holds, read back with a reader of its format (a header row is not a pair). */
async function pairsIn(bytes: Buffer, format: ExportFormat): Promise<number> {
  const xml = () => new DOMParser().parseFromString(bytes.toString('utf8'), 'application/xml');
  switch (format.id) {
    case 'tmx':
      return xml().getElementsByTagName('tu').length;
    case 'xliff':
      return xml().getElementsByTagName('unit').length;
    case 'xliff-1.2':
      return xml().getElementsByTagName('trans-unit').length;
    case 'csv':
      return readDelimited(bytes.toString('utf8'), ',').length - 1;
    case 'tsv':
      return readDelimited(bytes.toString('utf8'), '\t').length - 1;
    case 'jsonl':
      return bytes.toString('utf8').trim().split('\n').map((line) => JSON.parse(line)).length;
    case 'xlsx': {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      return workbook.worksheets[0]!.actualRowCount - 1;
    }
  }
}

/** A file name for each format, unique among the formats (the two XLIFFs share an extension). */
function nameFor(format: ExportFormat): string {
  return `corpus-pair${format.id === 'xliff-1.2' ? '-1.2' : ''}.${format.extension}`;
}

describe('Export… and Review report… in the browser host', { skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}` }, () => {
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
    dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-export-'));
    workspace = join(dir, 'workspace');
    mkdirSync(workspace);
    const service = createWorkbenchService({ host: 'browser', rootDir: root, workspace, settings: createSettingsStore(join(dir, 'settings.json')) });
    host = await startHttpHost({ api: service, assetsDir });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', acceptDownloads: true });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(host.url);
    await waitReady(page);
    // The screenshot shows the dialog over the editors alone: the review panel (on by default) is put away.
    const hideReview = page.getByRole('button', { name: 'Hide the review panel' });
    if ((await hideReview.count()) > 0) await hideReview.click();
  });

  after(async () => {
    await browser?.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(errors, [], 'no errors in the page');
  });

  /** Opens the dialog and sets format, destination and name; leaves it open. */
  async function fillDialog(format: ExportFormat, destination: 'workspace' | 'download', name: string): Promise<void> {
    await page.getByTestId('export').click();
    await page.getByTestId('export-dialog').waitFor();
    await page.getByTestId(`format-${format.id}`).check();
    // The dialog starts from the last export's filters: back to the defaults.
    for (const filter of ['confirmed', 'untranslated', 'deduplicate', 'rejected']) {
      const box = page.getByTestId(`export-filter-${filter}`);
      if (!(await box.isDisabled())) await box.uncheck();
    }
    await page.getByTestId('export-filter-min-confidence').fill('0');
    await page.getByTestId(`destination-${destination}`).check();
    await page.getByTestId('export-name').fill(name);
  }

  /** The notices shown, newest last. */
  async function notices(): Promise<string[]> {
    return page.locator('#notices .notice .message').allTextContents();
  }

  async function dismissNotices(): Promise<void> {
    await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('#notices .notice button').forEach((button) => button.click()));
  }

  test('every format through the dialog into the workspace: one pair per two-sided link', async () => {
    const paired = expected.links.filter((link) => link.source.length > 0 && link.target.length > 0).length;
    assert.ok(paired >= 8, `the sample has two-sided links (${paired})`);
    for (const format of exportFormats) {
      const name = nameFor(format);
      await fillDialog(format, 'workspace', name);
      if (format.id === 'tmx') {
        assert.match((await page.getByTestId('export-preview').textContent()) ?? '', new RegExp(`^${paired} pairs`));
        assert.equal(await page.getByTestId('export-filter-untranslated').isDisabled(), true, 'TMX cannot hold untranslated paragraphs');
        mkdirSync(screenshots, { recursive: true });
        await page.screenshot({ path: join(screenshots, 'export-dialog.png') });
      }
      await page.getByTestId('export-confirm').click();
      const path = join(workspace, name);
      await page.waitForFunction((file) => document.documentElement.dataset.lastExport === file, path);
      assert.equal(await pairsIn(readFileSync(path), format), paired, `${format.label}: ${paired} pairs`);
      assert.ok((await notices()).some((text) => text.includes(name) && text.includes(`${paired} pairs`)), `${format.label}: the user is told`);
    }
    await dismissNotices();
  });

  test('every format as a download', async () => {
    const paired = expected.links.filter((link) => link.source.length > 0 && link.target.length > 0).length;
    for (const format of exportFormats) {
      const name = `download-${nameFor(format)}`;
      await fillDialog(format, 'download', name);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()]);
      assert.equal(download.suggestedFilename(), name);
      const saved = join(dir, name);
      await download.saveAs(saved);
      assert.equal(await pairsIn(readFileSync(saved), format), paired, `${format.label} download: ${paired} pairs`);
    }
    assert.deepEqual(readdirSync(workspace).filter((file) => file.startsWith('download-')), [], 'a download writes nothing into the workspace');
    await dismissNotices();
  });

  test('the filters: the count the dialog promises is what the file holds', async () => {
    const format = exportFormats.find((candidate) => candidate.id === 'csv')!;
    // The slider's first step (0.05) above the weakest link's confidence, so the filter leaves something out whatever the aligner's figures.
    const weakest = Math.min(...expected.links.map((link) => link.confidence));
    const minConfidence = Number((Math.floor(weakest / 0.05 + 1) * 0.05).toFixed(2));
    const filters = { includeUntranslated: true, minConfidence };
    const wanted = extractPairs(expected, filters, format.untranslated).pairs.length;
    const all = extractPairs(expected, { includeUntranslated: true }, format.untranslated).pairs.length;
    assert.ok(wanted < all, `the minimum confidence leaves something out (${wanted} of ${all})`);
    await fillDialog(format, 'workspace', 'filtered.csv');
    await page.getByTestId('export-filter-untranslated').check();
    await page.getByTestId('export-filter-min-confidence').fill(String(minConfidence));
    assert.match((await page.getByTestId('export-preview').textContent()) ?? '', new RegExp(`^${wanted} pairs`));
    await page.getByTestId('export-confirm').click();
    await page.waitForFunction((file) => document.documentElement.dataset.lastExport === file, join(workspace, 'filtered.csv'));
    assert.equal(await pairsIn(readFileSync(join(workspace, 'filtered.csv')), format), wanted);

    // No link is confirmed yet: "confirmed only" leaves nothing, and the dialog will not export an empty file.
    // (Opened with Ctrl+E from the text, as the desktop menu's accelerator does.)
    await page.locator('#source-editor .view-lines').click();
    await page.keyboard.press('Control+e');
    await page.getByTestId('export-dialog').waitFor();
    await page.getByTestId('export-filter-confirmed').check();
    assert.match((await page.getByTestId('export-preview').textContent()) ?? '', /^0 pairs/);
    assert.equal(await page.getByTestId('export-confirm').isDisabled(), true);
    await page.getByTestId('export-filter-confirmed').uncheck();
    await page.keyboard.press('Escape');
    await dismissNotices();
  });

  test('an existing file: the dialog asks "Replace?"; No keeps it, Replace replaces it', async () => {
    const path = join(workspace, 'existing.tmx');
    writeFileSync(path, 'precious');
    const tmx = exportFormats[0]!;
    await fillDialog(tmx, 'workspace', 'existing.tmx');
    await page.getByTestId('export-confirm').click();
    const question = page.locator('dialog', { hasText: 'Replace the file?' });
    await question.waitFor();
    assert.match((await question.textContent()) ?? '', /existing\.tmx already exists/);
    await question.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => document.querySelector('dialog') === null);
    assert.equal(readFileSync(path, 'utf8'), 'precious', 'not replaced without a yes');

    await fillDialog(tmx, 'workspace', 'existing.tmx');
    await page.getByTestId('export-confirm').click();
    await page.locator('dialog', { hasText: 'Replace the file?' }).getByTestId('confirm').click();
    await page.waitForFunction((file) => document.documentElement.dataset.lastExport === file, path);
    assert.equal(await pairsIn(readFileSync(path), tmx), expected.links.filter((link) => link.source.length > 0 && link.target.length > 0).length);
    await dismissNotices();
  });

  test('a failed export shows the file and the problem, and leaves no partial file', async () => {
    // A folder where the file should go: everything works until the final rename.
    const blocked = join(workspace, 'blocked.tmx');
    mkdirSync(blocked);
    await fillDialog(exportFormats[0]!, 'workspace', 'blocked.tmx');
    await page.getByTestId('export-confirm').click();
    await page.locator('dialog', { hasText: 'Replace the file?' }).getByTestId('confirm').click();
    const error = page.locator('#notices .notice.error .message');
    await error.waitFor();
    const message = (await error.textContent()) ?? '';
    assert.match(message, /^Export to TMX 1\.4b failed: /);
    assert.ok(message.includes(blocked), `the message names the file: ${message}`);
    assert.ok(statSync(blocked).isDirectory() && readdirSync(blocked).length === 0, 'what was there is untouched');
    assert.deepEqual(readdirSync(workspace).filter((file) => file.endsWith('.tmp')), [], 'no temporary file is left');
    // Chromium logs the host's 422 answer to the failed call; that one was expected.
    const logged = errors.findIndex((text) => /status of 422/.test(text));
    assert.ok(logged >= 0, 'the host answered the failed export with 422');
    errors.splice(logged, 1);
    await dismissNotices();
  });

  test('Review report…: one HTML page with both texts, the flags and the dot plot', async () => {
    await page.getByTestId('export-report').click();
    await page.getByTestId('destination-workspace').check();
    await page.getByTestId('export-name').fill('review.html');
    await page.getByTestId('export-confirm').click();
    const path = join(workspace, 'review.html');
    await page.waitForFunction((file) => document.documentElement.dataset.lastExport === file, path);
    const html = readFileSync(path, 'utf8');
    assert.match(html, /^<!doctype html>/i);
    assert.match(html, /Nato Secretary General Jens Stoltenberg/);
    assert.match(html, /เลขาธิการนาโต/);
    assert.equal((html.match(/<g class="mark[^"]*" data-link="/g) ?? []).length, expected.links.length, 'a mark per link in its dot plot');
    assert.match((await notices()).join('\n'), /review\.html written .*\d+ links, \d+ flags?/);

    await page.getByTestId('export-report').click();
    await page.getByTestId('destination-download').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()]);
    assert.match(download.suggestedFilename(), /-report\.html$/);
    await dismissNotices();
  });
});
