/**
 * Which bundled font files the page preloads (renderer/editors/font-loads.ts):
 * the faces the editors' font loads fetch, picked from the @font-face rules
 * as the browser picks them (family, weight, unicode-range).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { editorFontLoads, facesFetchedBy, fontFaceRules, measuredSymbols } from '../../../renderer/editors/font-loads.ts';

const sheet = (name: string) => readFileSync(new URL(`../../../node_modules/@fontsource/${name}`, import.meta.url), 'utf8');

test('rules are read from written and minified sheets, with wildcard ranges and faces without a range', () => {
  const rules = fontFaceRules(
    "@font-face{font-family:Noto Sans JP;font-weight:400;src:url(./jp-3.woff2)format(\"woff2\");unicode-range:U+30??,U+FF4D}" +
      "@font-face { font-family: 'codicon'; src: url(\"./codicon.ttf\") format('truetype'); }",
  );
  assert.deepEqual(rules, [
    { family: 'Noto Sans JP', weight: 400, url: './jp-3.woff2', ranges: [[0x3000, 0x30ff], [0xff4d, 0xff4d]] },
    { family: 'codicon', weight: 400, url: './codicon.ttf', ranges: undefined },
  ]);
});

test("the editors' loads fetch Noto Sans Thai's Thai and Latin faces at 400 and 600, not its other subsets", () => {
  const rules = [...fontFaceRules(sheet('noto-sans-thai/400.css')), ...fontFaceRules(sheet('noto-sans-thai/600.css'))];
  assert.deepEqual(facesFetchedBy(rules, editorFontLoads).sort(), [
    './files/noto-sans-thai-latin-400-normal.woff2',
    './files/noto-sans-thai-latin-600-normal.woff2',
    './files/noto-sans-thai-thai-400-normal.woff2',
    './files/noto-sans-thai-thai-600-normal.woff2',
  ]);
});

test('the symbols Monaco measures fetch the CJK faces that hold them, in every family of the stack', () => {
  const rules = ['noto-sans-jp/400.css', 'noto-sans-kr/400.css', 'noto-sans/400.css'].flatMap((name) => fontFaceRules(sheet(name)));
  const fetched = facesFetchedBy(rules, [{ weight: 400, text: measuredSymbols }]);
  assert.ok(fetched.some((url) => url.includes('noto-sans-jp-')) && fetched.some((url) => url.includes('noto-sans-kr-')), fetched.join(' '));
  for (const url of fetched) {
    const rule = rules.find((candidate) => candidate.url === url)!;
    assert.ok([...measuredSymbols].some((symbol) => rule.ranges!.some(([start, end]) => symbol.codePointAt(0)! >= start && symbol.codePointAt(0)! <= end)), url);
  }
  // A weight nobody loads fetches nothing.
  assert.deepEqual(facesFetchedBy(rules, [{ weight: 700, text: measuredSymbols }]), []);
});
