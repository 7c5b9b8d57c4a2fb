import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import test from 'node:test';
import type { Link, SegmentationRecord } from '../../../shared/model/alignment.ts';
import { builtInRules, describeRules, rulesMismatches, sameRules, srxRecord } from '../../../shared/model/segmentation-record.ts';

const srx = '<?xml version="1.0"?>\n<srx version="2.0"/>\n';

test('an SRX file is recorded by its base name and the SHA-256 of its text, with or without a byte-order mark', async () => {
  const record = await srxRecord('/home/team/rules/team.srx', srx);
  assert.deepEqual(record, { kind: 'srx', name: 'team.srx', sha256: createHash('sha256').update(srx, 'utf8').digest('hex') });
  assert.deepEqual(await srxRecord('C:\\rules\\team.srx', `\uFEFF${srx}`), record);
  // Same text under another name: the same rules; another text under the same name: not.
  assert.ok(sameRules(record, await srxRecord('copy.srx', srx)));
  assert.ok(!sameRules(record, await srxRecord('team.srx', `${srx} `)));
  assert.ok(!sameRules(record, builtInRules) && sameRules(builtInRules, { kind: 'built-in' }));
  assert.match(describeRules(record), /^the SRX file team\.srx \(SHA-256 [0-9a-f]{8}…\)$/);
});

test('stored pairs cut by other rules than those in use are named by link from 1; unrecorded ones (version 2) are not', async () => {
  const team = await srxRecord('team.srx', srx);
  const stored = (rules?: SegmentationRecord): Link => ({
    source: [0],
    target: [0],
    score: 0,
    confidence: 1,
    status: 'auto',
    sentences: { source: [{ paragraph: 0, start: 0, end: 1 }], target: [{ paragraph: 0, start: 0, end: 1 }], pairs: [{ source: [0], target: [0], confidence: 1, status: 'auto' }], ...(rules ? { rules } : {}) },
  });
  const plain: Link = { source: [1], target: [1], score: 0, confidence: 1, status: 'auto' };
  const links = [stored(team), plain, stored(builtInRules), stored()];
  assert.deepEqual(rulesMismatches({ links }, builtInRules), [
    `the stored sentence pairs of link 1 were cut by ${describeRules(team)}, not by the built-in rules in use now; they are kept as they are`,
  ]);
  assert.deepEqual(rulesMismatches({ links }, team), [
    `the stored sentence pairs of link 3 were cut by the built-in rules, not by ${describeRules(team)} in use now; they are kept as they are`,
  ]);
  // Every stored link and the aligner by the same rules: one sentence says it.
  const aligned = { links: [stored(team), plain, stored(team)], segmentation: team };
  assert.deepEqual(rulesMismatches(aligned, builtInRules), [
    `the stored sentence pairs of all 2 links that store them were cut by ${describeRules(team)}, not by the built-in rules in use now; they are kept as they are`,
  ]);
  assert.deepEqual(rulesMismatches({ links: [plain], segmentation: team }, builtInRules), [`the links were aligned with sentences cut by ${describeRules(team)}, not by the built-in rules in use now`]);
  assert.deepEqual(rulesMismatches(aligned, team), []);
});
