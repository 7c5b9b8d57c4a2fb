/**
 * Renders the review report of the corpus pair in Chromium (playwright-core,
 * Debian's /usr/bin/chromium) and saves screenshots, so a person can look at
 * it: docs/screenshots/report.png (the top of the page) by default.
 * Usage: node --import tsx tests/reference/screenshot-report.ts [OUT.png] [--full] [--print OUT.pdf]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { renderReport } from '../../shared/report/html.ts';
import { corpusAlignment } from './corpus-alignment.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const out = args.find((arg) => arg.endsWith('.png')) ?? join(root, 'docs/screenshots/report.png');
const pdf = args.includes('--print') ? args[args.indexOf('--print') + 1] : undefined;

const html = renderReport(await corpusAlignment(), {
  now: new Date('2024-03-02T16:30:00Z'),
  flags: [{ link: 23, kind: 'length', message: 'The Thai is 40% shorter than expected for this English paragraph.' }],
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 2300 }, deviceScaleFactor: 1 });
  await page.setContent(html, { waitUntil: 'load' });
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: args.includes('--full') });
  if (pdf) writeFileSync(pdf, await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true }));
  process.stdout.write(`${out}\n`);
} finally {
  await browser.close();
}
