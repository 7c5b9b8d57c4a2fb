import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { francAll } from 'franc';
import { francScores, francScript } from '../../../shared/language/trigram-scores.ts';
import { commonLanguages } from '../../../shared/language/detect.ts';
import { readUdhr, udhrLanguages } from '../../../bench/udhr-cases.ts';

const corpus = new URL('../../../corpus/', import.meta.url);
const texts = [
  ...readdirSync(corpus)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => readFileSync(new URL(name, corpus), 'utf8').split('\n')),
  ...['eng', ...udhrLanguages.map((language) => language.code)].flatMap((code) => readUdhr(code).map((unit) => unit.text)),
  // Edge cases: empty, too short, digits only, astral Han, Turkish dotted capitals, non-breaking and ideographic spaces.
  '',
  'ab',
  '1234567890 42',
  '𠀀𠀁𠀂 人人生而自由，在尊严和权利上一律平等。',
  'İSTANBUL ŞEHRİ ÇOK GÜZEL BİR YERDİR VE HERKES ORAYI SEVER',
  'Ünïcödé\u00a0text\u3000— with… “quotes” and 3.14 numbers; (brackets) @ signs!',
];

test("scores equal franc's francAll, best first, for every corpus and UDHR paragraph", () => {
  const onlies = [undefined, ['eng', 'tha'], ['eng', 'spa'], [...commonLanguages, 'eng', 'tha'], ['rus', 'ukr', 'bul']];
  let compared = 0;
  for (const only of onlies) {
    for (const text of texts) {
      assert.deepEqual(francScores(text, { minLength: 10, ...(only ? { only: new Set(only) } : {}) }), francAll(text, { minLength: 10, only: only ?? [] }), text);
      compared++;
    }
  }
  assert.ok(compared > 4000, `${compared} texts compared`);
});

test("a text's script as franc names it, and whether franc needs trigrams for it", () => {
  assert.deepEqual(francScript('กรุงเทพมหานคร เป็นเมืองหลวง'), { name: 'tha', count: 26, trigrams: false });
  assert.equal(francScript('The cat sat on the mat').name, 'Latin');
  assert.equal(francScript('The cat sat on the mat').trigrams, true);
  assert.equal(francScript('Все люди рождаются свободными').name, 'Cyrillic');
  // Kana among kanji: franc's Japanese expression counts both.
  assert.equal(francScript('すべての人間は、生まれながらにして自由であり').name, 'jpn');
});
