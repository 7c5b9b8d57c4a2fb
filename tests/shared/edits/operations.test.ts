import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatLinks, parseLinks } from '../../../shared/model/alignment.ts';
import type { Alignment, Link } from '../../../shared/model/alignment.ts';
import { findLinkProblems } from '../../../shared/model/invariants.ts';
import { BitextError } from '../../../shared/errors.ts';
import { applyEdit, confirmAndNext } from '../../../shared/edits/operations.ts';
import type { AlignmentEdit } from '../../../shared/edits/operations.ts';
import { sortLinks } from '../../../shared/edits/sort-links.ts';
import { normaliseTags } from '../../../shared/edits/tags.ts';
import { makeAlignment, now, statusString } from './fixture.ts';

function apply(alignment: Alignment, edit: AlignmentEdit): Alignment {
  const result = applyEdit(alignment, edit);
  assert.deepEqual(
    findLinkProblems(result.links, result.source.paragraphs.length, result.target.paragraphs.length),
    [],
  );
  assert.equal(result.modified, edit.now);
  return result;
}

function withNote(alignment: Alignment, index: number, note: string, tags?: string[]): Alignment {
  const links = alignment.links.map((link, i) => (i === index ? { ...link, note, ...(tags ? { tags } : {}) } : link));
  return { ...alignment, links };
}

function rejects(alignment: Alignment, edit: AlignmentEdit, pattern: RegExp): void {
  assert.throws(
    () => applyEdit(alignment, edit),
    (error: unknown) => error instanceof BitextError && error.code === 'invalid-argument' && pattern.test(error.message),
  );
}

describe('sortLinks', () => {
  it('puts one-sided links in the gap after the two-sided link before them', () => {
    const links = parseLinks('11-0 0-∅ 18-∅ 17,19-5 ∅-1 12-2 1-∅');
    assert.equal(formatLinks(sortLinks(links)), '0-∅ 1-∅ 11-0 ∅-1 12-2 17,19-5 18-∅');
  });

  it('puts source-only links before target-only links in one gap', () => {
    assert.equal(formatLinks(sortLinks(parseLinks('15-4 ∅-3 13-2 14-∅'))), '13-2 14-∅ ∅-3 15-4');
  });

  it('orders the gold alignment of the corpus as it is written', () => {
    const gold =
      '0-∅ 1-∅ 2-∅ 3-∅ 4-∅ 5-∅ 6-∅ 7-∅ 8-∅ 9-∅ 10-∅ 11-0 12-1 13-2 14-∅ 15-3 16-4 17,19-5 18-∅ 20,21-6 22-∅ 23-7 24-8 25-9 26-∅ 27-∅';
    const shuffled = parseLinks(gold).reverse();
    assert.equal(formatLinks(sortLinks(shuffled)), gold);
  });
});

describe('link', () => {
  it('takes the paragraphs out of their old links, which stay as one-sided links', () => {
    const result = apply(makeAlignment('0-0 1-1 2-2 3-3', 4, 4), { kind: 'link', source: [1], target: [2], now });
    assert.equal(formatLinks(result.links), '0-0 ∅-1 1-2 2-∅ 3-3');
    assert.equal(statusString(result), 'aacaa');
    const made = result.links[2]!;
    assert.equal(made.score, 0);
    assert.equal(made.confidence, 1);
  });

  it('cuts a link it would cross into one-sided pieces', () => {
    const result = apply(makeAlignment('0-0 1-1 2-2 3-3', 4, 4), { kind: 'link', source: [1], target: [3], now });
    assert.equal(formatLinks(result.links), '0-0 ∅-1 ∅-2 1-3 2-∅ 3-∅');
  });

  it('keeps the part of a crossed link on either side of the new link linked', () => {
    const result = apply(makeAlignment('0-0 1,2,3-1,2,3 4-4', 5, 5), { kind: 'link', source: [2], target: [2], now });
    assert.equal(formatLinks(result.links), '0-0 1-1 2-2 3-3 4-4');
    assert.equal(statusString(result), 'aacaa');
  });

  it('moves the note of a link it swallows whole into the new link', () => {
    const start = withNote(makeAlignment('0-0 1,2-1 ∅-2', 3, 3), 1, 'check the date', ['omission']);
    const result = apply(start, { kind: 'link', source: [1, 2], target: [1, 2], now });
    assert.equal(formatLinks(result.links), '0-0 1,2-1,2');
    assert.equal(result.links[1]!.note, 'check the date');
    assert.deepEqual(result.links[1]!.tags, ['omission']);
  });

  it('keeps the note on what is left of a link that loses a paragraph', () => {
    const start = withNote(makeAlignment('0-0 1,2-1 3-2', 4, 3), 1, 'merged in translation');
    const result = apply(start, { kind: 'link', source: [2], target: [2], now });
    assert.equal(formatLinks(result.links), '0-0 1-1 2-2 3-∅');
    assert.equal(result.links[1]!.note, 'merged in translation');
  });

  it('rejects paragraphs that do not exist and empty links', () => {
    const start = makeAlignment('0-0', 1, 1);
    rejects(start, { kind: 'link', source: [1], target: [0], now }, /no source paragraph 1/);
    rejects(start, { kind: 'link', source: [0.5], target: [0], now }, /no source paragraph/);
    rejects(start, { kind: 'link', source: [], target: [], now }, /at least one paragraph/);
  });

  it('links paragraphs no link held (the model allows unlinked paragraphs)', () => {
    const result = apply(makeAlignment('0-0', 3, 2), { kind: 'link', source: [1, 2], target: [1], now });
    assert.equal(formatLinks(result.links), '0-0 1,2-1');
  });
});

describe('unlink', () => {
  it('breaks a link into one-sided links, one per paragraph', () => {
    const result = apply(makeAlignment('0-0 1,2-1 3-2', 4, 3), { kind: 'unlink', link: 1, now });
    assert.equal(formatLinks(result.links), '0-0 1-∅ 2-∅ ∅-1 3-2');
    assert.equal(statusString(result), 'accca', 'the pieces are the reviewer\'s statement: confirmed');
  });

  it('rejects a link that does not exist', () => {
    rejects(makeAlignment('0-0', 1, 1), { kind: 'unlink', link: 1, now }, /no link 1/);
    rejects(makeAlignment('0-0', 1, 1), { kind: 'unlink', link: -1, now }, /no link -1/);
  });
});

describe('merge-next', () => {
  it('merges a link with the next one', () => {
    const start = withNote(withNote(makeAlignment('0-0 1-1 2-∅ 3-2', 4, 3), 1, 'a', ['style']), 2, 'b', ['omission']);
    const result = apply(start, { kind: 'merge-next', link: 1, now });
    assert.equal(formatLinks(result.links), '0-0 1,2-1 3-2');
    assert.equal(result.links[1]!.note, 'a\nb');
    assert.deepEqual(result.links[1]!.tags, ['omission', 'style']);
    assert.equal(result.links[1]!.status, 'confirmed');
    assert.equal(result.links[1]!.confidence, 1);
  });

  it('turns a source-only and a target-only link into one link', () => {
    const result = apply(makeAlignment('0-0 1-∅ ∅-1 2-2', 3, 3), { kind: 'merge-next', link: 1, now });
    assert.equal(formatLinks(result.links), '0-0 1-1 2-2');
  });

  it('refuses a merge that would cross a group', () => {
    const start = makeAlignment('0-0 1,3-1 2-∅ ∅-2 4-3', 5, 4);
    rejects(start, { kind: 'merge-next', link: 2, now }, /crosses or overlaps/);
  });

  it('refuses to merge the last link', () => {
    rejects(makeAlignment('0-0 1-1', 2, 2), { kind: 'merge-next', link: 1, now }, /no next link/);
  });
});

describe('split', () => {
  it('pairs paragraphs in order and leaves the extras one-sided', () => {
    const result = apply(makeAlignment('0-0 1,2,3-1,2 4-3', 5, 4), { kind: 'split', link: 1, now });
    assert.equal(formatLinks(result.links), '0-0 1-1 2-2 3-∅ 4-3');
  });

  it('splits a one-sided group into single paragraphs', () => {
    const result = apply(makeAlignment('0-0 1,2-∅', 3, 1), { kind: 'split', link: 1, now });
    assert.equal(formatLinks(result.links), '0-0 1-∅ 2-∅');
  });

  it('splits at a given position', () => {
    const start = makeAlignment('0,1,2-0,1', 3, 2);
    assert.equal(formatLinks(apply(start, { kind: 'split', link: 0, at: { source: 1, target: 1 }, now }).links), '0-0 1,2-1');
    assert.equal(formatLinks(apply(start, { kind: 'split', link: 0, at: { source: 2, target: 0 }, now }).links), '0-∅ 1-∅ 2-0,1');
    assert.equal(formatLinks(apply(start, { kind: 'split', link: 0, at: { source: 3, target: 1 }, now }).links), '0,1,2-0 ∅-1');
  });

  it('refuses a split with nothing to split or an empty part', () => {
    rejects(makeAlignment('0-0', 1, 1), { kind: 'split', link: 0, now }, /nothing to split/);
    rejects(makeAlignment('0,1-0', 2, 1), { kind: 'split', link: 0, at: { source: 0, target: 0 }, now }, /empty/);
    rejects(makeAlignment('0,1-0', 2, 1), { kind: 'split', link: 0, at: { source: 2, target: 1 }, now }, /empty/);
    rejects(makeAlignment('0,1-0', 2, 1), { kind: 'split', link: 0, at: { source: 3, target: 0 }, now }, /outside/);
  });
});

describe('shift-boundary', () => {
  const start = makeAlignment('0-0 1,2-1 3-2', 4, 3);

  it('moves the last source paragraph down into the next link', () => {
    const result = apply(start, { kind: 'shift-boundary', link: 1, side: 'source', direction: 'down', now });
    assert.equal(formatLinks(result.links), '0-0 1-1 2,3-2');
  });

  it('moves the first source paragraph up into the previous link', () => {
    const result = apply(start, { kind: 'shift-boundary', link: 1, side: 'source', direction: 'up', now });
    assert.equal(formatLinks(result.links), '0,1-0 2-1 3-2');
  });

  it('moves a target paragraph, leaving the donor one-sided', () => {
    const result = apply(makeAlignment('0-0 1-1,2 2-3', 3, 4), {
      kind: 'shift-boundary',
      link: 0,
      side: 'target',
      direction: 'down',
      now,
    });
    assert.equal(formatLinks(result.links), '0-∅ 1-0,1,2 2-3');
  });

  it('links an untranslated paragraph with the one above it', () => {
    const result = apply(makeAlignment('0-0 ∅-1 1-2', 2, 3), {
      kind: 'shift-boundary',
      link: 2,
      side: 'source',
      direction: 'up',
      now,
    });
    assert.equal(formatLinks(result.links), '0-0 1-1 ∅-2');
  });

  it('refuses to move past the ends or from an empty side', () => {
    rejects(start, { kind: 'shift-boundary', link: 0, side: 'source', direction: 'up', now }, /no previous link/);
    rejects(start, { kind: 'shift-boundary', link: 2, side: 'target', direction: 'down', now }, /no next link/);
    const oneSided = makeAlignment('0-0 1-∅ 2-1', 3, 2);
    rejects(oneSided, { kind: 'shift-boundary', link: 1, side: 'target', direction: 'up', now }, /no target paragraph/);
  });
});

describe('mark-untranslated', () => {
  it('makes a source paragraph its own confirmed 1:0 link', () => {
    const result = apply(makeAlignment('0-0 1,2-1 3-2', 4, 3), {
      kind: 'mark-untranslated',
      side: 'source',
      paragraph: 2,
      now,
    });
    assert.equal(formatLinks(result.links), '0-0 1-1 2-∅ 3-2');
    assert.equal(statusString(result), 'aaca');
  });

  it('makes a target paragraph its own 0:1 link, breaking up its old link', () => {
    const result = apply(makeAlignment('0-0 1,2-1 3-2', 4, 3), {
      kind: 'mark-untranslated',
      side: 'target',
      paragraph: 1,
      now,
    });
    assert.equal(formatLinks(result.links), '0-0 1-∅ 2-∅ ∅-1 3-2');
    assert.equal(statusString(result), 'aaaca');
  });

  it('confirms a paragraph that is already alone, keeping its note', () => {
    const start = withNote(makeAlignment('0-0 1-∅', 2, 1), 1, 'advertisement');
    const result = apply(start, { kind: 'mark-untranslated', side: 'source', paragraph: 1, now });
    assert.equal(formatLinks(result.links), '0-0 1-∅');
    assert.equal(result.links[1]!.status, 'confirmed');
    assert.equal(result.links[1]!.note, 'advertisement');
  });
});

describe('link-with-skip', () => {
  it('links a group and leaves the skipped paragraph as its own confirmed 1:0', () => {
    const result = apply(makeAlignment('0-0 1-1 2-∅ 3-2', 4, 3), { kind: 'link-with-skip', source: [1, 3], target: [1], now });
    assert.equal(formatLinks(result.links), '0-0 1,3-1 2-∅ ∅-2');
    assert.equal(statusString(result), 'acca');
  });

  it('builds the corpus group 17,19-5 out of one-to-one links', () => {
    const result = apply(makeAlignment('16-4 17-5 18-6 19-7', 20, 8), {
      kind: 'link-with-skip',
      source: [17, 19],
      target: [5],
      now,
    });
    assert.equal(formatLinks(result.links.filter((link) => link.source.length > 0)), '16-4 17,19-5 18-∅');
    assert.equal(formatLinks(result.links.filter((link) => link.source.length === 0)), '∅-6 ∅-7');
  });

  it('needs both sides', () => {
    rejects(makeAlignment('0-0', 2, 1), { kind: 'link-with-skip', source: [0, 1], target: [], now }, /both sides/);
  });
});

describe('set-status, set-note, set-tags', () => {
  const start = makeAlignment('0-0 1-1', 2, 2);

  it('sets the status and nothing else', () => {
    const result = apply(start, { kind: 'set-status', link: 1, status: 'rejected', now });
    assert.equal(statusString(result), 'ar');
    assert.equal(result.links[1]!.score, 1);
    assert.equal(result.links[0], start.links[0]);
  });

  it('rejects an unknown status', () => {
    rejects(start, { kind: 'set-status', link: 1, status: 'maybe' as 'auto', now }, /unknown status/);
  });

  it('trims a note and removes an empty one', () => {
    const noted = apply(start, { kind: 'set-note', link: 0, note: '  date differs \n', now });
    assert.equal(noted.links[0]!.note, 'date differs');
    const cleared = apply(noted, { kind: 'set-note', link: 0, note: '   ', now });
    assert.equal('note' in cleared.links[0]!, false);
  });

  it('normalises and deduplicates tags; no tags removes the field', () => {
    const tagged = apply(start, { kind: 'set-tags', link: 0, tags: [' Style', 'omission', 'my  tag', 'STYLE', ''], now });
    assert.deepEqual(tagged.links[0]!.tags, ['omission', 'style', 'my-tag']);
    const cleared = apply(tagged, { kind: 'set-tags', link: 0, tags: [' '], now });
    assert.equal('tags' in cleared.links[0]!, false);
  });

  it('orders known tags first, then user tags by code point', () => {
    assert.deepEqual(normaliseTags(['zeta', 'Terminology', 'alpha', 'addition', 'Ålborg']), [
      'addition',
      'terminology',
      'alpha',
      'zeta',
      'ålborg',
    ]);
  });
});

describe('confirmAndNext', () => {
  it('confirms and moves to the next auto link, skipping confirmed and rejected ones', () => {
    const start = makeAlignment('0-0 1-1 2-2 3-3', 4, 4, ['confirmed', 'auto', 'rejected', 'auto']);
    const first = confirmAndNext(start, 1, now);
    assert.equal(statusString(first.alignment), 'ccra');
    assert.equal(first.next, 3);
    const second = confirmAndNext(first.alignment, 3, now);
    assert.equal(statusString(second.alignment), 'ccrc');
    assert.equal(second.next, undefined);
  });

  it('wraps around to the start', () => {
    const result = confirmAndNext(makeAlignment('0-0 1-1 2-2', 3, 3, ['auto', 'confirmed', 'auto']), 2, now);
    assert.equal(result.next, 0);
  });
});

describe('replace-range', () => {
  const start = makeAlignment('0-0 1-1 2-2 3-3 4-4', 5, 5, ['confirmed', 'auto', 'auto', 'auto', 'confirmed']);
  const realigned: Link[] = parseLinks('1,2-1 3-2,3').map((link) => ({ ...link, score: 2.5, confidence: 0.9, status: 'auto' }));

  it('splices the new links between the two kept links', () => {
    const result = apply(start, { kind: 'replace-range', after: 0, before: 4, links: realigned, now });
    assert.equal(formatLinks(result.links), '0-0 1,2-1 3-2,3 4-4');
    assert.equal(result.links[1]!.score, 2.5);
    assert.equal(statusString(result), 'caac');
  });

  it('returns paragraphs the new links leave out as one-sided links', () => {
    const partial = realigned.slice(0, 1);
    const result = apply(start, { kind: 'replace-range', after: 0, before: 4, links: partial, now });
    assert.equal(formatLinks(result.links), '0-0 1,2-1 3-∅ ∅-2 ∅-3 4-4');
  });

  it('can replace everything, from the start to the end', () => {
    const all: Link[] = parseLinks('0,1-0 2-1,2 3,4-3,4').map((link) => ({ ...link, score: 1, confidence: 1, status: 'auto' }));
    const result = apply(start, { kind: 'replace-range', after: -1, before: 5, links: all, now });
    assert.equal(formatLinks(result.links), '0,1-0 2-1,2 3,4-3,4');
  });

  it('refuses new links that use paragraphs outside the range or twice', () => {
    const outside = parseLinks('1-1 4-2').map((link) => ({ ...link, score: 0, confidence: 1, status: 'auto' as const }));
    rejects(start, { kind: 'replace-range', after: 0, before: 4, links: outside, now }, /outside the range/);
    const twice = parseLinks('1-1 1-2').map((link) => ({ ...link, score: 0, confidence: 1, status: 'auto' as const }));
    rejects(start, { kind: 'replace-range', after: 0, before: 4, links: twice, now }, /second time/);
    rejects(start, { kind: 'replace-range', after: 3, before: 3, links: [], now }, /end before/);
  });

  it('refuses new links that cross each other', () => {
    const crossing = parseLinks('1-2 2-1').map((link) => ({ ...link, score: 0, confidence: 1, status: 'auto' as const }));
    rejects(start, { kind: 'replace-range', after: 0, before: 4, links: crossing, now }, /crosses/);
  });
});

describe('every edit', () => {
  it('leaves the input alignment unchanged', () => {
    const start = makeAlignment('0-0 1,2-1 3-2', 4, 3);
    const before = JSON.stringify(start);
    applyEdit(start, { kind: 'link', source: [2], target: [2], now });
    applyEdit(start, { kind: 'split', link: 1, now });
    applyEdit(start, { kind: 'set-tags', link: 1, tags: ['style'], now });
    assert.equal(JSON.stringify(start), before);
  });
});

describe('links made by hand (docs/review.md)', () => {
  const edits: readonly [string, string, AlignmentEdit][] = [
    ['link', '0-0 1-1 2-2 3-3', { kind: 'link', source: [1], target: [2], now }],
    ['unlink', '0-0 1,2-1 3-2', { kind: 'unlink', link: 1, now }],
    ['merge-next', '0-0 1-1 2-2 3-3', { kind: 'merge-next', link: 1, now }],
    ['split', '0-0 1,2-1,2 3-3', { kind: 'split', link: 1, now }],
    ['split at', '0-0 1,2-1,2 3-3', { kind: 'split', link: 1, at: { source: 1, target: 1 }, now }],
    ['shift-boundary', '0-0 1,2-1 3-2 4-3', { kind: 'shift-boundary', link: 1, side: 'source', direction: 'down', now }],
    ['mark-untranslated', '0-0 1-1 2-2 3-3', { kind: 'mark-untranslated', side: 'source', paragraph: 2, now }],
    ['link-with-skip', '0-0 1-1 2-2 3-3', { kind: 'link-with-skip', source: [1, 3], target: [1], now }],
  ];
  for (const [name, links, edit] of edits) {
    it(`${name}: every link it made is confirmed with confidence 1; every other new link is auto with confidence 0`, () => {
      const start = makeAlignment(links, 5, 4);
      const before = new Set(start.links);
      const result = apply(start, edit);
      const made = result.links.filter((link) => !before.has(link));
      assert.ok(made.length > 0);
      for (const link of made) {
        const expected = link.status === 'confirmed' ? 1 : 0;
        assert.equal(link.confidence, expected, `${formatLinks([link])} ${link.status} claims confidence ${link.confidence}`);
        assert.equal(link.score, 0);
      }
      assert.ok(made.some((link) => link.status === 'confirmed'), 'the link the reviewer made is confirmed');
    });
  }
});

describe('messages name links from 1, as the app shows them', () => {
  it('the last link cannot merge: says link 2 of two', () => {
    rejects(makeAlignment('0-0 1-1', 2, 2), { kind: 'merge-next', link: 1, now }, /: link 2 is the last link/);
  });
});

