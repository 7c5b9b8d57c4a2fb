/**
 * End to end, the reviewer's day (issue 4), in Debian's Chromium through the
 * browser host, on the corpus English–Thai pair: an alignment with the
 * mistakes an aligner makes is opened from the workspace and fixed from the
 * keyboard only (review mode: F6, then single keys), an ad (a photo caption)
 * is marked untranslated, links are merged and split, a note and tags are
 * added, Ctrl+Enter confirms and lands on the next unconfirmed link, undo and
 * redo cover all of it, the work is saved and reloaded, text edits keep the
 * links, and a document changed on disk is rebased with a report.
 *
 * Build the renderer first (`node scripts/build.js --renderer`). Screenshots go
 * to test-results/screenshots, or to BITEXT_SCREENSHOTS (`docs/screenshots`).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHttpHost, type HttpHost } from '../../electron/http-host.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { settle } from './page-probes.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { readDocument } from '../../electron/services/documents.ts';
import { saveAlignment } from '../../electron/services/alignment-store.ts';
import { createWorkbenchService, samplePair } from '../../electron/services/workbench-service.ts';
import { alignDocuments } from '../../shared/pipeline.ts';
import { formatLinks, parseLinks, type Alignment, type Link } from '../../shared/model/alignment.ts';
import { sortLinks } from '../../shared/edits/sort-links.ts';

const root = resolve(import.meta.dirname, '..', '..');
const screenshots = resolve(root, process.env.BITEXT_SCREENSHOTS ?? join('test-results', 'screenshots'));

/** The gold alignment of the pair (tests/fixtures/gold). */
const gold = readFileSync(join(root, 'tests', 'fixtures', 'gold', 'nato-asia-2023.en-th.gold.txt'), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .join(' ')
  .trim()
  .replace(/\s+/g, ' ');

/**
 * The alignment a weaker aligner would have made: a photo caption (14) taken
 * into the next link, a boundary one paragraph off (21 left alone instead of
 * joining 20-6), a group that skips a headline split apart (17-5, 19 alone),
 * and a link torn in two (25 and Thai 9 each alone). Each with a low confidence.
 */
const damaged: readonly [string, number][] = [
  ['14,15-3', 0.31],
  ['17-5', 0.42],
  ['18-∅', 0.9],
  ['19-∅', 0.38],
  ['20-6', 0.45],
  ['21-∅', 0.35],
  ['25-∅', 0.47],
  ['∅-9', 0.48],
];

function damagedLinks(): Link[] {
  const replace = new Map(damaged);
  const keep = parseLinks(gold)
    .map((link) => formatLinks([link]))
    .filter((compact) => !['14-∅', '15-3', '17,19-5', '18-∅', '20,21-6', '25-9'].includes(compact));
  const links = [...keep, ...replace.keys()].map((compact) => {
    const link = parseLinks(compact)[0]!;
    return { ...link, score: 1, confidence: replace.get(compact) ?? 0.97, status: 'auto' as const };
  });
  return sortLinks(links);
}

interface Harness {
  readonly page: Page;
  readonly workspace: string;
  readonly settingsPath: string;
  /** Opens the workbench in a new tab (the query after the token, e.g. `&open=x.bitext`). */
  newPage(query?: string): Promise<Page>;
  close(): Promise<void>;
}


async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 60_000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true', 'the workbench started');
  await page.waitForFunction(() => document.documentElement.dataset.flags !== undefined);
  await settle(page);
}

async function start(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-review-'));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  const source = join(workspace, 'nato.en.txt');
  const target = join(workspace, 'nato.th.txt');
  copyFileSync(join(root, samplePair.source), source);
  copyFileSync(join(root, samplePair.target), target);
  const aligned: Alignment = alignDocuments(await readDocument(source), await readDocument(target), { now: '2024-05-01T00:00:00.000Z' });
  assert.equal(formatLinks(aligned.links), gold, 'the aligner gets the pair right; the test damages it');
  await saveAlignment(join(workspace, 'review.bitext'), { ...aligned, links: damagedLinks() });

  const settingsPath = join(dir, 'config', 'settings.json');
  const service = createWorkbenchService({ host: 'browser', rootDir: root, workspace, settings: createSettingsStore(settingsPath), recoveryDir: join(dir, 'recovery') });
  const host: HttpHost = await startHttpHost({ api: service, assetsDir: join(root, 'dist', 'renderer') });
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${host.url}&open=review.bitext`);
  await waitReady(page);
  return {
    page,
    workspace,
    settingsPath,
    async newPage(query = '') {
      const tab = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(`${host.url}${query}`);
      return tab;
    },
    async close() {
      await browser.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
      assert.deepEqual(errors, [], 'no errors in the page');
    },
  };
}

const links = (page: Page): Promise<string> => page.evaluate('window.bitextInspect.links()') as Promise<string>;
const alignment = (page: Page): Promise<Alignment> => page.evaluate('window.bitextInspect.alignment()') as Promise<Alignment>;
const caret = (page: Page): Promise<{ side: string; paragraph: number; link: number }> => page.evaluate('window.bitextInspect.caret()') as Promise<{ side: string; paragraph: number; link: number }>;

/** The current link, compactly (`17,19-5`). */
async function current(page: Page): Promise<string> {
  const [value, at] = await Promise.all([alignment(page), caret(page)]);
  const link = value.links[at.link];
  return link ? formatLinks([link]) : '';
}

async function keys(page: Page, ...presses: string[]): Promise<void> {
  for (const press of presses) await page.keyboard.press(press);
  await settle(page);
}

/** In review mode, moves down the list (document order) to the link `compact`, by keyboard. */
async function moveTo(page: Page, compact: string): Promise<void> {
  await keys(page, 'Home');
  for (let step = 0; step < 60 && (await current(page)) !== compact; step++) await page.keyboard.press('ArrowDown');
  assert.equal(await current(page), compact, `reached ${compact}`);
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, name) });
}

async function editorText(page: Page, side: 'source' | 'target'): Promise<string> {
  return page.evaluate(`window.bitextInspect.alignment().${side}.text`) as Promise<string>;
}

describe('reviewing the corpus pair (browser host in Chromium)', { skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}` }, () => {
  let harness: Harness;
  before(async () => {
    harness = await start();
  });
  after(async () => {
    await harness?.close();
  });

  test('fixes the wrong links from the keyboard only: review mode, weakest first, U, K, Space and Shift+L, A', async () => {
    const { page } = harness;
    assert.notEqual(await links(page), gold);
    await keys(page, 'F6');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.reviewMode), 'review', 'F6 puts the keyboard on the link list');
    assert.equal(await page.getByTestId('review-mode').textContent(), 'Review mode');
    await keys(page, 'o', 'Home');
    assert.equal(await page.getByTestId('review-sort').inputValue(), 'weakest');
    assert.equal(await current(page), '14,15-3', 'the weakest link comes first');
    await shoot(page, 'review-panel.png');

    // A photo caption inside a link: U takes the paragraph at the caret out, as untranslated (and confirmed).
    assert.deepEqual(await caret(page), { ...(await caret(page)), side: 'source', paragraph: 14 });
    await keys(page, 'u');
    assert.match(await links(page), / 14-∅ 15-3 /);
    const untranslated = (await alignment(page)).links.find((link) => formatLinks([link]) === '14-∅')!;
    assert.equal(untranslated.status, 'confirmed');

    // What is left of the link the caption came from was judged by nobody: auto, confidence 0, first for review (docs/review.md).
    await keys(page, 'Home');
    assert.equal(await current(page), '15-3');
    assert.deepEqual(
      (({ status, confidence }) => ({ status, confidence }))((await alignment(page)).links.find((link) => formatLinks([link]) === '15-3')!),
      { status: 'auto', confidence: 0 },
    );

    // Paragraph 21 left alone: K moves it up into the link before (20-6).
    await keys(page, 'ArrowDown');
    assert.equal(await current(page), '21-∅');
    await keys(page, 'k');
    assert.match(await links(page), / 20,21-6 /);

    // A group that skips a headline: mark 19 and 17-5 with Space, link them with a skip (Shift+L).
    await keys(page, 'Home', 'ArrowDown');
    assert.equal(await current(page), '19-∅');
    await keys(page, 'Space', 'ArrowDown');
    assert.equal(await current(page), '17-5');
    await keys(page, 'Space');
    assert.match((await page.getByTestId('review-marks').textContent()) ?? '', /3 paragraphs marked/);
    await keys(page, 'Shift+L');
    assert.match(await links(page), / 17,19-5 18-∅ /);
    assert.equal(await page.getByTestId('review-marks').isVisible(), false, 'linking clears the marks');

    // A link torn in two: re-align the stretch between the confirmed links around it (A), in the worker.
    await keys(page, 'o');
    await moveTo(page, '25-∅');
    await keys(page, 'a');
    await page.waitForFunction(() => document.documentElement.dataset.task === undefined);
    await settle(page);
    assert.equal(await links(page), gold, 'every link is right now');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'review-grid', 'the keyboard never left the list');
  });

  test('merges and splits a link', async () => {
    const { page } = harness;
    await moveTo(page, '23-7');
    await keys(page, 'm');
    assert.match(await links(page), / 23,24-7,8 /);
    assert.equal(await current(page), '23,24-7,8');
    await keys(page, 's');
    assert.equal(await links(page), gold);
  });

  test('adds a note and tags, kept in the alignment', async () => {
    const { page } = harness;
    await moveTo(page, '17,19-5');
    await keys(page, 'e');
    await page.keyboard.type('The translation leaves out the analyst’s affiliation.');
    await keys(page, 'Escape', '1', 't');
    await page.keyboard.type('Named entity');
    await keys(page, 'Enter', 'Escape');
    const link = (await alignment(page)).links.find((candidate) => formatLinks([candidate]) === '17,19-5')!;
    assert.equal(link.note, 'The translation leaves out the analyst’s affiliation.');
    assert.deepEqual(link.tags, ['omission', 'named-entity']);
    assert.equal(await page.getByTestId('tag-omission').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'review-grid');
    await shoot(page, 'review-note-tags.png');
  });

  test('Ctrl+Enter confirms and lands on the next unconfirmed link; undo and redo cover it all', async () => {
    const { page } = harness;
    await moveTo(page, '11-0');
    const before = await alignment(page);
    const from = (await caret(page)).link;
    const expectedNext = before.links.findIndex((link, index) => index > from && link.status === 'auto');
    await keys(page, 'Control+Enter');
    let now = await alignment(page);
    assert.equal(now.links[from]!.status, 'confirmed');
    assert.equal((await caret(page)).link, expectedNext, 'the caret is on the next unconfirmed link');
    await keys(page, 'c');
    now = await alignment(page);
    assert.equal(now.links[expectedNext]!.status, 'confirmed', 'C confirms too');
    const confirmed = now.links.filter((link) => link.status === 'confirmed').length;
    assert.match((await page.getByTestId('review-progress').textContent()) ?? '', new RegExp(`${Math.floor((confirmed / now.links.length) * 100)}% confirmed`));
    assert.match((await page.getByTestId('status-confirmed').textContent()) ?? '', new RegExp(`${Math.floor((confirmed / now.links.length) * 100)}%`), 'the status bar says the same');

    await keys(page, 'Control+z', 'Control+z');
    assert.deepEqual((await alignment(page)).links, before.links, 'two undos take both confirmations back');
    await keys(page, 'Control+y', 'Control+Shift+Z');
    assert.deepEqual((await alignment(page)).links, now.links, 'redo brings them back');
    // Undo reaches back through the note and tags and the link fixes, then forward again.
    const depth = (await page.evaluate('window.bitextInspect.undoDepth()')) as number;
    for (let step = 0; step < depth; step++) await page.keyboard.press('Control+z');
    await settle(page);
    assert.notEqual(await links(page), gold, 'undone back to the aligner’s mistakes');
    for (let step = 0; step < depth; step++) await page.keyboard.press('Control+y');
    await settle(page);
    assert.deepEqual((await alignment(page)).links, now.links, 'and redone to where we were');
  });

  test('edits a paragraph’s text: a new paragraph comes in unlinked, a split one keeps its link, undo brings the text back', async () => {
    const { page } = harness;
    await moveTo(page, '23-7');
    await keys(page, 'ArrowRight', 'Enter'); // The Thai paragraph of the link, then back to the text.
    assert.deepEqual(await caret(page), { ...(await caret(page)), side: 'target', paragraph: 7 });
    assert.ok(await page.evaluate(() => document.activeElement?.closest('#target-editor') !== null), 'Enter puts the caret in the text');
    const textBefore = await editorText(page, 'target');
    const linksBefore = await links(page);

    // Split Thai paragraph 7 in two (Enter in its middle): both halves stay in its link, the paragraphs after move down.
    await keys(page, ...Array<string>(11).fill('ArrowRight'), 'Enter'); // After the first word and its space.
    assert.match(await links(page), / 23-7,8 24-9 25-10 /, 'both parts of the split paragraph keep the link');
    await shoot(page, 'review-text-edit.png');
    // Ctrl+Z in the editor goes through the one history: the split is undone, text and links together.
    await keys(page, 'Control+z');
    assert.equal(await links(page), linksBefore);
    assert.equal(await editorText(page, 'target'), textBefore);

    // A paragraph typed at the end comes in unlinked.
    await keys(page, 'Control+End', 'Enter');
    await page.keyboard.type('ย่อหน้าใหม่');
    await settle(page);
    assert.equal(await links(page), `${linksBefore} ∅-10`, 'the new paragraph is unlinked; every other link stays');
    const monaco = async () => (await page.locator('#target-editor .view-lines').textContent())!.replace(/\u00a0/g, ' ');
    for (let step = 0; step < 6 && (await editorText(page, 'target')) !== textBefore; step++) await keys(page, 'Control+z');
    assert.equal(await editorText(page, 'target'), textBefore, 'undo takes the typing back');
    assert.equal(await links(page), linksBefore, 'and the links with it');
    assert.doesNotMatch(await monaco(), /ย่อหน้าใหม่/, 'the editor shows the text undone');
    for (let step = 0; step < 6 && !/ย่อหน้าใหม่/.test(await editorText(page, 'target')); step++) await keys(page, 'Control+y');
    assert.match(await editorText(page, 'target'), /ย่อหน้าใหม่$/, 'redo brings the typing back: no keystroke lost');
    assert.match(await monaco(), /ย่อหน้าใหม่/);
    for (let step = 0; step < 6 && (await editorText(page, 'target')) !== textBefore; step++) await keys(page, 'Control+z');
  });

  test('saves, reloads and finds everything as it was', async () => {
    const { page, workspace } = harness;
    const before = await alignment(page);
    await keys(page, 'Control+s');
    await page.waitForFunction(() => document.querySelector('[data-testid=title]')?.getAttribute('data-dirty') === 'false');
    const saved = JSON.parse(readFileSync(join(workspace, 'review.bitext'), 'utf8'));
    assert.equal(formatLinks(saved.links), formatLinks(before.links));
    assert.ok(saved.links.some((link: Link) => link.note === 'The translation leaves out the analyst’s affiliation.' && link.tags?.join() === 'omission,named-entity'));
    await page.reload();
    await waitReady(page);
    const after = await alignment(page);
    assert.equal(formatLinks(after.links), formatLinks(before.links));
    assert.deepEqual(after.links.map((link) => [link.status, link.note, link.tags]), before.links.map((link) => [link.status, link.note, link.tags]));
    assert.equal(after.target.text, before.target.text);
  });

  test('the shortcut sheet lists every key and remaps one, saved in the settings', async () => {
    const { page, settingsPath } = harness;
    await keys(page, 'F6', '?');
    const sheet = page.getByTestId('shortcut-sheet');
    await sheet.waitFor();
    assert.match((await sheet.textContent()) ?? '', /Confirm and Next.*Ctrl\+Enter.*Alt\+Enter/s);
    await shoot(page, 'review-shortcuts.png');
    await page.getByTestId('edit-key-editor-confirm-next').click();
    await page.keyboard.press('Control+Shift+Enter');
    await page.waitForFunction(() => document.querySelector('[data-command=confirm-next] td.keys.custom') !== null);
    assert.match((await sheet.locator('[data-command=confirm-next]').textContent()) ?? '', /Ctrl\+Shift\+Enter/);
    for (let wait = 0; wait < 50 && !existsSync(settingsPath); wait++) await new Promise((done) => setTimeout(done, 100));
    assert.deepEqual(JSON.parse(readFileSync(settingsPath, 'utf8')).keybindings, { 'editor:confirm-next': ['Ctrl+Shift+Enter', 'Alt+Enter'] });
    await page.getByTestId('reset-keys').click();
    await page.getByTestId('close-sheet').click();
    await settle(page);
  });

  test('a document changed on disk while open is noticed, reloaded with a rebase, and reported', async () => {
    const { page, workspace } = harness;
    const thai = join(workspace, 'nato.th.txt');
    const lines = readFileSync(thai, 'utf8').split('\n');
    // Thai paragraph 8 deleted; a new paragraph after paragraph 2.
    writeFileSync(thai, [...lines.slice(0, 3), 'ย่อหน้าที่เพิ่มในไฟล์', ...lines.slice(3, 8), ...lines.slice(9)].join('\n'));
    await page.getByTestId('disk-change').waitFor({ timeout: 10_000 });
    await page.getByTestId('reload-target').click();
    const report = page.getByTestId('rebase-report');
    await report.waitFor();
    const summary = (await page.getByTestId('rebase-summary-target').textContent()) ?? '';
    assert.match(summary, /1 dropped/);
    assert.match(summary, /1 new ¶ unlinked/);
    assert.match((await report.textContent()) ?? '', /New paragraph ¶ 4: unlinked, to review/);
    await shoot(page, 'review-rebase-report.png');
    await page.getByTestId('rebase-review').click();
    await settle(page);
    assert.equal(await page.getByTestId('filter-changed').getAttribute('aria-checked'), 'true', 'the changed links are listed');
    assert.match(await links(page), / ∅-3 /);
    await keys(page, 'Control+z');
    assert.doesNotMatch(await editorText(page, 'target'), /ย่อหน้าที่เพิ่มในไฟล์/, 'a reload is undone like any change');
    await keys(page, 'Control+y');
    assert.match(await editorText(page, 'target'), /ย่อหน้าที่เพิ่มในไฟล์/);
  });

  test('opening an alignment whose document changed on disk rebases it and says what it did', async () => {
    const { page, workspace } = harness;
    await keys(page, 'Control+s');
    await page.waitForFunction(() => document.querySelector('[data-testid=title]')?.getAttribute('data-dirty') === 'false');
    const thai = join(workspace, 'nato.th.txt');
    writeFileSync(thai, `${readFileSync(thai, 'utf8').trimEnd()}\nย่อหน้าสุดท้ายใหม่\n`);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 60_000 });
    const report = page.getByTestId('rebase-report');
    await report.waitFor();
    assert.match((await report.textContent()) ?? '', /changed since the alignment was saved/);
    assert.match((await page.getByTestId('rebase-summary-target').textContent()) ?? '', /1 new ¶ unlinked/);
    await page.getByTestId('rebase-ok').click();
    await settle(page);
    assert.match(await links(page), / ∅-10$/, 'the new last paragraph is unlinked');
    assert.equal(await page.getByTestId('title').getAttribute('data-dirty'), 'true', 'the rebased alignment is not saved yet');
  });

  test('the editors’ context menu lists the review commands and runs them on the link at the caret', async () => {
    const { page } = harness;
    await keys(page, 'F6', 'Home', 'Enter'); // Back in the text, at the first link.
    const line = page.locator('#source-editor .view-line', { hasText: /Nato\sSecretary\sGeneral\sJens\sStoltenberg\sis\sset/ });
    const box = (await line.boundingBox())!;
    await page.mouse.click(box.x + 60, box.y + box.height / 2, { button: 'right' });
    const reject = page.locator('.monaco-menu .action-item', { hasText: /^Reject/ });
    await reject.waitFor();
    for (const label of ['Confirm and Next', 'Merge with Next Link', 'Split Link', 'Mark Paragraph Untranslated', 'Link with Skip', 'Re-align Between Confirmed Links', 'Edit Note…', 'Keyboard Shortcuts']) {
      assert.equal(await page.locator('.monaco-menu .action-item', { hasText: label }).count(), 1, label);
    }
    assert.match((await page.locator('.monaco-menu .action-item', { hasText: 'Confirm and Next' }).textContent()) ?? '', /Alt\+Enter/, 'with its key in the text');
    await shoot(page, 'review-context-menu.png');
    await reject.click();
    await settle(page);
    assert.equal(await current(page), '11-0');
    const at = (await caret(page)).link;
    assert.equal((await alignment(page)).links[at]!.status, 'rejected');
  });

  test('work on a pair never saved is autosaved, and offered again after a crash', async () => {
    // The corpus sample, aligned afresh: never saved anywhere.
    const first = await harness.newPage();
    await waitReady(first);
    assert.equal(await first.getByTestId('title').getAttribute('data-dirty'), 'false');
    await keys(first, 'F6', 'N', 'c');
    const work = await alignment(first);
    assert.ok(work.links.some((link) => link.status === 'confirmed'));
    // Autosave runs 15 s after the first unsaved change; then the tab is killed without saving.
    await first.waitForTimeout(16_500);
    await first.close({ runBeforeUnload: false });

    const second = await harness.newPage();
    await second.waitForFunction(() => document.querySelector('dialog [data-testid=confirm]') !== null, null, { timeout: 60_000 });
    assert.match((await second.locator('dialog').textContent()) ?? '', /autosaved .* but never saved/);
    await second.locator('dialog [data-testid=confirm]').click();
    await waitReady(second);
    assert.deepEqual((await alignment(second)).links.map((link) => link.status), work.links.map((link) => link.status), 'the confirmation is back');
    assert.equal(await second.getByTestId('title').getAttribute('data-dirty'), 'true', 'restored work is unsaved work');
    await second.close({ runBeforeUnload: false });
  });
});
