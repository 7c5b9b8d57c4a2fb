/**
 * End to end in Chromium through the browser host: what readers say about a
 * document reaches the reviewer. A news page with its furniture (header, nav,
 * asides, footer) dropped with its Thai translation shows a label on each
 * furniture paragraph, with a hover saying what it is; an EPUB missing a
 * chapter opens with the reader's warning in the notices.
 * Screenshot: test-results/screenshots/paragraph-marks.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { chromiumPath } from './chromium.ts';
import { startWorkbench, waitReady, type WorkbenchSession } from './workbench-page.ts';
import { settle } from './page-probes.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { createWorkbenchService } from '../../electron/services/workbench-service.ts';

const root = resolve(import.meta.dirname, '..', '..');
const screenshots = resolve(root, process.env.BITEXT_SCREENSHOTS ?? join('test-results', 'screenshots'));
const fixture = (name: string) => join(root, 'tests', 'fixtures', 'documents', name);


/** Drops two files (bytes, named) on the original's editor, as a file manager would. */
async function dropPair(page: Page, files: readonly { name: string; type: string; bytes: Uint8Array }[]): Promise<void> {
  const list = files.map((file) => ({ name: file.name, type: file.type, base64: Buffer.from(file.bytes).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((entries) => {
    const data = new DataTransfer();
    for (const file of entries) data.items.add(new File([Uint8Array.from(atob(file.base64), (character) => character.charCodeAt(0))], file.name, { type: file.type }));
    return data;
  }, list);
  const box = (await page.locator('#source-editor').boundingBox())!;
  const at = { dataTransfer, clientX: box.x + box.width / 2, clientY: box.y + 100 };
  await page.dispatchEvent('#source-editor', 'dragenter', at);
  await page.dispatchEvent('#source-editor', 'drop', at);
  await page.waitForFunction((name) => document.querySelector('#target-header .doc-name')?.textContent === name, files[1]!.name);
  await page.waitForFunction(() => document.documentElement.dataset.busy === 'false');
  await settle(page);
}

describe('paragraph marks and reader warnings in the workbench (browser host in Chromium)', { skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}` }, () => {
  let dir: string;
  let page: Page;
  let session: WorkbenchSession | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-marks-'));
    const service = createWorkbenchService({ host: 'browser', rootDir: root, workspace: join(dir, 'workspace'), settings: createSettingsStore(join(dir, 'settings.json')) });
    session = await startWorkbench(service);
    page = session.page;
    await waitReady(page);
  });

  after(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(session?.errors, [], 'no errors in the page');
  });

  test('a news page’s header, nav, asides and footer are labelled as page furniture, with a hover saying what that is', async () => {
    await dropPair(page, [
      { name: 'nato-asia-2023.en.furniture.html', type: 'text/html', bytes: readFileSync(fixture('nato-asia-2023.en.furniture.html')) },
      { name: 'nato-asia-2023.th.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: readFileSync(fixture('nato-asia-2023.th.docx')) },
    ]);
    await page.locator('#source-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    await settle(page);
    // The page's first six paragraphs (site header and nav) are furniture: each line starts with the label.
    const top = await page.locator('#source-editor .view-lines .view-line').evaluateAll((elements) =>
      elements
        .map((element) => ({ top: element.getBoundingClientRect().top, label: (element.querySelector('.bitext-mark-label')?.textContent ?? '').replace(/\u00a0/g, ' '), text: element.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .filter((line) => line.text.trim() !== ''),
    );
    assert.deepEqual(
      top.slice(0, 7).map((line) => line.label),
      ['page furniture', 'page furniture', 'page furniture', 'page furniture', 'page furniture', 'page furniture', ''],
    );
    const label = page.locator('#source-editor .bitext-mark-label').first();
    const style = await label.evaluate((element) => getComputedStyle(element).borderTopStyle);
    assert.equal(style, 'solid', 'the label is styled');

    // Hovering the paragraph's text says what the label means.
    const box = (await label.boundingBox())!;
    await page.mouse.move(box.x + box.width + 30, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Page furniture' });
    await hover.first().waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await hover.first().textContent()) ?? '', /navigation, header, footer or aside of the web page/u);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'paragraph-marks.png') });
    await page.mouse.move(5, 5);
  });

  test('an EPUB missing a chapter opens with the reader’s warning in the notices, naming the file', async () => {
    const book = unzipSync(readFileSync(fixture('nato-asia-2023.en.epub')));
    delete book['EPUB/text/title_page.xhtml'];
    await dropPair(page, [
      { name: 'damaged.en.epub', type: 'application/epub+zip', bytes: zipSync(book) },
      { name: 'nato-asia-2023.th.epub', type: 'application/epub+zip', bytes: readFileSync(fixture('nato-asia-2023.th.epub')) },
    ]);
    const notices = await page.locator('#notices .notice.warning .message').allTextContents();
    assert.ok(
      notices.some((text) => text === 'damaged.en.epub: the spine names EPUB/text/title_page.xhtml, which the book lacks; read without it'),
      `the warning is shown: ${JSON.stringify(notices)}`,
    );
  });
});
