/**
 * How paragraphs look (renderer/editors/decorations.ts): alternating bands
 * for links, grey hatching for untranslated paragraphs, a marked hover for
 * paragraphs in another language, and the caret's link on both sides.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caretDecorations, paragraphDecorationGroups, paragraphDecorations, type DecorationGroup } from '../../../renderer/editors/decorations.ts';
import { parseLinks, type Alignment } from '../../../shared/model/alignment.ts';
import type { BitextDocument } from '../../../shared/model/document.ts';
import { splitParagraphs } from '../../../shared/text/paragraphs.ts';

function document(text: string, iso6393: string, mismatch: number[] = []): BitextDocument {
  return {
    path: 'a.txt',
    sha256: '0'.repeat(64),
    encoding: { name: 'utf-8', bom: false, forced: false },
    language: { detected: { iso6393, bcp47: iso6393.slice(0, 2), script: 'Latn' } },
    text,
    paragraphs: splitParagraphs(text).map((paragraph, index) => ({
      ...paragraph,
      language: { iso6393: mismatch.includes(index) ? 'eng' : iso6393, reason: 'detected' as const, mismatch: mismatch.includes(index) },
    })),
  };
}

const alignment: Alignment = {
  schemaVersion: 3,
  tool: { name: 'test', version: '0' },
  created: 'then',
  modified: 'then',
  source: document('Ad.\nOne.\nTwo.\nThree.', 'eng'),
  target: document('Un.\nDeux. Two.\nTrois.', 'fra', [1]),
  links: parseLinks('0-∅ 1-0 2-1 3-2').map((link) => ({ ...link, score: 0, confidence: 0.7, status: 'auto' as const })),
};

const lines = (count: number) => Array.from({ length: count }, (_, index) => ({ first: index + 1, last: index + 1 }));
const positionAt = (text: string) => (offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return { lineNumber: before.length, column: before.at(-1)!.length + 1 };
};
const name = (code: string) => ({ eng: 'English', fra: 'French' })[code] ?? code;

test('paired links get bands whose hue alternates; link starts are marked; untranslated paragraphs are hatched and muted', () => {
  const decorations = paragraphDecorations(alignment, {
    side: 'source',
    lines: lines(4),
    positionAt: positionAt(alignment.source.text),
    languageName: name,
    muteUntranslated: true,
  });
  const classes = decorations.map((decoration) => `${decoration.range.startLineNumber}:${decoration.options.className ?? decoration.options.inlineClassName}`);
  assert.deepEqual(classes, [
    '1:bitext-untranslated',
    '1:bitext-muted',
    '2:bitext-band bitext-hue-1',
    '2:bitext-link-start bitext-ls-1 bitext-confidence-medium',
    '3:bitext-band bitext-hue-2',
    '3:bitext-link-start bitext-ls-2 bitext-confidence-medium',
    '4:bitext-band bitext-hue-0',
    '4:bitext-link-start bitext-ls-3 bitext-confidence-medium',
  ]);
});

test('a merge changes the decoration groups of the merged links only: the links after it keep theirs', () => {
  const many: Alignment = {
    ...alignment,
    source: document('A.\nB.\nC.\nD.\nE.\nF.', 'eng'),
    target: document('a.\nb.\nc.\nd.\ne.\nf.', 'fra'),
    links: parseLinks('0-0 1-1 2-2 3-3 4-4 5-5').map((link) => ({ ...link, score: 0, confidence: 0.7, status: 'auto' as const })),
  };
  const merged: Alignment = {
    ...many,
    links: parseLinks('0-0 1,2-1,2 3-3 4-4 5-5').map((link) => ({ ...link, score: 0, confidence: 0.7, status: 'auto' as const })),
  };
  const options = { side: 'source' as const, lines: lines(6), positionAt: positionAt(many.source.text), languageName: name, muteUntranslated: false };
  const signatures = (groups: readonly DecorationGroup[]) => new Map(groups.map((group) => [group.key, group.signature]));
  const before = signatures(paragraphDecorationGroups(many, options));
  const after = signatures(paragraphDecorationGroups(merged, options));
  const changed = [...after].filter(([key, signature]) => before.get(key) !== signature).map(([key]) => key);
  assert.deepEqual(changed, ['link:1,2-1,2']);
  // Neighbours always differ in hue.
  const hues = paragraphDecorations(merged, options).flatMap((decoration) => /bitext-band bitext-hue-(\d)/.exec(decoration.options.className ?? '')?.[1] ?? []);
  assert.deepEqual(hues, ['0', '1', '1', '0', '1', '2']);
});

test('a paragraph in another language is underlined with a hover that names both languages and the problem code', () => {
  const decorations = paragraphDecorations(alignment, {
    side: 'target',
    lines: lines(3),
    positionAt: positionAt(alignment.target.text),
    languageName: name,
    muteUntranslated: false,
  });
  const mismatch = decorations.filter((decoration) => decoration.options.inlineClassName === 'bitext-language-mismatch');
  assert.equal(mismatch.length, 1);
  assert.equal(mismatch[0]!.range.startLineNumber, 2);
  assert.equal(mismatch[0]!.options.hoverMessage?.value, 'This paragraph reads as English, but the document is French (paragraph.language.mismatch)');
});

test('a paragraph a reader marked starts with a label and has a hover saying what the mark means', () => {
  const source = { ...alignment.source, paragraphs: alignment.source.paragraphs.map((paragraph, index) => (index === 0 ? { ...paragraph, mark: 'furniture' as const } : index === 3 ? { ...paragraph, mark: 'footnote' as const } : paragraph)) };
  const decorations = paragraphDecorations({ ...alignment, source }, { side: 'source', lines: lines(4), positionAt: positionAt(source.text), languageName: name, muteUntranslated: false });
  const labelled = decorations.filter((decoration) => decoration.options.before);
  assert.deepEqual(
    labelled.map((decoration) => [decoration.range.startLineNumber, decoration.range.startColumn, decoration.options.before!.content, decoration.options.before!.inlineClassName]),
    [
      [1, 1, 'page furniture', 'bitext-mark-label bitext-mark-furniture'],
      [4, 1, 'footnote', 'bitext-mark-label bitext-mark-footnote'],
    ],
  );
  assert.match(labelled[0]!.options.hoverMessage!.value, /^\*\*Page furniture\*\* — navigation, header, footer or aside of the web page/u);
});

test('the caret link is active on its side and partner on the other', () => {
  assert.deepEqual(
    caretDecorations(alignment, 'target', 2, 'source', lines(3)).map((decoration) => [decoration.range.startLineNumber, decoration.options.className]),
    [[2, 'bitext-partner']],
  );
  assert.deepEqual(
    caretDecorations(alignment, 'source', 2, 'source', lines(4)).map((decoration) => [decoration.range.startLineNumber, decoration.options.className]),
    [[3, 'bitext-active']],
  );
  assert.deepEqual(caretDecorations(alignment, 'target', 0, 'source', lines(3)), [], 'an untranslated paragraph has no partner');
});
