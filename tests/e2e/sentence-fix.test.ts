/**
 * End to end: a reviewer fixes a sentence pair in the real renderer (Debian's
 * Chromium, the browser host) on the corpus English–Thai pair: opens the
 * sentence panel with Shift+F6 on a link, merges two sentence pairs with M,
 * undoes and redoes; recomputes with A, cuts an English sentence at a click
 * and joins it again (Shift+S, Enter, Shift+M), cuts the Thai clause the
 * segmenter ran together at the word the arrows reach and moves its second
 * part to the next pair with J; U then J keep the moved sentence selected;
 * saves, reloads and finds the fix, and `bitext export --unit sentence` on
 * the saved file writes the fixed pairs with the new boundaries.
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


  /** The text of sentence `index` of `side` as the panel shows it (the cut bar is not text). */
  const shownSentence = (side: 'source' | 'target', index: number) =>
    page.evaluate(`document.querySelector('.sentence[data-side="${side}"][data-index="${index}"]')?.textContent ?? ''`) as Promise<string>;
  /** The text before the cut bar in the sentence being cut. */
  const beforeCut = () => page.evaluate(`(() => { const bar = document.querySelector('[data-testid=sentence-cut]'); return bar ? bar.previousSibling?.textContent ?? '' : undefined; })()`) as Promise<string | undefined>;
  /** Texts of the link's stored sentences of `side`, `|` between them. */
  const storedTexts = async (side: 'source' | 'target') => {
    const alignment = await inspect(page);
    const stored = alignment.links[index]!.sentences;
    return stored ? stored[side].map((ref) => paragraphText(alignment[side], ref.paragraph).slice(ref.start, ref.end)).join('|') : 'computed';
  };
  const selectedRow = () => page.evaluate(`document.querySelector('[data-testid="sentence-row"].selected')?.dataset.pair`) as Promise<string | undefined>;
  const selectedText = () => page.evaluate(`document.querySelector('[data-testid="sentence-row"].selected')?.textContent ?? ''`) as Promise<string>;

  test('A recomputes; Shift+S cuts a sentence where clicked (or where the arrows put the cut), Shift+M joins it again; J then U and J keep the moved sentence selected', async () => {
    await page.keyboard.press('Shift+F6');
    await page.keyboard.press('a');
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="sentence-row"]').length === count, computedPairs);
    assert.equal((await inspect(page)).links[index]!.sentences, undefined, 'A: computed again');
    const computed = sentencesOfLink(expected, index)!;
    const computedTexts = (side: 'source' | 'target') =>
      (side === 'source' ? computed.sourceSentences : computed.targetSentences).map((ref) => paragraphText(expected[side], ref.paragraph).slice(ref.start, ref.end)).join('|');
    // The panel names the keys as mapped, the cut and the join among them.
    const help = (await page.getByTestId('sentence-help').textContent()) ?? '';
    for (const phrase of ['C confirm', 'M merge with next pair', 'S split pair', 'K/J move sentence', 'Shift+S cut sentence', 'Shift+M join with next sentence', 'A recompute']) assert.ok(help.includes(phrase), `${phrase} in “${help}”`);

    // English: a click in the second pair's sentence just before "and was therefore", then Shift+S shows the cut there.
    const english = await shownSentence('source', 1);
    const cutWord = english.indexOf('and was therefore');
    assert.ok(cutWord > 0, english);
    const point = (await page.evaluate(`(() => {
      const element = document.querySelector('.sentence[data-side="source"][data-index="1"]');
      const range = document.createRange();
      range.setStart(element.firstChild, ${cutWord});
      range.setEnd(element.firstChild, ${cutWord + 1});
      const box = range.getBoundingClientRect();
      return { x: box.left + 1, y: box.top + box.height / 2 };
    })()`)) as { x: number; y: number };
    await page.mouse.click(point.x, point.y);
    await page.keyboard.press('Shift+S');
    await page.getByTestId('sentence-cut').waitFor();
    assert.equal(await beforeCut(), english.slice(0, cutWord));
    assert.match((await page.getByTestId('sentence-help').textContent()) ?? '', /^Cutting original sentence 2: ← → move the cut by word/);
    // → moves it a word on, ← back.
    await page.keyboard.press('ArrowRight');
    assert.equal(await beforeCut(), english.slice(0, english.indexOf('was therefore')));
    await page.keyboard.press('ArrowLeft');
    assert.equal(await beforeCut(), english.slice(0, cutWord));
    mkdirSync(screenshots, { recursive: true });
    await page.getByTestId('sentence-panel').screenshot({ path: join(screenshots, 'sentence-cut-english.png') });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=sentence-cut]').length === 0);
    await page.waitForFunction(() => document.querySelectorAll('.sentence[data-side="source"]').length === 4);
    const cutEnglish = await storedTexts('source');
    assert.equal(cutEnglish.split('|')[1], english.slice(0, cutWord).trimEnd());
    assert.equal(cutEnglish.split('|')[2], english.slice(cutWord));
    assert.equal(await selectedRow(), '1', 'both parts stay in their pair');
    await page.getByTestId('sentence-panel').screenshot({ path: join(screenshots, 'sentence-cut-english-done.png') });
    // Shift+M on the first part joins the two again: the sentences are the computed ones.
    await page.keyboard.press('Shift+M');
    await page.waitForFunction(() => document.querySelectorAll('.sentence[data-side="source"]').length === 3);
    assert.equal(await storedTexts('source'), computedTexts('source'));

    // Thai: the first pair's second clause runs the end of English sentence 1 into the start of sentence 2.
    await page.keyboard.press('ArrowUp');
    const thai = await shownSentence('target', 1);
    const thaiCut = thai.indexOf('และแม้ว่า');
    assert.ok(thaiCut > 0, thai);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+S');
    await page.getByTestId('sentence-cut').waitFor();
    assert.match((await page.getByTestId('sentence-help').textContent()) ?? '', /^Cutting translation sentence 2/);
    // Home, then word by word (Thai words found by the segmenter's dictionary) to where the second English sentence starts.
    await page.keyboard.press('Home');
    for (let step = 0; step < 40 && (await beforeCut()) !== thai.slice(0, thaiCut); step++) await page.keyboard.press('ArrowRight');
    assert.equal(await beforeCut(), thai.slice(0, thaiCut), 'the arrows reach the word boundary before และแม้ว่า');
    await page.getByTestId('sentence-panel').screenshot({ path: join(screenshots, 'sentence-cut-thai.png') });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.sentence[data-side="target"]').length === 4);
    // J moves the second part (the last translation sentence of the pair) into the next pair, which is then selected.
    await page.keyboard.press('j');
    await page.waitForFunction(() => document.querySelector('[data-testid="sentence-row"].selected')?.getAttribute('data-pair') === '1');
    assert.ok((await selectedText()).includes(thai.slice(thaiCut)), 'the next pair holds the moved clause and is selected');
    const fixedThai = (await storedTexts('target')).split('|');
    assert.deepEqual(fixedThai.slice(1, 3), [thai.slice(0, thaiCut), thai.slice(thaiCut)]);
    await page.getByTestId('sentence-panel').screenshot({ path: join(screenshots, 'sentence-cut-thai-done.png') });
    const fixedPairs = pairsOf((await inspect(page)).links[index]!.sentences);
    assert.equal(fixedPairs, '0-0,1 1-2,3 2-');

    // U on the first English sentence, then J: the sentence goes into the next pair, which stays selected (was one pair off).
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('u');
    await page.waitForFunction((wanted) => document.querySelector('[data-testid="sentence-row"].selected')?.textContent?.includes(wanted) === true, computedTexts('source').split('|')[0]!.slice(0, 30));
    assert.equal(pairsOf((await inspect(page)).links[index]!.sentences), '0- -0 -1 1-2,3 2-');
    await page.keyboard.press('j');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sentence-row"]').length === 4);
    assert.equal(pairsOf((await inspect(page)).links[index]!.sentences), '0-0 -1 1-2,3 2-');
    assert.equal(await selectedRow(), '0');
    assert.ok((await selectedText()).includes(computedTexts('source').split('|')[0]!), 'the selected pair holds the moved sentence');
    // Undo both; undo the cut and the move, redo them: one history.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sentence-row"]').length === 3);
    assert.equal(pairsOf((await inspect(page)).links[index]!.sentences), fixedPairs);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelectorAll('.sentence[data-side="target"]').length === 3);
    assert.equal(await storedTexts('target'), computedTexts('target'));
    await page.keyboard.press('Control+y');
    await page.keyboard.press('Control+y');
    await page.waitForFunction(() => document.querySelectorAll('.sentence[data-side="target"]').length === 4);
    assert.equal(pairsOf((await inspect(page)).links[index]!.sentences), fixedPairs);
    assert.deepEqual((await storedTexts('target')).split('|').slice(1, 3), [thai.slice(0, thaiCut), thai.slice(thaiCut)]);
  });

  test('saved, reloaded and exported by sentence: the fixed pairs and boundaries are there', async () => {
    const fixed = (await inspect(page)).links[index]!.sentences!;
    await page.getByTestId('save').click();
    await page.getByTestId('save-name').fill('fixed.bitext');
    await page.getByTestId('save-confirm').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=title]')?.getAttribute('data-dirty') === 'false');
    const path = join(workspace, 'fixed.bitext');
    const saved = parseAlignmentFile(readFileSync(path, 'utf8'), path);
    assert.equal(saved.schemaVersion, 3);
    assert.deepEqual(saved.links[index]!.sentences, fixed);
    assert.deepEqual(fixed.rules, { kind: 'built-in' }, 'the rules that cut the sentences are recorded');
    assert.ok(saved.links.filter((link) => link.sentences).length === 1, 'only the fixed link stores its sentences');

    await page.reload();
    await waitReady(page, { idle: true });
    assert.equal(pairsOf((await inspect(page)).links[index]!.sentences), pairsOf(fixed));
    await goToLink();
    await page.getByTestId('toggle-sentences').click();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="sentence-row"]').length === count, fixed.pairs.length);
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
    assert.ok(fixed.pairs[0]!.source.every((at) => ofLink[0]!.source.includes(sentence(at))), 'the first pair is one unit of the export');
    // The Thai clause cut in two: its second part begins the second unit's translation.
    const cutPart = fixed.target[2]!;
    const cutText = paragraphText(reopened.target, cutPart.paragraph).slice(cutPart.start, cutPart.end);
    assert.ok(cutText.startsWith('และแม้ว่า') && ofLink[1]!.target.startsWith(cutText), `${cutText} / ${ofLink[1]!.target}`);
    assert.ok(!ofLink[0]!.target.includes(cutText));
  });

  test('the Export… dialog chooses the SRX rules sentences are cut by: a bad file is refused with its line, a good one kept; reopened, a fix cut by other rules is named', async () => {
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
    // The saved fix was cut by the built-in rules: opened again with the SRX file chosen, the app says so.
    await page.keyboard.press('Escape');
    await page.reload();
    await waitReady(page, { idle: true });
    await page.waitForFunction(
      (text) => [...document.querySelectorAll('#notices .notice .message')].some((notice) => notice.textContent?.includes(text)),
      `Sentence rules: the stored sentence pairs of link ${index + 1} were cut by the built-in rules, not by the SRX file workbench-sample.srx (SHA-256 `,
    );
    await page.getByTestId('export').click();
    await page.getByTestId('export-dialog').waitFor();
    await page.getByTestId('export-unit-sentence').check();
    await page.getByTestId('export-srx-clear').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="export-srx-name"]')?.textContent === 'built-in rules');
    await page.keyboard.press('Escape');
  });
  test('every key the panel names does what its text says: R, C, K, S, X, Space and L, Enter', async () => {
    const rowStatus = (at: number) => page.evaluate(`document.querySelector('[data-testid="sentence-row"][data-pair="${at}"]')?.dataset.status`) as Promise<string | undefined>;
    const pairsNow = async () => pairsOf((await inspect(page)).links[index]!.sentences);
    await goToLink();
    await page.keyboard.press('Shift+F6');
    await page.getByTestId('sentence-list').waitFor();
    await page.keyboard.press('Home');
    assert.equal(await pairsNow(), '0-0,1 1-2,3 2-', 'the fix saved and reopened');
    await page.keyboard.press('r');
    await page.waitForFunction(() => document.querySelector('[data-testid="sentence-row"][data-pair="0"]')?.getAttribute('data-status') === 'rejected');
    // C confirms and moves on to the next pair nobody judged: the third (untranslated) one.
    await page.keyboard.press('c');
    await page.waitForFunction(() => document.querySelector('[data-testid="sentence-row"].selected')?.getAttribute('data-pair') === '2');
    assert.equal(await rowStatus(0), 'confirmed');
    // K moves its English sentence up into the second pair, which holds it and is selected.
    await page.keyboard.press('k');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sentence-row"]').length === 2);
    assert.equal(await pairsNow(), '0-0,1 1,2-2,3');
    assert.equal(await selectedRow(), '1');
    // S pairs the sentences of the 2:2 pair in order; X unlinks the first of them.
    await page.keyboard.press('s');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sentence-row"]').length === 3);
    assert.equal(await pairsNow(), '0-0,1 1-2 2-3');
    await page.keyboard.press('x');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sentence-row"]').length === 4);
    assert.equal(await pairsNow(), '0-0,1 1- -2 2-3');
    // Space marks the pair, ↓ moves on, L links the marked pair with the selected one.
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sentence-row"].marked').length === 1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('l');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sentence-row"]').length === 3);
    assert.equal(await pairsNow(), '0-0,1 1-2 2-3');
    assert.equal(await page.locator('[data-testid="sentence-row"].marked').count(), 0, 'the marks are used up');
    // Enter gives the keyboard back to the text.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null);
  });
});
