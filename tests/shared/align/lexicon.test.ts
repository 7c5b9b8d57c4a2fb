import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLexicon } from '../../../shared/align/lexicon.ts';
import { alignParagraphs } from '../../../shared/align/align.ts';
import { formatLinks } from '../../../shared/model/alignment.ts';
import { BitextError } from '../../../shared/errors.ts';
import { buildEvidence } from '../../../shared/align/evidence.ts';
import { initialLengthModel } from '../../../shared/align/length-model.ts';
import { LinkScorer } from '../../../shared/align/scorer.ts';
import { findLinkProblems } from '../../../shared/model/invariants.ts';

test('TSV: source<TAB>target per line, blank and # lines skipped', () => {
  const lexicon = parseLexicon('\uFEFF# war words\nwar\tสงคราม\r\n\nheavy tanks\tรถถังหนัก\n', 'words.tsv');
  assert.equal(lexicon.format, 'tsv');
  assert.deepEqual(
    lexicon.entries.map((entry) => [entry.source, entry.target, entry.line]),
    [
      ['war', 'สงคราม', 2],
      ['heavy tanks', 'รถถังหนัก', 4],
    ],
  );
});

test('hunalign .dic: "target @ source" per line', () => {
  const lexicon = parseLexicon('สงคราม @ war\nรถถัง @ tank\n', 'en-th.dic');
  assert.equal(lexicon.format, 'hunalign');
  assert.deepEqual(lexicon.entries.map((entry) => [entry.source, entry.target]), [
    ['war', 'สงคราม'],
    ['tank', 'รถถัง'],
  ]);
  // Another extension: the first entry line decides.
  assert.equal(parseLexicon('สงคราม @ war\n', 'words.txt').format, 'hunalign');
});

test('a bad line is an invalid-dictionary error naming file:line', () => {
  const expectError = (text: string, file: string, line: number | undefined, pattern: RegExp) =>
    assert.throws(
      () => parseLexicon(text, file),
      (error: unknown) =>
        error instanceof BitextError && error.code === 'invalid-dictionary' && error.location.file === file && error.location.line === line && pattern.test(error.message),
    );
  expectError('war\tสงคราม\ntank only\n', 'words.tsv', 2, /^words\.tsv:2: /u);
  expectError('สงคราม @ war\nรถถัง tank\n', 'en-th.dic', 2, /^en-th\.dic:2: /u);
  expectError('war\t\n', 'words.tsv', 1, /empty side/u);
  expectError('# nothing\n\n', 'empty.tsv', undefined, /no entries/u);
});

test('dictionary entries found on both sides become evidence for the link', () => {
  const source = {
    texts: [
      'The soldiers carried heavy tanks across the river at dawn.',
      'The talks ended late in the evening.',
      'Prices of rice rose again this week.',
      'The minister visited the northern provinces.',
      'Schools reopened after the long holiday.',
    ],
    language: 'eng',
  };
  // The Thai has an extra paragraph first, as long as the translation of the first English one.
  const target = {
    texts: [
      'ชาวนาปลูกข้าวในทุ่งกว้างตลอดฤดูฝนปีนี้',
      'ทหารขนรถถังหนักข้ามแม่น้ำตอนรุ่งเช้าวันนี้',
      'การเจรจาจบลงในตอนดึกของคืนนั้น',
      'ราคาข้าวสูงขึ้นอีกครั้งในสัปดาห์นี้',
      'รัฐมนตรีเยือนจังหวัดภาคเหนือ',
      'โรงเรียนเปิดอีกครั้งหลังวันหยุดยาว',
    ],
    language: 'tha',
  };
  // Synonyms share a concept: one source word, two Thai words for it, one key.
  const lexicon = parseLexicon('heavy tanks\tรถถังหนัก\nriver\tแม่น้ำ\nriver\tลำน้ำ\n', 'words.tsv');
  const evidence = buildEvidence(source, target, lexicon);
  assert.equal(evidence.keyLabels.filter((label) => label.startsWith('lexicon:')).length, 2);
  const model = { length: initialLengthModel(1, evidence.target.lengths), logPriors: new Float64Array(10), lengthWeight: 0, anchorWeight: 1, maximumReward: 8 };
  const scorer = new LinkScorer(evidence, model);
  assert.ok(scorer.linkEvidence([0], [1]) > 1, 'the translation shares the dictionary words');
  assert.ok(scorer.linkEvidence([0], [0]) < 0, 'the other paragraph lacks them');
  assert.equal(new LinkScorer(buildEvidence(source, target), model).linkEvidence([0], [1]), 0, 'no dictionary, no such evidence');
  const links = alignParagraphs(source, target, { lexicon });
  assert.deepEqual(findLinkProblems(links, 5, 6), []);
  assert.equal(formatLinks(links), '∅-0 0-1 1-2 2-3 3-4 4-5');
  // Lengths alone cannot tell which Thai paragraph is the extra one.
  assert.notEqual(formatLinks(alignParagraphs(source, target)), formatLinks(links));
});
