/**
 * Documents that change on disk under an alignment, through the workbench
 * service as the renderer calls it: rebased when the alignment is opened
 * (with a report), noticed while open (checkDocuments), reloaded with a
 * rebase (reloadDocument); the autosave of a pair never saved; key
 * remappings kept in the settings. On copies of the corpus pair.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSettingsStore } from '../../../electron/services/settings.ts';
import { callApi, createWorkbenchService, samplePair, type WorkbenchService } from '../../../electron/services/workbench-service.ts';
import { createDocumentWatcher, unsavedAlignmentPath } from '../../../electron/services/document-changes.ts';
import { findLinkProblems } from '../../../shared/model/invariants.ts';
import { formatLinks } from '../../../shared/model/alignment.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
let dir: string;
let workspace: string;
let service: WorkbenchService;
let sourcePath: string;
let targetPath: string;
const thai = () => readFileSync(targetPath, 'utf8');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-document-changes-'));
  workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  sourcePath = join(workspace, 'nato.en.txt');
  targetPath = join(workspace, 'nato.th.txt');
  copyFileSync(join(root, samplePair.source), sourcePath);
  copyFileSync(join(root, samplePair.target), targetPath);
  service = createWorkbenchService({
    host: 'browser',
    rootDir: root,
    workspace,
    settings: createSettingsStore(join(dir, 'config', 'settings.json')),
    recoveryDir: join(dir, 'recovery'),
    now: () => '2024-05-01T00:00:00.000Z',
  });
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('a translation changed on disk since the save is rebased when the alignment is opened, and the report says how', async () => {
  const opened = await service.openPair({ source: { kind: 'path', path: sourcePath }, target: { kind: 'path', path: targetPath } });
  const before = opened.alignment;
  await service.saveAlignment({ alignment: before, path: 'nato.bitext' });
  const original = thai();
  try {
    const lines = original.split('\n');
    // Thai paragraph 3 deleted, a new paragraph added after paragraph 7.
    const changed = [...lines.slice(0, 3), ...lines.slice(4, 8), 'ย่อหน้าใหม่ที่เพิ่มเข้ามาในไฟล์ภาษาไทยหลังจากบันทึกแล้ว', ...lines.slice(8)].join('\n');
    writeFileSync(targetPath, changed);
    const session = await service.openAlignment({ file: { kind: 'path', path: join(workspace, 'nato.bitext') } });
    assert.equal(session.rebased?.length, 1);
    const { side, report } = session.rebased![0]!;
    assert.equal(side, 'target');
    assert.equal(report.counts.dropped, 1, 'the link of the deleted paragraph is dropped');
    assert.deepEqual(report.added, [7], 'the new paragraph comes in unlinked');
    assert.ok(report.counts.kept + report.counts.moved >= 8);
    assert.equal(session.alignment.target.text, changed, 'the new text is shown');
    assert.notEqual(session.alignment.target.sha256, before.target.sha256, 'and its new hash recorded');
    assert.deepEqual(findLinkProblems(session.alignment.links, session.alignment.source.paragraphs.length, session.alignment.target.paragraphs.length), []);
    assert.ok(!session.warnings.some((warning) => /has changed since/.test(warning)), 'no "showing the saved text" warning: it is not what is shown');
    assert.ok(session.alignment.target.paragraphs.every((paragraph) => paragraph.language !== undefined), 'paragraph languages detected again');
  } finally {
    writeFileSync(targetPath, original);
  }
});

test('checkDocuments notices a change and a deletion; reloadDocument rebases onto the new text', async () => {
  const opened = await service.openPair({ source: { kind: 'path', path: sourcePath }, target: { kind: 'path', path: targetPath } });
  const documents = [
    { path: opened.alignment.source.path, sha256: opened.alignment.source.sha256 },
    { path: opened.alignment.target.path, sha256: opened.alignment.target.sha256 },
  ];
  assert.deepEqual((await service.checkDocuments({ documents })).map((check) => check.status), ['unchanged', 'unchanged']);
  const original = thai();
  try {
    writeFileSync(targetPath, `${original.trimEnd()}\nย่อหน้าท้ายที่เพิ่มเข้ามา\n`);
    assert.deepEqual((await service.checkDocuments({ documents })).map((check) => check.status), ['unchanged', 'changed']);
    const { alignment, rebased } = await service.reloadDocument({ alignment: opened.alignment, side: 'target' });
    assert.equal(rebased.side, 'target');
    assert.equal(rebased.report.counts.kept, opened.alignment.links.length, 'every link kept');
    assert.deepEqual(rebased.report.added, [10]);
    assert.equal(formatLinks(alignment.links), `${formatLinks(opened.alignment.links)} ∅-10`);
    unlinkSync(targetPath);
    assert.deepEqual((await service.checkDocuments({ documents })).map((check) => check.status), ['unchanged', 'missing']);
  } finally {
    writeFileSync(targetPath, original);
  }
  assert.deepEqual((await service.checkDocuments({ documents })).map((check) => check.status), ['unchanged', 'unchanged'], 'back as it was');
});

test('the watcher hashes only when a file may have changed', async () => {
  const watcher = createDocumentWatcher();
  const path = join(dir, 'watched.txt');
  writeFileSync(path, 'one');
  const hash = '7692c3ad3540bb803c020b3aee66cd8887123234ea0c6e7143c0add73ff431ed';
  try {
    assert.equal(await watcher.check(path, hash), 'unchanged');
    writeFileSync(path, 'two, longer');
    assert.equal(await watcher.check(path, hash), 'changed');
    assert.equal(await watcher.check(join(dir, 'nowhere.txt'), hash), 'missing');
  } finally {
    watcher.close();
  }
});

test('work on a pair never saved is autosaved by the host and offered when the pair is opened again, until saved or discarded', async () => {
  const request = { source: { kind: 'path' as const, path: sourcePath }, target: { kind: 'path' as const, path: targetPath } };
  const first = await service.openPair({ ...request, align: false });
  assert.deepEqual(first.alignment.links, [], 'align: false leaves aligning to the renderer');
  assert.equal(first.recovery, undefined);
  const aligned = await service.openPair(request);
  const work = { ...aligned.alignment, links: aligned.alignment.links.map((link, index) => (index === 11 ? { ...link, status: 'confirmed' as const, note: 'checked' } : link)) };
  const result = await callApi(service, 'writeRecovery', { alignment: work });
  assert.equal(result.ok, true);
  const again = await service.openPair(request);
  assert.equal(again.recovery?.alignment.links[11]?.note, 'checked', 'offered on opening the same pair');
  await service.discardRecovery({ documents: { source: work.source.path, target: work.target.path } });
  assert.equal((await service.openPair(request)).recovery, undefined, 'gone once discarded');
  await service.writeRecovery({ alignment: work });
  await service.saveAlignment({ alignment: work, path: 'saved-once.bitext' });
  assert.equal((await service.openPair(request)).recovery, undefined, 'gone once the alignment is saved');
  assert.match(unsavedAlignmentPath(join(dir, 'recovery'), { source: sourcePath, target: targetPath }), /unsaved-[0-9a-f]{24}\.bitext$/);
});

test('key remappings are kept in the settings and checked on the way in', async () => {
  const settings = await service.updateKeybindings({ keybindings: { 'editor:confirm-next': ['Ctrl+Shift+Enter'] } });
  assert.deepEqual(settings.keybindings, { 'editor:confirm-next': ['Ctrl+Shift+Enter'] });
  assert.deepEqual((await service.getSettings()).keybindings, { 'editor:confirm-next': ['Ctrl+Shift+Enter'] });
  const bad = await callApi(service, 'updateKeybindings', { keybindings: { 'anywhere:confirm-next': ['C'] } });
  assert.equal(bad.ok, false);
  const tooMany = await callApi(service, 'updateKeybindings', { keybindings: { 'review:reject': ['A', 'B', 'C', 'D', 'E'] } });
  assert.equal(tooMany.ok, false);
  assert.deepEqual((await service.updateKeybindings({ keybindings: {} })).keybindings, undefined, 'back to the defaults');
});
