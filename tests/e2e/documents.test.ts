/**
 * End to end in Chromium through the browser host: a Word file and a web page
 * dropped on the workbench open as a pair, both texts shown as extracted; the
 * alignment saves, and the reopened page shows the same texts and links read
 * again from the uploaded originals, which are kept beside the alignment; the
 * DOCX's text, edited in the editor, is saved as a new .txt (Save text as…).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumPath } from './chromium.ts';
import { startWorkbench, waitReady, type WorkbenchSession } from './workbench-page.ts';
import { settle } from './page-probes.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { createWorkbenchService } from '../../electron/services/workbench-service.ts';
import { parseAlignmentFile } from '../../shared/formats/alignment-json.ts';
import { formatLinks } from '../../shared/model/alignment.ts';

const root = resolve(import.meta.dirname, '..', '..');
const screenshots = resolve(root, process.env.BITEXT_SCREENSHOTS ?? join('test-results', 'screenshots'));
const fixture = (name: string) => join(root, 'tests', 'fixtures', 'documents', name);
const gold = readFileSync(join(root, 'tests/fixtures/gold/nato-asia-2023.en-th.gold.txt'), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .join(' ')
  .trim();


/** The text of the editor's rendered lines, top to bottom (Monaco reuses line nodes, so DOM order is not screen order). */
async function editorText(page: Page, side: 'source' | 'target'): Promise<string> {
  const lines = await page.locator(`#${side}-editor .view-lines .view-line`).evaluateAll((elements) =>
    elements.map((element) => [element.getBoundingClientRect().top, element.textContent ?? ''] as const).sort((a, b) => a[0] - b[0]).map(([, text]) => text),
  );
  return lines.join('').replace(/\u00a0/g, ' ');
}

describe('documents in other formats, dropped on the workbench (browser host in Chromium)', { skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}` }, () => {
  let dir: string;
  let workspace: string;
  let page: Page;
  let session: WorkbenchSession | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-documents-'));
    workspace = join(dir, 'workspace');
    const service = createWorkbenchService({ host: 'browser', rootDir: root, workspace, settings: createSettingsStore(join(dir, 'settings.json')) });
    session = await startWorkbench(service);
    page = session.page;
    await waitReady(page);
  });

  after(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(session?.errors, [], 'no errors in the page');
  });

  test('drop a DOCX and an HTML page, see both texts aligned, save, reopen', async () => {
    const files = [
      { name: 'nato-asia-2023.en.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { name: 'nato-asia-2023.th.html', type: 'text/html' },
    ].map((file) => ({ ...file, base64: readFileSync(fixture(file.name)).toString('base64') }));
    const dataTransfer = await page.evaluateHandle((list) => {
      const data = new DataTransfer();
      for (const file of list) data.items.add(new File([Uint8Array.from(atob(file.base64), (character) => character.charCodeAt(0))], file.name, { type: file.type }));
      return data;
    }, files);
    const box = (await page.locator('#source-editor').boundingBox())!;
    const at = { dataTransfer, clientX: box.x + box.width / 2, clientY: box.y + 100 };
    await page.dispatchEvent('#source-editor', 'dragenter', at);
    await page.dispatchEvent('#source-editor', 'drop', at);
    await page.waitForFunction(() => document.querySelector('#target-header .doc-name')?.textContent === 'nato-asia-2023.th.html');
    await page.waitForFunction(() => document.documentElement.dataset.busy === 'false');
    await settle(page);
    assert.equal(await page.locator('#source-header .doc-name').textContent(), 'nato-asia-2023.en.docx');
    assert.equal(await page.getByTestId('source-language').textContent(), 'en');
    assert.equal(await page.getByTestId('target-language').textContent(), 'th');
    // The editors show the extracted text, not the markup or the ZIP container.
    const source = await editorText(page, 'source');
    const target = await editorText(page, 'target');
    assert.match(source, /^Advertisement/u);
    assert.doesNotMatch(source, /w:document|PK/u);
    assert.match(target, /Jens Stoltenberg เลขาธิการนาโต/u);
    assert.doesNotMatch(target, /<p>|DOCTYPE/u);
    const paired = gold.split(' ').filter((link) => !link.includes('∅')).length;
    // The first linked pair, as a reviewer would bring it up from the review list: both texts side by side.
    await page.locator('#review-panel').getByText('Nato Secretary General Jens Stoltenberg is set').first().click();
    await settle(page);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'documents-docx-html.png') });

    await page.getByTestId('save').click();
    await page.getByTestId('save-name').fill('docx-html.bitext');
    await page.getByTestId('save-confirm').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('open') === 'docx-html.bitext');
    assert.equal(await page.getByTestId('title').textContent(), 'docx-html.bitext');
    const saved = parseAlignmentFile(readFileSync(join(workspace, 'docx-html.bitext'), 'utf8'), 'docx-html.bitext');
    assert.equal(formatLinks(saved.links), gold);
    assert.equal(saved.links.filter((link) => link.source.length > 0 && link.target.length > 0).length, paired);
    assert.equal(saved.source.format, 'docx');
    assert.equal(saved.target.format, 'html');
    // The uploaded originals are kept beside the alignment, unchanged, so the file finds them again.
    assert.deepEqual(readdirSync(workspace).sort(), ['docx-html.bitext', 'nato-asia-2023.en.docx', 'nato-asia-2023.th.html']);
    assert.deepEqual(readFileSync(join(workspace, 'nato-asia-2023.en.docx')), readFileSync(fixture('nato-asia-2023.en.docx')));

    await page.reload();
    await waitReady(page);
    assert.equal(await page.getByTestId('title').textContent(), 'docx-html.bitext');
    assert.equal(await page.getByTestId('title').getAttribute('data-dirty'), 'false');
    assert.equal(await page.locator('#source-header .doc-name').textContent(), 'nato-asia-2023.en.docx');
    assert.equal(await page.getByTestId('source-format').textContent(), 'DOCX');
    assert.equal(await page.getByTestId('target-format').textContent(), 'HTML');
    // The reload comes back where the reviewer was (at the first linked pair); the top of the text is the DOCX's first paragraph.
    assert.match(await editorText(page, 'source'), /Nato Secretary General Jens Stoltenberg is set/u);
    await page.locator('#source-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    await settle(page);
    assert.match(await editorText(page, 'source'), /^Advertisement/u);
    assert.match(await editorText(page, 'target'), /Jens Stoltenberg เลขาธิการนาโต/u);
    assert.equal(await page.locator('.notification, [role=alert]').filter({ hasText: /changed|missing/u }).count(), 0, 'the originals are read again, not reported changed');
    await page.locator('#review-panel').getByText('Nato Secretary General Jens Stoltenberg is set').first().click();
    await settle(page);
    await page.screenshot({ path: join(screenshots, 'documents-docx-html-reopened.png') });
  });

  test('edit the DOCX text, Save original text as… a .txt in the workspace: the file has the edited text, the DOCX is untouched', async () => {
    const docx = readFileSync(join(workspace, 'nato-asia-2023.en.docx'));
    // At the very start of the original's text, wherever the view was left.
    await page.locator('#source-editor .view-line').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Checked: ');
    await settle(page);
    assert.match(await editorText(page, 'source'), /Checked: Advertisement/u, 'the editor shows the typing (its lines are in no order in the DOM)');

    await page.getByTestId('source-save-text').click();
    assert.equal(await page.getByTestId('text-name').inputValue(), 'nato-asia-2023.en.txt', 'the DOCX name with .txt');
    assert.equal(await page.getByTestId('destination-workspace').isChecked(), true);
    await page.screenshot({ path: join(screenshots, 'documents-save-text.png') });
    await page.getByTestId('text-confirm').click();
    await page.waitForFunction(() => document.documentElement.dataset.lastExport?.endsWith('nato-asia-2023.en.txt'));
    const written = readFileSync(join(workspace, 'nato-asia-2023.en.txt'), 'utf8');
    assert.match(written, /^Checked: Advertisement\n/u);
    assert.match(written, /Nato Secretary General Jens Stoltenberg is set/u);
    assert.doesNotMatch(written, /w:document|PK/u);
    assert.deepEqual(readFileSync(join(workspace, 'nato-asia-2023.en.docx')), docx, 'the DOCX is never written');

    // Again: the file exists, so the page asks before replacing it.
    await page.getByTestId('source-save-text').click();
    await page.getByTestId('text-confirm').click();
    await page.getByTestId('confirm').click();
    await page.waitForFunction(() => document.documentElement.dataset.busy === 'false');
    assert.equal(readFileSync(join(workspace, 'nato-asia-2023.en.txt'), 'utf8'), written);
  });
});
