import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parseLinks, type Link } from '../../shared/model/alignment.ts';
import { findLinkProblems } from '../../shared/model/invariants.ts';
import { bibleCase, bibleParagraphCase, loadBibleVerses, renumberedChapters, type BibleCase } from '../../bench/bible-corpus.ts';

const asLinks = (compact: string): Link[] => parseLinks(compact).map((link) => ({ ...link, score: 0, confidence: 1, status: 'auto' }));
// The cases need Debian's diatheke with two SWORD modules; without them there is nothing to test.
const skip = spawnSync('diatheke', ['-b', 'system', '-k', 'modulelist'], { encoding: 'utf8' }).stdout?.includes('spaRV1909eb') ? false : 'diatheke with sword-text-kjv and sword-text-sparv is not installed';

/** The paragraph gold covers each paragraph once, and every verse link joins paragraphs of one gold link. */
function assertConsistent(bitext: BibleCase): void {
  const links = asLinks(bitext.gold);
  assert.deepEqual(findLinkProblems(links, bitext.source.texts.length, bitext.target.texts.length), [], bitext.name);
  assert.equal(links.flatMap((link) => link.source).length, bitext.source.texts.length);
  assert.equal(links.flatMap((link) => link.target).length, bitext.target.texts.length);
  const linkOfSource = new Map(links.flatMap((link, index) => link.source.map((paragraph) => [paragraph, index] as const)));
  const linkOfTarget = new Map(links.flatMap((link, index) => link.target.map((paragraph) => [paragraph, index] as const)));
  const withVerses = new Set<number>();
  for (const link of parseLinks(bitext.sentences.gold)) {
    if (link.source.length === 0 || link.target.length === 0) continue;
    const fromSource = linkOfSource.get(bitext.sentences.source[link.source[0]!]!.paragraph);
    assert.equal(fromSource, linkOfTarget.get(bitext.sentences.target[link.target[0]!]!.paragraph), `verse link ${link.source[0]}-${link.target[0]}`);
    withVerses.add(fromSource!);
  }
  // A gold link with both sides shares at least one verse; paragraph texts are their verses joined.
  links.forEach((link, index) => assert.ok(link.source.length === 0 || link.target.length === 0 || withVerses.has(index), `link ${index}`));
  for (const side of ['source', 'target'] as const) {
    const joined = new Map<number, string[]>();
    for (const sentence of bitext.sentences[side]) joined.set(sentence.paragraph, [...(joined.get(sentence.paragraph) ?? []), sentence.text]);
    bitext[side].texts.forEach((text, paragraph) => assert.equal(text, joined.get(paragraph)!.join(' ')));
  }
}

test('both Bibles give verses aligned by reference, with the verse references stripped', { skip }, () => {
  const verses = loadBibleVerses()!;
  assert.ok(verses.keys.length > 30000, `${verses.keys.length} verses`);
  // The Spanish module numbers a few chapters differently (its Numbers 13:1 is the KJV's 12:16): they are left out of both sides.
  assert.ok(verses.renumbered.chapters.includes('Numbers 12') && verses.renumbered.chapters.includes('Numbers 13'), verses.renumbered.chapters.join('; '));
  assert.ok(!verses.keys.some((key) => key.startsWith('Numbers 13:')));
  assert.ok(verses.renumbered.verses < 1000, `${verses.renumbered.verses} verses left out`);
  assert.ok(verses.keys.includes('Numbers 14:1') && verses.keys.includes('Psalms 4:1'));
  assert.equal(verses.keys[0], 'Genesis 1:1');
  assert.equal(verses.source[0], 'In the beginning God created the heaven and the earth.');
  assert.equal(verses.target[0], 'EN el principio crió Dios los cielos y la tierra.');
  assert.ok(verses.source.every((text) => !/^\s*\S+ \d+:\d+:|¶/u.test(text) && text.length > 0));
});

test('verse-per-paragraph cases drop and merge verses on either side, reproducibly, with a consistent gold', { skip }, () => {
  const bitext = bibleCase({ paragraphs: 1000, seed: 3, dropRate: 0.02, mergeRate: 0.05 });
  assertConsistent(bitext);
  assert.deepEqual(bibleCase({ paragraphs: 1000, seed: 3, dropRate: 0.02, mergeRate: 0.05 }), bitext);
  assert.notEqual(bibleCase({ paragraphs: 1000, seed: 4 }).gold, bitext.gold);
  const shapes = new Map<string, number>();
  for (const link of parseLinks(bitext.gold)) shapes.set(`${link.source.length}:${link.target.length}`, (shapes.get(`${link.source.length}:${link.target.length}`) ?? 0) + 1);
  for (const shape of ['1:1', '1:0', '0:1', '2:1', '1:2']) assert.ok((shapes.get(shape) ?? 0) > 0, shape);
  assert.equal(bitext.sentences.source.length + (shapes.get('0:1') ?? 0), 1000);
  const clean = bibleCase({ paragraphs: 500, dropRate: 0, mergeRate: 0 });
  assert.equal(clean.gold, Array.from({ length: 500 }, (_, index) => `${index}-${index}`).join(' '));
});

test('independently paragraphed cases link the paragraph groups that share verses', { skip }, () => {
  const bitext = bibleParagraphCase({ verses: 2000, seed: 2, maxVerses: 4 });
  assertConsistent(bitext);
  assert.ok(bitext.source.texts.length < 1000 && bitext.target.texts.length < 1000);
  assert.ok(parseLinks(bitext.gold).some((link) => link.source.length >= 2 && link.target.length >= 2));
  // One verse per paragraph on both sides and nothing dropped: the gold is the identity.
  assert.equal(bibleParagraphCase({ verses: 300, maxVerses: 1, dropRate: 0 }).gold, Array.from({ length: 300 }, (_, index) => `${index}-${index}`).join(' '));
});

test('a chapter is renumbered when a module leaves a verse empty, beside such a chapter when its verses fit shifted, or with a run of verses shifted by one', () => {
  // Verse lengths that vary (so a shift is visible): 10, 40, 20, 60, 30 characters…
  const verse = (index: number) => 'x'.repeat([10, 40, 20, 60, 30, 50, 15, 45][index % 8]!);
  const source = new Map<string, string>();
  const target = new Map<string, string>();
  for (const chapter of ['A 1', 'A 2', 'A 3', 'B 1', 'B 2', 'C 1']) for (let index = 0; index < 8; index++) source.set(`${chapter}:${index + 1}`, verse(index));
  for (const [key, text] of source) target.set(key, text);
  // The target moves A 1's last verse into A 2 (whose verse n is the source's n − 1) and leaves it empty.
  target.set('A 1:8', '');
  for (let index = 0; index < 8; index++) target.set(`A 2:${index + 1}`, index === 0 ? verse(7) : verse(index - 1));
  // B 2's lengths fit shifted by two (as a short Psalm's may by chance), but no chapter beside it has an empty verse: it stays.
  for (let index = 0; index < 8; index++) target.set(`B 2:${index + 1}`, verse(index + 6));
  // C 1 splits its second verse in two and joins its last two, no verse left empty: verses 3 to 7 are the source's 2 to 6.
  for (let index = 2; index < 7; index++) target.set(`C 1:${index + 1}`, verse(index - 1));
  target.set('C 1:8', verse(6) + verse(7));
  assert.deepEqual([...renumberedChapters(source, target)].sort(), ['A 1', 'A 2', 'C 1']);
});
