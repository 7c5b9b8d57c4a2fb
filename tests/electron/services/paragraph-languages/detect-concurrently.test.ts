/**
 * `bitext align`'s language detection in a worker beside the aligner: the
 * alignment must be the one the in-line pipeline makes, the file written from
 * the worker's paragraph lists the one written at once, and a worker that
 * fails must say why.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadDocument } from '../../../../shared/document/load.ts';
import { alignDocuments } from '../../../../shared/pipeline.ts';
import { alignDocumentsConcurrently, alignDocumentsToSave, detectInWorker, startPairWorker } from '../../../../electron/services/paragraph-languages/detect-concurrently.ts';
import { readDocument } from '../../../../electron/services/documents.ts';
import { saveAlignment } from '../../../../electron/services/alignment-store.ts';

const corpus = (name: string) => readFileSync(new URL(`../../../../corpus/${name}`, import.meta.url));

test('with detection in a worker, the alignment is the one made in line: links and every paragraph language', async () => {
  const options = { detectParagraphs: false } as const;
  const [source, target] = await Promise.all([
    loadDocument(corpus('nato-asia-2023.en.original-with-page-clutter.txt'), 'en.txt', options),
    loadDocument(corpus('nato-asia-2023.th.translation.txt'), 'th.txt', options),
  ]);
  const now = '2026-01-01T00:00:00.000Z';
  // From 0 paragraphs: the corpus pair is far below the size at which `bitext align` starts the worker.
  const concurrent = await alignDocumentsConcurrently(source, target, { now }, 0);
  assert.deepEqual(concurrent, alignDocuments(source, target, { now }));
  assert.ok(concurrent.source.paragraphs.some((paragraph) => paragraph.language?.iso6393 === 'eng'));
  assert.ok(concurrent.source.paragraphs.some((paragraph) => paragraph.language?.reason === 'too-short'));
  assert.ok(concurrent.target.paragraphs.every((paragraph) => paragraph.language?.iso6393 === 'tha'));
});

test('a job the worker cannot run is refused with the reason', async () => {
  const job = { documents: [{ text: null as unknown as string, bounds: new Int32Array([0, 1]), options: { documentLanguage: 'eng', pairLanguages: ['eng'] } }] };
  await assert.rejects(detectInWorker(job), /null|slice|undefined/i);
});

test('two Latin-script documents (word scans made in the worker), through a worker started before the reading: the in-line alignment', async () => {
  const options = { detectParagraphs: false } as const;
  const english = ['In the beginning God created the heaven and the earth.', 'And Adam knew Eve his wife; and she conceived, and bare Cain.', 'And Adam lived an hundred and thirty years.', 'Subscribe to our newsletter for the latest news from the world'];
  const german = ['Am Anfang schuf Gott Himmel und Erde.', 'Und Adam erkannte sein Weib Eva, und sie ward schwanger und gebar den Kain.', 'Und Adam war hundertdreißig Jahre alt.'];
  const worker = startPairWorker();
  const [source, target] = await Promise.all([
    loadDocument(Buffer.from(english.join('\n\n')), 'en.txt', options),
    loadDocument(Buffer.from(german.join('\n\n')), 'de.txt', options),
  ]);
  const now = '2026-01-01T00:00:00.000Z';
  const concurrent = await alignDocumentsConcurrently(source, target, { now }, 0, worker);
  assert.deepEqual(concurrent, alignDocuments(source, target, { now }));
  assert.ok(concurrent.links.length >= 3);
});

test('a worker started early but left without work (short documents) is stopped, and the pair aligned in line', async () => {
  const options = { detectParagraphs: false } as const;
  const [source, target] = await Promise.all([
    loadDocument(Buffer.from('One.\n\nTwo 2.'), 'en.txt', options),
    loadDocument(Buffer.from('Uno.\n\nDos 2.'), 'es.txt', options),
  ]);
  const now = '2026-01-01T00:00:00.000Z';
  assert.deepEqual(await alignDocumentsConcurrently(source, target, { now }, 4000, startPairWorker()), alignDocuments(source, target, { now }));
});

test('a worker that read the target, then aligned for saving: the in-line alignment, and the file it saves is the one saved in line', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'bitext-early-'));
  try {
    const targetPath = join(folder, 'th.txt');
    await writeFile(targetPath, corpus('nato-asia-2023.th.translation.txt'));
    const worker = startPairWorker();
    const held = worker.load({ path: targetPath });
    const source = await loadDocument(corpus('nato-asia-2023.en.original-with-page-clutter.txt'), join(folder, 'en.txt'), { detectParagraphs: false });
    const target = await held;
    assert.ok(worker.holds(target));
    assert.deepEqual(target, await readDocument(targetPath, { detectParagraphs: false }));
    const now = '2026-01-01T00:00:00.000Z';
    const { alignment, paragraphs } = await alignDocumentsToSave(source, target, { now }, 0, worker);
    assert.deepEqual(alignment, alignDocuments(source, target, { now }));
    const written = await paragraphs;
    assert.ok(written, 'the worker wrote the paragraph lists');
    await saveAlignment(join(folder, 'pieces.bitext'), alignment, { paragraphs: written });
    await saveAlignment(join(folder, 'whole.bitext'), alignment);
    assert.equal(await readFile(join(folder, 'pieces.bitext'), 'utf8'), await readFile(join(folder, 'whole.bitext'), 'utf8'));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('a worker asked for a file it cannot read says so, and the caller reads it itself', async () => {
  const worker = startPairWorker();
  await assert.rejects(worker.load({ path: join(tmpdir(), 'bitext-no-such-file.txt') }), /cannot read the file/);
  worker.stop();
});
