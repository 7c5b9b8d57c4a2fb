/**
 * Renders the review report of the corpus pair in Chromium (playwright-core,
 * Debian's /usr/bin/chromium) and saves screenshots, so a person can look at
 * it: docs/screenshots/report.png (the top of the page) by default.
 *
 * The alignment is the app's own: both documents read by the documents
 * service, aligned by the pipeline, then a review begun by hand (the first
 * three links confirmed, a note on the least sure link), as a reviewer would
 * print it. `--gold` uses the hand-made gold alignment of the tests instead.
 *
 * Usage: node --import tsx tests/reference/screenshot-report.ts [OUT.png] [--gold] [--full] [--print OUT.pdf]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { readDocument } from '../../electron/services/documents.ts';
import type { Alignment } from '../../shared/model/alignment.ts';
import { alignDocuments } from '../../shared/pipeline.ts';
import { renderReport } from '../../shared/report/html.ts';
import { corpusAlignment, corpusPath } from './corpus-alignment.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const out = args.find((arg) => arg.endsWith('.png')) ?? join(root, 'docs/screenshots/report.png');
const pdf = args.includes('--print') ? args[args.indexOf('--print') + 1] : undefined;

/** The pipeline's alignment of the corpus pair, with a review begun. */
async function reviewedPipelineAlignment(): Promise<Alignment> {
  const source = await readDocument(corpusPath('nato-asia-2023.en.original-with-page-clutter.txt'));
  const target = await readDocument(corpusPath('nato-asia-2023.th.translation.txt'));
  const alignment = alignDocuments(source, target, { now: '2024-03-02T16:05:42.000Z' });
  const translated = alignment.links.flatMap((link, index) => (link.source.length > 0 && link.target.length > 0 ? [index] : []));
  const leastSure = translated.reduce((low, index) => (alignment.links[index]!.confidence < alignment.links[low]!.confidence ? index : low));
  const links = alignment.links.map((link, index) => {
    if (translated.slice(0, 3).includes(index)) return { ...link, status: 'confirmed' as const };
    if (index === leastSure) return { ...link, note: 'Check the neighbours: the Thai may merge this paragraph with the next one but one.', tags: ['check'] };
    return link;
  });
  return { ...alignment, links };
}

const alignment = args.includes('--gold') ? await corpusAlignment() : await reviewedPipelineAlignment();
const html = renderReport(alignment, { now: new Date('2024-03-02T16:30:00Z') });
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
