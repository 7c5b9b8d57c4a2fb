/**
 * End to end: the real renderer (dist/renderer, built by `node scripts/build.js
 * --renderer`) driven in Debian's Chromium through the browser host, on the
 * corpus English–Thai pair. The same test body runs against Electron through
 * playwright's `_electron` when BITEXT_E2E_ELECTRON=1 and an Electron binary is
 * installed; otherwise that variant is skipped with the reason.
 *
 * Screenshots of the main states go to test-results/screenshots, or to the
 * folder in BITEXT_SCREENSHOTS (`BITEXT_SCREENSHOTS=docs/screenshots` refreshes
 * the committed ones).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, _electron, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { startHttpHost, type HttpHost } from '../../electron/http-host.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { settle, visibleLinkTops } from './page-probes.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { readDocument } from '../../electron/services/documents.ts';
import { createWorkbenchService, samplePair } from '../../electron/services/workbench-service.ts';
import { alignDocuments } from '../../shared/pipeline.ts';
import { formatLinks, type Alignment } from '../../shared/model/alignment.ts';

const root = resolve(import.meta.dirname, '..', '..');
const screenshots = resolve(root, process.env.BITEXT_SCREENSHOTS ?? join('test-results', 'screenshots'));

/** One way of running the workbench: the page, and how to reopen it after a save. */
interface Harness {
  readonly kind: 'browser' | 'electron';
  readonly page: Page;
  /** Where the test's saves go. */
  readonly workspace: string;
  /** Saves the open alignment as `name` in the workspace, through the UI. Returns the path written. */
  save(name: string): Promise<string>;
  /** Shows the saved alignment again the way a user would (browser: reload; desktop: start again with the file). */
  reopen(path: string): Promise<void>;
  close(): Promise<void>;
}

function electronBinary(): string | undefined {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 60_000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true', 'the workbench started');
  await settle(page);
}

async function startBrowser(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-'));
  const workspace = join(dir, 'workspace');
  const service = createWorkbenchService({
    host: 'browser',
    rootDir: root,
    workspace,
    settings: createSettingsStore(join(dir, 'settings.json')),
  });
  const host: HttpHost = await startHttpHost({ api: service, assetsDir: join(root, 'dist', 'renderer') });
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  try {
    await page.goto(host.url);
    await waitReady(page);
  } catch (error) {
    await browser.close();
    await host.close();
    throw error;
  }
  return {
    kind: 'browser',
    page,
    workspace,
    async save(name) {
      await page.getByTestId('save').click();
      const input = page.getByTestId('save-name');
      await input.fill(name);
      await page.getByTestId('save-confirm').click();
      await page.waitForFunction(() => document.querySelector('[data-testid=title]')?.getAttribute('data-dirty') === 'false');
      return join(workspace, name);
    },
    async reopen() {
      await page.reload();
      await waitReady(page);
    },
    async close() {
      await browser.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
      assert.deepEqual(errors, [], 'no errors in the page');
    },
  };
}

async function startElectron(binary: string): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-electron-'));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const launch = async (files: string[]) => {
    const app = await _electron.launch({
      executablePath: binary,
      args: [root, `--user-data-dir=${join(dir, 'user-data')}`, ...files],
      env: { ...process.env, ELECTRON_DISABLE_SECURITY_WARNINGS: 'true' },
    });
    const page = await app.firstWindow();
    await page.setViewportSize({ width: 1440, height: 900 });
    await waitReady(page);
    return { app, page };
  };
  let current: { app: ElectronApplication; page: Page } = await launch([]);
  const harness: Harness = {
    kind: 'electron',
    get page() {
      return current.page;
    },
    workspace,
    async save(name) {
      const path = join(workspace, name);
      // Native dialogs cannot be driven: answer the save dialog in the main process.
      await current.app.evaluate(({ dialog }, filePath) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
      }, path);
      await current.page.getByTestId('save').click();
      await current.page.waitForFunction(() => document.querySelector('[data-testid=title]')?.getAttribute('data-dirty') === 'false');
      return path;
    },
    async reopen(path) {
      await current.app.close();
      current = await launch([path]);
    },
    async close() {
      await current.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The alignment the workbench should show for the sample, computed here without the UI. */
async function expectedAlignment(): Promise<Alignment> {
  const source = await readDocument(join(root, samplePair.source));
  const target = await readDocument(join(root, samplePair.target));
  return alignDocuments(source, target);
}


async function scrollTop(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.getElementById('gutter')?.dataset.scrollTop ?? 0));
}

/** Back to the top of both documents, as a user would: the caret to the start of the original (Ctrl+Home). */
async function toTop(page: Page): Promise<void> {
  const box = (await page.locator('#source-editor').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + 40);
  await page.keyboard.press('Control+Home');
  await settle(page);
}

/** The text an editor shows (Monaco draws spaces as no-break spaces). */
async function editorText(page: Page, side: 'source' | 'target'): Promise<string> {
  return ((await page.locator(`#${side}-editor .view-lines`).textContent()) ?? '').replace(/\u00a0/g, ' ');
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, name) });
}

const variants: { name: string; start: () => Promise<Harness>; skip: string | false }[] = [
  { name: 'browser host in Chromium', start: startBrowser, skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}` },
  {
    name: 'Electron',
    start: () => startElectron(electronBinary()!),
    skip:
      process.env.BITEXT_E2E_ELECTRON !== '1'
        ? 'set BITEXT_E2E_ELECTRON=1 to run the workbench in Electron too'
        : electronBinary() === undefined
          ? 'no Electron binary is installed (node_modules/electron/path.txt is missing): it cannot be downloaded here'
          : false,
  },
];

for (const variant of variants) {
  describe(`workbench on the corpus pair (${variant.name})`, { skip: variant.skip }, () => {
    let harness: Harness;
    let expected: Alignment;
    const paired = () => expected.links.filter((link) => link.source.length > 0 && link.target.length > 0);

    before(async () => {
      expected = await expectedAlignment();
      harness = await variant.start();
    });
    after(async () => {
      await harness?.close();
    });

    test('shows both texts with their languages, encodings and paragraph counts', async () => {
      const { page } = harness;
      assert.equal(await page.getByTestId('source-language').textContent(), 'en');
      assert.equal(await page.getByTestId('target-language').textContent(), 'th');
      const source = await page.locator('#source-header').textContent();
      const target = await page.locator('#target-header').textContent();
      assert.match(source ?? '', /nato-asia-2023\.en\.original-with-page-clutter\.txt/);
      assert.match(source ?? '', /UTF-8.*38 ¶/);
      assert.match(target ?? '', /nato-asia-2023\.th\.translation\.txt/);
      assert.match(target ?? '', /UTF-8.*10 ¶/);
      assert.match(await editorText(page, 'source'), /Nato Secretary General Jens Stoltenberg/);
      assert.match(await editorText(page, 'target'), /เลขาธิการนาโต/);
      const status = (await page.locator('#status-bar').textContent()) ?? '';
      assert.match(status, new RegExp(`${expected.links.length} links · ${paired().length} paired`));
    });

    test('draws one connector per link with both sides', async () => {
      const { page } = harness;
      const drawn = await page.locator('#gutter path.connector').evaluateAll((paths) => paths.map((path) => Number(path.getAttribute('data-link'))));
      const links = paired().map((link) => expected.links.indexOf(link));
      assert.ok(links.length >= 8, `the sample has at least 8 paired links (found ${links.length}: ${formatLinks(expected.links)})`);
      assert.deepEqual([...drawn].sort((a, b) => a - b), links);
    });

    test('keeps every link level: its first paragraphs start at the same height in both editors', async () => {
      const { page } = harness;
      const wanted = new Set(paired().map((link) => expected.links.indexOf(link)));
      const seen = new Map<number, number>();
      await page.locator('#source-editor .view-lines').hover();
      for (let step = 0; step < 200 && seen.size < wanted.size; step++) {
        for (const [link, sourceTop, targetTop] of await visibleLinkTops(page)) seen.set(link, Math.abs(sourceTop - targetTop));
        const before = await scrollTop(page);
        await page.mouse.wheel(0, 240);
        await settle(page);
        if ((await scrollTop(page)) === before && step > 0) break;
      }
      assert.deepEqual([...seen.keys()].sort((a, b) => a - b), [...wanted].sort((a, b) => a - b), 'every paired link was seen in both editors');
      const worst = Math.max(...seen.values());
      assert.ok(worst <= 2, `link tops differ by at most 2 px (worst: ${worst.toFixed(1)} px)`);
    });

    test('the caret in an English paragraph highlights its Thai partner; Ctrl+Alt+J jumps to it', async () => {
      const { page } = harness;
      // English paragraph 11 (0-based) opens the article; the gold links it to Thai paragraph 0.
      const index = expected.links.findIndex((link) => link.source.includes(11));
      const link = expected.links[index]!;
      assert.deepEqual(link.target, [0], `the aligner links English 11 to Thai 0 (${formatLinks([link])})`);
      await toTop(page);
      await page.locator('#source-editor .view-line', { hasText: /Nato\sSecretary\sGeneral\sJens\sStoltenberg\sis\sset/ }).click();
      await settle(page);
      const partner = await page.evaluate((linkIndex) => {
        const highlight = document.querySelector('#target-editor .bitext-partner');
        const start = document.querySelector(`#target-editor .bitext-ls-${linkIndex}`); // Marked by the link's first English paragraph.
        const active = document.querySelector('#source-editor .bitext-active');
        return {
          partner: highlight?.getBoundingClientRect().top,
          start: start?.getBoundingClientRect().top,
          active: active !== null,
          connector: document.querySelector(`#gutter path.connector.active`)?.getAttribute('data-link'),
        };
      }, link.source[0]!);
      assert.ok(partner.partner !== undefined, 'the Thai partner is highlighted');
      assert.ok(partner.start !== undefined && Math.abs(partner.partner - partner.start) < 1, 'the highlight is on Thai paragraph 0');
      assert.ok(partner.active, 'the English paragraph is highlighted too');
      assert.equal(partner.connector, String(index), 'its connector is emphasised');
      assert.match((await page.getByTestId('status-link').textContent()) ?? '', /¶ 12 ↔ 1/);
      await shoot(page, 'workbench-en-th.png');

      await page.keyboard.press('Control+Alt+KeyJ');
      await settle(page);
      assert.ok(await page.evaluate(() => document.activeElement?.closest('#target-editor') !== null), 'the Thai editor has the focus');
      assert.match((await page.getByTestId('status-paragraph').textContent()) ?? '', /^Translation ¶ 1$/, 'the status bar names the paragraph, from 1, not the editor line');
      assert.ok(!/\bLn \d/.test((await page.locator('#status-bar').textContent()) ?? ''));
    });

    test('clicking a connector goes to its link, groups included', async () => {
      const { page } = harness;
      const index = expected.links.findIndex((link) => link.source.length > 1 && link.target.length > 0);
      assert.ok(index >= 0, `the sample has a group (${formatLinks(expected.links)})`);
      await page.locator(`#gutter path.connector[data-link="${index}"]`).dispatchEvent('click');
      await settle(page);
      assert.equal(await page.locator('#gutter path.connector.active').getAttribute('data-link'), String(index));
      const visible = await visibleLinkTops(page);
      const row = visible.find(([link]) => link === index);
      assert.ok(row && Math.abs(row[1] - row[2]) <= 2, 'the group is on screen and level');
      assert.ok((await page.locator('#target-editor .bitext-partner').count()) > 0, 'its translation is highlighted');
      await shoot(page, 'workbench-groups.png');
    });

    test('follows the system theme: dark when the system is dark', async () => {
      const { page } = harness;
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction(() => document.documentElement.classList.contains('dark'));
      await settle(page);
      assert.ok((await page.locator('#source-editor .monaco-editor.vs-dark').count()) > 0, 'Monaco follows');
      await shoot(page, 'workbench-en-th-dark.png');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.waitForFunction(() => !document.documentElement.classList.contains('dark'));
    });

    test('overriding a language re-checks every paragraph; going back to the detected one clears the marks', async () => {
      const { page } = harness;
      await toTop(page);
      const select = page.locator('#source-header select');
      await select.selectOption('fra');
      await page.waitForFunction(() => document.documentElement.dataset.busy === 'false');
      await settle(page);
      assert.equal(await page.getByTestId('source-language').textContent(), 'fr');
      assert.equal(await page.locator('#source-header .language-picker.overridden').count(), 1);
      const chip = (await page.locator('#source-header .chip.warning').textContent()) ?? '';
      const marked = Number(/(\d+) other-language/.exec(chip)?.[1] ?? 0);
      // Detection is restricted to the pair's languages (French, Thai), so only some English paragraphs fail it.
      assert.ok(marked > 0, `some English paragraphs do not read as French (${chip})`);
      assert.ok((await page.locator('#source-editor .bitext-language-mismatch').count()) > 0, 'they are underlined');
      assert.match(await page.title(), /•/, 'the override is a change to save');
      await shoot(page, 'workbench-language-override.png');

      await select.selectOption('');
      await page.waitForFunction(() => document.documentElement.dataset.busy === 'false');
      await settle(page);
      assert.equal(await page.getByTestId('source-language').textContent(), 'en');
      assert.equal(await page.locator('#source-header .chip.warning').count(), 0);
      assert.equal(await page.locator('#source-editor .bitext-language-mismatch').count(), 0);
    });

    test('saves the alignment atomically, and reopening shows the same alignment', async () => {
      const { page } = harness;
      await toTop(page);
      // Type into the Thai text, so the reopened view must come from the saved file.
      await page.locator('#target-editor .view-line', { hasText: 'เลขาธิการนาโต' }).first().click();
      await page.keyboard.press('End');
      await page.keyboard.type(' (ตรวจแล้ว)');
      await settle(page);
      assert.equal(await page.getByTestId('title').getAttribute('data-dirty'), 'true');
      assert.match(await page.title(), /•/);
      const statusBefore = await page.locator('#status-bar [data-testid=status-links]').textContent();
      const connectorsBefore = await page.locator('#gutter path.connector').count();

      const path = await harness.save('nato-en-th.bitext');
      assert.doesNotMatch(await page.title(), /•/);
      const saved = JSON.parse(readFileSync(path, 'utf8'));
      assert.equal(formatLinks(saved.links), formatLinks(expected.links), 'the file holds the links shown');
      assert.match(saved.target.paragraphs[0].text, /\(ตรวจแล้ว\)/, 'the typed text is in Thai paragraph 0');

      await harness.reopen(path);
      const reopened = harness.page;
      assert.match(await editorText(reopened, 'target'), /\(ตรวจแล้ว\)/);
      assert.equal(await reopened.getByTestId('source-language').textContent(), 'en');
      assert.equal(await reopened.getByTestId('target-language').textContent(), 'th');
      assert.equal(await reopened.locator('#gutter path.connector').count(), connectorsBefore);
      assert.equal(await reopened.locator('#status-bar [data-testid=status-links]').textContent(), statusBefore);
      assert.equal(await reopened.getByTestId('title').textContent(), 'nato-en-th.bitext');
      assert.equal(await reopened.getByTestId('title').getAttribute('data-dirty'), 'false');
      const tops = await visibleLinkTops(reopened);
      assert.ok(tops.length > 0 && tops.every(([, source, target]) => Math.abs(source - target) <= 2), 'still level after reopening');
      await shoot(reopened, 'workbench-reopened.png');
    });

    test('dropping a document on the translation side aligns it with the original', { skip: variant.name === 'Electron' && 'a File made in the page has no path on disk' }, async () => {
      const { page } = harness;
      const name = 'related.en.japan-south-korea-putin-kim.txt';
      const text = readFileSync(join(root, 'corpus', name), 'utf8');
      const dataTransfer = await page.evaluateHandle(
        `(() => { const data = new DataTransfer(); data.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'text/plain' })); return data; })()`,
      );
      const box = (await page.locator('#target-editor').boundingBox())!;
      const at = { dataTransfer, clientX: box.x + box.width / 2, clientY: box.y + 100 };
      await page.dispatchEvent('#target-editor', 'dragenter', at);
      assert.equal(await page.locator('#drop-overlay').isVisible(), true, 'the drop targets show');
      await page.dispatchEvent('#target-editor', 'drop', at);
      await page.waitForFunction((file) => document.querySelector('#target-header .doc-name')?.textContent === file, name);
      await page.waitForFunction(() => document.documentElement.dataset.busy === 'false');
      await settle(page);
      assert.equal(await page.locator('#drop-overlay').isVisible(), false);
      assert.equal(await page.getByTestId('target-language').textContent(), 'en');
      assert.match((await page.locator('#source-header .doc-name').textContent()) ?? '', /nato-asia-2023\.en/);
      assert.match(await editorText(page, 'target'), /Putin/);
    });
  });
}
