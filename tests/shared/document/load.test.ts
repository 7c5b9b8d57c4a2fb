import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadDocument } from '../../../shared/document/load.ts';
import { detectPairLanguages } from '../../../shared/pipeline.ts';
import { languageTag } from '../../../shared/language/detect.ts';

const bytes = (name: string) => new Uint8Array(readFileSync(new URL(`../../../corpus/${name}`, import.meta.url)));

test('loading decodes, splits, detects and hashes', async () => {
  const raw = bytes('nato-asia-2023.th.translation.txt');
  const document = await loadDocument(raw, 'th.txt');
  assert.equal(document.sha256, createHash('sha256').update(raw).digest('hex'));
  assert.equal(document.encoding.name, 'utf-8');
  assert.deepEqual(document.language.detected, { iso6393: 'tha', bcp47: 'th', script: 'Thai' });
  assert.equal(document.paragraphs.length, 10);
  assert.ok(document.paragraphs.every((paragraph) => paragraph.language?.iso6393 === 'tha'));
});

test('paragraph detection can be left to the pipeline', async () => {
  const document = await loadDocument(bytes('nato-asia-2023.th.translation.txt'), 'th.txt', { detectParagraphs: false });
  assert.ok(document.paragraphs.every((paragraph) => paragraph.language === undefined));
});

test('the user override is kept beside the detection', async () => {
  const document = await loadDocument(bytes('nato-asia-2023.th.translation.txt'), 'th.txt', { languageOverride: languageTag('lao', 'Laoo') });
  assert.equal(document.language.detected.iso6393, 'tha');
  assert.equal(document.language.override?.iso6393, 'lao');
});

test("paragraph languages are judged among the pair's languages", async () => {
  const english = await loadDocument(bytes('nato-asia-2023.en.original-with-page-clutter.txt'), 'en.txt');
  const thaiParagraph = new TextDecoder().decode(bytes('nato-asia-2023.th.translation.txt')).split('\n')[0]!;
  const thai = await loadDocument(new TextEncoder().encode(`${thaiParagraph}\nThis English caption was left untranslated in the Thai text.\n`), 'th.txt');
  const [source, target] = detectPairLanguages(english, thai);
  assert.deepEqual(source.paragraphs.map((paragraph) => paragraph.language?.mismatch).filter(Boolean), []);
  assert.deepEqual(target.paragraphs.map((paragraph) => [paragraph.language?.iso6393, paragraph.language?.mismatch]), [['tha', false], ['eng', true]]);
});
