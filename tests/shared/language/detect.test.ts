import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { franc } from 'franc';
import { detectDocumentLanguage, detectParagraphLanguage, detectParagraphLanguages, toBcp47 } from '../../../shared/language/detect.ts';
import { dominantScript } from '../../../shared/language/script.ts';

const lines = (name: string) =>
  readFileSync(new URL(`../../../corpus/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
const english = lines('nato-asia-2023.en.original-with-page-clutter.txt');
const thai = lines('nato-asia-2023.th.translation.txt');

test('documents: ISO 639-3, BCP-47 and script', () => {
  assert.deepEqual(detectDocumentLanguage(english.join('\n')), { iso6393: 'eng', bcp47: 'en', script: 'Latn' });
  assert.deepEqual(detectDocumentLanguage(thai.join('\n')), { iso6393: 'tha', bcp47: 'th', script: 'Thai' });
  assert.equal(detectDocumentLanguage('66').iso6393, 'und');
});

test('BCP-47 through Intl.getCanonicalLocales, three-letter codes kept where there is no two-letter one', () => {
  assert.deepEqual(['tha', 'eng', 'cmn', 'heb', 'jpn', 'fil'].map(toBcp47), ['th', 'en', 'zh', 'he', 'ja', 'fil']);
});

test('scripts, Japanese as Jpan when kana mix with Han', () => {
  assert.equal(dominantScript('すべての人間は、生まれながらにして自由'), 'Jpan');
  assert.equal(dominantScript('人人生而自由'), 'Hani');
  assert.equal(dominantScript('모든 인간은'), 'Hang');
  assert.equal(dominantScript('03:33'), 'Zyyy');
});

test('corpus: unrestricted franc gets 8 English paragraphs wrong; restricted to the pair it gets none wrong', () => {
  const unrestrictedWrong = english.filter((line) => !['eng', 'und'].includes(franc(line)));
  assert.equal(unrestrictedWrong.length, 8);
  const pair = { documentLanguage: 'eng', pairLanguages: ['eng', 'tha'] };
  const detected = english.map((line) => detectParagraphLanguage(line, pair));
  const wrong = detected.filter((language) => language.iso6393 !== 'eng' && language.iso6393 !== 'und');
  assert.equal(wrong.length, 0);
  assert.equal(detected.filter((language) => language.mismatch).length, 0);
  const thaiDetected = thai.map((line) => detectParagraphLanguage(line, { documentLanguage: 'tha', pairLanguages: ['eng', 'tha'] }));
  assert.ok(thaiDetected.every((language) => language.iso6393 === 'tha' && !language.mismatch));
});

test('short paragraphs are und, not guessed', () => {
  for (const text of ['03:33', '66', 'Nato', 'Learn more']) {
    assert.deepEqual(detectParagraphLanguage(text, { documentLanguage: 'eng', pairLanguages: ['eng', 'tha'] }), {
      iso6393: 'und',
      reason: 'too-short',
      mismatch: false,
    });
  }
});

test('English left untranslated in the Thai document is flagged, not forced to Thai', () => {
  const result = detectParagraphLanguage(english[14]!, { documentLanguage: 'tha', pairLanguages: ['eng', 'tha'] });
  assert.deepEqual(result, { iso6393: 'eng', reason: 'detected', mismatch: true });
});

test('a paragraph in neither language of the pair is uncertain and flagged', () => {
  const french = "La guerre en Ukraine sera également à l'ordre du jour, Tokyo et Séoul devant confirmer la livraison d'équipements non létaux.";
  assert.deepEqual(detectParagraphLanguage(french, { documentLanguage: 'eng', pairLanguages: ['eng', 'tha'] }), {
    iso6393: 'und',
    reason: 'uncertain',
    mismatch: true,
  });
});

test('a pair sharing a script: each paragraph is told between the two, and a third language is still flagged', () => {
  const pair = { documentLanguage: 'eng', pairLanguages: ['eng', 'spa'] };
  const spanish = 'Y dijo Dios: Sea la luz: y fué la luz. Y vió Dios que la luz era buena: y apartó Dios la luz de las tinieblas.';
  assert.deepEqual(detectParagraphLanguage(spanish, pair), { iso6393: 'spa', reason: 'detected', mismatch: true });
  assert.deepEqual(detectParagraphLanguage(english[14]!, pair), { iso6393: 'eng', reason: 'detected', mismatch: false });
  const german = 'Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie sind mit Vernunft und Gewissen begabt.';
  assert.deepEqual(detectParagraphLanguage(german, pair), { iso6393: 'und', reason: 'uncertain', mismatch: true });
});

test('a script of one language decides it; a script none of the pair writes is flagged', () => {
  const pair = { documentLanguage: 'eng', pairLanguages: ['eng', 'tha'] };
  assert.deepEqual(detectParagraphLanguage(thai[3]!, pair), { iso6393: 'tha', reason: 'detected', mismatch: true });
  assert.deepEqual(detectParagraphLanguage('Все люди рождаются свободными и равными в своем достоинстве и правах.', pair), {
    iso6393: 'und',
    reason: 'uncertain',
    mismatch: true,
  });
});

test('a document is judged paragraph by paragraph the same way again, repeated texts included', () => {
  const options = { documentLanguage: 'eng', pairLanguages: ['eng', 'tha'] };
  const texts = [...english, ...english.slice(0, 5), thai[0]!];
  const expected = texts.map((text) => detectParagraphLanguage(text, options));
  assert.deepEqual(detectParagraphLanguages(texts, options), expected);
  assert.deepEqual(detectParagraphLanguages(texts, options), expected);
  assert.deepEqual(detectParagraphLanguages(texts.slice(3), { ...options, documentLanguage: 'tha' }), texts.slice(3).map((text) => detectParagraphLanguage(text, { ...options, documentLanguage: 'tha' })));
});
