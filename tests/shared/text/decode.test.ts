import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeBytes, parseEncodingName } from '../../../shared/text/decode.ts';
import { BitextError } from '../../../shared/errors.ts';

const thai = readFileSync(new URL('../../../corpus/nato-asia-2023.th.translation.txt', import.meta.url), 'utf8');
const english = 'Café society — naïve “quotes” and a résumé.\n';

/** Windows-874 bytes of `text`, from the code chart: U+0E01–U+0E5B sit at 0xA1–0xFB. */
function windows874(text: string): Uint8Array {
  return Uint8Array.from([...text].map((character) => {
    const code = character.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x0e01 && code <= 0x0e5b) return code - 0x0e01 + 0xa1;
    throw new Error(`no Windows-874 byte for ${character}`);
  }));
}

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return bytes;
}

test('UTF-8 without and with a byte-order mark', () => {
  const plain = decodeBytes(new TextEncoder().encode(thai), 'th.txt');
  assert.equal(plain.text, thai);
  assert.deepEqual(plain.encoding, { name: 'utf-8', bom: false, forced: false });
  const withBom = decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(thai)]), 'th.txt');
  assert.equal(withBom.text, thai);
  assert.deepEqual(withBom.encoding, { name: 'utf-8', bom: true, forced: false });
});

test('UTF-16 little- and big-endian, with a mark and without', () => {
  for (const littleEndian of [true, false]) {
    for (const bom of [true, false]) {
      const decoded = decodeBytes(utf16(english, littleEndian, bom), 'en.txt');
      assert.equal(decoded.text, english);
      assert.equal(decoded.encoding.name, littleEndian ? 'utf-16le' : 'utf-16be');
      assert.equal(decoded.encoding.bom, bom);
    }
  }
});

test('Thai in Windows-874 / TIS-620 is detected and decoded', () => {
  const sample = thai.split('\n')[0]!.replace(/[“”]/g, '"');
  const decoded = decodeBytes(windows874(sample), 'legacy-th.txt');
  assert.equal(decoded.encoding.name, 'windows-874');
  assert.equal(decoded.text, sample);
});

test('Western text in Windows-1252 is detected and decoded', () => {
  const bytes = Uint8Array.from([...'Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u2014 fine.'].map((c) => (c === '\u2014' ? 0x97 : c.charCodeAt(0))));
  const decoded = decodeBytes(bytes, 'legacy-en.txt');
  assert.equal(decoded.encoding.name, 'windows-1252');
  assert.equal(decoded.text, 'Café naïve résumé — fine.');
});

test('a forced encoding wins, and invalid bytes for it name the file', () => {
  const bytes = new TextEncoder().encode('plain ascii');
  assert.deepEqual(decodeBytes(bytes, 'a.txt', 'windows-1252').encoding, { name: 'windows-1252', bom: false, forced: true });
  assert.throws(
    () => decodeBytes(Uint8Array.from([0x41, 0x00, 0x42]), 'broken.txt', 'utf-16le'),
    (error: unknown) => error instanceof BitextError && error.code === 'undecodable' && error.message.includes('broken.txt'),
  );
});

test('binary input is a clear error naming the file', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]);
  assert.throws(
    () => decodeBytes(png, 'picture.png'),
    (error: unknown) => error instanceof BitextError && error.code === 'undecodable' && /picture\.png: .*binary/.test(error.message),
  );
});

test('encoding names as users type them', () => {
  assert.equal(parseEncodingName('TIS-620'), 'windows-874');
  assert.equal(parseEncodingName('cp1252'), 'windows-1252');
  assert.throws(() => parseEncodingName('ebcdic'), /Unknown encoding "ebcdic"/);
});

test('invalid UTF-8 in a UTF-8 file: read as UTF-8, bad bytes replaced, a warning naming the file, lines and count (issue 13, finding 5)', () => {
  const lines = ['It’s “quoted” – and • listed.', 'A second line — with ’ more.', 'Third line.', 'Fourth ’ line.'];
  const good = new TextEncoder().encode(lines.join('\n'));
  // One stray byte on line 2 and a truncated sequence on line 4.
  const secondLine = good.indexOf(0x0a) + 1;
  const fourthLine = good.lastIndexOf(0x0a) + 1;
  const bytes = Uint8Array.from([...good.subarray(0, secondLine), 0xff, ...good.subarray(secondLine, fourthLine), 0xe2, 0x80, ...good.subarray(fourthLine)]);
  const decoded = decodeBytes(bytes, 'original.txt');
  assert.equal(decoded.encoding.name, 'utf-8');
  assert.equal(decoded.text, [lines[0], `\uFFFD${lines[1]}`, lines[2], `\uFFFD${lines[3]}`].join('\n'));
  assert.equal(decoded.warnings.length, 1);
  assert.match(decoded.warnings[0]!, /^original\.txt: 2 invalid UTF-8 byte sequences replaced with U\+FFFD \(lines 2, 4\)/);
  // Forced UTF-8 (as an alignment reopens its documents) reads the same text.
  assert.equal(decodeBytes(bytes, 'original.txt', 'utf-8').text, decoded.text);
  // Valid UTF-8 has no warning; a file that is not UTF-8 at all still goes to the legacy encodings.
  assert.deepEqual(decodeBytes(good, 'original.txt').warnings, []);
  const sample = thai.split('\n')[0]!.replace(/[“”]/g, '"');
  assert.equal(decodeBytes(windows874(sample), 'legacy-th.txt').encoding.name, 'windows-874');
  assert.deepEqual(decodeBytes(windows874(sample), 'legacy-th.txt').warnings, []);
});

test('Thai, Japanese, Russian, Arabic and Korean UTF-16 without a byte-order mark are detected (issue 13, finding 6)', () => {
  const texts = {
    thai: thai.split('\n').slice(0, 6).join('\n'),
    japanese: '日本と韓国は防衛協力を強化することで合意した。\n両国の首脳は東京で会談した。\n',
    russian: 'Россия предупредила Японию о последствиях.\nМинистр заявил об этом в понедельник.\n',
    arabic: 'قال الأمين العام إن الحلف سيواصل دعم أوكرانيا.\nوجاءت تصريحاته في سيول.\n',
    korean: '나토 사무총장이 월요일 서울을 방문한다.\n그는 이어 도쿄로 향할 예정이다.\n',
  };
  for (const [name, text] of Object.entries(texts)) {
    for (const littleEndian of [true, false]) {
      const decoded = decodeBytes(utf16(text, littleEndian, false), `${name}.txt`);
      assert.equal(decoded.encoding.name, littleEndian ? 'utf-16le' : 'utf-16be', name);
      assert.equal(decoded.text, text, name);
    }
  }
  // UTF-8 and Windows-874 text are not mistaken for UTF-16.
  assert.equal(decodeBytes(new TextEncoder().encode(texts.thai), 'th.txt').encoding.name, 'utf-8');
  assert.equal(decodeBytes(new TextEncoder().encode(texts.japanese), 'ja.txt').encoding.name, 'utf-8');
  assert.equal(decodeBytes(windows874(thai.split('\n')[2]!.replace(/[“”’‘–—]/g, '"')), 'th.txt').encoding.name, 'windows-874');
});
