/**
 * The host service opens a bilingual file (XLIFF, TMX) given on its own — by
 * path, by upload, or on the command line — as the aligned pair it holds, and
 * rebases its alignment when the file changes; and readers' warnings reach the
 * session when a pair opens and when its alignment is reopened.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSettingsStore } from '../../../electron/services/settings.ts';
import { createWorkbenchService, parseStartArgs } from '../../../electron/services/workbench-service.ts';
import { formatLinks } from '../../../shared/model/alignment.ts';
import { paragraphText } from '../../../shared/model/document.ts';
import { findLinkProblems } from '../../../shared/model/invariants.ts';
import { docx } from '../../shared/document/readers/build-container.ts';

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

/** A copy of the translate-toolkit TMX in a fresh workspace, its pair opened and saved as an alignment there. */
async function savedTmxPair() {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-bilingual-rebase-'));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  const tmx = join(workspace, 'memory.tmx');
  copyFileSync(fixture('nato-asia-2023.en-th.tmx'), tmx);
  const api = createWorkbenchService({ host: 'electron', rootDir: root, workspace, settings: createSettingsStore(join(dir, 'settings.json')), now: () => '2026-12-06T00:00:00.000Z' });
  const opened = await api.openAlignment({ file: { kind: 'path', path: tmx } });
  // The reviewer's work: unit 2 confirmed, a note on unit 3.
  const links = opened.alignment.links.map((link, index) => (index === 1 ? { ...link, status: 'confirmed' as const } : index === 2 ? { ...link, note: 'check the names' } : link));
  const saved = await api.saveAlignment({ path: join(workspace, 'memory.bitext'), alignment: { ...opened.alignment, links }, overwrite: false });
  return { api, tmx, saved: saved.path, dir };
}

/** The TMX changed as a CAT tool would: unit 3's Thai edited, unit 5 deleted, a unit added after unit 7. */
function changeTmx(path: string): void {
  const units = readFileSync(path, 'utf8').split(/(?=    <tu>)/u);
  const [head, ...tus] = units;
  const added = `    <tu>
      <tuv xml:lang="en">
        <seg>Weather permitting, the delegation will also tour the shipyards of Busan before flying home to Brussels.</seg>
      </tuv>
      <tuv xml:lang="th">
        <seg>หากสภาพอากาศเอื้ออำนวย คณะผู้แทนจะเยี่ยมชมอู่ต่อเรือในปูซานก่อนบินกลับบรัสเซลส์</seg>
      </tuv>
    </tu>
`;
  tus[2] = tus[2]!.replace('รถถังหนัก', 'รถถังหนักจำนวนมาก');
  const changed = [head, ...tus.slice(0, 4), ...tus.slice(5, 7), added, ...tus.slice(7)].join('');
  writeFileSync(path, changed);
}

test('an alignment of a TMX file whose units changed is rebased onto the new file when reopened, both sides, the new unit linked', async () => {
  const { api, tmx, saved, dir } = await savedTmxPair();
  try {
    const before = await api.openAlignment({ file: { kind: 'path', path: saved } });
    assert.equal(before.rebased, undefined);
    changeTmx(tmx);
    const session = await api.openAlignment({ file: { kind: 'path', path: saved } });
    assert.deepEqual(session.warnings, [], 'rebased, not shown as the text saved in the alignment');
    assert.deepEqual(session.rebased?.map((rebased) => rebased.side), ['source', 'target']);
    const { alignment } = session;
    assert.deepEqual(findLinkProblems(alignment.links, alignment.source.paragraphs.length, alignment.target.paragraphs.length), []);
    // Unit 5 is gone from both sides (its link dropped), the new unit is linked as the file links it: 9 units again.
    assert.equal(formatLinks(alignment.links), '0-0 1-1 2-2 3-3 4-4 5-5 6-6 7-7 8-8');
    assert.equal(alignment.source.paragraphs.length, 9);
    const [source, target] = session.rebased!.map((rebased) => rebased.report);
    assert.deepEqual([source!.counts, target!.counts].map((counts) => counts.dropped), [1, 1]);
    assert.deepEqual([source!.added, target!.added], [[6], [6]]);
    assert.equal(alignment.links[6]!.status, 'auto');
    assert.match(paragraphText(alignment.source, 6), /^Weather permitting/u);
    // The reviewer's work stays with its units; the edited Thai is the new text.
    assert.equal(alignment.links[1]!.status, 'confirmed');
    assert.equal(alignment.links[2]!.note, 'check the names');
    assert.match(paragraphText(alignment.target, 2), /รถถังหนักจำนวนมาก/u);
    // Both documents take the new file's hash: the next open sees nothing changed.
    const sha256 = createHash('sha256').update(readFileSync(tmx)).digest('hex');
    assert.deepEqual([alignment.source.sha256, alignment.target.sha256], [sha256, sha256]);
    await api.saveAlignment({ path: saved, alignment, overwrite: true });
    const again = await api.openAlignment({ file: { kind: 'path', path: saved } });
    assert.equal(again.rebased, undefined);
    assert.deepEqual(again.warnings, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reloading one side of a changed TMX while it is open reloads both, and reports the other side too', async () => {
  const { api, tmx, saved, dir } = await savedTmxPair();
  try {
    const open = await api.openAlignment({ file: { kind: 'path', path: saved } });
    changeTmx(tmx);
    const result = await api.reloadDocument({ alignment: open.alignment, side: 'target' });
    assert.equal(result.rebased.side, 'target');
    assert.equal(result.otherSide?.side, 'source');
    assert.equal(formatLinks(result.alignment.links), '0-0 1-1 2-2 3-3 4-4 5-5 6-6 7-7 8-8');
    assert.equal(result.alignment.source.sha256, result.alignment.target.sha256);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('what a reader says of a document (tracked changes read as accepted) is said again when its alignment is reopened', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-reader-warnings-'));
  try {
    const workspace = join(dir, 'workspace');
    mkdirSync(workspace);
    const source = join(workspace, 'changes.docx');
    writeFileSync(source, docx('<w:p><w:r><w:t xml:space="preserve">The ministers met </w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>on Monday</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>'));
    const target = join(workspace, 'target.txt');
    writeFileSync(target, 'Die Minister trafen sich am Montag.\n');
    const api = createWorkbenchService({ host: 'electron', rootDir: root, workspace, settings: createSettingsStore(join(dir, 'settings.json')) });
    const warning = `${source}: tracked changes are read as accepted (1 insertion kept, 0 deletions dropped); accept or reject them in the word processor if that is not the text you mean`;
    const opened = await api.openPair({ source: { kind: 'path', path: source }, target: { kind: 'path', path: target } });
    assert.deepEqual(opened.warnings, [warning]);
    const saved = await api.saveAlignment({ path: join(workspace, 'pair.bitext'), alignment: opened.alignment, overwrite: false });
    const reopened = await api.openAlignment({ file: { kind: 'path', path: saved.path } });
    assert.deepEqual(reopened.warnings, [warning]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
