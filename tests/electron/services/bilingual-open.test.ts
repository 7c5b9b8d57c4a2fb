/**
 * The host service opens a bilingual file (XLIFF, TMX) given on its own — by
 * path, by upload, or on the command line — as the aligned pair it holds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSettingsStore } from '../../../electron/services/settings.ts';
import { createWorkbenchService, parseStartArgs } from '../../../electron/services/workbench-service.ts';
import { formatLinks } from '../../../shared/model/alignment.ts';

const root = new URL('../../../', import.meta.url).pathname;
const fixture = (name: string) => join(root, 'tests/fixtures/documents', name);

function service(host: 'electron' | 'browser') {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-bilingual-'));
  return createWorkbenchService({ host, rootDir: root, workspace: join(dir, 'workspace'), settings: createSettingsStore(join(dir, 'settings.json')) });
}

test('opening an XLIFF file by path shows its pair, unsaved, with a suggested .bitext beside it', async () => {
  const session = await service('electron').openAlignment({ file: { kind: 'path', path: fixture('nato-asia-2023.en-th.xlf') } });
  assert.equal(session.alignmentPath, undefined);
  assert.equal(session.suggestedPath, fixture('nato-asia-2023.en-th.bitext'));
  assert.equal(formatLinks(session.alignment.links), '0-0 1-1 2-2 3-3 4-4 5-5 6-6 7-7 8-8 9-9');
  assert.equal(session.alignment.links.filter((link) => link.status === 'confirmed').length, 9);
  assert.equal(session.alignment.source.language.detected.iso6393, 'eng');
  assert.equal(session.alignment.target.language.detected.iso6393, 'tha');
});

test('an uploaded TMX file opens as its pair in the browser host, and saves with the file beside it', async () => {
  const api = service('browser');
  const session = await api.openAlignment({ file: { kind: 'upload', name: 'memory.tmx', base64: readFileSync(fixture('nato-asia-2023.en-th.tmx')).toString('base64') } });
  assert.equal(session.alignment.links.length, 9);
  const saved = await api.saveAlignment({ path: 'memory.bitext', alignment: session.alignment, overwrite: false });
  const reopened = await api.openAlignment({ file: { kind: 'path', path: saved.path } });
  assert.deepEqual(reopened.warnings, []);
  assert.equal(reopened.alignment.target.format, 'tmx');
  assert.equal(formatLinks(reopened.alignment.links), formatLinks(session.alignment.links));
});

test('one bilingual file on the command line starts the workbench on its pair', () => {
  assert.deepEqual(parseStartArgs(['pair.tmx']).initial, { kind: 'alignment', path: join(process.cwd(), 'pair.tmx') });
  assert.throws(() => parseStartArgs(['notes.txt']), /one file opens an alignment \(\.bitext, \.json\) or a bilingual file \(\.xlf, \.xliff, \.tmx\)/u);
});
