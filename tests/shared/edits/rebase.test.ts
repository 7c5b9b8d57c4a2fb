import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatLinks, parseLinks } from '../../../shared/model/alignment.ts';
import type { Alignment, Side } from '../../../shared/model/alignment.ts';
import { findLinkProblems } from '../../../shared/model/invariants.ts';
import { BitextError } from '../../../shared/errors.ts';
import { formatRebaseReport, rebaseDocument } from '../../../shared/edits/rebase.ts';
import type { RebaseReport } from '../../../shared/edits/rebase.ts';
import { lineParagraphs, makeDocument, makeTextAlignment, now, statusString } from './fixture.ts';

const source = [
  'Nato chief Jens Stoltenberg is set to visit South Korea and Japan.',
  'The war in Ukraine will also be high on the agenda.',
  'Polls show more than 80 per cent support higher defence spending.',
];
const target = ['เลขาธิการนาโตจะเยือนเกาหลีใต้และญี่ปุ่น', 'สงครามในยูเครนจะอยู่ในวาระการประชุม', 'ผลสำรวจร้อยละ 80 สนับสนุน'];

function rebase(alignment: Alignment, side: Side, lines: readonly string[]): { alignment: Alignment; report: RebaseReport } {
  const text = lines.join('\n');
  const result = rebaseDocument(alignment, side, text, lineParagraphs(text), { now });
  const { links } = result.alignment;
  assert.deepEqual(findLinkProblems(links, result.alignment.source.paragraphs.length, result.alignment.target.paragraphs.length), []);
  assert.equal(result.alignment[side].text, text);
  return result;
}

/** `from→to outcome` per old link, e.g. `0→0 kept, 1→∅ dropped`. */
function outcomes(report: RebaseReport): string {
  return report.links.map((entry) => `${entry.from}→${entry.to ?? '∅'} ${entry.outcome}`).join(', ');
}

describe('rebaseDocument', () => {
  const start = makeTextAlignment(source, target, '0-0 1-1 2-2', ['confirmed', 'confirmed', 'auto']);

  it('keeps every link through an edit inside a paragraph', () => {
    const edited = [source[0]!, 'The war in Ukraine will surely also be very high on the agenda.', source[2]!];
    const { alignment, report } = rebase(start, 'source', edited);
    assert.equal(formatLinks(alignment.links), '0-0 1-1 2-2');
    assert.equal(statusString(alignment), 'cca');
    assert.equal(outcomes(report), '0→0 kept, 1→1 kept, 2→2 kept');
    assert.equal(formatRebaseReport(report), '3 kept');
    assert.equal(alignment.modified, now);
  });

  it('keeps a paragraph’s mark (furniture, footnote) through an edit of it and a paragraph added before it', () => {
    const marked = { ...start, source: { ...start.source, paragraphs: start.source.paragraphs.map((paragraph, index) => (index === 1 ? { ...paragraph, mark: 'furniture' as const } : paragraph)) } };
    const edited = ['Advertisement', source[0]!, 'The war in Ukraine will surely also be very high on the agenda.', source[2]!];
    const { alignment } = rebase(marked, 'source', edited);
    assert.deepEqual(alignment.source.paragraphs.map((paragraph) => paragraph.mark ?? '-'), ['-', '-', 'furniture', '-']);
    // A reader's own marks (a reload) are what the new paragraphs bring.
    const text = edited.join('\n');
    const reread = rebaseDocument(marked, 'source', text, lineParagraphs(text).map((paragraph, index) => (index === 0 ? { ...paragraph, mark: 'footnote' as const } : paragraph)), { now });
    assert.deepEqual(reread.alignment.source.paragraphs.map((paragraph) => paragraph.mark ?? '-'), ['footnote', '-', 'furniture', '-']);
  });

  it('brings a new paragraph in unlinked, as its own one-sided link with confidence 0', () => {
    const { alignment, report } = rebase(start, 'source', ['Advertisement', ...source]);
    assert.equal(formatLinks(alignment.links), '0-∅ 1-0 2-1 3-2');
    assert.equal(alignment.links[0]!.confidence, 0);
    assert.equal(alignment.links[0]!.status, 'auto');
    assert.deepEqual(report.added, [0]);
    assert.equal(outcomes(report), '0→1 moved, 1→2 moved, 2→3 moved');
    assert.equal(formatRebaseReport(report), '3 moved, 1 new paragraph unlinked');
  });

  it('takes a deleted paragraph out of its link and reports the link dropped; its other side stays', () => {
    const { alignment, report } = rebase(start, 'source', [source[0]!, source[2]!]);
    assert.equal(formatLinks(alignment.links), '0-0 ∅-1 1-2');
    assert.equal(outcomes(report), '0→0 kept, 1→∅ dropped, 2→2 moved');
    assert.deepEqual(report.links[1]!.remnants, [1]);
    assert.deepEqual(report.deleted, [1]);
    assert.equal(formatRebaseReport(report), '1 kept, 1 moved, 1 dropped');
  });

  it('drops a one-sided link whose paragraph was deleted, leaving nothing behind', () => {
    const clutter = makeTextAlignment(['Advertisement', ...source], target, '0-∅ 1-0 2-1 3-2');
    const { alignment, report } = rebase(clutter, 'source', source);
    assert.equal(formatLinks(alignment.links), '0-0 1-1 2-2');
    assert.equal(report.links[0]!.outcome, 'dropped');
    assert.deepEqual(report.links[0]!.remnants, []);
  });

  it('keeps both halves of a split paragraph in its link', () => {
    const edited = [source[0]!, 'The war in Ukraine will also be high', 'on the agenda.', source[2]!];
    const { alignment, report } = rebase(start, 'source', edited);
    assert.equal(formatLinks(alignment.links), '0-0 1,2-1 3-2');
    assert.deepEqual(report.split, [1]);
    assert.equal(outcomes(report), '0→0 kept, 1→1 moved, 2→2 moved');
  });

  it('merges the links of paragraphs that were joined', () => {
    const edited = [source[0]!, `${source[1]} ${source[2]}`];
    const { alignment, report } = rebase(start, 'source', edited);
    assert.equal(formatLinks(alignment.links), '0-0 1-1,2');
    assert.deepEqual(report.joined, [1]);
    assert.equal(outcomes(report), '0→0 kept, 1→1 merged, 2→1 merged');
    assert.equal(alignment.links[1]!.status, 'auto');
    assert.equal(formatRebaseReport(report), '1 kept, 2 merged');
  });

  it('keeps one link when paragraphs of the same link are joined', () => {
    const grouped = makeTextAlignment(source, target.slice(0, 2), '0-0 1,2-1');
    const { alignment, report } = rebase(grouped, 'source', [source[0]!, `${source[1]} ${source[2]}`]);
    assert.equal(formatLinks(alignment.links), '0-0 1-1');
    assert.equal(outcomes(report), '0→0 kept, 1→1 moved');
  });

  it('does not take a deleted headline for a join when its word appears in the next paragraph', () => {
    const page = makeTextAlignment(['Advertisement', 'Nato', ...source], target, '0-∅ 1-∅ 2-0 3-1 4-2');
    const { alignment, report } = rebase(page, 'source', ['Advertisement', ...source]);
    assert.equal(formatLinks(alignment.links), '0-∅ 1-0 2-1 3-2');
    assert.equal(outcomes(report), '0→0 kept, 1→∅ dropped, 2→1 moved, 3→2 moved, 4→3 moved');
  });

  it('unconfirms a confirmed link that lost one of its paragraphs', () => {
    const grouped = makeTextAlignment(source, target.slice(0, 2), '0-0 1,2-1', ['confirmed', 'confirmed']);
    const { alignment } = rebase(grouped, 'source', [source[0]!, source[1]!]);
    assert.equal(formatLinks(alignment.links), '0-0 1-1');
    assert.equal(statusString(alignment), 'ca');
  });

  it('rebases the target side the same way', () => {
    const { alignment, report } = rebase(start, 'target', [target[0]!, 'คำบรรยายภาพ: รอยเตอร์', target[1]!, target[2]!]);
    assert.equal(formatLinks(alignment.links), '0-0 ∅-1 1-2 2-3');
    assert.deepEqual(report.added, [1]);
    assert.equal(report.side, 'target');
    assert.equal(alignment.source, start.source);
  });

  it('makes a rewritten paragraph new and drops its old link', () => {
    const edited = [source[0]!, 'Tokyo and Seoul may confirm further aid to Kyiv.', source[2]!];
    const { alignment, report } = rebase(start, 'source', edited);
    assert.equal(formatLinks(alignment.links), '0-0 1-∅ ∅-1 2-2');
    assert.deepEqual(report.added, [1]);
    assert.equal(report.links[1]!.outcome, 'dropped');
  });

  describe('a paragraph replaced in place', () => {
    // A one-word headline linked and reviewed: the word diff sees any edit inside "Nato" as a new word.
    const headline = makeTextAlignment(['Nato', ...source], ['นาโต', ...target], '0-0 1-1 2-2 3-3', ['confirmed', 'confirmed', 'auto', 'auto']);
    const reviewed: Alignment = {
      ...headline,
      links: headline.links.map((link, index) => (index === 0 ? { ...link, note: 'headline', tags: ['heading'] } : link)),
    };

    it('keeps its link, status, note and tags through a typo inside its only word', () => {
      for (const typo of ['Natto', 'Nat', 'NATO', 'Na to']) {
        const { alignment, report } = rebase(reviewed, 'source', [typo, ...source]);
        assert.equal(formatLinks(alignment.links), '0-0 1-1 2-2 3-3', typo);
        assert.equal(outcomes(report), '0→0 kept, 1→1 kept, 2→2 kept, 3→3 kept', typo);
        assert.deepEqual(alignment.links[0], reviewed.links[0], typo);
        assert.deepEqual(report.added, [], typo);
        assert.deepEqual(report.deleted, [], typo);
      }
    });

    it('keeps its link when the paragraphs before it changed in number', () => {
      const { alignment, report } = rebase(reviewed, 'source', ['Advertisement', 'Natto', ...source]);
      assert.equal(formatLinks(alignment.links), '0-∅ 1-0 2-1 3-2 4-3');
      assert.equal(outcomes(report), '0→1 moved, 1→2 moved, 2→3 moved, 3→4 moved');
      assert.deepEqual(alignment.links[1], { ...reviewed.links[0], source: [1] });
    });

    it('is new, and its old link dropped, when its text is another one', () => {
      const { alignment, report } = rebase(reviewed, 'source', ['Kyiv', ...source]);
      assert.equal(formatLinks(alignment.links), '0-∅ ∅-0 1-1 2-2 3-3');
      assert.equal(report.links[0]!.outcome, 'dropped');
      assert.deepEqual(report.added, [0]);
    });

    it('pairs several replaced paragraphs in order, each on its own similarity', () => {
      const clutter = makeTextAlignment(['Advertisement', 'Advertisement', 'Nato', ...source], target, '0-∅ 1-∅ 2-∅ 3-0 4-1 5-2', ['confirmed', 'rejected', 'confirmed']);
      // A find-and-replace over the two ads, and the headline rewritten: the ads keep their links, the headline is new.
      const { alignment, report } = rebase(clutter, 'source', ['Advertisment', 'Advertisment', 'Opinion', ...source]);
      assert.equal(formatLinks(alignment.links), '0-∅ 1-∅ 2-∅ 3-0 4-1 5-2');
      assert.equal(statusString(alignment), 'craaaa');
      assert.equal(outcomes(report), '0→0 kept, 1→1 kept, 2→∅ dropped, 3→3 kept, 4→4 kept, 5→5 kept');
      assert.deepEqual(report.added, [2]);
    });

    it('pairs as many as it can when the gap holds fewer new paragraphs, the earlier first', () => {
      const clutter = makeTextAlignment(['Advertisement', 'Advertisement', ...source], target, '0-∅ 1-∅ 2-0 3-1 4-2', ['confirmed', 'rejected']);
      const { alignment, report } = rebase(clutter, 'source', ['Advertisment', ...source]);
      assert.equal(outcomes(report), '0→0 kept, 1→∅ dropped, 2→1 moved, 3→2 moved, 4→3 moved');
      assert.equal(statusString(alignment), 'caaa');
      assert.deepEqual(report.added, []);
    });

    it('keeps its link at the end of the document, and on the target side', () => {
      const last = rebase(reviewed, 'source', ['Nato', ...source.slice(0, 2), 'Polls show more than 80 per cent']).alignment;
      assert.equal(formatLinks(last.links), '0-0 1-1 2-2 3-3');
      const thai = makeTextAlignment(source, ['นาโต', ...target.slice(1)], '0-0 1-1 2-2', ['confirmed']);
      // Thai is diffed by characters already; a Latin word in a Thai document is not.
      const { alignment, report } = rebase(thai, 'target', ['NATO', ...target.slice(1)]);
      assert.equal(report.counts.dropped, 1, 'นาโต to NATO is a different text');
      const latin = makeTextAlignment(source, ['Advertisement', ...target.slice(1)], '0-0 1-1 2-2', ['confirmed']);
      const typo = rebase(latin, 'target', ['Advertisment', ...target.slice(1)]);
      assert.equal(outcomes(typo.report), '0→0 kept, 1→1 kept, 2→2 kept');
      assert.equal(statusString(typo.alignment), 'caa');
      assert.equal(formatLinks(alignment.links), '0-∅ ∅-0 1-1 2-2');
    });

    it('compares characters only within a budget, and says so when it runs out', () => {
      // One word of 400 letters, edited by one letter, between lines the word diff keeps: 160,000 cells
      // a pair, past the budget after about sixty. The rest count as new, as before the comparison existed.
      const word = (line: number) => `${String.fromCharCode(97 + (line % 26))}${'w'.repeat(398)}${line}`;
      const typo = (line: number) => `${word(line).slice(0, 10)}x${word(line).slice(11)}`;
      const lines = (count: number, edit: (line: number) => string) => Array.from({ length: count }, (_, line) => [edit(line), `Line ${line} stays as it was.`]).flat();
      const unlinked = (count: number) => Array.from({ length: 2 * count }, (_, paragraph) => `${paragraph}-∅`).join(' ');
      const { report } = rebase(makeTextAlignment(lines(100, word), [], unlinked(100)), 'source', lines(100, typo));
      assert.equal(report.approximate, true);
      const keptWords = report.links.filter((entry) => entry.from % 2 === 0 && entry.outcome === 'kept').length;
      assert.ok(keptWords > 0 && keptWords < 100, `${keptWords} kept`);
      // The kept ones are the first ones: the budget is spent in document order, so every run gives the same result.
      assert.ok(report.links.slice(0, 2 * keptWords).every((entry) => entry.outcome === 'kept'));
      const few = rebase(makeTextAlignment(lines(20, word), [], unlinked(20)), 'source', lines(20, typo)).report;
      assert.equal(few.approximate, false);
      assert.equal(few.counts.kept, 40);
    });

    it('leaves a gap of more than 2,500 candidate pairs alone: so much rewritten is a rewrite', () => {
      const words = (count: number, letter: string) => Array.from({ length: count }, (_, line) => `Word${letter}${line}`);
      const unlinked = (count: number) => Array.from({ length: count }, (_, paragraph) => `${paragraph}-∅`).join(' ');
      const small = rebase(makeTextAlignment(words(50, 'a'), [], unlinked(50)), 'source', words(50, 'b')).report;
      assert.equal(small.counts.kept, 50);
      const large = rebase(makeTextAlignment(words(51, 'a'), [], unlinked(51)), 'source', words(51, 'b')).report;
      assert.equal(large.counts.dropped, 51);
      assert.equal(large.approximate, false);
    });
  });

  it('carries a paragraph language over when the text is unchanged', () => {
    const language = { iso6393: 'eng', reason: 'detected', mismatch: false } as const;
    const document = makeDocument('source.txt', source);
    const withLanguages = {
      ...start,
      source: { ...document, paragraphs: document.paragraphs.map((p) => ({ ...p, language })) },
    };
    const edited = [source[0]!, `${source[1]} More.`, source[2]!];
    const { alignment } = rebase(withLanguages, 'source', edited);
    assert.deepEqual(
      alignment.source.paragraphs.map((p) => p.language?.iso6393 ?? '-'),
      ['eng', '-', 'eng'],
    );
  });

  it('takes the new document fields it is given', () => {
    const text = source.join('\n');
    const { alignment } = rebaseDocument(start, 'source', text, lineParagraphs(text), {
      document: { sha256: 'f'.repeat(64) },
    });
    assert.equal(alignment.source.sha256, 'f'.repeat(64));
    assert.equal(alignment.modified, start.modified);
  });

  it('rejects paragraphs that do not fit the text, and unsound old links', () => {
    const isInvalid = (code: string) => (error: unknown) => error instanceof BitextError && error.code === code;
    assert.throws(() => rebaseDocument(start, 'source', 'short', [{ start: 0, end: 10 }]), isInvalid('invalid-argument'));
    assert.throws(
      () => rebaseDocument(start, 'source', 'a b', [{ start: 2, end: 3 }, { start: 0, end: 1 }]),
      isInvalid('invalid-argument'),
    );
    const unsound = { ...start, links: parseLinks('0-1 1-0').map((l) => ({ ...l, score: 0, confidence: 1, status: 'auto' as const })) };
    const same = start.source;
    assert.throws(() => rebaseDocument(unsound, 'source', same.text, same.paragraphs), isInvalid('invalid-alignment'));
    const missing = { ...start, links: parseLinks('7-0').map((l) => ({ ...l, score: 0, confidence: 1, status: 'auto' as const })) };
    assert.throws(() => rebaseDocument(missing, 'source', same.text, same.paragraphs), isInvalid('invalid-alignment'));
  });
});

describe('rebaseDocument on the corpus', () => {
  const corpus = new URL('../../../corpus/', import.meta.url);
  const english = readFileSync(new URL('nato-asia-2023.en.original-with-page-clutter.txt', corpus), 'utf8');
  const thai = readFileSync(new URL('nato-asia-2023.th.translation.txt', corpus), 'utf8');
  const gold =
    '0-∅ 1-∅ 2-∅ 3-∅ 4-∅ 5-∅ 6-∅ 7-∅ 8-∅ 9-∅ 10-∅ 11-0 12-1 13-2 14-∅ 15-3 16-4 17,19-5 18-∅ 20,21-6 22-∅ 23-7 24-8 25-9 26-∅ 27-∅ 28-∅ 29-∅ 30-∅ 31-∅ 32-∅ 33-∅ 34-∅ 35-∅ 36-∅ 37-∅';

  function goldAlignment(): Alignment {
    const base = makeTextAlignment([], [], '');
    const document = (path: string, text: string) => ({ ...makeDocument(path, []), text, paragraphs: lineParagraphs(text) });
    return {
      ...base,
      source: document('en.txt', english),
      target: document('th.txt', thai),
      links: parseLinks(gold).map((link) => ({ ...link, score: 1, confidence: 0.9, status: 'confirmed' as const })),
    };
  }

  it('removes the page clutter from the English and keeps every real link', () => {
    const lines = english.split('\n');
    // Drop the ad lines at the top and the video widget (03:33 and its two headlines).
    const cleaned = lines.filter((line) => line !== 'Advertisement' && line !== '03:33' && !line.startsWith('Russian man who fled')).join('\n');
    const { alignment, report } = rebaseDocument(goldAlignment(), 'source', cleaned, lineParagraphs(cleaned), { now });
    assert.equal(alignment.source.paragraphs.length, 38 - 5);
    assert.equal(report.counts.dropped, 5);
    assert.equal(report.counts.merged, 0);
    // Every two-sided link survives with the same target, renumbered by two on the source side.
    const real = alignment.links.filter((link) => link.source.length > 0 && link.target.length > 0);
    assert.equal(formatLinks(real), '9-0 10-1 11-2 13-3 14-4 15,17-5 18,19-6 21-7 22-8 23-9');
    assert.equal(real.every((link) => link.status === 'confirmed'), true);
    // The edits are far apart (top and bottom), so the middle is large and the diff anchors on unique lines.
    assert.equal(report.method, 'anchored');
    assert.equal(report.approximate, false);
  });
});
