import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseSrx, rulesForLanguage, srxBreaks } from '../../../shared/text/srx.ts';
import { javaRegexToJs } from '../../../shared/text/java-regex.ts';
import { sentenceTexts, splitSentences } from '../../../shared/text/sentences.ts';
import { BitextError } from '../../../shared/errors.ts';

const sample = parseSrx(readFileSync(new URL('../../fixtures/srx/workbench-sample.srx', import.meta.url), 'utf8'), 'workbench-sample.srx');
const split = (text: string, language: string): string => sentenceTexts(text, splitSentences(text, language, sample)).join(' | ');

test('Java regular expressions become JavaScript ones', () => {
  const cases: [java: string, js: string, flags?: string][] = [
    ['\\Qe.g.\\E', 'e\\.g\\.'],
    ['\\s++\\p{Lu}', '\\s+\\p{Lu}'],
    ['[a-z]*+x?+y{2,3}+', '[a-z]*x?y{2,3}'],
    ['a*?b+?', 'a*?b+?'],
    ['\\pL\\p{IsLu}\\p{javaLowerCase}\\P{Lu}', '\\p{L}\\p{Lu}\\p{Ll}\\P{Lu}'],
    ['\\p{Alnum}[\\p{Alnum}_]', '[\\p{Alphabetic}\\p{Nd}][\\p{Alphabetic}\\p{Nd}_]'],
    ['\\p{IsLatin}\\p{InHiragana}', '\\p{Script=Latin}[\\u3040-\\u309F]'],
    ['[\\x{3002}\\x{FF01}]', '[\\u{3002}\\u{FF01}]'],
    ['\\A\\h\\z', '^[ \\t\\u00A0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000]$'],
    ['[a-z[A-Z]]', '[a-zA-Z]'],
    ['[]a]', '[\\]a]'],
    ["\\'\\-\\<", "'-<"],
    ['(?i)mr\\.', 'mr\\.', 'iu'],
    ['(?>ab)', '(?:ab)'],
    ['[a-z&&[^aeiou]]', '(?:(?=[^aeiou])[a-z])'],
    ['a{b}', 'a\\{b\\}'],
  ];
  for (const [java, js, flags] of cases) {
    assert.deepEqual(javaRegexToJs(java), { source: js, flags: flags ?? 'u' }, java);
    assert.doesNotThrow(() => new RegExp(js, flags ?? 'u'), js);
  }
  assert.throws(() => javaRegexToJs('[^a-z&&[^aeiou]]'), /intersection/u);
  assert.throws(() => javaRegexToJs('\\p{NoSuchThing}'), /unknown to JavaScript/u);
});

test('an SRX file is parsed: cascade, language rules, maps', () => {
  assert.equal(sample.cascade, true);
  assert.deepEqual([...sample.languageRules.keys()], ['English', 'Japanese', 'Default']);
  assert.deepEqual(sample.mapRules.map((map) => map.languageRuleName), ['English', 'Japanese', 'Default']);
  assert.equal(rulesForLanguage(sample, 'en-US').length, 3 + 4, 'English cascades into Default');
  assert.equal(rulesForLanguage(sample, 'ja').length, 1 + 4);
  assert.equal(rulesForLanguage(sample, 'th').length, 4);
  const first = sample.languageRules.get('English')?.[1];
  assert.equal(first?.break, false);
  assert.equal(first?.afterBreak, '\\s++\\p{Lu}');
});

test('SRX rules apply in order: exceptions first, then breaks; the file replaces the built-in rules', () => {
  assert.equal(
    split('Mr. Smith met Dr. Jones at 3.5 p.m. in the U.S. He said e.g. this is fine! Then he left.', 'en-US'),
    'Mr. Smith met Dr. Jones at 3.5 p.m. in the U.S. He said e.g. this is fine! | Then he left.',
  );
  // The same text without the English exceptions (Default only): "Mr." and "Dr." now end sentences.
  assert.equal(split('Mr. Smith met Dr. Jones.', 'de'), 'Mr. | Smith met Dr. | Jones.');
  assert.equal(split('今日は晴れです。「本当？」はい。', 'ja-JP'), '今日は晴れです。 | 「本当？」 | はい。');
  assert.equal(split('line one\nline two', 'fr'), 'line one | line two');
});

test('without cascade only the first matching map applies', () => {
  const xml = `<srx version="2.0" xmlns="http://www.lisa.org/srx20"><header cascade="no"/><body><languagerules>
    <languagerule languagerulename="A"><rule break="yes"><beforebreak>;</beforebreak><afterbreak/></rule></languagerule>
    <languagerule languagerulename="B"><rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule>
    </languagerules><maprules><languagemap languagepattern="xx" languagerulename="A"/><languagemap languagepattern=".*" languagerulename="B"/></maprules></body></srx>`;
  const rules = parseSrx(xml);
  assert.deepEqual(srxBreaks('a;b. c', 'xx', rules), [2]);
  assert.deepEqual(srxBreaks('a;b. c', 'XX', rules), [2], 'language patterns ignore case');
  assert.deepEqual(srxBreaks('a;b. c', 'yy', rules), [4]);
});

test('bad SRX files are refused with the file and line named', () => {
  const bad = (xml: string, message: RegExp): void => {
    assert.throws(() => parseSrx(xml, 'rules.srx'), (error: unknown) => error instanceof BitextError && /^rules\.srx/u.test(error.message) && message.test(error.message));
  };
  bad('<srx><body>', /not well-formed XML/u);
  bad('<tmx version="1.4"/>', /not an SRX file/u);
  bad('<srx version="2.0"><body><maprules><languagemap languagepattern=".*" languagerulename="X"/></maprules></body></srx>', /missing language rule "X"/u);
  bad('<srx version="2.0"><body><maprules><languagemap languagepattern="(" languagerulename="X"/></maprules></body></srx>', /missing language rule|invalid regular expression/u);
});

test('a rule JavaScript cannot run is left out with a warning naming its line; the others stay', () => {
  const rules = parseSrx(
    '<srx version="2.0"><body><languagerules><languagerule languagerulename="X">\n<rule><beforebreak>\\G\\.</beforebreak></rule>\n' +
      '<rule><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule></languagerules>' +
      '<maprules><languagemap languagepattern=".*" languagerulename="X"/></maprules></body></srx>',
    'rules.srx',
  );
  assert.equal(rules.languageRules.get('X')?.length, 1);
  assert.equal(rules.warnings.length, 1);
  assert.equal(rules.warnings[0]?.line, 2);
  assert.match(rules.warnings[0]?.message ?? '', /language rule "X": rules\.srx:2: unsupported regular expression: \\G/u);
  assert.deepEqual(srxBreaks('a. b', 'en', rules), [2]);
});

test('constructs of LanguageTool segment.srx: intersection, lookbehind, scoped flags, \\Q…\\E', () => {
  const intersection = javaRegexToJs('[\\s\\(\\[][\\p{L}&&[^rwn]]\\.\\s+');
  const compiled = new RegExp(intersection.source, intersection.flags);
  assert.ok(compiled.test(' k. '), 'a letter other than r, w, n');
  assert.ok(!compiled.test(' r. '), 'r is subtracted');
  const vowelless = javaRegexToJs('[\\p{Ll}&&[^aeouiyęąó]][\\p{Ll}&&[^aeouiyęąó]]+\\.\\s');
  assert.ok(new RegExp(vowelless.source, vowelless.flags).test('np. '));
  assert.ok(!new RegExp(vowelless.source, vowelless.flags).test('na. '));
  for (const java of ['((?:X{0,2})(?:V?I{0,3}|I[VX]))(?<=[XVI]+)', '\\s(?<!\\.)[„"\\p{Ps}]?[A-Z]\\.\\s', '\\b(?iu)mgr\\.\\s', '[^\\s](\\Q...\\E|…)\\s']) {
    const js = javaRegexToJs(java);
    assert.doesNotThrow(() => new RegExp(js.source, js.flags), java);
  }
  assert.equal(javaRegexToJs('\\b(?iu)mgr\\.').flags, 'iu');
});
