/**
 * The page the end-to-end tests drive: Debian's Chromium on the browser host's
 * URL, with every page error and console error collected (the tests end by
 * asserting there were none), and the wait for the workbench to have started.
 */
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import type { WorkbenchApi } from '../../shared/api.ts';
import { startHttpHost } from '../../electron/http-host.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { settle } from './page-probes.ts';

/** A browser with one page on the workbench, and the errors it has reported so far. */
export interface WorkbenchPage {
  readonly browser: Browser;
  readonly page: Page;
  readonly errors: string[];
}

/**
 * Opens `url` in a fresh Chromium at the size the screenshots are taken.
 * `expected` tells a console error a test provokes on purpose from one to report.
 */
export async function openWorkbenchPage(url: string, expected: (message: ConsoleMessage) => boolean = () => false): Promise<WorkbenchPage> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected(message)) errors.push(message.text());
  });
  await page.goto(url);
  return { browser, page, errors };
}

/** Waits until the workbench has started (and, with `idle`, finished what it was doing) and has drawn. */
export async function waitReady(page: Page, { idle = false } = {}): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 60_000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true', 'the workbench started');
  if (idle) await page.waitForFunction(() => document.documentElement.dataset.busy === 'false');
  await settle(page);
}

/** A browser host serving one workbench service, and a Chromium page on it. */
export interface WorkbenchSession extends WorkbenchPage {
  /** Closes the browser and the host. */
  close(): Promise<void>;
}

/** The built renderer (`node scripts/build.js --renderer`), or `BITEXT_RENDERER_DIR`. */
export const rendererDir = resolve(import.meta.dirname, '..', '..', process.env['BITEXT_RENDERER_DIR'] ?? join('dist', 'renderer'));

/** Serves `api` from a browser host and opens it in Chromium (see {@link openWorkbenchPage} for `expected`). */
export async function startWorkbench(api: WorkbenchApi, expected?: (message: ConsoleMessage) => boolean): Promise<WorkbenchSession> {
  const host = await startHttpHost({ api, assetsDir: rendererDir });
  const opened = await openWorkbenchPage(host.url, expected);
  return {
    ...opened,
    async close() {
      await opened.browser.close();
      await host.close();
    },
  };
}
