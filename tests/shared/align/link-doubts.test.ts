import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignParagraphs, doubtContext } from '../../../shared/align/align.ts';
import { buildEvidence } from '../../../shared/align/evidence.ts';
import { applyDoubts, doubtFactors, headingFlags, joinLogOdds, linkDoubts } from '../../../shared/align/link-doubts.ts';
import { paragraphLength } from '../../../shared/align/length-model.ts';
import { formatLinks, parseLinks, type Link } from '../../../shared/model/alignment.ts';
import { udhrCase, udhrCleanCase } from '../../../bench/udhr-cases.ts';

const english = [
  'Article 4',
  'No one shall be held in slavery or servitude; slavery and the slave trade shall be prohibited in all their forms.',
  'Article 5',
  'No one shall be subjected to torture or to cruel, inhuman or degrading treatment or punishment.',
];
const thai = [
  'ข้อ 4',
  'บุคคลใดจะถูกยึดตัวเป็นทาส หรือตกอยู่ในภาวะจำยอมไม่ได้ ทั้งนี้ ห้ามความเป็นทาส และการค้าทาสทุกรูปแบบ',
  'ข้อ 5',
  'บุคคลใดจะถูกทรมาน หรือได้รับการปฏิบัติ หรือการลงทัณฑ์ที่โหดร้าย ไร้มนุษยธรรม หรือต่ำช้าไม่ได้',
];
const source = { texts: english, language: 'eng' };
const target = { texts: thai, language: 'tha' };
const context = doubtContext(buildEvidence(source, target), { source, target });

/** Links in compact form, each at confidence 1. */
const sure = (compact: string): Link[] => parseLinks(compact).map((link) => ({ ...link, score: 5, confidence: 1, status: 'auto' }));

test('headingFlags: short paragraphs without closing punctuation are headings; sentences and long paragraphs are not', () => {
  const texts = ['Article 5', 'No one shall be subjected to torture or to cruel, inhuman or degrading treatment or punishment.', 'Yes.', 'Everyone has the right to life, liberty and security of person'];
  assert.deepEqual([...headingFlags(texts, texts.map(paragraphLength))], [1, 0, 0, 0]);
});

test('linkDoubts: the right links of the two articles have none', () => {
  assert.deepEqual(sure('0-0 1-1 2-2 3-3').map((link) => linkDoubts(link, context)), [[], [], [], []]);
});

test('linkDoubts: an article’s text with the next "Article 5" heading, against the Thai article 4 alone, ends in a heading', () => {
  const [, wrong] = sure('0-0 1,2-1 ∅-2 3-3');
  assert.deepEqual(linkDoubts(wrong!, context), ['trailing-heading']);
  // A heading opening its text is how documents are written: no doubt.
  assert.deepEqual(linkDoubts(sure('2,3-3')[0]!, context), []);
});

test('linkDoubts: "Article 4" against "ข้อ 5" carry different numbers', () => {
  assert.deepEqual(linkDoubts(sure('0-2')[0]!, context), ['numbers-differ']);
  // A number on one side only is not a disagreement (it may be spelt out on the other).
  assert.deepEqual(linkDoubts(sure('0,1-1')[0]!, context), []);
});

test('applyDoubts: a doubted link is no longer 1.00; the others keep their confidence', () => {
  const links = applyDoubts(sure('0-0 1,2-1 ∅-2 3-3'), context);
  assert.deepEqual(links.map((link) => link.confidence), [1, doubtFactors['trailing-heading'], 1, 1]);
  assert.equal(formatLinks(links), '0-0 1,2-1 ∅-2 3-3', 'links keep their places');
});

test('UDHR (English–Vietnamese, seed 1): the wrong link "Now, therefore, / The General Assembly" is no longer sure', () => {
  const bitext = udhrCase('vie');
  const find = (links: readonly Link[]) => links.find((link) => formatLinks([link]) === '8,9-9');
  const before = find(alignParagraphs(bitext.source, bitext.target, { doubtLinks: false }));
  const after = find(alignParagraphs(bitext.source, bitext.target));
  assert.ok(before && after, 'the aligner still makes the link');
  assert.ok(!parseLinks(bitext.gold).some((link) => formatLinks([link]) === '8,9-9'), 'the link is wrong');
  assert.ok(before.confidence > 0.85, `before ${before.confidence}`);
  assert.ok(after.confidence < 0.5, `after ${after.confidence}`);
});

test('joining a heading-like paragraph to an earlier one costs the trailing-heading factor, in the search as in the confidence', () => {
  const texts = [english[1]!, english[3]!, 'Article 4', english[1]!, english[3]!, 'Share this article', english[1]!, 'Now, therefore,', 'The General Assembly', english[3]!];
  const odds = joinLogOdds(texts, texts.map(paragraphLength));
  const cost = Math.log(doubtFactors['trailing-heading']);
  // "The General Assembly" follows a paragraph that ends mid-sentence: the sentence runs on, joining it costs nothing.
  assert.deepEqual(Array.from(odds), [0, 0, cost, 0, 0, cost, 0, 0, 0, 0]);
  // A caption after an article's text: a 1:1 and a 1:0, not a 2:1 with the caption glued on.
  const bitext = udhrCleanCase('tha');
  const source = [...bitext.source.texts.slice(0, 30)];
  source.splice(20, 0, 'Share this article');
  const links = alignParagraphs({ texts: source, language: 'eng' }, { texts: bitext.target.texts.slice(0, 29), language: 'tha' });
  assert.ok(links.some((link) => formatLinks([link]) === '20-∅'), formatLinks(links));
});
