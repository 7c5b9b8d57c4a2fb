import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findKnownNames, knownNameGroups, knownNames } from '../../../shared/align/known-names.ts';
import { languageProfile } from '../../../shared/align/language-profile.ts';

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
