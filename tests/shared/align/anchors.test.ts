import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractAnchors, type Anchor } from '../../../shared/align/anchors.ts';

const values = (anchors: readonly Anchor[], kind: Anchor['kind']) => anchors.filter((anchor) => anchor.kind === kind).map((anchor) => anchor.value);

test('Thai digits are read as numbers', () => {
  assert.deepEqual(values(extractAnchors('ในปี ๒๕๖๖ มีผู้เข้าร่วม ๑,๒๐๐ คน', 'tha'), 'number'), ['2566', '1200']);
});

test('a percentage in Thai and in English gives the number and the percentage 80', () => {
  for (const [text, language] of [
    ['ชาวญี่ปุ่นส่วนใหญ่ มากกว่าร้อยละ 80 สนับสนุนแผน', 'tha'],
    ['มากกว่าร้อยละ ๘๐', 'tha'],
    ['more than 80 per cent in some studies', 'eng'],
    ['more than 80% in some studies', 'eng'],
  ] as const) {
    const anchors = extractAnchors(text, language);
    assert.deepEqual(values(anchors, 'number'), ['80'], text);
    assert.deepEqual(values(anchors, 'percent'), ['80'], text);
  }
});

test('Latin-script names inside Thai text are names, lower-cased, one anchor per run', () => {
  const text =
    'Stoltenberg คาดว่าจะมาถึงกรุงโซลในวันอาทิตย์และจะจัดการเจรจากับรัฐมนตรีต่างประเทศ Park Jin ก่อนเดินทางไปโตเกียว ณ วิทยาเขตโตเกียวของ Temple University กล่าวว่า';
  assert.deepEqual(values(extractAnchors(text, 'tha'), 'name'), ['stoltenberg', 'park jin', 'temple university']);
});

test('in Latin text, capitalised words not opening a sentence are names', () => {
  const names = values(extractAnchors('Nato chief Jens Stoltenberg’s visit. Then he flies to Tokyo.', 'eng'), 'name');
  assert.deepEqual(names, ['jens', 'stoltenberg', 'tokyo']);
});

test('URLs, e-mail addresses and quotations', () => {
  const anchors = extractAnchors('See https://Example.org/Page, write to Desk@Example.org: “Nato is here”.', 'eng');
  assert.deepEqual(values(anchors, 'url'), ['https://example.org/page']);
  assert.deepEqual(values(anchors, 'email'), ['desk@example.org']);
  assert.deepEqual(values(anchors, 'quote'), ['nato is here']);
});

test('Chinese and Japanese numerals, full-width digits and Hebrew letter numerals', () => {
  assert.deepEqual(values(extractAnchors('第五条 人人有权享有生命', 'cmn'), 'number'), ['5']);
  assert.deepEqual(values(extractAnchors('第三十条', 'cmn'), 'number'), ['30']);
  assert.deepEqual(values(extractAnchors('第１条', 'jpn'), 'number'), ['1']);
  assert.deepEqual(values(extractAnchors('百分之八十的人', 'cmn'), 'percent'), ['80']);
  assert.deepEqual(values(extractAnchors('סעיף ב.', 'heb'), 'number'), ['2']);
  assert.deepEqual(values(extractAnchors('סעיף יא.', 'heb'), 'number'), ['11']);
  // A lone 一 ("a", "one") in running text is not taken for a number.
  assert.deepEqual(values(extractAnchors('一个人', 'cmn'), 'number'), []);
});

test('known names come out as language-neutral concepts', () => {
  assert.ok(values(extractAnchors('Nato visits Japan on Monday', 'eng'), 'known-name').includes('region:JP'));
  const thai = values(extractAnchors('เยือนญี่ปุ่นตั้งแต่วันจันทร์นี้', 'tha'), 'known-name');
  assert.ok(thai.includes('region:JP'));
  assert.ok(thai.includes('weekday:1'));
});

test('a paragraph of an undetermined language is read by its own script', () => {
  assert.deepEqual(values(extractAnchors('รัฐมนตรี Park Jin กล่าว', 'und'), 'name'), ['park jin']);
});
