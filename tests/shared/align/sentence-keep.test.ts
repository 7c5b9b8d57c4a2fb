/**
 * The sentence aligner's keep probabilities, refitted to a first pass's links
 * (sentence-align.ts `refitKeep`): a name the translation keeps in every link
 * is kept more often than its kind's constant says, one it drops is kept less
 * often, one no link holds keeps the evidence's probability.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildEvidence } from '../../../shared/align/evidence.ts';
import { refitKeep, type SentenceLink } from '../../../shared/align/sentence-align.ts';

test('keep probabilities follow what the first pass\'s links show, weighed against the evidence\'s', () => {
  const english = ['Japan signed it.', 'Japan paid.', 'Japan left.', 'Spain agreed.', 'Spain waited.', 'Spain spoke.'];
  // Spain is named as often on each side, but never in a sentence's partner.
  const thai = ['ญี่ปุ่นและสเปนลงนามแล้ว', 'ญี่ปุ่นและสเปนจ่ายแล้ว', 'ญี่ปุ่นและสเปนออกไป', 'ตกลงแล้ว', 'รอแล้ว', 'พูดแล้ว'];
  const evidence = buildEvidence({ texts: english, language: 'eng' }, { texts: thai, language: 'tha' });
  const links: { link: SentenceLink; offset: { source: number; target: number } }[] = english.map((_, index) => ({
    link: { source: [index], target: [index], score: 0, confidence: 1 },
    offset: { source: 0, target: 0 },
  }));
  const keep = refitKeep(evidence, links);
  const key = (label: string) => {
    const found = evidence.keyLabels.findIndex((candidate) => candidate.includes(label));
    assert.ok(found >= 0, `no key ${label} among ${evidence.keyLabels.join(', ')}`);
    return found;
  };
  const japan = key('JP');
  const spain = key('language:es');
  assert.ok(keep.sourceToTarget[japan]! > evidence.keepSourceToTarget[japan]!, 'Japan, kept in every link');
  assert.ok(keep.targetToSource[japan]! > evidence.keepTargetToSource[japan]!);
  assert.ok(keep.sourceToTarget[spain]! < evidence.keepSourceToTarget[spain]!, 'Spain, dropped in every link');
  const none = refitKeep(evidence, []);
  assert.deepEqual([...none.sourceToTarget], [...evidence.keepSourceToTarget]);
  assert.deepEqual([...none.targetToSource], [...evidence.keepTargetToSource]);
});
