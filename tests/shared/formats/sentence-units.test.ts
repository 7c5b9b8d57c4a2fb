/**
 * Sentence units for export: two pairs whose boundary the aligner is unsure
 * of are exported as one, so a unit is never cut at a wrong boundary; pairs a
 * reviewer judged, and pairs with an empty side, keep their boundaries.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LinkSentences, SentenceLink } from '../../../shared/align/sentence-align.ts';
import { extractPairs } from '../../../shared/formats/export-pairs.ts';
import { mergeUnsureBoundaries } from '../../../shared/formats/sentence-units.ts';
import { corpusAlignment } from '../../reference/corpus-alignment.ts';

const pair = (source: number[], target: number[], confidence: number, status?: SentenceLink['status']): SentenceLink => ({ source, target, score: 1, confidence, ...(status ? { status } : {}) });
const block = (links: SentenceLink[]): LinkSentences => ({ link: 0, sourceSentences: [], targetSentences: [], links });
const shape = (merged: LinkSentences) => merged.links.map((link) => `${link.source.join(',')}-${link.target.join(',')}:${link.confidence}`).join(' ');

test('a pair below the sure band is joined with its neighbours; sure pairs, judged pairs and empty sides keep their boundaries', () => {
  assert.equal(shape(mergeUnsureBoundaries(block([pair([0], [0], 0.9), pair([1], [1], 0.95)]))), '0-0:0.9 1-1:0.95');
  assert.equal(shape(mergeUnsureBoundaries(block([pair([0], [0], 0.9), pair([1], [1, 2], 0.5), pair([2], [3], 0.95)]))), '0,1,2-0,1,2,3:0.5');
  assert.equal(shape(mergeUnsureBoundaries(block([pair([0], [0], 0.6), pair([1], [], 0.4), pair([2], [1], 0.6)]))), '0-0:0.6 1-:0.4 2-1:0.6');
  // Joined at the unsure pair's two boundaries only: the sure boundary after it stays.
  assert.equal(shape(mergeUnsureBoundaries(block([pair([0], [0], 0.5), pair([1], [1], 0.9), pair([2], [2], 0.95)]))), '0,1-0,1:0.5 2-2:0.95');
  assert.equal(shape(mergeUnsureBoundaries(block([pair([0], [0], 0.6, 'confirmed'), pair([1], [1], 0.5)]))), '0-0:0.6 1-1:0.5');
  const sure = block([pair([0], [0], 0.8), pair([1], [1], 0.8)]);
  assert.equal(mergeUnsureBoundaries(sure), sure, 'nothing to join: the same block');
});

test('the corpus pair by sentence: the unsure boundaries of links 13 and 18 are not exported; with keep, every pair is', async () => {
  const corpus = await corpusAlignment();
  const units = extractPairs(corpus, { unit: 'sentence' }).pairs;
  const kept = extractPairs(corpus, { unit: 'sentence', unsureBoundaries: 'keep' }).pairs;
  /** The units of the link one of whose units holds `english`. */
  const unitsOf = (pairs: typeof units, english: string) => {
    const link = pairs.find((unit) => unit.source.includes(english))!.link;
    return pairs.filter((unit) => unit.link === link);
  };
  // Link 18: the aligner puts "particularly Japan and South Korea" in the second pair (tests/shared/align/corpus-sentence-pairs.test.ts).
  const link18 = unitsOf(units, 'particularly Japan and South Korea');
  assert.equal(link18.length, 1, 'one unit');
  assert.ok(link18[0]!.source.includes('The clear intention') && link18[0]!.target.includes('โดยเฉพาะญี่ปุ่นและเกาหลีใต้และความตั้งใจ'));
  assert.equal(unitsOf(kept, 'particularly Japan and South Korea').length, 2, 'kept: the aligner\'s two pairs');
  // Link 20's pairs are sure: its boundary at the Thai "and" stays.
  const link20 = unitsOf(units, 'And although Ukraine');
  assert.equal(link20.length, 2);
  assert.ok(link20[1]!.target.startsWith('และแม้ว่า'));
  assert.ok(units.length < kept.length);
});
