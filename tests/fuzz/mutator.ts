/**
 * A seeded mutator over real inputs: the corpus documents and the alignment
 * fixtures, changed the ways damaged and hostile files are (bytes flipped,
 * inserted, cut, repeated; byte-order marks, NUL, stray UTF-8 lead bytes, CR;
 * JSON values replaced by other types, huge or negative numbers, deep nesting).
 * The same seed gives the same cases, so a crash replays.
 */
import { randomGenerator } from '../fixtures/alignment-files/make-alignment.ts';

/** A pseudo-random generator (mulberry32): uniform in [0, 1). */
export type Random = () => number;

/** mulberry32, seeded (the generator the alignment-file fixtures use). */
export const seededRandom: (seed: number) => Random = randomGenerator;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, below: number): number => Math.floor(random() * below);

/** Byte strings worth planting: marks, NUL, invalid UTF-8, line ends, bidi controls, JSON syntax. */
const plants: readonly Uint8Array[] = [
  [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x00], [0xff], [0xc3], [0xe2, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80],
  [0x0d], [0x0a, 0x0a], [0x0d, 0x0a], [0x09], [0xe2, 0x80, 0xae], [0x22], [0x5c], [0x7b], [0x5d], [0x2c],
  [...new TextEncoder().encode('=HYPERLINK("x")')], [...new TextEncoder().encode('\u0e01\u0e32\u0e23')],
].map((bytes) => Uint8Array.from(bytes));

/** One byte-level mutation of `bytes`. */
export function mutateBytes(bytes: Uint8Array, random: Random): Uint8Array {
  const at = int(random, bytes.length + 1);
  switch (int(random, 8)) {
    case 0: {
      const copy = bytes.slice();
      for (let i = 0, n = 1 + int(random, 8); i < n && copy.length > 0; i++) copy[int(random, copy.length)] = int(random, 256);
      return copy;
    }
    case 1:
      return concat([bytes.subarray(0, at), pick(random, plants), bytes.subarray(at)]);
    case 2:
      return bytes.subarray(0, at);
    case 3: {
      const end = Math.min(bytes.length, at + int(random, 4096));
      return concat([bytes.subarray(0, at), bytes.subarray(end)]);
    }
    case 4: {
      // Repeat a slice: long lines, many paragraphs (bounded to a few hundred kB).
      const slice = bytes.subarray(at, Math.min(bytes.length, at + 1 + int(random, 200)));
      const times = 1 + int(random, Math.max(1, Math.floor(200_000 / Math.max(1, slice.length))));
      return concat([bytes.subarray(0, at), ...Array.from({ length: times }, () => slice), bytes.subarray(at)]);
    }
    case 5:
      return concat([pick(random, plants), pick(random, plants), bytes]);
    case 6: {
      // As UTF-16 without a mark, either byte order.
      const text = new TextDecoder().decode(bytes.subarray(0, 20_000));
      const out = new Uint8Array(text.length * 2);
      const little = random() < 0.5;
      for (let i = 0; i < text.length; i++) new DataView(out.buffer).setUint16(i * 2, text.charCodeAt(i), little);
      return out;
    }
    default:
      return Uint8Array.from(bytes.subarray(0, 20_000), (byte) => (byte >= 0x80 && random() < 0.3 ? byte ^ 0x40 : byte));
  }
}

/** Values to put in place of a JSON value. */
function wildValue(random: Random): unknown {
  return pick(random, [
    () => null, () => true, () => -1, () => 1e308, () => 2 ** 53 + 1, () => 0.5, () => '', () => '../../../../etc/passwd', () => '/etc/passwd',
    () => '\u0000\ufeff\u202e', () => 'x'.repeat(int(random, 100_000)), () => [], () => ({}), () => ({ __proto__: { polluted: true } }),
    () => JSON.parse('{"__proto__":{"polluted":true}}'), () => Array.from({ length: int(random, 1000) }, (_, i) => i),
    () => nest(int(random, 1000)),
  ])();
}

function nest(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** One structural mutation of a JSON document: a value somewhere replaced, removed or duplicated. */
export function mutateJson(value: unknown, random: Random): unknown {
  const root = structuredClone(value);
  let node: unknown = root;
  for (let depth = 0; depth < 8; depth++) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = pick(random, keys);
    const child = (node as Record<string, unknown>)[key];
    const stop = random() < 0.3 || child === null || typeof child !== 'object';
    if (stop) {
      const choice = int(random, 3);
      if (choice === 0) (node as Record<string, unknown>)[key] = wildValue(random);
      else if (choice === 1) delete (node as Record<string, unknown>)[key];
      else if (Array.isArray(node)) node.push(structuredClone(child));
      else (node as Record<string, unknown>)[`${key}x`] = child;
      return root;
    }
    node = child;
  }
  return root;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
