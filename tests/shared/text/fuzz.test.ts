/**
 * Property-based tests of the decoder and the paragraph splitter: random
 * documents in many scripts and encodings, random bytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeBytes } from '../../../shared/text/decode.ts';
import { splitParagraphs } from '../../../shared/text/paragraphs.ts';
import { isBitextError } from '../../../shared/errors.ts';

const samples = [
  'The war in Ukraine will also be high on the agenda.',
  'เลขาธิการนาโต มีกำหนดจะเยือน เกาหลีใต้และญี่ปุ่น',
  'すべての人間は、生まれながらにして自由であり',
  '人人生而自由，在尊严和权利上一律平等。',
  '모든 인간은 태어날 때부터 자유로우며',
  'כל בני אדם נולדו בני חורין ושווים בערכם ובזכויותיהם.',
  'Все люди рождаются свободными и равными',
  'جميع الناس يولدون أحرارًا متساوين في الكرامة والحقوق.',
  '03:33', '66', '  • bullet', '😀 emoji 🇹🇭',
];
const lineEnds = ['\n', '\r\n', '\r', '\n\n', '\n \n', '\u2028'];
const documentArbitrary = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...samples), fc.string({ unit: 'grapheme', maxLength: 80 })), fc.constantFrom(...lineEnds)), { maxLength: 40 })
  .map((parts) => parts.map(([text, end]) => text + end).join(''));

test('paragraphs: ordered, in range, trimmed, non-empty, and every non-space character is in one', () => {
  fc.assert(
    fc.property(documentArbitrary, (text) => {
      const paragraphs = splitParagraphs(text);
      let previousEnd = 0;
      const covered = new Uint8Array(text.length);
      for (const { start, end } of paragraphs) {
        assert.ok(start >= previousEnd && start < end && end <= text.length);
        const slice = text.slice(start, end);
        assert.equal(slice, slice.trim());
        covered.fill(1, start, end);
        previousEnd = end;
      }
      for (let i = 0; i < text.length; i++) {
        if (!covered[i]) assert.match(text[i]!, /\s/u, `character ${i} (${JSON.stringify(text[i])}) is in no paragraph`);
      }
    }),
    { numRuns: 300 },
  );
});

test('decoding: UTF-8 and UTF-16 round-trip any text, with or without a byte-order mark', () => {
  fc.assert(
    fc.property(documentArbitrary, fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom'), (text, form) => {
      const body = text.replace(/\0/g, '');
      const bytes = encode(body, form);
      assert.equal(decodeBytes(bytes, 'random.txt').text, body);
    }),
    { numRuns: 300 },
  );
});

test('decoding random bytes either gives text or throws a BitextError naming the file', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      try {
        assert.equal(typeof decodeBytes(bytes, 'noise.bin').text, 'string');
      } catch (error) {
        assert.ok(isBitextError(error), String(error));
        assert.match(error.message, /noise\.bin/);
      }
    }),
    { numRuns: 500 },
  );
});

function encode(text: string, form: string): Uint8Array {
  if (form.startsWith('utf-8')) {
    const bytes = new TextEncoder().encode(text);
    return form === 'utf-8-bom' ? Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
  }
  const littleEndian = form.startsWith('utf-16le');
  const units = `\ufeff${text}`;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return bytes;
}
