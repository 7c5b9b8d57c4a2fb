import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch, type BatchProgress } from '../../../../electron/services/batch/run-batch.ts';
import { createPool } from '../../../../electron/services/batch/pool.ts';
import { readDocument } from '../../../../electron/services/documents.ts';
import { alignDocuments } from '../../../../shared/pipeline.ts';
import { formatLinks } from '../../../../shared/model/alignment.ts';
import { parseAlignmentFile } from '../../../../shared/formats/alignment-json.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const english = join(root, 'corpus/nato-asia-2023.en.original-with-page-clutter.txt');
const thai = join(root, 'corpus/nato-asia-2023.th.translation.txt');

test('a batch aligns on workers as bitext align does, reports a failing pair with its file, and resumes', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'bitext-batch-'));
  const out = join(folder, 'out');
  const binary = join(folder, 'image.txt');
  writeFileSync(binary, Buffer.from([0, 1, 2, 255, 254, 0, 0, 7, 8, 9]));
  const pairs = [
    { source: english, target: thai, name: 'nato' },
    { source: english, target: join(folder, 'missing.txt'), name: 'missing' },
    { source: binary, target: thai, name: 'binary' },
  ];
  const pool = createPool(2);
  try {
    const progress: BatchProgress[] = [];
    const first = await runBatch(pairs, { outDir: out, jobs: 2, pool, onProgress: (step) => progress.push(step) });
    assert.deepEqual(first.map((outcome) => outcome.kind), ['aligned', 'failed', 'failed']);
    assert.deepEqual(progress.map((step) => `${step.done}/${step.total}`).sort(), ['1/3', '2/3', '3/3']);
    assert.equal(progress.at(-1)!.failed, 2);

    // The same links as aligning the two documents in this thread.
    const direct = alignDocuments(await readDocument(english, { detectParagraphs: false }), await readDocument(thai, { detectParagraphs: false }));
    const saved = parseAlignmentFile(readFileSync(join(out, 'nato.bitext'), 'utf8'), 'nato.bitext');
    assert.equal(formatLinks(saved.links), formatLinks(direct.links));
    const aligned = first[0]!;
    assert.ok(aligned.kind === 'aligned');
    assert.equal(aligned.stats.links, direct.links.length);

    const missing = first[1]!;
    assert.ok(missing.kind === 'failed');
    assert.equal(missing.file, join(folder, 'missing.txt'));
    assert.match(missing.reason, /cannot read the file \(ENOENT\)/);
    const undecodable = first[2]!;
    assert.ok(undecodable.kind === 'failed');
    assert.equal(undecodable.file, binary);

    // Re-running skips the pair whose output is newer than both documents…
    const second = await runBatch(pairs, { outDir: out, jobs: 2, pool });
    assert.deepEqual(second.map((outcome) => outcome.kind), ['up-to-date', 'failed', 'failed']);
    // …aligns it again once a document is newer…
    const later = new Date(statSync(join(out, 'nato.bitext')).mtimeMs + 5000);
    const touched = join(folder, 'th.txt');
    writeFileSync(touched, readFileSync(thai));
    utimesSync(touched, later, later);
    const third = await runBatch([{ source: english, target: touched, name: 'nato' }], { outDir: out, jobs: 2, pool });
    assert.equal(third[0]!.kind, 'aligned');
    // …and with force.
    const forced = await runBatch(pairs.slice(0, 1), { outDir: out, jobs: 2, pool, force: true });
    assert.equal(forced[0]!.kind, 'aligned');
  } finally {
    await pool.close();
  }
});

test('a cancelled batch leaves the pairs not finished as cancelled', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'bitext-batch-'));
  const controller = new AbortController();
  const pairs = Array.from({ length: 4 }, (_, index) => ({ source: english, target: thai, name: `pair-${index + 1}` }));
  const outcomes = await runBatch(pairs, {
    outDir: folder,
    jobs: 1,
    signal: controller.signal,
    onProgress: () => controller.abort(),
  });
  assert.equal(outcomes.filter((outcome) => outcome.kind === 'aligned').length, 1);
  assert.equal(outcomes.filter((outcome) => outcome.kind === 'cancelled').length, 3);
});
