/**
 * Wrapping a long document in two steps (renderer/editors/deferred-line-breaks.ts),
 * with a stand-in for Monaco's line-break computer that breaks every 10
 * characters and counts the lines it is asked to measure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createLineBreaks,
  deferWrapping,
  deferredFrom,
  estimateLineBreaks,
  type LineBreaksContext,
  type MonacoLineBreaks,
  type Projection,
  type WrappingSettings,
} from '../../../renderer/editors/deferred-line-breaks.ts';

/** Monaco's `ModelLineProjectionData`, as far as the module reads it. */
class ProjectionData {
  constructor(
    readonly injectionOffsets: null,
    readonly injectionOptions: null,
    readonly breakOffsets: number[],
    readonly breakOffsetsVisibleColumn: number[],
    readonly wrappedTextIndentLength: number,
  ) {}
}

const fontInfo = { size: 14, equals(other: unknown) { return (other as { size?: number }).size === this.size; } };
const settings: WrappingSettings = [fontInfo, 4, 80, 0, 'normal', false];

/** Breaks every 10 characters; `measured` counts the lines asked for. */
function monacoStandIn(): { lineBreaks: MonacoLineBreaks; measured: number[] } {
  const measured: number[] = [];
  const lineBreaks: MonacoLineBreaks = (_window, context, lineNumbers) =>
    lineNumbers.map((lineNumber) => {
      measured.push(lineNumber);
      const text = context.getLineContent(lineNumber);
      if (text.length <= 10) return null;
      const breaks = Array.from({ length: Math.ceil(text.length / 10) - 1 }, (_, index) => 10 * (index + 1));
      return new ProjectionData(null, null, [...breaks, text.length], [...breaks, text.length], 0);
    });
  return { lineBreaks, measured };
}

function documentOf(lines: string[]): LineBreaksContext & { lines: string[] } {
  return { lines, getLineContent: (lineNumber) => lines[lineNumber - 1]!, getLineInjectedText: () => [] };
}

function breaksOf(projection: Projection): string {
  return projection === null ? 'fits' : (projection as ProjectionData).breakOffsets.join(' ');
}

const window = {} as Window;
const range = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

test('a short document is measured whole, as Monaco does', () => {
  const monaco = monacoStandIn();
  const document = documentOf(range(deferredFrom - 1).map((line) => `line ${line} of a short document`));
  const job = deferWrapping(5, () => createLineBreaks(monaco.lineBreaks, ProjectionData, window, document, range(document.lines.length), ...settings));
  assert.equal(job, undefined);
  assert.equal(monaco.measured.length, document.lines.length);
});

test('a long document: the first lines measured now, the rest estimated, measured later, then taken as measured', () => {
  const monaco = monacoStandIn();
  const document = documentOf(range(deferredFrom + 100).map((line) => `${'word '.repeat(line % 7)}line ${line}`));
  let first: Projection[] = [];
  const job = deferWrapping(5, () => {
    first = createLineBreaks(monaco.lineBreaks, ProjectionData, window, document, range(document.lines.length), ...settings);
  });
  assert.ok(job);
  assert.deepEqual(monaco.measured, [1, 2, 3, 4, 5]);
  assert.deepEqual(job.pending, range(document.lines.length).slice(5));
  assert.equal(first.length, document.lines.length);
  // Estimated from the measured lines: 10 characters a visual line, moved back to the end of a word.
  assert.equal(breaksOf(first[5]!), breaksOf(estimateLineBreaks(document.lines[5]!, 10, 4, ProjectionData)));
  assert.equal(job.measuredLines(2), 2);
  assert.equal(job.measuredLines(9), undefined, 'not measured yet');

  job.measure([9, 10, 10_000], document.lines.length);
  assert.deepEqual(monaco.measured.slice(5), [9, 10], 'lines past the end are skipped');
  assert.equal(job.measuredLines(9), Math.ceil(document.lines[8]!.length / 10));
  // Monaco wraps lines again (the background hands them over): the measured ones come from the job, the others are measured.
  monaco.measured.length = 0;
  const again = createLineBreaks(monaco.lineBreaks, ProjectionData, window, document, [9, 10, 11], ...settings);
  assert.deepEqual(monaco.measured, [11]);
  assert.deepEqual(again.map(breaksOf), [9, 10, 11].map((line) => breaksOf(monacoStandIn().lineBreaks(window, document, [line], ...settings)[0]!)));
  // Other settings (another width): nothing is taken from the job.
  monaco.measured.length = 0;
  createLineBreaks(monaco.lineBreaks, ProjectionData, window, document, [9, 10], fontInfo, 4, 60, 0, 'normal', false);
  assert.deepEqual(monaco.measured, [9, 10]);
  job.end();
  monaco.measured.length = 0;
  createLineBreaks(monaco.lineBreaks, ProjectionData, window, document, [9, 10], ...settings);
  assert.deepEqual(monaco.measured, [9, 10], 'an ended job gives nothing');
});

test('a line with injected text is never taken from what was measured for its text', () => {
  const monaco = monacoStandIn();
  const document = documentOf(range(deferredFrom).map(() => 'the same text on every line'));
  const job = deferWrapping(3, () => createLineBreaks(monaco.lineBreaks, ProjectionData, window, document, range(document.lines.length), ...settings));
  assert.ok(job);
  monaco.measured.length = 0;
  const injected: LineBreaksContext = { ...document, getLineInjectedText: (lineNumber) => (lineNumber === 7 ? [{ content: '→' }] : null) };
  createLineBreaks(monaco.lineBreaks, ProjectionData, window, injected, [6, 7, 8], ...settings);
  assert.deepEqual(monaco.measured, [7]);
  job.end();
});

test('estimates break at the end of a word when one is near, never before a combining mark', () => {
  const estimate = (text: string, perLine: number) => breaksOf(estimateLineBreaks(text, perLine, 4, ProjectionData));
  assert.equal(estimate('short', 10), 'fits');
  assert.equal(estimate('twelve chars', undefined as unknown as number), 'fits', 'nothing to estimate with');
  assert.equal(estimate('aaaa bbbb cccc dddd', 10), '10 19');
  assert.equal(estimate('aaaaaaaa bbbbbbbbbb', 10), '9 19');
  assert.equal(estimate('aaaaaaaaaaaaaaaaaaaa', 10), '10 20', 'no word end near: the estimate stands');
  // Thai: a tone mark (U+0E48) at the estimate goes with the consonant before it.
  assert.equal(estimate('กกกกกกกกกก\u0e48กกกกกกกก', 10), '9 19');
  const tabs = estimateLineBreaks('\taaaaaaaaa bbbbbbbbb', 10, 4, ProjectionData) as ProjectionData;
  assert.deepEqual(tabs.breakOffsetsVisibleColumn, [13, 23], 'a tab counts to the next tab stop');
});
