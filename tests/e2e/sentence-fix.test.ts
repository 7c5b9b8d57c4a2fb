/**
 * End to end: a reviewer fixes a sentence pair in the real renderer (Debian's
 * Chromium, the browser host) on the corpus English–Thai pair: opens the
 * sentence panel with Shift+F6 on a link, merges two sentence pairs with M,
 * undoes and redoes, saves, reloads and finds the fix, and `bitext export
 * --unit sentence` on the saved file writes the fixed pair.
 *
 * The renderer comes from dist/renderer (`node scripts/build.js --renderer`), or
 * from BITEXT_RENDERER_DIR. The screenshot goes to test-results/screenshots, or
 * to BITEXT_SCREENSHOTS.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { run as exportCommand } from '../../electron/cli/export.ts';
import { chromiumPath } from './chromium.ts';
import { startWorkbench, waitReady, type WorkbenchSession } from './workbench-page.ts';
import { readDocument } from '../../electron/services/documents.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { createWorkbenchService, samplePair } from '../../electron/services/workbench-service.ts';
import { sentencesOfLink } from '../../shared/align/link-sentences.ts';
import { parseAlignmentFile } from '../../shared/formats/alignment-json.ts';
import { paragraphText } from '../../shared/model/document.ts';
import type { Alignment, StoredSentences } from '../../shared/model/alignment.ts';
import { alignDocuments } from '../../shared/pipeline.ts';
import { settle, dotPlotPoint } from './page-probes.ts';

const root = resolve(import.meta.dirname, '..', '..');
const screenshots = resolve(root, process.env.BITEXT_SCREENSHOTS ?? join('test-results', 'screenshots'));

const srxFixture = join(root, 'tests', 'fixtures', 'srx', 'workbench-sample.srx');
const inspect = (page: Page): Promise<Alignment> => page.evaluate('window.bitextInspect.alignment()') as Promise<Alignment>;
const pairsOf = (sentences: StoredSentences | undefined) => sentences?.pairs.map((pair) => `${pair.source.join(',')}-${pair.target.join(',')}`).join(' ');


describe('fixing sentence pairs in the browser host', { skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}` }, () => {
  let dir: string;
  let workspace: string;
  let page: Page;
  let expected: Alignment;
  /** The link whose first two sentence pairs the reviewer merges. */
  let index: number;
  let computedPairs: number;
  let session: WorkbenchSession | undefined;
  /** Set while the host is expected to answer 400 (the bad SRX file), which Chromium logs as a console error. */
  let expectBadRequest = false;

  /** Puts the caret on the link through the dot plot, as a reviewer clicks its mark. */
  async function goToLink(): Promise<void> {
    await page.getByTestId('toggle-dot-plot').click();
    await settle(page);
    const link = expected.links[index]!;
    const mark = await dotPlotPoint(page, link.source[0]!, link.target[0]!);
    assert.ok(mark, `the dot plot shows the mark of link ${index + 1}`);
    await page.mouse.click(mark.x, mark.y);
    await settle(page);
    await page.getByTestId('toggle-dot-plot').click();
    await settle(page);
  }

  before(async () => {
    const source = await readDocument(join(root, samplePair.source));
    const target = await readDocument(join(root, samplePair.target));
    expected = alignDocuments(source, target);
    // The link with the most sentence pairs whose first two have both sides: room to merge, then to move a sentence.
    const candidates = expected.links
      .map((_, at) => ({ at, block: sentencesOfLink(expected, at) }))
      .filter(({ block }) => block && block.links.length >= 3 && block.links.slice(0, 2).every((pair) => pair.source.length > 0 && pair.target.length > 0));
    assert.ok(candidates.length > 0, 'a link with three sentence pairs');
    const chosen = candidates.reduce((best, candidate) => (candidate.block!.links.length > best.block!.links.length ? candidate : best));
    index = chosen.at;
    const block = chosen.block!;
    computedPairs = block.links.length;
    assert.ok(computedPairs >= 2 && block.links[0]!.source.length > 0 && block.links[1]!.source.length > 0, 'the link has two sentence pairs to merge');
    dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-sentence-fix-'));
    workspace = join(dir, 'workspace');
    mkdirSync(workspace);
    const service = createWorkbenchService({ host: 'browser', rootDir: root, workspace, settings: createSettingsStore(join(dir, 'settings.json')) });
    session = await startWorkbench(service, (message) => expectBadRequest && /status of 400/.test(message.text()));
    page = session.page;
    await waitReady(page, { idle: true });
  });

  after(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(session?.errors, [], 'no errors in the page');
  });

  test('Shift+F6 opens the sentence pairs of the link; M merges two, Ctrl+Z and Ctrl+Y take it back and again', async () => {
    await goToLink();
    await page.keyboard.press('Shift+F6');
    await page.getByTestId('sentence-panel').waitFor();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="sentence-row"]').length === count, computedPairs);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'sentence-list', 'the pairs have the keyboard');
    assert.match((await page.getByTestId('sentence-caption').textContent()) ?? '', new RegExp(`^link ${index + 1} `));

    await page.keyboard.press('m');
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="sentence-row"]').length === count - 1, computedPairs);
    const merged = (await inspect(page)).links[index]!.sentences;
    assert.ok(merged, 'the link now stores its sentence pairs');
    const first = merged.pairs[0]!;
    assert.equal(first.status, 'confirmed');
    assert.ok(first.source.length >= 2, pairsOf(merged));
    assert.equal(await page.getByTestId('sentence-row').first().getAttribute('data-status'), 'confirmed');
    assert.match((await page.getByTestId('sentence-caption').getAttribute('class')) ?? '', /stored/);

    await page.keyboard.press('Control+z');
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="sentence-row"]').length === count, computedPairs);
    assert.equal((await inspect(page)).links[index]!.sentences, undefined, 'undo: computed again');
    await page.keyboard.press('Control+y');
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="sentence-row"]').length === count - 1, computedPairs);
    assert.equal(pairsOf((await inspect(page)).links[index]!.sentences), pairsOf(merged), 'redo: the fix again');
    // J moves the last sentence of the selected pair into the next one; Ctrl+Z takes it back (the merge stays).
    const pairsNow = () =>
      page.evaluate(() =>
        (window as unknown as { bitextInspect: { alignment(): Alignment } }).bitextInspect
          .alignment()
          .links.map((link) => link.sentences?.pairs.map((pair) => `${pair.source.join(',')}-${pair.target.join(',')}`).join(' ') ?? '')
          .join('|'),
      );
    const before = await pairsNow();
    await page.keyboard.press('j');
    await page.waitForFunction((wanted) => document.querySelectorAll('[data-testid="sentence-row"].selected').length === 1 && wanted !== '', before);
    await page.waitForFunction(
      (wanted) =>
        (window as unknown as { bitextInspect: { alignment(): Alignment } }).bitextInspect
          .alignment()
          .links.map((link) => link.sentences?.pairs.map((pair) => `${pair.source.join(',')}-${pair.target.join(',')}`).join(' ') ?? '')
          .join('|') !== wanted,
      before,
    );
    assert.notEqual(await pairsNow(), before, 'J moved a sentence');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      (wanted) =>
        (window as unknown as { bitextInspect: { alignment(): Alignment } }).bitextInspect
          .alignment()
          .links.map((link) => link.sentences?.pairs.map((pair) => `${pair.source.join(',')}-${pair.target.join(',')}`).join(' ') ?? '')
          .join('|') === wanted,
      before,
    );

    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'sentence-fix.png') });
    await page.getByTestId('sentence-panel').screenshot({ path: join(screenshots, 'sentence-fix-panel.png') });
  });

  test('saved, reloaded and exported by sentence: the fixed pair is there', async () => {
    const fixed = (await inspect(page)).links[index]!.sentences!;
    await page.getByTestId('save').click();
    await page.getByTestId('save-name').fill('fixed.bitext');
    await page.getByTestId('save-confirm').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=title]')?.getAttribute('data-dirty') === 'false');
    const path = join(workspace, 'fixed.bitext');
    const saved = parseAlignmentFile(readFileSync(path, 'utf8'), path);
    assert.equal(saved.schemaVersion, 3);
    assert.deepEqual(saved.links[index]!.sentences, fixed);
    assert.ok(saved.links.filter((link) => link.sentences).length === 1, 'only the fixed link stores its sentences');

    await page.reload();
    await waitReady(page, { idle: true });
    assert.equal(pairsOf((await inspect(page)).links[index]!.sentences), pairsOf(fixed));
    await goToLink();
    await page.getByTestId('toggle-sentences').click();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="sentence-row"]').length === count - 1, computedPairs);
    const reopened = await inspect(page);
    const sentence = (at: number) => {
      const ref = fixed.source[at]!;
      return paragraphText(reopened.source, ref.paragraph).slice(ref.start, ref.end);
    };
    const firstRow = (await page.getByTestId('sentence-row').first().locator('.sentence-cell.source').textContent()) ?? '';
    for (const at of fixed.pairs[0]!.source) assert.ok(firstRow.includes(sentence(at)), `row 1 holds source sentence ${at + 1}`);

    const output = join(dir, 'sentences.jsonl');
    assert.equal(await exportCommand([path, '-o', output, '--unit', 'sentence']), 0);
    const records = readFileSync(output, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { source: string; target: string; provenance: { link: number } });
    const ofLink = records.filter((record) => record.provenance.link === index + 1);
    assert.equal(ofLink.length, fixed.pairs.filter((pair) => pair.source.length > 0 && pair.target.length > 0).length);
    assert.ok(fixed.pairs[0]!.source.every((at) => ofLink[0]!.source.includes(sentence(at))), 'the merged pair is one unit of the export');
  });

  test('the Export… dialog chooses the SRX rules sentences are cut by: a bad file is refused with its line, a good one kept', async () => {
    const bad = join(dir, 'bad.srx');
    writeFileSync(bad, '<?xml version="1.0"?>\n<srx version="2.0">\n<body>\n<maprules>\n<languagemap languagepattern=".*" languagerulename="missing"/>\n</maprules>\n</body>\n</srx>\n');
    await page.getByTestId('export').click();
    await page.getByTestId('export-dialog').waitFor();
    await page.getByTestId('export-unit-sentence').check();
    assert.equal(await page.getByTestId('export-srx-name').textContent(), 'built-in rules');
    const choose = async (file: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('export-srx-choose').click();
      await (await chooser).setFiles(file);
    };
    expectBadRequest = true;
    await choose(bad);
    await page.locator('.export-dialog .dialog-error:not([hidden])').waitFor();
    expectBadRequest = false;
    assert.match((await page.locator('.export-dialog .dialog-error').textContent()) ?? '', /^bad\.srx:5: .*missing language rule/);
    await choose(srxFixture);
    await page.waitForFunction(() => document.querySelector('[data-testid="export-srx-name"]')?.textContent === 'workbench-sample.srx');
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(dir, 'segmentation.json'), 'utf8'))), ['name', 'srx'], 'kept beside the settings');
    await page.locator('.export-dialog').screenshot({ path: join(screenshots, 'export-srx.png') });
    await page.getByTestId('export-srx-clear').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="export-srx-name"]')?.textContent === 'built-in rules');
    await page.keyboard.press('Escape');
  });
});
