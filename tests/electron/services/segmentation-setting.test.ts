/** The SRX rules setting through the WorkbenchApi service: checked, kept, used by exports by sentence; contained in the browser host. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { createSettingsStore } from '../../../electron/services/settings.ts';
import { createWorkbenchService, type WorkbenchService } from '../../../electron/services/workbench-service.ts';
import { extractPairs } from '../../../shared/formats/export-pairs.ts';
import { parseSrx } from '../../../shared/text/srx.ts';
import { isBitextError } from '../../../shared/errors.ts';
import { corpusAlignment } from '../../reference/corpus-alignment.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const srxPath = join(root, 'tests', 'fixtures', 'srx', 'workbench-sample.srx');
let dir: string;
let settingsPath: string;
let service: WorkbenchService;

const upload = (name: string, text: string) => ({ kind: 'upload' as const, name, base64: Buffer.from(text).toString('base64') });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-segmentation-'));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  settingsPath = join(dir, 'settings.json');
  service = createWorkbenchService({ host: 'browser', rootDir: root, workspace, settings: createSettingsStore(settingsPath) });
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('an uploaded SRX file is checked and kept; a new service (a restart) finds it; null goes back to the built-in rules', async () => {
  assert.equal(await service.getSegmentationRules(), null);
  const srx = readFileSync(srxPath, 'utf8');
  assert.deepEqual(await service.setSegmentationRules({ file: upload('team.srx', srx) }), { name: 'team.srx', srx });
  const restarted = createWorkbenchService({ host: 'browser', rootDir: root, workspace: join(dir, 'workspace'), settings: createSettingsStore(settingsPath) });
  assert.deepEqual(await restarted.getSegmentationRules(), { name: 'team.srx', srx });
  assert.equal(await service.setSegmentationRules({ file: null }), null);
  assert.equal(await restarted.getSegmentationRules(), null);
});

test('a bad SRX file is refused naming the file and the line, and the kept choice stays', async () => {
  const srx = readFileSync(srxPath, 'utf8');
  await service.setSegmentationRules({ file: upload('team.srx', srx) });
  const bad = '<?xml version="1.0"?>\n<srx version="2.0">\n<body>\n<maprules>\n<languagemap languagepattern=".*" languagerulename="missing"/>\n</maprules>\n</body>\n</srx>\n';
  await assert.rejects(service.setSegmentationRules({ file: upload('bad.srx', bad) }), (error) => isBitextError(error) && error.message.startsWith('bad.srx:5: '));
  await assert.rejects(service.setSegmentationRules({ file: upload('rules.exe', srx) }), /extension|\.srx/);
  assert.equal((await service.getSegmentationRules())?.name, 'team.srx');
});

test('the browser host reads no SRX path outside what it may read', async () => {
  const outside = join(dir, 'outside.srx');
  writeFileSync(outside, readFileSync(srxPath));
  await assert.rejects(service.setSegmentationRules({ file: { kind: 'path', path: outside } }), (error) => isBitextError(error) && error.code === 'io');
});

test('exports by sentence use the kept rules', async () => {
  const srx = readFileSync(srxPath, 'utf8');
  await service.setSegmentationRules({ file: upload('team.srx', srx) });
  const alignment = await corpusAlignment();
  const outcome = await service.exportAlignment({ alignment, format: 'jsonl', filters: { unit: 'sentence' } });
  assert.equal(outcome.kind, 'data');
  if (outcome.kind !== 'data') return;
  const withRules = extractPairs(alignment, { unit: 'sentence', segmentation: parseSrx(srx, 'team.srx') }).pairs.length;
  const builtIn = extractPairs(alignment, { unit: 'sentence' }).pairs.length;
  assert.notEqual(withRules, builtIn, 'the sample rules cut the corpus pair differently');
  assert.equal(outcome.summary.pairs, withRules);
  await service.setSegmentationRules({ file: null });
});
