/**
 * End to end: the corpus view and the dot plot in the real renderer, driven in
 * Debian's Chromium through the browser host. Open folder… on corpus/ lists its
 * five documents with their languages and proposes exactly one pair, the English
 * original and its Thai translation, and none of the other English articles on
 * the same subject; Open pair aligns it in the editor. The dot plot shows that
 * alignment, a click on a mark puts both editors on its link, and the plot
 * follows when the links change.
 *
 * The renderer comes from dist/renderer (`node scripts/build.js --renderer`), or
 * from BITEXT_RENDERER_DIR. Screenshots go to test-results/screenshots, or to
 * BITEXT_SCREENSHOTS (`BITEXT_SCREENSHOTS=docs/screenshots` refreshes the committed ones).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHttpHost, type HttpHost } from '../../electron/http-host.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { dotPlotPoint, visibleLinkTops } from './page-probes.ts';
import { readDocument } from '../../electron/services/documents.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { createWorkbenchService, samplePair, type WorkbenchServiceOptions } from '../../electron/services/workbench-service.ts';
import { formatLinks, type Alignment } from '../../shared/model/alignment.ts';
import { alignDocuments } from '../../shared/pipeline.ts';

const root = resolve(import.meta.dirname, '..', '..');
const corpus = join(root, 'corpus');
const assetsDir = resolve(root, process.env.BITEXT_RENDERER_DIR ?? join('dist', 'renderer'));
const screenshots = resolve(root, process.env.BITEXT_SCREENSHOTS ?? join('test-results', 'screenshots'));
const skip = existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}`;
/** An English article on the same subject that translates nothing here: the workbench starts with it against the Thai. */
const unrelated = join(corpus, 'related.en.russia-warns-japan-2024.txt');

/** A browser host and a page on it, with the errors the page reported. */
interface Run {
  readonly page: Page;
  readonly errors: string[];
  close(): Promise<void>;
}

async function start(options: Partial<WorkbenchServiceOptions>): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-corpus-'));
  const service = createWorkbenchService({
    host: 'browser',
    rootDir: root,
    workspace: join(dir, 'workspace'),
    settings: createSettingsStore(join(dir, 'settings.json')),
    ...options,
  });
  const host: HttpHost = await startHttpHost({ api: service, assetsDir });
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const close = async () => {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await page.goto(host.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true', 'the workbench started');
    // The screenshots show these views alone: the review panel (another view, on by default) is put away.
    const hideReview = page.getByRole('button', { name: 'Hide the review panel' });
    if ((await hideReview.count()) > 0) await hideReview.click();
  } catch (error) {
    await close();
    throw error;
  }
  return { page, errors, close };
}

/** Waits until no layout has happened for a few frames (spacers and connectors are in place). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.busy === 'false');
  await page.evaluate(`(async () => {
    let last = document.documentElement.dataset.layouts;
    for (let quiet = 0; quiet < 4; ) {
      await new Promise((done) => requestAnimationFrame(() => done(undefined)));
      const now = document.documentElement.dataset.layouts;
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
  })()`);
}

/** The rows of the documents table: [file, language tag, paragraphs]. */
async function documentRows(page: Page): Promise<[string, string, number][]> {
  return page.locator('[data-testid=corpus-document]').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = row.querySelectorAll('td');
      return [cells[0]!.textContent ?? '', row.querySelector('.language-badge')?.textContent ?? '', Number(cells[4]!.textContent)] as [string, string, number];
    }),
  );
}


async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, name) });
}

describe('the corpus view and the dot plot (browser host in Chromium)', { skip }, () => {
  let run: Run;
  let expected: Alignment;
  const paired = () => expected.links.filter((link) => link.source.length > 0 && link.target.length > 0);

  before(async () => {
    expected = alignDocuments(await readDocument(join(root, samplePair.source)), await readDocument(join(root, samplePair.target)));
    // Start on a wrong pair, so opening the proposed one visibly changes what the editor shows.
    run = await start({ initial: { kind: 'pair', source: unrelated, target: join(root, samplePair.target) } });
  });
  after(async () => {
    await run?.close();
    assert.deepEqual(run?.errors ?? [], [], 'no errors in the page');
  });

  test('Open folder… on corpus/: five documents with their languages, and exactly the English–Thai pair proposed', async () => {
    const { page } = run;
    assert.match((await page.locator('#source-header .doc-name').textContent()) ?? '', /related\.en\.russia/);
    await page.getByTestId('open-folder').click();
    await page.locator('[data-testid=folder-option]', { hasText: corpus }).locator('input').check();
    await page.getByTestId('folder-confirm').click();
    await page.waitForFunction(() => document.getElementById('corpus-view')?.dataset.state === 'ready', null, { timeout: 30_000 });
    assert.equal(await page.getByTestId('corpus-folder').textContent(), corpus);

    assert.deepEqual(await documentRows(page), [
      ['nato-asia-2023.en.original-with-page-clutter.txt', 'en', 38],
      ['nato-asia-2023.th.translation.txt', 'th', 10],
      ['related.en.japan-south-korea-putin-kim.txt', 'en', (await readDocument(join(corpus, 'related.en.japan-south-korea-putin-kim.txt'))).paragraphs.length],
      ['related.en.russia-warns-japan-2024.txt', 'en', (await readDocument(unrelated)).paragraphs.length],
      ['related.en.south-korea-japan-weapons-exports.txt', 'en', (await readDocument(join(corpus, 'related.en.south-korea-japan-weapons-exports.txt'))).paragraphs.length],
    ]);
    const proposals = page.getByTestId('corpus-proposal');
    assert.equal(await proposals.count(), 1, 'one pair is proposed');
    const card = (await proposals.textContent()) ?? '';
    assert.match(card, /nato-asia-2023\.en\.original-with-page-clutter\.txt/);
    assert.match(card, /nato-asia-2023\.th\.translation\.txt/);
    assert.doesNotMatch(card, /related\.en/, 'none of the other English articles');
    const score = Number(await proposals.getByTestId('proposal-score').textContent());
    assert.ok(score >= 0.5 && score <= 1, `the score is a proposal's (${score})`);
    assert.match((await proposals.getByTestId('evidence-anchors').textContent()) ?? '', /^\d+ of \d+ shared anchors/);
    assert.match((await proposals.getByTestId('evidence-aligned').textContent()) ?? '', /^\d+% of the shorter document aligned/);
    // The other English articles were weighed against the Thai one and lost: they are listed with lower scores.
    const others = await page.locator('[data-testid=corpus-candidates] tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({ score: Number(row.querySelector('td')?.textContent), text: row.textContent ?? '' })),
    );
    assert.equal(others.filter((row) => row.text.includes('nato-asia-2023.th')).length, 3);
    assert.ok(others.every((row) => row.score < score));
    await page.getByTestId('toggle-dot-plot').waitFor();
    await shoot(page, 'corpus-view.png');
  });

  test('Open pair opens the proposed pair aligned in the editor', async () => {
    const { page } = run;
    await page.getByTestId('open-pair').click();
    await page.waitForFunction(() => document.getElementById('corpus-view')?.hidden === true);
    await settle(page);
    assert.equal(await page.locator('#source-header .doc-name').textContent(), 'nato-asia-2023.en.original-with-page-clutter.txt');
    assert.equal(await page.locator('#target-header .doc-name').textContent(), 'nato-asia-2023.th.translation.txt');
    assert.equal(await page.getByTestId('source-language').textContent(), 'en');
    assert.equal(await page.getByTestId('target-language').textContent(), 'th');
    const drawn = await page.locator('#gutter path.connector').evaluateAll((paths) => paths.map((path) => Number(path.getAttribute('data-link'))));
    assert.deepEqual(
      [...drawn].sort((a, b) => a - b),
      paired().map((link) => expected.links.indexOf(link)),
      `the aligned pair's links are drawn (${formatLinks(expected.links)})`,
    );
  });

  test('the dot plot: a mark per link, coloured by confidence; a click puts both editors on the link', async () => {
    const { page } = run;
    await page.getByTestId('toggle-dot-plot').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid=dot-plot-canvas]') as HTMLCanvasElement | null)?.dataset.scale !== undefined);
    assert.equal(await page.getByTestId('toggle-dot-plot').getAttribute('aria-pressed'), 'true');
    // The plot is a canvas: each paired link's first cell is painted in its confidence band's colour.
    const painted = (await page.evaluate(`(() => {
      const canvas = document.querySelector('[data-testid=dot-plot-canvas]');
      const d = canvas.dataset;
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const context = canvas.getContext('2d');
      const style = getComputedStyle(canvas);
      const hex = (name) => style.getPropertyValue(name).trim().toLowerCase();
      return window.bitextInspect.alignment().links.map((link) => {
        if (link.source.length === 0 || link.target.length === 0) return null;
        const x = (Number(d.plotLeft) + (link.source[0] + 0.5 - Number(d.viewX)) * Number(d.scale)) * ratio;
        const y = (Number(d.plotTop) + (link.target[0] + 0.5 - Number(d.viewY)) * Number(d.scale)) * ratio;
        const [r, g, b] = context.getImageData(Math.round(x), Math.round(y), 1, 1).data;
        const colour = '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
        return { colour, high: hex('--confidence-high'), medium: hex('--confidence-medium'), low: hex('--confidence-low') };
      });
    })()`)) as ({ colour: string; high: string; medium: string; low: string } | null)[];
    painted.forEach((cell, index) => {
      const link = expected.links[index]!;
      const paired = link.source.length > 0 && link.target.length > 0;
      assert.equal(cell !== null, paired, `link ${index + 1}: a mark only when paired`);
      if (!cell) return;
      const band = link.confidence >= 0.8 ? 'high' : link.confidence >= 0.5 ? 'medium' : 'low';
      assert.equal(cell.colour, cell[band], `link ${index + 1}: painted ${band}`);
    });

    // A link far down both documents: English 23 ↔ Thai 7 in the gold alignment.
    const index = expected.links.findIndex((link) => link.source.includes(23) && link.target.length > 0);
    assert.ok(index >= 0, `English 23 is linked (${formatLinks(expected.links)})`);
    const link = expected.links[index]!;
    const point = await dotPlotPoint(page, link.source[0]!, link.target[0]!);
    assert.ok(point, 'its mark is in view');
    await page.mouse.click(point.x, point.y);
    await settle(page);
    const status = (await page.getByTestId('status-link').textContent()) ?? '';
    assert.ok(status.includes(`¶ ${link.source.map((paragraph) => paragraph + 1).join(', ')} ↔ ${link.target.map((paragraph) => paragraph + 1).join(', ')}`), status);
    const row = (await visibleLinkTops(page)).find(([visible]) => visible === index);
    assert.ok(row, 'the link is on screen in both editors');
    assert.ok(Math.abs(row[1] - row[2]) <= 2, 'and level');
    assert.equal(await page.locator('#gutter path.connector.active').getAttribute('data-link'), String(index));
    await page.waitForFunction((wanted) => document.querySelector<HTMLElement>('[data-testid=dot-plot-canvas]')?.dataset.active === wanted, String(index));
    await shoot(page, 'dot-plot.png');
  });

  test('the dot plot follows when the links change (confirm, then undo)', async () => {
    const { page } = run;
    const drawn = (name: string) => page.evaluate((key) => document.querySelector<HTMLElement>('[data-testid=dot-plot-canvas]')?.dataset[key], name);
    assert.notEqual(await drawn('active'), '-1', 'a link is under the caret');
    assert.equal(await drawn('confirmed'), '0');
    // Alt+Enter in the text confirms the link under the caret: the plot is drawn again with it confirmed (outlined).
    await page.keyboard.press('Alt+Enter');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=dot-plot-canvas]')?.dataset.confirmed === '1');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=dot-plot-canvas]')?.dataset.confirmed === '0');
    await page.getByTestId('toggle-dot-plot').click();
    assert.equal(await page.locator('#dot-plot-panel').isVisible(), false);
  });
});

describe('--folder opens the corpus view at start', { skip }, () => {
  test('the folder named on the command line is listed when the page is ready', async () => {
    const run = await start({ initialFolder: corpus });
    try {
      assert.equal(await run.page.getByTestId('corpus-view').isVisible(), true);
      assert.equal(await run.page.getByTestId('corpus-proposal').count(), 1);
      assert.equal(await run.page.locator('[data-testid=corpus-document]').count(), 5);
      // Escape in the view goes back to the editor.
      await run.page.getByText('Proposed translation pairs').click();
      await run.page.keyboard.press('Escape');
      assert.equal(await run.page.getByTestId('corpus-view').isVisible(), false);
      assert.deepEqual(run.errors, []);
    } finally {
      await run.close();
    }
  });
});
