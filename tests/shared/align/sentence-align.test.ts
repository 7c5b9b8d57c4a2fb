import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignSentences, type LinkSentences, type SentenceRef, type SentenceSide } from '../../../shared/align/sentence-align.ts';
import { formatLinks, parseLinks } from '../../../shared/model/alignment.ts';
import { corpusCase } from '../../../bench/cases.ts';

/** Each paragraph of `source` linked 1:1 with the same paragraph of `target`. */
function oneToOne(count: number): { source: number[]; target: number[] }[] {
  return Array.from({ length: count }, (_, index) => ({ source: [index], target: [index] }));
}

/** Every sentence of the block in exactly one link, in order; scores finite, confidences in [0, 1]. */
function assertSound(block: LinkSentences): void {
  const sources = block.links.flatMap((link) => link.source);
  const targets = block.links.flatMap((link) => link.target);
  assert.deepEqual(sources, block.sourceSentences.map((_, index) => index));
  assert.deepEqual(targets, block.targetSentences.map((_, index) => index));
  for (const link of block.links) {
    assert.ok(link.source.length + link.target.length > 0);
    assert.ok(Number.isFinite(link.score));
    assert.ok(link.confidence >= 0 && link.confidence <= 1, `confidence ${link.confidence}`);
  }
}

const english: SentenceSide = {
  language: 'eng',
  texts: [
    'The committee met in Geneva on 12 March 2024. It adopted a long resolution on the protection of migrant workers and their families, after a debate that lasted three days. The vote was 41 to 6.',
    'Delegates from 47 countries took part. Several of them asked for a second reading of the text before the summer. The chair refused.',
    'The resolution enters into force next year. Visit www.example.com for 50% off all tickets until 31 May! Its monitoring body will report every two years.',
    'This paragraph has no counterpart.',
  ],
};
const french: SentenceSide = {
  language: 'fra',
  texts: [
    'Le comité s’est réuni à Genève le 12 mars 2024. Il a adopté une longue résolution sur la protection des travailleurs migrants. Cette résolution couvre aussi leurs familles, après un débat de trois jours. Le vote a été de 41 voix contre 6.',
    'Des délégués de 47 pays y ont participé. Plusieurs d’entre eux ont demandé une seconde lecture du texte avant l’été. La présidente a refusé.',
    'La résolution entre en vigueur l’année prochaine. Son organe de suivi fera rapport tous les deux ans.',
  ],
};
const frenchLinks = [...oneToOne(3), { source: [3], target: [] }];

test('sentences inside each paragraph link: 1:1, a sentence split in two (1:2), an ad left unlinked (1:0)', () => {
  const blocks = alignSentences(english, french, frenchLinks);
  assert.deepEqual(
    blocks.map((block) => `${block.link}: ${formatLinks(block.links)}`),
    ['0: 0-0 1-1,2 2-3', '1: 0-0 1-1 2-2', '2: 0-0 1-∅ 2-1'],
    'the untranslated paragraph link (3) has no sentence alignment',
  );
  blocks.forEach(assertSound);
  const sure = blocks[1]!.links.map((link) => link.confidence);
  assert.ok(Math.min(...sure) > 0.9, `clean 1:1 sentences are sure: ${sure.join(' ')}`);
});

test('sentence refs point into the paragraphs of the link, in order, over a link of two paragraphs', () => {
  const [block] = alignSentences(english, french, [{ source: [0, 1], target: [0, 1] }]);
  assert.ok(block);
  assertSound(block);
  assert.equal(formatLinks(block.links), '0-0 1-1,2 2-3 3-4 4-5 5-6');
  const first = block.sourceSentences[3]!;
  assert.equal(first.paragraph, 1);
  assert.equal(english.texts[1]!.slice(first.start, first.end), 'Delegates from 47 countries took part.');
});

test('Thai clauses group under English sentences (corpus pair, gold paragraph links)', () => {
  const corpus = corpusCase();
  const blocks = alignSentences(corpus.source, corpus.target, parseLinks(corpus.gold));
  blocks.forEach(assertSound);
  const war = blocks.find((block) => corpus.source.texts[block.sourceSentences[0]!.paragraph]!.startsWith('The war in Ukraine'));
  assert.ok(war);
  // "The war in Ukraine … for Kyiv." is the first three Thai clauses; "Previously, … missile systems." the last four.
  assert.equal(formatLinks(war.links), '0-0,1,2 1-3,4,5,6');
  const untranslated = blocks.flatMap((block) => block.links).filter((link) => link.source.length === 0 || link.target.length === 0);
  assert.ok(untranslated.length <= 2, `few sentences left unlinked inside translated paragraphs: ${untranslated.length}`);
});

test('the same input gives the same sentence links', () => {
  assert.deepEqual(alignSentences(english, french, frenchLinks), alignSentences(english, french, frenchLinks));
});

test('one link alone (the app panel) gives what the whole pair gives on a short pair; untranslated links give none', async () => {
  const { corpusAlignment } = await import('../../reference/corpus-alignment.ts');
  const { sentencesOfLink, sentencesOfLinks } = await import('../../../shared/align/link-sentences.ts');
  const alignment = await corpusAlignment();
  const all = sentencesOfLinks(alignment);
  assert.ok(alignment.links.length <= 81, 'the corpus pair fits in one neighbourhood');
  for (const [link, block] of all) assert.deepEqual(sentencesOfLink(alignment, link), block);
  const untranslated = alignment.links.findIndex((link) => link.target.length === 0);
  assert.equal(sentencesOfLink(alignment, untranslated), undefined);
  assert.equal(sentencesOfLink(alignment, alignment.links.length), undefined);
});

test('one unit against many sentences is one n:1 link, however many (SRX rules that leave a Thai paragraph whole)', () => {
  const english: SentenceSide = { language: 'eng', texts: ['One is here. Two is there. Three went home. Four stayed. Five left early.'] };
  const french: SentenceSide = { language: 'fra', texts: ['Un est ici, deux est là, trois est rentré, quatre est resté, cinq est parti tôt'] };
  const [block] = alignSentences(english, french, oneToOne(1));
  assert.equal(formatLinks(block!.links), '0,1,2,3,4-0');
});

/** Each link of a block as `English ⇔ Thai`, the sentences of a side joined by a space. */
function pairTexts(block: LinkSentences, source: SentenceSide, target: SentenceSide): string[] {
  const text = (side: SentenceSide, refs: LinkSentences['sourceSentences'], indices: readonly number[]) =>
    indices.map((index) => side.texts[refs[index]!.paragraph]!.slice(refs[index]!.start, refs[index]!.end)).join(' ');
  return block.links.map((link) => `${text(source, block.sourceSentences, link.source)} ⇔ ${text(target, block.targetSentences, link.target)}`);
}

const plants: SentenceSide = { language: 'eng', texts: ['The first plant opened in 1998 with 40 workers. And the second plant opened in 2004 with 75 workers.'] };
/** One Thai clause for both sentences: no space before "and" (`คนและโรงงาน`), so the segmenter cannot cut it. */
const plantsThai: SentenceSide = { language: 'tha', texts: ['โรงงานแห่งแรกเปิดในปี 1998 มีคนงาน 40 คนและโรงงานแห่งที่สองเปิดในปี 2004 มีคนงาน 75 คน'] };

test('a Thai clause that runs two English sentences together is cut at its "and" when both sides say so', () => {
  const [block] = alignSentences(plants, plantsThai, oneToOne(1));
  assert.ok(block);
  assertSound(block);
  assert.deepEqual(pairTexts(block, plants, plantsThai), [
    'The first plant opened in 1998 with 40 workers. ⇔ โรงงานแห่งแรกเปิดในปี 1998 มีคนงาน 40 คน',
    'And the second plant opened in 2004 with 75 workers. ⇔ และโรงงานแห่งที่สองเปิดในปี 2004 มีคนงาน 75 คน',
  ]);
  const and = plantsThai.texts[0]!.indexOf('และโรงงาน');
  assert.deepEqual(
    block.targetSentences.map((ref) => [ref.paragraph, ref.start, ref.end]),
    [[0, 0, and], [0, and, plantsThai.texts[0]!.length]],
    'the cut Thai sentence is two sentences of the result, in the same paragraph, meeting at the "and"',
  );
});

test('under SRX rules the Thai unit is the team\'s and is never cut', async () => {
  const { readFileSync } = await import('node:fs');
  const { parseSrx } = await import('../../../shared/text/srx.ts');
  const rules = parseSrx(readFileSync(new URL('../../fixtures/srx/workbench-sample.srx', import.meta.url), 'utf8'), 'workbench-sample.srx');
  const [block] = alignSentences(plants, plantsThai, oneToOne(1), { rules });
  assert.equal(formatLinks(block!.links), '0,1-0');
});

test('a heading merged into its article\'s sentence stays a 2:1, not cut at a nearby "and" (UDHR Thai, Article 2)', async () => {
  const { udhrCase } = await import('../../../bench/udhr-cases.ts');
  // Seed 4 merges "Article 2" with the article's text on the Thai side only: `ข้อ 2 ทุกคนย่อมมีสิทธิและอิสรภาพ…`.
  const udhr = udhrCase('tha', 4);
  const blocks = alignSentences(udhr.source, udhr.target, parseLinks(udhr.gold));
  const article = blocks.find((block) => udhr.source.texts[block.sourceSentences[0]!.paragraph] === 'Article 2');
  assert.ok(article);
  assertSound(article);
  assert.equal(formatLinks(article.links), '0,1-0,1,2,3,4', 'one link, the first Thai clause whole');
  assert.match(pairTexts(article, udhr.source, udhr.target)[0]!, /⇔ ข้อ 2 ทุกคนย่อมมีสิทธิและอิสรภาพ/u);
});

test('a cut the posteriors do not favour is undone: an English sentence the Thai leaves out takes no piece of a Thai clause (UDHR Thai, Article 23)', async () => {
  const { udhrCase } = await import('../../../bench/udhr-cases.ts');
  const { alignParagraphs } = await import('../../../shared/align/align.ts');
  const { splitSentences } = await import('../../../shared/text/sentences.ts');
  // Seed 2: the aligner links Article 23's paragraphs 3 and 4 to the Thai of paragraph 3 alone. The best path cut
  // the Thai at "and if necessary…" (`และถ้าจำเป็น`) to give paragraph 4 ("trade unions") a part it does not translate.
  const udhr = udhrCase('tha', 2);
  const blocks = alignSentences(udhr.source, udhr.target, alignParagraphs(udhr.source, udhr.target));
  const works = blocks.find((block) => udhr.source.texts[block.sourceSentences[0]!.paragraph]!.startsWith('Everyone who works has the right'));
  assert.ok(works);
  assertSound(works);
  const thai = [...new Set(works.targetSentences.map((ref) => ref.paragraph))].flatMap((paragraph) => splitSentences(udhr.target.texts[paragraph]!, 'tha'));
  assert.equal(works.targetSentences.length, thai.length, 'no Thai sentence cut');
  assert.ok(pairTexts(works, udhr.source, udhr.target).every((pair) => !pair.includes('⇔ และถ้าจำเป็น')), pairTexts(works, udhr.source, udhr.target).join('\n'));
});

/** A link of one paragraph a side, 1,000 numbered sentences, the translation leaving out sentences `[from, to)`. */
function numberedLink(from: number, to: number): { english: string; spanish: string } {
  const words = ['river', 'stone', 'field', 'house', 'light', 'water', 'bread', 'tree', 'road', 'cloud', 'horse', 'wall'];
  const palabras = ['río', 'piedra', 'campo', 'casa', 'luz', 'agua', 'pan', 'árbol', 'camino', 'nube', 'caballo', 'muro'];
  const english: string[] = [];
  const spanish: string[] = [];
  for (let index = 0; index < 1000; index++) {
    const size = 3 + ((index * 7919) % 13);
    const picked = Array.from({ length: size }, (_, word) => (index * 31 + word * 17) % words.length);
    english.push(`Record ${index + 1} tells of the ${picked.map((word) => words[word]).join(' and the ')}.`);
    if (index < from || index >= to) spanish.push(`El registro ${index + 1} habla del ${picked.map((word) => palabras[word]).join(' y del ')}.`);
  }
  return { english: english.join(' '), spanish: spanish.join(' ') };
}

for (const [from, to, where] of [[400, 430, 'thirty in the middle'], [0, 100, 'the first hundred']] as const) {
  test(`a link of one paragraph a side with 1,000 sentences is aligned in a band: work grows with the sentences, not with their product (${where} left out)`, async () => {
    const { alignSentencesWithStats } = await import('../../../shared/align/sentence-align.ts');
    const { english, spanish } = numberedLink(from, to);
    const { blocks, stats } = alignSentencesWithStats({ language: 'eng', texts: [english] }, { language: 'spa', texts: [spanish] }, oneToOne(1));
    const [block] = blocks;
    assert.ok(block);
    assertSound(block);
    assert.equal(block.sourceSentences.length, 1000);
    const number = (text: string, ref: SentenceRef) => /\d+/u.exec(text.slice(ref.start, ref.end))?.[0];
    const wrong = block.links.filter(
      (link) =>
        link.source.length > 0 &&
        link.target.length > 0 &&
        (link.source.length !== 1 || link.target.length !== 1 || number(english, block.sourceSentences[link.source[0]!]!) !== number(spanish, block.targetSentences[link.target[0]!]!)),
    );
    assert.deepEqual(wrong, [], 'every sentence linked to its translation');
    assert.equal(block.links.filter((link) => link.target.length === 0).length, to - from, 'the sentences left out, unlinked');
    // Two passes over bands of half-width 8 and 4 (about 33 and 17 nodes a row) around a guide through the rare
    // numbers both sides share; the whole grid is a million nodes a pass and 16 million steps.
    assert.ok(stats.cells <= 50 * 2000, `nodes searched: ${stats.cells}`);
    assert.ok(stats.steps <= 16 * 50 * 2000, `steps scored: ${stats.steps}`);
  });
}

test('a side demanding links of more than 16 of its sentences makes the link one sentence pair', () => {
  const many = Array.from({ length: 40 }, (_, index) => `Sentence ${index + 1} is here.`).join(' ');
  const [block] = alignSentences({ language: 'eng', texts: [many] }, { language: 'fra', texts: ['Une seule longue phrase sans fin qui dit tout'] }, oneToOne(1));
  assert.ok(block);
  assertSound(block);
  assert.equal(block.links.length, 1);
  assert.equal(block.links[0]!.source.length, 40);
  assert.equal(block.links[0]!.confidence, 1);
});
