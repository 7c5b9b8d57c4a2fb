import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLinks, type Link } from '../../../shared/model/alignment.ts';
import { findLinkProblems } from '../../../shared/model/invariants.ts';
import { readUdhr, syntheticCase, udhrCase, udhrCleanCase, udhrLanguages } from '../../../bench/udhr-cases.ts';
import { corpusCase } from '../../../bench/cases.ts';

const asLinks = (compact: string): Link[] => parseLinks(compact).map((link) => ({ ...link, score: 0, confidence: 1, status: 'auto' }));

test('every benchmark language has a declaration, and every gold covers each paragraph once', () => {
  for (const language of udhrLanguages) {
    for (const bitext of [udhrCleanCase(language.code), udhrCase(language.code)]) {
      const links = asLinks(bitext.gold);
      assert.deepEqual(findLinkProblems(links, bitext.source.texts.length, bitext.target.texts.length), [], bitext.name);
      assert.equal(links.flatMap((link) => link.source).length, bitext.source.texts.length, bitext.name);
      assert.equal(links.flatMap((link) => link.target).length, bitext.target.texts.length, bitext.name);
    }
  }
});

test('the English declaration reads as title, preamble and 30 articles', () => {
  const units = readUdhr('eng');
  assert.equal(units[0]!.role, 'title');
  assert.equal(new Set(units.map((unit) => unit.section)).size, 32);
  assert.equal(units.find((unit) => unit.section === 'article-3' && unit.role === 'paragraph')!.text, 'Everyone has the right to life, liberty and the security of person.');
});

test('perturbation is seeded: same seed same case, and it adds every kind of link the aligner must find', () => {
  assert.deepEqual(udhrCase('tha'), udhrCase('tha'));
  assert.notDeepEqual(udhrCase('tha', 1).gold, udhrCase('tha', 2).gold);
  const shapes = new Set(udhrLanguages.flatMap((language) => parseLinks(udhrCase(language.code).gold).map((link) => `${link.source.length}:${link.target.length}`)));
  for (const shape of ['1:1', '1:0', '0:1', '2:1', '1:2']) assert.ok(shapes.has(shape), shape);
  // A group skipping a paragraph: two source paragraphs that are not neighbours.
  assert.ok(udhrLanguages.some((language) => parseLinks(udhrCase(language.code).gold).some((link) => link.source.length === 2 && link.source[1]! - link.source[0]! === 2)));
});

test('synthetic long pairs have the size asked for', () => {
  const bitext = syntheticCase(500);
  assert.ok(Math.min(bitext.source.texts.length, bitext.target.texts.length) >= 500);
  assert.ok(Math.min(bitext.source.texts.length, bitext.target.texts.length) < 505);
  assert.ok(bitext.source.texts.length < 600);
  assert.deepEqual(findLinkProblems(asLinks(bitext.gold), bitext.source.texts.length, bitext.target.texts.length), []);
});

test('the corpus gold fixture reads back whole', () => {
  const bitext = corpusCase();
  assert.equal(bitext.source.texts.length, 38);
  assert.equal(bitext.target.texts.length, 10);
  assert.match(bitext.gold, /17,19-5 18-∅ 20,21-6 22-∅/u);
  assert.deepEqual(findLinkProblems(asLinks(bitext.gold), 38, 10), []);
});
