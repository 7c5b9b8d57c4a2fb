import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignParagraphs } from '../../../shared/align/align.ts';
import { buildEvidence } from '../../../shared/align/evidence.ts';
import { learnLexicon, segmenterFor, withLearnedKeys, wordsOf } from '../../../shared/align/learned-lexicon.ts';
import { scoreAlignment } from '../../../shared/align/metrics.ts';
import { parseLinks } from '../../../shared/model/alignment.ts';
import { udhrCase } from '../../../bench/udhr-cases.ts';

test('wordsOf: distinct lower-cased words; unspaced scripts cut by Intl.Segmenter; no numbers or punctuation', () => {
  assert.deepEqual(wordsOf('The cat, the CAT and 3 dogs’ bowls; don’t.', undefined), ['the', 'cat', 'and', 'dogs', 'bowls', 'don’t']);
  const thai = wordsOf('ทุกคนมีสิทธิในชีวิต', segmenterFor('tha', ['ทุกคนมีสิทธิในชีวิต']));
  assert.ok(thai.includes('สิทธิ') && thai.includes('ชีวิต'), thai.join('|'));
  assert.equal(segmenterFor('eng', ['Everyone has the right to life.']), undefined);
});

/** Forty made-up 1:1 links: "cat" always with "gato", "dog" with "perro" (and two more), filler words scattered so they co-occur by chance. */
function toyPair() {
  const filler = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
  const fillerTarget = ['uno', 'dos', 'tres', 'cuatro', 'cinco'];
  const source: string[] = [];
  const target: string[] = [];
  for (let index = 0; index < 40; index++) {
    const animal = [['cat', 'gato'], ['dog', 'perro'], ['cow', 'vaca'], ['owl', 'búho']][index % 4]!;
    source.push(`${animal[0]} ${filler[index % 5]} ${filler[(index * 3 + 1) % 5]}`);
    target.push(`${animal[1]} ${fillerTarget[(index * 2 + 3) % 5]} ${fillerTarget[(index * 7) % 5]}`);
  }
  const links = source.map((_, index) => ({ source: index, target: index, confidence: 0.95 }));
  return { source, target, links };
}

test('learnLexicon: words that travel together are paired (competitive linking); chance co-occurrence is not', () => {
  const { source, target, links } = toyPair();
  const learned = learnLexicon(source, 'eng', target, 'spa', links);
  const pairs = learned.map((pair) => `${pair.source}=${pair.target}`);
  assert.ok(pairs.includes('cat=gato') && pairs.includes('dog=perro'), pairs.join(' '));
  const cat = learned.find((pair) => pair.source === 'cat')!;
  assert.deepEqual([cat.joint, cat.sourceCount, cat.targetCount], [10, 10, 10]);
  // Each source word at most once, each target word at most once.
  assert.equal(new Set(learned.map((pair) => pair.source)).size, learned.length);
  assert.equal(new Set(learned.map((pair) => pair.target)).size, learned.length);
});

test('learnLexicon: nothing from links below the confidence floor, nor from too few links', () => {
  const { source, target, links } = toyPair();
  assert.deepEqual(learnLexicon(source, 'eng', target, 'spa', links.map((link) => ({ ...link, confidence: 0.5 }))), []);
  assert.deepEqual(learnLexicon(source, 'eng', target, 'spa', links.slice(0, 10)), []);
});

test('withLearnedKeys: each learned pair is one more key, found in the paragraphs holding its words, trusted as far as it travelled', () => {
  const { source, target, links } = toyPair();
  const learned = learnLexicon(source, 'eng', target, 'spa', links);
  const sides = [{ texts: source, language: 'eng' }, { texts: target, language: 'spa' }] as const;
  const evidence = buildEvidence(sides[0], sides[1]);
  const grown = withLearnedKeys(evidence, source, 'eng', target, 'spa', learned);
  assert.equal(grown.keyCount, evidence.keyCount + learned.length);
  const cat = grown.keyLabels.indexOf('learned:cat=gato');
  assert.ok(cat >= 0, grown.keyLabels.join(' '));
  assert.equal(grown.sourceFrequency[cat], 10);
  assert.equal(grown.targetFrequency[cat], 10);
  // 10 of 10, smoothed: 10 / 12.
  assert.ok(Math.abs(grown.keepSourceToTarget[cat]! - 10 / 12) < 1e-9);
  const keysOf = (paragraph: number) => [...grown.source.keys.slice(grown.source.keyStart[paragraph]!, grown.source.keyStart[paragraph + 1]!)];
  assert.ok(keysOf(0).includes(cat) && !keysOf(1).includes(cat));
  // Each paragraph's keys stay sorted.
  for (let paragraph = 0; paragraph < grown.source.count; paragraph++) assert.deepEqual(keysOf(paragraph), [...keysOf(paragraph)].sort((a, b) => a - b));
});

test('learned lexicon on a perturbed declaration: F1 no worse than without it (English–Turkish, seed 1)', () => {
  const bitext = udhrCase('tur');
  const gold = parseLinks(bitext.gold);
  const withLexicon = scoreAlignment(alignParagraphs(bitext.source, bitext.target), gold);
  const without = scoreAlignment(alignParagraphs(bitext.source, bitext.target, { learnLexicon: false }), gold);
  assert.ok(withLexicon.f1 >= without.f1, `with ${withLexicon.f1.toFixed(3)}, without ${without.f1.toFixed(3)}`);
});
