import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findKnownNames, knownNameGroups, knownNames, namesFromIntl, surfaceRoots } from '../../../shared/align/known-names.ts';
import { languageProfile } from '../../../shared/align/language-profile.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

// The tables are a snapshot of one ICU's names: another Node's ICU may name a region differently, which is not a fault of the tables.
const generatedIcu = /ICU ([\d.]+)/.exec(readFileSync(`${root}shared/align/known-names.generated.ts`, 'utf8').slice(0, 300))?.[1];
const otherIcu = generatedIcu === process.versions.icu ? false : `the tables were generated from ICU ${generatedIcu}; this Node has ICU ${process.versions.icu}`;

test('Japan and ญี่ปุ่น name the same concept, and so do Monday and วันจันทร์', () => {
  assert.deepEqual(findKnownNames('Stoltenberg visits Japan from Monday', languageProfile('eng')), ['region:JP', 'weekday:1']);
  // Thai has no spaces: names are found inside longer runs of letters.
  const thai = findKnownNames('เยือนญี่ปุ่นตั้งแต่วันจันทร์นี้', languageProfile('tha'));
  assert.ok(thai.includes('region:JP'));
  assert.ok(thai.includes('weekday:1'));
});

test('leftmost-longest: เกาหลีใต้ is South Korea, not Korean', () => {
  assert.deepEqual(findKnownNames('ประธานาธิบดีเกาหลีใต้', languageProfile('tha')), ['region:KR']);
});

test('a capitalised name does not match a lower-case word (China, china)', () => {
  assert.deepEqual(findKnownNames('fine bone china', languageProfile('eng')), []);
  assert.deepEqual(findKnownNames('we flew to China', languageProfile('eng')), ['region:CN']);
});

test('groups join concepts a language spells alike, so Chinese (language) meets จีน (China and Chinese in Thai)', () => {
  const groups = knownNameGroups('eng', 'tha');
  assert.equal(groups.get('language:zh'), groups.get('region:CN'));
  assert.equal(groups.get('region:KR'), groups.get('language:ko'));
  assert.notEqual(groups.get('region:JP'), groups.get('region:CN'));
});

test('the tables come from the platform: months and weekdays in Thai', () => {
  const thai = knownNames('tha');
  assert.ok(thai.some((name) => name.concept === 'month:1' && name.surface === 'มกราคม'));
  assert.ok(thai.some((name) => name.concept === 'weekday:7' && name.surface === 'วันอาทิตย์'));
  assert.deepEqual(knownNames('und'), []);
});

test('the generated tables are what ICU says here (scripts/generate-known-names.js --check)', { skip: otherIcu }, () => {
  const check = spawnSync(process.execPath, ['scripts/generate-known-names.js', '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
});

test('a stored language reads the same names and groups as one asked of ICU: English, Thai, and Finnish (not stored)', { skip: otherIcu }, () => {
  for (const language of ['eng', 'tha', 'fin']) {
    const profile = languageProfile(language);
    assert.deepEqual(knownNames(language), namesFromIntl(profile));
  }
  // The pair's groups: each concept's root is the smallest concept its language's surfaces join it to.
  const groups = knownNameGroups('tha', 'fin');
  for (const language of ['tha', 'fin']) {
    const profile = languageProfile(language);
    for (const [concept, root] of surfaceRoots(namesFromIntl(profile), profile)) assert.ok(groups.get(concept)! <= root, `${concept} in ${language}`);
  }
  assert.equal(groups.get('language:zh'), groups.get('region:CN'));
});
