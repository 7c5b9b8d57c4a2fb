import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildEvidence, evidencePlan, featureBuffers, joinEvidence, sideFeatures } from '../../../shared/align/evidence.ts';
import { parseLexicon } from '../../../shared/align/lexicon.ts';

const labelsOf = (evidence: ReturnType<typeof buildEvidence>, side: 'source' | 'target', paragraph: number) => {
  const keys = evidence[side];
  return Array.from(keys.keys.subarray(keys.keyStart[paragraph], keys.keyStart[paragraph + 1]), (key) => evidence.keyLabels[key]);
};

test('keys are what both sides share: numbers, known names, Latin names written in Thai', () => {
  const evidence = buildEvidence(
    { texts: ['Polls show 80 per cent of Japanese support Kishida.', 'Stoltenberg met Park Jin in Seoul on Sunday.', 'Nothing to see, 1999.'], language: 'eng' },
    { texts: ['ผลสำรวจชี้ว่าร้อยละ 80 ของชาวญี่ปุ่นสนับสนุน', 'Stoltenberg พบกับ Park Jin ที่กรุงโซลในวันอาทิตย์'], language: 'tha' },
  );
  assert.deepEqual(labelsOf(evidence, 'source', 0).sort(), ['known:currency:JPY', 'number:80', 'percent:80'].sort());
  assert.ok(labelsOf(evidence, 'source', 1).includes('name:stoltenberg'));
  assert.ok(labelsOf(evidence, 'source', 1).includes('name:park'));
  assert.ok(labelsOf(evidence, 'target', 1).includes('known:weekday:7'));
  // 1999 is on one side only: not a key.
  assert.deepEqual(labelsOf(evidence, 'source', 2), []);
});

test('a key cannot be trusted to travel more often than the pair shows it does', () => {
  const evidence = buildEvidence(
    { texts: ['Japan one.', 'Japan two.', 'Japan three.', 'Japan four.'], language: 'eng' },
    { texts: ['ญี่ปุ่น หนึ่ง', 'สอง', 'สาม', 'สี่'], language: 'tha' },
  );
  const japan = evidence.keyLabels.findIndex((label) => label.startsWith('known:'));
  assert.equal(evidence.keepSourceToTarget[japan], 0.25);
  assert.equal(evidence.keepTargetToSource[japan], 0.6);
});

test('paragraphs in another script or language than their document lean towards unlinked', () => {
  const thai = buildEvidence(
    { texts: ['Nato chief visits Seoul.', 'Advertisement'], language: 'eng' },
    { texts: ['เลขาธิการนาโตเยือนโซล', 'Share this article with your friends today'], language: 'tha' },
  );
  assert.equal(thai.unlinked.target[0], 0);
  assert.ok(thai.unlinked.target[1]! >= 4, `foreign script ${thai.unlinked.target[1]}`);

  const english = 'The committee shall meet every year in the capital and report to the assembly on the state of the rights of the people.';
  const german = [
    'Der Ausschuss tritt jedes Jahr in der Hauptstadt zusammen und berichtet der Versammlung.',
    'Die Rechte der Menschen sind in der Verfassung des Landes geschützt und werden geachtet.',
    'Jeder hat das Recht auf Bildung und auf die freie Entfaltung seiner Persönlichkeit.',
  ];
  const mixed = buildEvidence(
    { texts: [english, 'Everyone has the right to education and to the free development of his personality.'], language: 'eng' },
    { texts: [...german, 'The state of the rights of the people is reported to the assembly every year.'], language: 'deu' },
  );
  assert.ok(mixed.unlinked.target[3]! >= 4, `English left in the German text: ${mixed.unlinked.target[3]}`);
  for (let index = 0; index < 3; index++) assert.equal(mixed.unlinked.target[index], 0);
});

test('a number the other document never has is evidence of an untranslated paragraph, where numbers travel', () => {
  const evidence = buildEvidence(
    { texts: ['Article 1', 'Article 2', 'Article 3', 'Read our 2024 report'], language: 'eng' },
    { texts: ['ข้อ 1', 'ข้อ 2', 'ข้อ 3'], language: 'tha' },
  );
  assert.equal(evidence.unlinked.source[0], 0);
  assert.ok(evidence.unlinked.source[3]! > 0.5, `orphan number ${evidence.unlinked.source[3]}`);
  // Hebrew article numbers are letters: a translation without digits makes a missing number say nothing.
  const noDigits = buildEvidence({ texts: ['Article 1', 'Article 2'], language: 'eng' }, { texts: ['סעיף', 'סעיף'], language: 'heb' });
  assert.equal(noDigits.unlinked.source[0], 0);
});

test('evidence joined from each side\'s features, one side\'s moved as to a worker thread, is the evidence built in one go', () => {
  const pairs = [
    // Latin names inside Thai text.
    [
      { texts: ['Polls show 80 per cent of Japanese support Kishida.', 'Stoltenberg met Park Jin in Seoul on Sunday.', 'Share this'], language: 'eng' },
      { texts: ['ผลสำรวจชี้ว่าร้อยละ 80 ของชาวญี่ปุ่นสนับสนุน Kishida', 'Stoltenberg พบกับ Park Jin ที่กรุงโซล', 'Share this article with your friends today'], language: 'tha' },
    ],
    // Two Latin-script sides: shared capitalised names, words only one side has, the language test, an English line left in German.
    [
      { texts: ['In the beginning God created the heaven and the earth.', 'And Adam knew Eve his wife; and she bare Cain, 4 sons.', 'Adam lived 130 years.'], language: 'eng' },
      { texts: ['Am Anfang schuf Gott Himmel und Erde.', 'Und Adam erkannte sein Weib Eva, und sie gebar den Kain, 4 Söhne.', 'Adam war 130 Jahre alt.', 'Read the whole story of the world on our site today'], language: 'deu' },
    ],
    // Latin names inside two other scripts.
    [
      { texts: ['NATO และ Stoltenberg ในปี 2023', 'ไม่มีอะไร'], language: 'tha' },
      { texts: ['NATOのStoltenberg事務総長は2023年に', '何もない'], language: 'jpn' },
    ],
  ] as const;
  const lexicon = parseLexicon('God\tGott\nearth\tErde\n', 'test.tsv');
  for (const [source, target] of pairs) {
    const plan = evidencePlan(source, target);
    const targetFeatures = sideFeatures(target.texts, 1, plan);
    const moved = structuredClone(targetFeatures, { transfer: featureBuffers(targetFeatures) });
    const joined = joinEvidence(source, target, plan, [sideFeatures(source.texts, 0, plan), moved], lexicon);
    assert.deepEqual(joined, buildEvidence(source, target, lexicon), `${source.language}–${target.language}`);
    assert.ok(joined.keyCount > 0);
  }
});
