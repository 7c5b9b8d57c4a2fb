/**
 * Property-based tests: random alignments, random sequences of edits and
 * random text edits, checking after every step the rules every alignment
 * keeps. Bounded (200 runs each) so the suite stays fast.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Alignment, Link, LinkStatus } from '../../../shared/model/alignment.ts';
import { findLinkProblems } from '../../../shared/model/invariants.ts';
import { BitextError } from '../../../shared/errors.ts';
import { applyEdit } from '../../../shared/edits/operations.ts';
import type { AlignmentEdit } from '../../../shared/edits/operations.ts';
import { sortLinks } from '../../../shared/edits/sort-links.ts';
import { createHistory, redo, undo } from '../../../shared/edits/history.ts';
import { recordEdit, recordTextEdit } from '../../../shared/edits/workbench-history.ts';
import type { AlignmentHistory } from '../../../shared/edits/workbench-history.ts';
import { rebaseDocument } from '../../../shared/edits/rebase.ts';
import { diffTexts, mapOffset } from '../../../shared/edits/text-diff.ts';
import { lineParagraphs, makeTextAlignment, now } from './fixture.ts';

const numRuns = 200;

// ---------------------------------------------------------------- generators

/** One step of a walk down both documents, making a link (or leaving paragraphs out). */
type Step =
  | { kind: 'pair'; source: number; target: number }
  | { kind: 'source-only' }
  | { kind: 'target-only' }
  | { kind: 'skip-group' }
  | { kind: 'unlinked-source' }
  | { kind: 'unlinked-target' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('pair' as const), source: fc.integer({ min: 1, max: 3 }), target: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'source-only' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'target-only' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'skip-group' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unlinked-source' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unlinked-target' as const }) },
);

const words = ['Nato', 'Japan', 'Seoul', 'war', 'the', 'of', 'and', '80', 'per', 'cent', 'ยูเครน', 'ญี่ปุ่น', 'นาโต', 'ร้อยละ', '“quote”', '2023'];
const lineArbitrary = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 7 }).map((list) => list.join(' '));
const statusArbitrary = fc.constantFrom<LinkStatus>('auto', 'confirmed', 'rejected');

/** Walks the steps down two documents: links never cross, and some paragraphs may be left out of every link. */
function buildLinks(steps: readonly Step[], statuses: readonly LinkStatus[]): { links: Link[]; sourceCount: number; targetCount: number } {
  const links: Link[] = [];
  let s = 0;
  let t = 0;
  const add = (source: number[], target: number[]) =>
    links.push({ source, target, score: 1, confidence: 0.5, status: statuses[links.length % Math.max(1, statuses.length)] ?? 'auto' });
  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  for (const step of steps) {
    switch (step.kind) {
      case 'pair':
        add(range(s, step.source), range(t, step.target));
        s += step.source;
        t += step.target;
        break;
      case 'source-only':
        add([s++], []);
        break;
      case 'target-only':
        add([], [t++]);
        break;
      case 'skip-group':
        add([s, s + 2], [t++]);
        add([s + 1], []);
        s += 3;
        break;
      case 'unlinked-source':
        s++;
        break;
      case 'unlinked-target':
        t++;
        break;
    }
  }
  return { links: sortLinks(links), sourceCount: s, targetCount: t };
}

/** A random sound alignment of documents of random lengths, with text in each paragraph. */
const alignmentArbitrary: fc.Arbitrary<Alignment> = fc
  .record({
    steps: fc.array(stepArbitrary, { maxLength: 14 }),
    statuses: fc.array(statusArbitrary, { minLength: 1, maxLength: 4 }),
    lines: fc.array(lineArbitrary, { minLength: 40, maxLength: 40 }),
  })
  .map(({ steps, statuses, lines }) => {
    const { links, sourceCount, targetCount } = buildLinks(steps, statuses);
    const base = makeTextAlignment(
      Array.from({ length: sourceCount }, (_, i) => `${lines[i % lines.length]} s${i}`),
      Array.from({ length: targetCount }, (_, i) => `${lines[(i + 7) % lines.length]} t${i}`),
      '',
    );
    return { ...base, links };
  });

const side = fc.constantFrom('source' as const, 'target' as const);

/** Mostly a valid index below `count`, sometimes just outside (those edits must fail with a BitextError). */
function indexBelow(count: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: 0, max: Math.max(0, count - 1) }) },
    { weight: 1, arbitrary: fc.integer({ min: -1, max: count + 1 }) },
  );
}

/**
 * An edit as generated: an `AlignmentEdit`, or a replace-range whose new links
 * are a random walk over the paragraphs of the range, made when it is applied
 * (it depends on the alignment at that point).
 */
type EditIntent = AlignmentEdit | { kind: 'replace-walk'; after: number; length: number; steps: readonly Step[] };

/** Random edits for alignments of about the given size. */
function editArbitrary(links: number, sourceCount: number, targetCount: number): fc.Arbitrary<EditIntent> {
  // Edits change the number of links: allow for some growth.
  const link = indexBelow(links + 3);
  const paragraphsOf = (count: number) => fc.uniqueArray(indexBelow(count), { maxLength: 3 });
  const paragraphOf = fc.oneof(
    fc.record({ side: fc.constant('source' as const), paragraph: indexBelow(sourceCount) }),
    fc.record({ side: fc.constant('target' as const), paragraph: indexBelow(targetCount) }),
  );
  const time = fc.constant(now);
  return fc.oneof(
    fc.record({ kind: fc.constant('link' as const), source: paragraphsOf(sourceCount), target: paragraphsOf(targetCount), now: time }),
    fc.record({ kind: fc.constant('unlink' as const), link, now: time }),
    fc.record({ kind: fc.constant('merge-next' as const), link, now: time }),
    fc.record({ kind: fc.constant('split' as const), link, now: time }),
    fc.record({
      kind: fc.constant('split' as const),
      link,
      at: fc.record({ source: fc.integer({ min: 0, max: 3 }), target: fc.integer({ min: 0, max: 3 }) }),
      now: time,
    }),
    fc.record({ kind: fc.constant('shift-boundary' as const), link, side, direction: fc.constantFrom('up' as const, 'down' as const), now: time }),
    paragraphOf.map(({ side: which, paragraph }) => ({ kind: 'mark-untranslated' as const, side: which, paragraph, now })),
    fc.record({
      kind: fc.constant('link-with-skip' as const),
      source: paragraphsOf(sourceCount),
      target: paragraphsOf(targetCount),
      now: time,
    }),
    fc.record({ kind: fc.constant('set-status' as const), link, status: statusArbitrary, now: time }),
    fc.record({ kind: fc.constant('set-note' as const), link, note: fc.string({ maxLength: 8 }), now: time }),
    fc.record({
      kind: fc.constant('set-tags' as const),
      link,
      tags: fc.array(fc.constantFrom('omission', ' Style', 'STYLE', 'my tag', '', 'terminology'), { maxLength: 4 }),
      now: time,
    }),
    fc.record({
      kind: fc.constant('replace-walk' as const),
      after: fc.integer({ min: -1, max: links }),
      length: fc.integer({ min: 0, max: 4 }),
      steps: fc.array(stepArbitrary, { maxLength: 6 }),
    }),
    // A replace-range with arbitrary links, nearly always refused: it must be refused cleanly.
    fc.record({
      kind: fc.constant('replace-range' as const),
      after: indexBelow(links),
      before: indexBelow(links + 1),
      links: fc
        .array(fc.record({ source: paragraphsOf(sourceCount), target: paragraphsOf(targetCount) }), { maxLength: 3 })
        .map((list) =>
          list.map((item) => ({
            source: [...item.source].sort((a, b) => a - b),
            target: [...item.target].sort((a, b) => a - b),
            score: 1,
            confidence: 0.7,
            status: 'auto' as const,
          })),
        ),
      now: time,
    }),
  );
}

/** A random alignment with a sequence of edits sized to it. */
function alignmentWithEdits(maxLength: number): fc.Arbitrary<[Alignment, EditIntent[]]> {
  return alignmentArbitrary.chain((alignment) =>
    fc.tuple(
      fc.constant(alignment),
      fc.array(editArbitrary(alignment.links.length, alignment.source.paragraphs.length, alignment.target.paragraphs.length), {
        maxLength,
      }),
    ),
  );
}

/**
 * The edit an intent stands for, given the alignment it applies to. A walk
 * re-links the paragraphs of links `after+1 … after+length` in a new random
 * monotone way, as the aligner's `alignRange` would.
 */
function materialise(alignment: Alignment, intent: EditIntent): AlignmentEdit {
  if (intent.kind !== 'replace-walk') return intent;
  const before = Math.min(alignment.links.length, intent.after + 1 + intent.length);
  const replaced = alignment.links.slice(intent.after + 1, before);
  const source = replaced.flatMap((link) => link.source).sort((a, b) => a - b);
  const target = replaced.flatMap((link) => link.target).sort((a, b) => a - b);
  const { links: walked } = buildLinks(intent.steps, ['auto']);
  const links = walked
    .map((link) => ({ ...link, source: link.source.map((i) => source[i]!), target: link.target.map((i) => target[i]!) }))
    .map((link) => ({ ...link, source: link.source.filter((i) => i !== undefined), target: link.target.filter((i) => i !== undefined) }))
    .filter((link) => link.source.length + link.target.length > 0);
  return { kind: 'replace-range', after: intent.after, before, links, now };
}

// ---------------------------------------------------------------- checks

/** The rules every alignment keeps, as assertions. */
function assertSound(alignment: Alignment): void {
  const problems = findLinkProblems(alignment.links, alignment.source.paragraphs.length, alignment.target.paragraphs.length);
  assert.deepEqual(problems, []);
  assert.deepEqual(sortLinks(alignment.links), [...alignment.links], 'links are in document order');
  for (const document of [alignment.source, alignment.target]) {
    let previousEnd = 0;
    for (const paragraph of document.paragraphs) {
      assert.ok(paragraph.start >= previousEnd && paragraph.end >= paragraph.start && paragraph.end <= document.text.length);
      previousEnd = paragraph.end;
    }
  }
}

/** Paragraph indices of `side` that some link holds. */
function covered(alignment: Alignment, which: 'source' | 'target'): Set<number> {
  return new Set(alignment.links.flatMap((link) => link[which]));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Applies an edit; a BitextError leaves the alignment as it was, anything else fails the test. */
function tryEdit(alignment: Alignment, intent: EditIntent): Alignment {
  try {
    return applyEdit(alignment, materialise(alignment, intent));
  } catch (error) {
    if (error instanceof BitextError) return alignment;
    throw error;
  }
}

// ---------------------------------------------------------------- properties

describe('properties of alignment edits', () => {
  it('generated alignments are sound (the generator itself is checked)', () => {
    fc.assert(fc.property(alignmentArbitrary, (alignment) => assertSound(alignment)), { numRuns });
  });

  it('every edit keeps the alignment sound, never mutates its input, and throws only BitextError', () => {
    fc.assert(
      fc.property(alignmentWithEdits(12), ([start, edits]) => {
        let alignment = deepFreeze(start);
        for (const edit of edits) {
          alignment = deepFreeze(tryEdit(alignment, edit));
          assertSound(alignment);
        }
      }),
      { numRuns },
    );
  });

  it('edits other than replace-range never leave a paragraph out of every link if none was', () => {
    fc.assert(
      fc.property(alignmentWithEdits(12), ([start, edits]) => {
        const full = (a: Alignment) =>
          covered(a, 'source').size === a.source.paragraphs.length && covered(a, 'target').size === a.target.paragraphs.length;
        fc.pre(full(start));
        let alignment = start;
        for (const edit of edits) {
          if (edit.kind === 'replace-range' || edit.kind === 'replace-walk') continue;
          alignment = tryEdit(alignment, edit);
          assert.ok(full(alignment), `${edit.kind} left a paragraph unlinked`);
        }
      }),
      { numRuns },
    );
  });

  it('undo back to the start and redo to the end give the same states', () => {
    fc.assert(
      fc.property(alignmentWithEdits(10), ([start, edits]) => {
        let history: AlignmentHistory = createHistory(start, { limit: 50 });
        const states = [start];
        for (const edit of edits) {
          try {
            const time = `2024-01-01T00:00:${String(states.length).padStart(2, '0')}.000Z`;
            history = recordEdit(history, { ...materialise(history.present.state, edit), now: time });
          } catch (error) {
            if (!(error instanceof BitextError)) throw error;
            continue;
          }
          // Notes on the same link coalesce: the state they replace is not a step of its own.
          if (history.past.length < states.length) states.pop();
          states.push(history.present.state);
        }
        assert.equal(history.past.length, states.length - 1);
        for (let i = states.length - 1; i > 0; i--) {
          assert.equal(history.present.state, states[i]);
          history = undo(history);
        }
        assert.equal(history.present.state, start);
        for (let i = 1; i < states.length; i++) {
          history = redo(history);
          assert.deepEqual(history.present.state, states[i]);
        }
      }),
      { numRuns },
    );
  });

  it('sortLinks gives the same order whatever order the links come in', () => {
    fc.assert(
      fc.property(
        alignmentArbitrary.chain((alignment) => fc.tuple(fc.constant(alignment), fc.shuffledSubarray([...alignment.links], { minLength: alignment.links.length }))),
        ([alignment, shuffled]) => {
          assert.deepEqual(sortLinks(shuffled), [...alignment.links]);
        },
      ),
      { numRuns },
    );
  });
});

/** Edits to a text as a list of lines, the way a user changes a document. */
type TextChange =
  | { kind: 'insert'; at: number; line: string }
  | { kind: 'delete'; at: number }
  | { kind: 'split'; at: number; position: number }
  | { kind: 'join'; at: number }
  | { kind: 'change-word'; at: number; word: string }
  | { kind: 'blank'; at: number };

const textChangeArbitrary: fc.Arbitrary<TextChange> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(20), line: lineArbitrary }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(20) }),
  fc.record({ kind: fc.constant('split' as const), at: fc.nat(20), position: fc.nat(40) }),
  fc.record({ kind: fc.constant('join' as const), at: fc.nat(20) }),
  fc.record({ kind: fc.constant('change-word' as const), at: fc.nat(20), word: fc.constantFrom(...words) }),
  fc.record({ kind: fc.constant('blank' as const), at: fc.nat(20) }),
);

function changeLines(lines: readonly string[], change: TextChange): string[] {
  const out = [...lines];
  const at = out.length === 0 ? 0 : change.at % out.length;
  switch (change.kind) {
    case 'insert':
      out.splice(Math.min(change.at, out.length), 0, change.line);
      break;
    case 'delete':
      out.splice(at, 1);
      break;
    case 'split': {
      const line = out[at] ?? '';
      const position = line.length === 0 ? 0 : change.position % line.length;
      out.splice(at, 1, line.slice(0, position), line.slice(position));
      break;
    }
    case 'join':
      if (at + 1 < out.length) out.splice(at, 2, `${out[at]} ${out[at + 1]}`);
      break;
    case 'change-word': {
      const line = out[at];
      if (line !== undefined) out[at] = line.replace(/\S+/u, change.word);
      break;
    }
    case 'blank':
      out.splice(Math.min(change.at, out.length), 0, '   ');
      break;
  }
  return out;
}

describe('properties of the rebase', () => {
  it('keeps the alignment sound through random text edits on either side, and undo restores text and links', () => {
    fc.assert(
      fc.property(
        alignmentArbitrary,
        fc.array(fc.tuple(side, textChangeArbitrary), { minLength: 1, maxLength: 6 }),
        (start, changes) => {
          let history: AlignmentHistory = createHistory(start);
          const full = (a: Alignment) =>
            covered(a, 'source').size === a.source.paragraphs.length && covered(a, 'target').size === a.target.paragraphs.length;
          const wasFull = full(start);
          for (const [which, change] of changes) {
            const before = history.present.state;
            const lines = before[which].text.split('\n');
            const text = changeLines(lines, change).join('\n');
            const { history: next, report } = recordTextEdit(history, {
              side: which,
              text,
              paragraphs: lineParagraphs(text),
              now,
            });
            history = next;
            const after = history.present.state;
            assertSound(after);
            assert.equal(after[which].text, text);
            assert.equal(after[which === 'source' ? 'target' : 'source'], before[which === 'source' ? 'target' : 'source']);
            assert.equal(report.links.length, before.links.length, 'one report entry per old link');
            const { kept, moved, merged, dropped } = report.counts;
            assert.equal(kept + moved + merged + dropped, before.links.length);
            if (wasFull) assert.ok(full(after), 'a rebase never leaves a paragraph out of every link');
          }
          for (let i = 0; i < changes.length; i++) history = undo(history);
          assert.equal(history.present.state, start);
        },
      ),
      { numRuns },
    );
  });

  it('changes nothing when the text is the same', () => {
    fc.assert(
      fc.property(alignmentArbitrary, side, (start, which) => {
        const { text, paragraphs: old } = start[which];
        const { alignment, report } = rebaseDocument(start, which, text, old);
        assert.deepEqual(alignment.links, start.links);
        assert.equal(report.counts.kept, start.links.length);
      }),
      { numRuns },
    );
  });
});

describe('properties of the text diff', () => {
  const textArbitrary = fc.array(fc.oneof(lineArbitrary, fc.string({ maxLength: 6 })), { maxLength: 8 }).map((lines) => lines.join('\n'));

  it('finds runs of equal text, in order on both sides, and maps offsets monotonically into range', () => {
    fc.assert(
      fc.property(textArbitrary, textArbitrary, fc.integer({ min: 1, max: 50 }), (oldText, newText, cap) => {
        const diff = diffTexts(oldText, newText, { maxEditLength: cap });
        let oldEnd = 0;
        let newEnd = 0;
        for (const run of diff.runs) {
          assert.ok(run.length > 0 && run.oldStart >= oldEnd && run.newStart >= newEnd);
          assert.equal(oldText.slice(run.oldStart, run.oldStart + run.length), newText.slice(run.newStart, run.newStart + run.length));
          oldEnd = run.oldStart + run.length;
          newEnd = run.newStart + run.length;
        }
        assert.ok(oldEnd <= oldText.length && newEnd <= newText.length);
        for (const bias of ['before', 'after'] as const) {
          let previous = 0;
          for (let offset = 0; offset <= oldText.length; offset++) {
            const mapped = mapOffset(diff, offset, bias);
            assert.ok(mapped >= previous && mapped <= newText.length, `offset ${offset} → ${mapped}`);
            previous = mapped;
          }
        }
        if (oldText === newText) assert.equal(mapOffset(diff, oldText.length), newText.length);
      }),
      { numRuns },
    );
  });

  it('finds every line kept from a large text through random line edits (the anchored path)', () => {
    const largeText = fc.array(lineArbitrary, { minLength: 80, maxLength: 120 });
    fc.assert(
      fc.property(largeText, fc.array(textChangeArbitrary, { minLength: 1, maxLength: 8 }), (lines, changes) => {
        // Numbered lines, as paragraphs of a real text mostly are unique.
        const numbered = lines.map((line, i) => `${i}. ${line}`);
        const edited = changes.reduce(changeLines, numbered);
        const oldText = numbered.join('\n');
        const newText = edited.join('\n');
        const diff = diffTexts(oldText, newText);
        assert.equal(diff.approximate, false);
        for (const run of diff.runs) {
          assert.equal(oldText.slice(run.oldStart, run.oldStart + run.length), newText.slice(run.newStart, run.newStart + run.length));
        }
        // Lines no change touched are found whole in the runs (their words may also be matched elsewhere, but
        // the shared text must be at least their length).
        const untouched = numbered.filter((line) => edited.includes(line));
        const shared = diff.runs.reduce((sum, run) => sum + run.length, 0);
        assert.ok(shared >= untouched.reduce((sum, line) => sum + line.length, 0));
      }),
      { numRuns: 50 },
    );
  });
});
