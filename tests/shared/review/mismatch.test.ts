import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseLinks } from '../../../shared/model/alignment.ts';
import type { Anchor } from '../../../shared/align/anchors.ts';
import {
  describeMismatch,
  findAlignmentMismatches,
  findMismatches,
} from '../../../shared/review/mismatch.ts';
import type { LinkTexts, Mismatch } from '../../../shared/review/mismatch.ts';
import { makeTextAlignment } from '../edits/fixture.ts';

/**
 * A stand-in extractor, simple enough to read: digits are numbers, “…” is a
 * quotation, http… a URL, x@y.z an e-mail, a capitalised word not first in
 * the text a name, and in a Thai text any Latin run a name.
 */
function fakeExtract(text: string, language: string): Anchor[] {
  const anchors: Anchor[] = [];
  for (const match of text.matchAll(/https?:\/\/\S+/gu)) anchors.push({ kind: 'url', value: match[0].toLowerCase() });
  for (const match of text.matchAll(/\S+@\S+\.\w+/gu)) anchors.push({ kind: 'email', value: match[0].toLowerCase() });
  const rest = text.replace(/https?:\/\/\S+|\S+@\S+\.\w+/gu, ' ');
  for (const match of rest.matchAll(/\d+/gu)) anchors.push({ kind: 'number', value: match[0] });
  for (const match of rest.matchAll(/“([^”]*)”/gu)) anchors.push({ kind: 'quote', value: match[1]!.toLowerCase() });
  const names = language === 'tha' ? /[A-Za-z][A-Za-z -]*[A-Za-z]/gu : /(?<=\S\s+)[A-Z][a-z]+/gu;
  for (const match of rest.matchAll(names)) anchors.push({ kind: 'name', value: match[0].toLowerCase() });
  return anchors;
}

function flags(links: readonly LinkTexts[], sourceLanguage = 'eng', targetLanguage = 'tha'): string[] {
  return findMismatches(links, { sourceLanguage, targetLanguage, extract: fakeExtract }).map((list) =>
    list.map((m: Mismatch) => `${m.kind}@${m.side}:${m.values.join('|')}`).join(' '),
  );
}

describe('findMismatches (with a stand-in extractor)', () => {
  it('flags a number one side has and the other lacks, on the side that has it', () => {
    assert.deepEqual(
      flags([
        { source: ['Polls show 80 per cent support.'], target: ['ผลสำรวจร้อยละ 80'] },
        { source: ['Aid of 500 million.'], target: ['ความช่วยเหลือ'] },
        { source: ['Nothing here.'], target: ['มี 3 อย่าง'] },
      ]),
      ['', 'number@source:500', 'number@target:3'],
    );
  });

  it('matches a year with the same year in the Buddhist Era', () => {
    assert.deepEqual(flags([{ source: ['In 2023 the talks began.'], target: ['ในปี 2566 การเจรจาเริ่มขึ้น'] }]), ['']);
    assert.deepEqual(flags([{ source: ['In 2023 the talks began.'], target: ['ในปี 2565'] }]), ['number@source:2023 number@target:2565']);
  });

  it('flags a quotation only when the other side has none at all', () => {
    assert.deepEqual(
      flags([
        { source: ['He said “one” and “two”.'], target: ['เขากล่าวว่า “หนึ่งและสอง”'] },
        { source: ['He said “I think it would be difficult”.'], target: ['เขากล่าวว่ายาก'] },
      ]),
      ['', 'quote@source:i think it would be difficult'],
    );
  });

  it('flags URLs and e-mail addresses exactly', () => {
    assert.deepEqual(
      flags([{ source: ['See https://nato.int or ask press@nato.int now.'], target: ['ดู https://nato.int'] }]),
      ['email@source:press@nato.int'],
    );
  });

  it('expects a Latin name kept in the translation to be in the original', () => {
    assert.deepEqual(
      flags([{ source: ['The talks with President Yoon Suk-yeol went well.'], target: ['การเจรจากับ Yoon Suk-yeol และ Stoltenburg'] }]),
      ['name@target:stoltenburg'],
    );
  });

  it('expects an original name in the translation only where the translation usually keeps it in Latin', () => {
    const links: LinkTexts[] = [
      { source: ['Then Stoltenberg arrived in Tokyo.'], target: ['Stoltenberg มาถึงโตเกียว'] },
      { source: ['Later Stoltenberg met the press in Tokyo.'], target: ['Stoltenberg พบสื่อมวลชนในโตเกียว'] },
      { source: ['Finally Stoltenberg left Tokyo.'], target: ['เขาออกจากโตเกียว'] },
      { source: ['Only here is Brown quoted.'], target: ['มีการอ้างถึงเขา'] },
    ];
    // Stoltenberg is kept in 2 links of 3, Tokyo in none, Brown is mentioned once: only the missing Stoltenberg is flagged.
    assert.deepEqual(flags(links), ['', '', 'name@source:stoltenberg', '']);
  });

  it('compares nothing in a link with an empty side', () => {
    assert.deepEqual(flags([{ source: ['Advertisement 66'], target: [] }, { source: [], target: ['โฆษณา 3'] }]), ['', '']);
  });

  it('reads every paragraph of a side, so a figure in the second paragraph of a group counts', () => {
    assert.deepEqual(flags([{ source: ['First part.', 'Second part with 42.'], target: ['ส่วนแรกและส่วนที่สอง 42'] }]), ['']);
  });

  it('describes a mismatch in one line', () => {
    assert.equal(describeMismatch({ kind: 'number', side: 'source', values: ['500'] }), 'number 500: in the source, not in the target');
    assert.equal(
      describeMismatch({ kind: 'quote', side: 'target', values: ['a quotation much longer than forty characters in all'] }),
      'quote “a quotation much longer than forty char…”: in the target, not in the source',
    );
  });
});

describe('findAlignmentMismatches', () => {
  it('reports only links with mismatches, by index, using the documents’ languages', () => {
    const alignment = makeTextAlignment(
      ['Advertisement', 'Polls show 80 per cent support.', 'Aid of 500 million.'],
      ['ผลสำรวจร้อยละ 80', 'ความช่วยเหลือ'],
      '0-∅ 1-0 2-1',
    );
    const found = findAlignmentMismatches(alignment, { extract: fakeExtract });
    assert.deepEqual(found, [{ link: 2, mismatches: [{ kind: 'number', side: 'source', values: ['500'] }] }]);
  });
});

describe('findMismatches on the corpus pair (the real extractor)', () => {
  const corpus = new URL('../../../corpus/', import.meta.url);
  const lines = (name: string) =>
    readFileSync(new URL(name, corpus), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
  const english = lines('nato-asia-2023.en.original-with-page-clutter.txt');
  const thai = lines('nato-asia-2023.th.translation.txt');
  const linkTexts = (compact: string) =>
    parseLinks(compact).map((link) => ({
      source: link.source.map((i) => english[i]!),
      target: link.target.map((i) => thai[i]!),
    }));
  const gold = '11-0 12-1 13-2 15-3 16-4 17,19-5 20,21-6 23-7 24-8 25-9';

  function flagged(compact: string): string[] {
    const links = parseLinks(compact);
    return findMismatches(linkTexts(compact), { sourceLanguage: 'eng', targetLanguage: 'tha' }).flatMap((list, i) =>
      list.length === 0 ? [] : [`${links[i]!.source}-${links[i]!.target} ${list.map((m) => `${m.kind}@${m.side}:${m.values.length}`).join(' ')}`],
    );
  }

  it('flags the gold links a reviewer should look at, and no others', () => {
    // 24-8 ("more than 80 per cent" ↔ "ร้อยละ 80") and 16-4 (names kept in Latin on both sides) are not flagged.
    // 20,21-6: the Thai drops both quotations ("I think it would be difficult…" is not translated at all).
    // 25-9: the Thai drops "Brown said" (it keeps Brown in Latin elsewhere) and renders the quotations as reported speech.
    assert.deepEqual(flagged(gold), ['20,21-6 quote@source:2', '25-9 name@source:1 quote@source:2']);
  });

  it('says what differs for the quotation missing from Thai 6', () => {
    const [, , , , , , sixth] = findMismatches(linkTexts(gold), { sourceLanguage: 'eng', targetLanguage: 'tha' });
    const quote = sixth!.find((m) => m.kind === 'quote')!;
    assert.ok(quote.values.some((value) => value.startsWith('i think it would be difficult')));
  });

  it('flags a misaligned pair by its figure', () => {
    // English 24 (80 per cent) linked to Thai 7 (James Brown's paragraph) by mistake.
    const found = findMismatches(linkTexts('24-7'), { sourceLanguage: 'eng', targetLanguage: 'tha' })[0]!;
    assert.ok(found.some((m) => m.kind === 'number' && m.side === 'source' && m.values.includes('80')));
    assert.ok(found.some((m) => m.kind === 'name' && m.side === 'target'));
  });
});
