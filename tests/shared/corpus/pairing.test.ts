import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { listFolder } from '../../../electron/services/folder.ts';
import { alignSide } from '../../../shared/pipeline.ts';
import { pairDocuments, type PairProposal } from '../../../shared/corpus/pairing.ts';
import { makeUdhrFolder } from './udhr-folder.ts';

const corpus = new URL('../../../corpus', import.meta.url).pathname;

test('corpus: the Thai article pairs with its English original and with none of the other English articles', async () => {
  const { documents, skipped } = await listFolder(corpus);
  assert.equal(documents.length, 5);
  assert.deepEqual(skipped, []);
  const { candidates, proposals } = pairDocuments(documents.map((document) => ({ id: basename(document.path), ...alignSide(document) })));
  assert.deepEqual(
    proposals.map((pair) => [pair.source, pair.target]),
    [['nato-asia-2023.en.original-with-page-clutter.txt', 'nato-asia-2023.th.translation.txt']],
  );
  // Every English–Thai combination was scored; same-language pairs are not candidates.
  assert.equal(candidates.length, 4);
  const [best, runnerUp] = candidates;
  assert.ok(best!.score - runnerUp!.score > 0.3, `the true pair (${best!.score}) stands clear of the next (${runnerUp!.score})`);
  assert.ok(best!.sharedAnchors.includes('name:stoltenberg'));
});

test('a document with no counterpart in another language gets no proposal', () => {
  const english = { id: 'a', language: 'eng', texts: ['Nato chief Jens Stoltenberg visits Seoul on Sunday.'] };
  const english2 = { id: 'b', language: 'eng', texts: ['Nato chief Jens Stoltenberg visits Seoul on Sunday.'] };
  assert.deepEqual(pairDocuments([english, english2]).proposals, []);
});

async function pairFolder(folder: string, options: { sourceLanguage?: string } = {}) {
  const { documents } = await listFolder(folder);
  return pairDocuments(documents.map((document) => ({ id: basename(document.path), ...alignSide(document) })), options);
}

const show = (proposals: readonly PairProposal[]) => proposals.map((pair) => `${pair.source} → ${pair.target} (${pair.originalBy})`);

test('one original with two translations: both are proposed, and the two translations are not paired together', async () => {
  const { candidates, proposals } = await pairFolder(makeUdhrFolder());
  // All three score high together: the Japanese and the Russian are translations of the same text.
  assert.equal(candidates.filter((candidate) => candidate.score >= 0.5).length, 3);
  assert.deepEqual(show(proposals), [
    'declaration.en.txt → declaration.ja.txt (hub)',
    'declaration.en.txt → declaration.ru.txt (hub)',
  ]);
});

test('with no leftovers to tell the original, the language the user names decides, else the longer document', async () => {
  const folder = makeUdhrFolder({ clean: true });
  assert.deepEqual(show((await pairFolder(folder, { sourceLanguage: 'eng' })).proposals).sort(), [
    'declaration.en.txt → declaration.ja.txt (source-lang)',
    'declaration.en.txt → declaration.ru.txt (source-lang)',
  ]);
  const { proposals } = await pairFolder(folder);
  assert.equal(proposals.length, 2);
  assert.ok(proposals.every((pair) => pair.originalBy === 'longer' && pair.source === proposals[0]!.source));
});

test('two separate pairs stay separate: a translation has one original', () => {
  const names = ['Jens Stoltenberg', 'Park Jin', 'Temple University', 'Fumio Kishida', 'Yoon Suk Yeol', 'Kim Jong Un'];
  const texts = (offset: number) => names.map((name, index) => `${name} spoke on day ${offset + index * 7} of the meeting in ${1990 + offset + index}.`);
  const thaiTexts = (offset: number) => names.map((name, index) => `${name} กล่าวในวันที่ ${offset + index * 7} ของการประชุมในปี ${1990 + offset + index}`);
  const documents = [
    { id: 'a.en', language: 'eng', texts: texts(1) },
    { id: 'a.th', language: 'tha', texts: thaiTexts(1) },
    { id: 'b.en', language: 'eng', texts: texts(2) },
    { id: 'b.th', language: 'tha', texts: thaiTexts(2) },
  ];
  const pairs = pairDocuments(documents).proposals.map((pair) => [pair.source, pair.target].sort().join(' '));
  assert.deepEqual(pairs.sort(), ['a.en a.th', 'b.en b.th']);
});

test('two versions of one text in one language (a DOCX and a PDF of it) do not make their translation the original', () => {
  const names = ['Jens Stoltenberg', 'Park Jin', 'Temple University', 'Fumio Kishida', 'Yoon Suk Yeol', 'Kim Jong Un'];
  const english = names.map((name, index) => `${name} spoke on day ${1 + index * 7} of the long meeting in ${1991 + index}, as reported.`);
  const thai = names.map((name, index) => `${name} กล่าวในวันที่ ${1 + index * 7} ของการประชุมในปี ${1991 + index}`);
  const documents = [
    { id: 'news.en.docx', language: 'eng', texts: english },
    { id: 'news.en.pdf', language: 'eng', texts: english },
    { id: 'news.th.html', language: 'tha', texts: thai },
  ];
  const { proposals } = pairDocuments(documents);
  assert.equal(proposals.length, 1);
  assert.equal(proposals[0]!.target, 'news.th.html', 'the Thai is the translation: two English partners are one language, not a hub');
  assert.equal(proposals[0]!.originalBy, 'longer');
});
