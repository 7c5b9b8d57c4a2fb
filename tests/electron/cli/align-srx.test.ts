/**
 * `bitext align --srx FILE`: the SRX rules cut the sentence units of the
 * any-width route (documents paragraphed differently); a bad file is refused
 * naming it and the line.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { run } from '../../../electron/cli/align.ts';
import { isBitextError } from '../../../shared/errors.ts';
import { parseAlignmentFile } from '../../../shared/formats/alignment-json.ts';
import { formatLinks } from '../../../shared/model/alignment.ts';

const noBreaks = fileURLToPath(new URL('../../fixtures/srx/no-breaks.srx', import.meta.url));
let folder: string;

/** Eight paragraphs of three numbered sentences each, and the same text paragraphed as two paragraphs of four. */
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'bitext-align-srx-'));
  const words = 'the council met again today and agreed on new rules for trade between the two countries after long talks'.split(' ');
  const paragraphs = Array.from({ length: 8 }, (_, paragraph) =>
    Array.from({ length: 3 }, (_, sentence) => {
      const text = Array.from({ length: 6 + ((paragraph * 7 + sentence * 5) % 11) }, (_, word) => words[(paragraph * 13 + sentence * 3 + word * 7) % words.length]).join(' ');
      return `${text[0]!.toUpperCase()}${text.slice(1)} ${paragraph * 10 + sentence + 1}.`;
    }).join(' '),
  );
  writeFileSync(join(folder, 'source.txt'), `${paragraphs.join('\n\n')}\n`);
  writeFileSync(join(folder, 'target.txt'), `${paragraphs.slice(0, 4).join(' ')}\n\n${paragraphs.slice(4).join(' ')}\n`);
  writeFileSync(
    join(folder, 'bad.srx'),
    '<?xml version="1.0"?>\n<srx version="2.0">\n<body>\n<languagerules><languagerule languagerulename="x"/></languagerules>\n<maprules>\n<languagemap languagepattern="(" languagerulename="x"/>\n</maprules>\n</body>\n</srx>\n',
  );
});
after(() => rmSync(folder, { recursive: true, force: true }));

async function align(...extra: string[]): Promise<string> {
  const output = join(folder, `out-${extra.length}.bitext`);
  assert.equal(await run([join(folder, 'source.txt'), join(folder, 'target.txt'), '-o', output, '--force', ...extra]), 0);
  return formatLinks(parseAlignmentFile(readFileSync(output, 'utf8'), output).links);
}

test('the built-in segmenter finds the 4:1 groups; SRX rules that never break leave whole paragraphs, which cannot make them', async () => {
  assert.equal(await align(), '0,1,2,3-0 4,5,6,7-1');
  const withRules = await align('--srx', noBreaks);
  assert.notEqual(withRules, '0,1,2,3-0 4,5,6,7-1');
});

test('a bad SRX file is refused naming the file and the line; a missing one naming the file', async () => {
  const bad = join(folder, 'bad.srx');
  await assert.rejects(align('--srx', bad), (error) => isBitextError(error) && error.location.file === bad && error.location.line === 6 && error.message.startsWith(`${bad}:6: `));
  const missing = join(folder, 'missing.srx');
  await assert.rejects(align('--srx', missing), (error) => isBitextError(error) && error.code === 'io' && error.message.startsWith(missing));
});
