/**
 * Leveling the two editors (renderer/editors/level.ts): rows from links,
 * spacers from line heights, checked on hand-made cases and on random ones
 * by laying the spacers out and measuring every row again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { layoutRows, levelZones, paragraphLines, withoutZones, type Anchor, type LineRange, type SideMeasure, type Zone } from '../../../renderer/editors/level.ts';
import { parseLinks } from '../../../shared/model/alignment.ts';

/** An editor whose line `i + 1` is `heights[i]` pixels tall; one paragraph per line. */
function measure(heights: readonly number[]): SideMeasure {
  const tops = [0];
  for (const height of heights) tops.push(tops.at(-1)! + height);
  return { lineCount: heights.length, top: (line) => tops[line - 1]!, contentBottom: () => tops.at(-1)! };
}

function onePerLine(count: number): LineRange[] {
  return Array.from({ length: count }, (_, index) => ({ first: index + 1, last: index + 1 }));
}

/** Where an anchor ends up once the zones of its side are in place. */
function placed(heights: readonly number[], zones: readonly Zone[], anchor: Anchor): number {
  const bare = measure(heights);
  const line = anchor === 'end' ? heights.length + 1 : anchor;
  const base = anchor === 'end' ? bare.contentBottom() : bare.top(line);
  return base + zones.filter((zone) => zone.afterLine < line).reduce((sum, zone) => sum + zone.height, 0);
}

function describeZones(zones: readonly Zone[]): string {
  return zones
    .map((zone) => `${zone.side}@${zone.afterLine}:${zone.segments.map((segment) => `${segment.kind}${segment.height}${segment.paragraphs ? `/${segment.paragraphs}` : ''}`).join('+')}`)
    .join(' ');
}

test('a taller original paragraph gets a filler under its shorter translation', () => {
  const links = parseLinks('0-0 1-1').map((link) => ({ ...link }));
  const rows = layoutRows(links, onePerLine(2), onePerLine(2));
  const zones = levelZones(rows, { source: measure([72, 24]), target: measure([48, 24]) });
  assert.equal(describeZones(zones), 'target@1:filler24');
});

test('untranslated paragraphs at the start stand opposite one marked gap', () => {
  const links = parseLinks('0-∅ 1-∅ 2-∅ 3-0');
  const rows = layoutRows(links, onePerLine(4), onePerLine(1));
  assert.deepEqual(
    rows.map((row) => [row.source, row.target]),
    [
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ],
  );
  const zones = levelZones(rows, { source: measure([24, 48, 24, 24]), target: measure([24]) });
  assert.equal(describeZones(zones), 'target@0:untranslated96/3');
});

test('a paragraph left out inside a group starts no row; the group is levelled as a whole', () => {
  const links = parseLinks('0-0 1,3-1 2-∅ 4-2');
  const rows = layoutRows(links, onePerLine(5), onePerLine(3));
  assert.deepEqual(rows.map((row) => row.link), [0, 1, 3]);
  const zones = levelZones(rows, { source: measure([24, 24, 24, 24, 24]), target: measure([24, 24, 24]) });
  assert.equal(describeZones(zones), 'target@2:filler48');
});

test('paragraphs only in the translation stand opposite a gap in the original', () => {
  const links = parseLinks('0-0 ∅-1 1-2');
  const rows = layoutRows(links, onePerLine(2), onePerLine(3));
  const zones = levelZones(rows, { source: measure([24, 24]), target: measure([24, 48, 24]) });
  assert.equal(describeZones(zones), 'source@1:added48/1');
});

test('a filler and a gap at the same place share one zone, in order', () => {
  const links = parseLinks('0-0 1-∅ 2-1');
  const rows = layoutRows(links, onePerLine(3), onePerLine(2));
  const zones = levelZones(rows, { source: measure([48, 24, 24]), target: measure([24, 24]) });
  assert.equal(describeZones(zones), 'target@1:filler24+untranslated24/1');
});

test('the final spacer makes both editors equally tall', () => {
  const links = parseLinks('0-0 1-∅');
  const rows = layoutRows(links, onePerLine(2), onePerLine(1));
  const zones = levelZones(rows, { source: measure([24, 24]), target: measure([24]) });
  assert.equal(describeZones(zones), 'target@1:untranslated24/1');
});

test('withoutZones takes the known spacers off the positions the editor reports', () => {
  const heights = [24, 24, 24];
  const zones = [
    { afterLine: 0, height: 10 },
    { afterLine: 2, height: 30 },
  ];
  const withZones = (line: number) => measure(heights).top(line) + zones.filter((zone) => zone.afterLine < line).reduce((sum, zone) => sum + zone.height, 0);
  const bare = withoutZones(zones, 3, withZones, (line) => withZones(line) + heights[line - 1]!);
  assert.deepEqual([1, 2, 3].map((line) => bare.top(line)), [0, 24, 48]);
  assert.equal(bare.contentBottom(), 72);
});

test('paragraphLines maps offsets to first and last lines', () => {
  const text = 'one\ntwo\nthree four\n\nfive';
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  assert.deepEqual(
    paragraphLines(
      [
        { start: 0, end: 3 },
        { start: 4, end: 18 },
        { start: 20, end: 24 },
        { start: 24, end: 24 },
      ],
      lineAt,
    ),
    [
      { first: 1, last: 1 },
      { first: 2, last: 3 },
      { first: 5, last: 5 },
      { first: 5, last: 5 },
    ],
  );
});

/** Random sound alignments: links in document order, some one-sided, some groups. */
const alignmentArbitrary = fc
  .array(fc.constantFrom('1:1', '2:1', '1:2', '1:0', '0:1', '2:2'), { minLength: 1, maxLength: 25 })
  .chain((shapes) => {
    let source = 0;
    let target = 0;
    const links = shapes.map((shape) => {
      const [s, t] = shape.split(':').map(Number) as [number, number];
      const link = { source: Array.from({ length: s }, () => source++), target: Array.from({ length: t }, () => target++) };
      return link;
    });
    return fc.record({
      links: fc.constant(links),
      sourceHeights: fc.array(fc.integer({ min: 1, max: 6 }).map((lines) => lines * 24), { minLength: source, maxLength: source }),
      targetHeights: fc.array(fc.integer({ min: 1, max: 6 }).map((lines) => lines * 24), { minLength: target, maxLength: target }),
    });
  });

test('for any alignment, every row starts level once the spacers are in, and both editors end level', () => {
  fc.assert(
    fc.property(alignmentArbitrary, ({ links, sourceHeights, targetHeights }) => {
      const rows = layoutRows(links, onePerLine(sourceHeights.length), onePerLine(targetHeights.length));
      const zones = levelZones(rows, { source: measure(sourceHeights), target: measure(targetHeights) });
      const sourceZones = zones.filter((zone) => zone.side === 'source');
      const targetZones = zones.filter((zone) => zone.side === 'target');
      // Paired links must start level. (A one-sided row's empty side is only an insertion point,
      // shared with the next row, which the spacer goes between.)
      for (const row of rows.filter((candidate) => !candidate.sourceEmpty && !candidate.targetEmpty)) {
        assert.equal(placed(sourceHeights, sourceZones, row.source), placed(targetHeights, targetZones, row.target), `row of link ${row.link}`);
      }
      assert.equal(placed(sourceHeights, sourceZones, 'end'), placed(targetHeights, targetZones, 'end'));
      // Every paired link is a row: its first paragraphs are the ones levelled.
      const paired = links.filter((link) => link.source.length > 0 && link.target.length > 0).length;
      assert.equal(rows.filter((row) => !row.sourceEmpty && !row.targetEmpty).length, paired);
      assert.ok(zones.every((zone) => zone.height > 0));
    }),
    { numRuns: 300 },
  );
});
