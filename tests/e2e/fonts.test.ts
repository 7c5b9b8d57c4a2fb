/**
 * No tofu (issue 12): the workbench's bundled Noto fonts (renderer/editors/fonts.ts)
 * cover every character of the UDHR languages the benchmark aligns (bench/udhr-cases.ts),
 * and Japanese 〈〉. In Debian's Chromium through the browser host: the opening of
 * each declaration is laid out in the workbench's text font, the fonts it needs are
 * loaded, and every character must fall in the unicode-range of a loaded face of the
 * bundled families (the machine's own fonts do not count). A screenshot shows them.
 *
 * Build the renderer first (`node scripts/build.js --renderer`).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startHttpHost, type HttpHost } from '../../electron/http-host.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { createWorkbenchService } from '../../electron/services/workbench-service.ts';
import { readUdhr, udhrLanguages } from '../../bench/udhr-cases.ts';

const root = resolve(import.meta.dirname, '..', '..');
const screenshots = resolve(root, process.env.BITEXT_SCREENSHOTS ?? join('test-results', 'screenshots'));

let dir: string;
let host: HttpHost;
let browser: Browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-e2e-fonts-'));
  const service = createWorkbenchService({ host: 'browser', rootDir: root, workspace: dir, settings: createSettingsStore(join(dir, 'settings.json')), recoveryDir: join(dir, 'recovery') });
  host = await startHttpHost({ api: service, assetsDir: join(root, 'dist', 'renderer') });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('every character of the UDHR cases (and Japanese 〈〉) is drawn by a bundled Noto face: no tofu', { timeout: 180_000 }, async () => {
  const samples = [
    { language: 'en', name: 'English', text: readUdhr('eng').slice(0, 3).map((unit) => unit.text).join(' ') },
    ...udhrLanguages.map((language) => ({
      language: language.iso6393,
      name: language.name,
      text: readUdhr(language.code).slice(0, 3).map((unit) => unit.text).join(' '),
    })),
    { language: 'ja', name: 'Japanese brackets', text: '〈世界人権宣言〉「前文」' },
  ];
  const page = await browser.newPage({ viewport: { width: 1200, height: 400 }, colorScheme: 'light' });
  await page.goto(host.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 60_000 });
  const missing = (await page.evaluate(`(async (samples) => {
    const sheet = document.createElement('div');
    sheet.style.cssText = 'position:fixed;inset:0;z-index:9999;overflow:hidden;padding:12px;background:#fff;color:#111;font:15px/1.6 var(--font-ui)';
    for (const sample of samples) {
      const line = document.createElement('p');
      line.style.cssText = 'margin:0 0 6px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis';
      line.textContent = sample.name + ' — ' + sample.text;
      sheet.append(line);
    }
    document.body.append(sheet);
    const stack = getComputedStyle(sheet).fontFamily;
    for (const sample of samples) await document.fonts.load('15px ' + stack, sample.text);
    await document.fonts.ready;
    const ranges = (face) => face.unicodeRange.split(',').map((part) => {
      const [from, to] = part.trim().replace(/^U\\+/i, '').split('-');
      return [parseInt(from, 16), parseInt(to ?? from, 16)];
    });
    const loaded = [...document.fonts].filter((face) => face.status === 'loaded' && /Noto Sans/.test(face.family)).map(ranges);
    const covered = (code) => loaded.some((list) => list.some(([from, to]) => code >= from && code <= to));
    const missing = [];
    for (const sample of samples) {
      const lacking = [...new Set([...sample.text].filter((char) => !/\\s/.test(char) && !covered(char.codePointAt(0))))];
      if (lacking.length > 0) missing.push(sample.name + ': ' + lacking.map((char) => char + ' U+' + char.codePointAt(0).toString(16).toUpperCase()).join(' '));
    }
    return missing;
  })(${JSON.stringify(samples)})`)) as string[];
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, 'fonts-udhr.png') });
  assert.deepEqual(missing, [], 'characters no bundled face covers');
  await page.close();
});
