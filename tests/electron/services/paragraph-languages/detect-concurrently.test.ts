/**
 * `bitext align`'s language detection in a worker beside the aligner: the
 * alignment must be the one the in-line pipeline makes, and a worker that
 * fails must say why.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadDocument } from '../../../../shared/document/load.ts';
import { alignDocuments } from '../../../../shared/pipeline.ts';
import { alignDocumentsConcurrently, detectInWorker } from '../../../../electron/services/paragraph-languages/detect-concurrently.ts';

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
  await assert.rejects(detectInWorker({ documents: [{ texts: null as unknown as string[], options: { documentLanguage: 'eng', pairLanguages: ['eng'] } }] }), /null|map|undefined/i);
});
