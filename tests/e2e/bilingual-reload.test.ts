/**
 * End to end in Chromium through the browser host: a TMX file open as its
 * pair changes on disk (a CAT tool added a unit). The bar above the editors
 * names the file once and offers one Reload; reloading rebases both sides,
 * the report shows both, and the new unit comes in linked.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumPath } from './chromium.ts';
import { startWorkbench, waitReady, type WorkbenchSession } from './workbench-page.ts';
import { settle } from './page-probes.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { createWorkbenchService } from '../../electron/services/workbench-service.ts';

const root = resolve(import.meta.dirname, '..', '..');
const links = (page: Page): Promise<string> => page.evaluate('window.bitextInspect.links()') as Promise<string>;

describe('a bilingual file changed on disk while open (browser host in Chromium)', { skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}` }, () => {
  let dir: string;
  let tmx: string;
  let page: Page;
  let session: WorkbenchSession | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-bilingual-'));
    const workspace = join(dir, 'workspace');
    mkdirSync(workspace);
    tmx = join(workspace, 'memory.tmx');
    copyFileSync(join(root, 'tests/fixtures/documents/nato-asia-2023.en-th.tmx'), tmx);
    const service = createWorkbenchService({
      host: 'browser',
      rootDir: root,
      workspace,
      initial: { kind: 'alignment', path: tmx },
      settings: createSettingsStore(join(dir, 'settings.json')),
      recoveryDir: join(dir, 'recovery'),
    });
    session = await startWorkbench(service);
    page = session.page;
    await waitReady(page);
  });

  after(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(session?.errors, [], 'no errors in the page');
  });

  test('one bar, one Reload; both sides rebased and reported; the added unit linked', async () => {
    assert.equal(await links(page), '0-0 1-1 2-2 3-3 4-4 5-5 6-6 7-7 8-8');
    const added = `    <tu>
      <tuv xml:lang="en">
        <seg>Weather permitting, the delegation will also tour the shipyards of Busan before flying home to Brussels.</seg>
      </tuv>
      <tuv xml:lang="th">
        <seg>หากสภาพอากาศเอื้ออำนวย คณะผู้แทนจะเยี่ยมชมอู่ต่อเรือในปูซานก่อนบินกลับบรัสเซลส์</seg>
      </tuv>
    </tu>
`;
    writeFileSync(tmx, readFileSync(tmx, 'utf8').replace('  </body>', `${added}  </body>`));
    const bar = page.getByTestId('disk-change');
    await bar.waitFor({ timeout: 10_000 });
    assert.match((await bar.textContent()) ?? '', /^memory\.tmx changed on disk\. Reload it /u);
    assert.equal(await bar.locator('button', { hasText: /^Reload/u }).count(), 1);
    await bar.locator('button', { hasText: /^Reload/u }).click();
    const report = page.getByTestId('rebase-report');
    await report.waitFor();
    assert.match((await page.getByTestId('rebase-summary-source').textContent()) ?? '', /1 new ¶/u);
    assert.match((await page.getByTestId('rebase-summary-target').textContent()) ?? '', /1 new ¶/u);
    await page.getByTestId('rebase-review').click();
    await settle(page);
    assert.equal(await links(page), '0-0 1-1 2-2 3-3 4-4 5-5 6-6 7-7 8-8 9-9');
    // The bar does not come back: both documents now have the file's new hash.
    await page.waitForTimeout(2500);
    assert.equal(await bar.count(), 0);
  });
});
