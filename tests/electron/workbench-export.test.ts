/**
 * The workbench service's export, report and folder methods, through `callApi`
 * (validation and the wire's result shape, as both hosts serve them): exports to
 * the workspace and as bytes, the `exists` answer instead of an overwrite, the
 * browser host's limits on where it writes and which folders it lists, and the
 * corpus folder's listing and proposal.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { ApiResult, ExportOutcome, FolderOverview, HostInfo, Session } from '../../shared/api.ts';
import { exportFormats } from '../../shared/formats/export-format.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { callApi, createWorkbenchService, parseStartArgs, samplePair, type WorkbenchService } from '../../electron/services/workbench-service.ts';

const root = resolve(import.meta.dirname, '..', '..');

async function call<T>(service: WorkbenchService, method: Parameters<typeof callApi>[1], argument?: unknown): Promise<ApiResult<T>> {
  return (await callApi(service, method, argument)) as ApiResult<T>;
}

async function value<T>(service: WorkbenchService, method: Parameters<typeof callApi>[1], argument?: unknown): Promise<T> {
  const result = await call<T>(service, method, argument);
  assert.ok(result.ok, result.ok ? '' : `${method}: ${result.code}: ${result.message}`);
  return result.value;
}

describe('export, report and folder methods (browser host)', () => {
  let dir: string;
  let workspace: string;
  let service: WorkbenchService;
  let session: Session;
  /** Links with paragraphs on both sides: what a TMX holds by default. */
  let paired: number;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-export-service-'));
    workspace = join(dir, 'workspace');
    service = createWorkbenchService({ host: 'browser', rootDir: root, workspace, settings: createSettingsStore(join(dir, 'settings.json')) });
    session = await value<Session>(service, 'openInitial');
    paired = session.alignment.links.filter((link) => link.source.length > 0 && link.target.length > 0 && link.status !== 'rejected').length;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('every format writes into the workspace; a TMX holds one unit per two-sided link', async () => {
    for (const format of exportFormats) {
      const name = `out-${format.id}.${format.extension}`;
      const outcome = await value<ExportOutcome>(service, 'exportAlignment', { alignment: session.alignment, format: format.id, path: name });
      assert.equal(outcome.kind, 'written', format.id);
      if (outcome.kind !== 'written') continue;
      assert.equal(outcome.path, join(workspace, name));
      assert.equal(readFileSync(outcome.path).length, outcome.bytes);
    }
    const tmx = new DOMParser().parseFromString(readFileSync(join(workspace, 'out-tmx.tmx'), 'utf8'), 'application/xml');
    assert.equal(tmx.getElementsByTagName('tu').length, paired);
  });

  test('an existing file is not replaced: the answer is `exists`, and only overwrite replaces it', async () => {
    const path = join(workspace, 'keep.csv');
    writeFileSync(path, 'precious');
    const first = await value<ExportOutcome>(service, 'exportAlignment', { alignment: session.alignment, format: 'csv', path: 'keep.csv' });
    assert.deepEqual(first, { kind: 'exists', path });
    assert.equal(readFileSync(path, 'utf8'), 'precious');
    const report = await value<ExportOutcome>(service, 'exportReport', { alignment: session.alignment, path: 'keep.csv'.replace('csv', 'html') });
    assert.equal(report.kind, 'written');
    const again = await value<ExportOutcome>(service, 'exportReport', { alignment: session.alignment, path: 'keep.html' });
    assert.equal(again.kind, 'exists');
    const replaced = await value<ExportOutcome>(service, 'exportAlignment', { alignment: session.alignment, format: 'csv', path: 'keep.csv', overwrite: true });
    assert.equal(replaced.kind, 'written');
    assert.notEqual(readFileSync(path, 'utf8'), 'precious');
  });

  test('without a path nothing is written and the bytes come back', async () => {
    const before = readdirSync(workspace).sort();
    const outcome = await value<ExportOutcome>(service, 'exportAlignment', {
      alignment: session.alignment,
      format: 'jsonl',
      filters: { includeUntranslated: true },
    });
    assert.equal(outcome.kind, 'data');
    if (outcome.kind !== 'data') return;
    const lines = Buffer.from(outcome.base64, 'base64').toString('utf8').trim().split('\n');
    assert.equal(lines.length, session.alignment.links.filter((link) => link.status !== 'rejected').length, 'untranslated links included');
    assert.equal(outcome.summary.pairs, lines.length);
    const xlsx = await value<ExportOutcome>(service, 'exportAlignment', { alignment: session.alignment, format: 'xlsx' });
    assert.ok(xlsx.kind === 'data' && Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString() === 'PK', 'XLSX is a zip');
    const report = await value<ExportOutcome>(service, 'exportReport', { alignment: session.alignment });
    assert.ok(report.kind === 'data' && /^<!doctype html>/i.test(Buffer.from(report.base64, 'base64').toString('utf8')));
    assert.deepEqual(readdirSync(workspace).sort(), before);
  });

  test('the browser host writes exports only inside the workspace, with the format’s extension', async () => {
    const outside = await call(service, 'exportAlignment', { alignment: session.alignment, format: 'tmx', path: join(dir, 'outside.tmx') });
    assert.equal(outside.ok, false);
    assert.equal(existsSync(join(dir, 'outside.tmx')), false);
    const climbing = await call(service, 'exportAlignment', { alignment: session.alignment, format: 'tmx', path: '../up.tmx' });
    assert.equal(climbing.ok, false);
    const wrongExtension = await call(service, 'exportAlignment', { alignment: session.alignment, format: 'tmx', path: 'evil.sh' });
    assert.ok(!wrongExtension.ok && /\.tmx/.test(wrongExtension.message), 'names the extension');
    const report = await call(service, 'exportReport', { alignment: session.alignment, path: 'report.js' });
    assert.equal(report.ok, false);
  });

  test('arguments are validated: format, filters, overwrite without a path', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['exportAlignment', { alignment: session.alignment, format: 'docx' }, /\/format/],
      ['exportAlignment', { alignment: session.alignment, format: 'tmx', filters: { minConfidence: 2 } }, /minConfidence/],
      ['exportAlignment', { alignment: session.alignment, format: 'tmx', filters: { everything: true } }, /everything/],
      ['exportAlignment', { alignment: session.alignment, format: 'tmx', overwrite: true }, /overwrite needs a path/],
      ['exportReport', { alignment: session.alignment, path: 'a\0.html' }, /NUL/],
      ['listFolder', { folder: 42 }, /\/folder/],
    ];
    for (const [method, argument, message] of cases) {
      const result = await call(service, method as Parameters<typeof callApi>[1], argument);
      assert.ok(!result.ok && result.code === 'invalid-argument', `${method} refused`);
      assert.match(result.ok ? '' : result.message, message);
    }
  });

  test('the corpus folder: 5 documents with languages; exactly the English–Thai pair is proposed', async () => {
    const info = await value<HostInfo>(service, 'hostInfo');
    const corpus = join(root, 'corpus');
    assert.ok(info.folders?.includes(corpus) && info.folders.includes(workspace));
    const overview = await value<FolderOverview>(service, 'listFolder', { folder: corpus });
    assert.equal(overview.documents.length, 5);
    const languages = Object.fromEntries(overview.documents.map((document) => [document.name, document.language.bcp47]));
    assert.deepEqual(languages, {
      'nato-asia-2023.en.original-with-page-clutter.txt': 'en',
      'nato-asia-2023.th.translation.txt': 'th',
      'related.en.japan-south-korea-putin-kim.txt': 'en',
      'related.en.russia-warns-japan-2024.txt': 'en',
      'related.en.south-korea-japan-weapons-exports.txt': 'en',
    });
    assert.deepEqual(
      overview.documents.map((document) => document.paragraphs),
      [38, 10, ...overview.documents.slice(2).map((document) => document.paragraphs)],
    );
    assert.deepEqual(
      overview.proposals.map((pair) => [basename(pair.source), basename(pair.target)]),
      [[basename(samplePair.source), basename(samplePair.target)]],
    );
    // Every other English article was a candidate for the Thai one, and lost.
    assert.equal(overview.candidates.filter((pair) => basename(pair.target) === basename(samplePair.target)).length, 4);
  });

  test('a proposed pair of the corpus can be opened, other corpus documents too', async () => {
    const overview = await value<FolderOverview>(service, 'listFolder', { folder: join(root, 'corpus') });
    const related = overview.documents.find((document) => document.name.startsWith('related.en.russia'))!;
    const opened = await value<Session>(service, 'openPair', {
      source: { kind: 'path', path: related.path },
      target: { kind: 'path', path: join(root, samplePair.target) },
    });
    assert.equal(opened.alignment.source.paragraphs.length, related.paragraphs);
  });

  test('the browser host lists only its workspace, the corpus and a --folder; reads nothing else', async () => {
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'secret.txt'), 'not for the page');
    const listed = await call(service, 'listFolder', { folder: elsewhere });
    assert.ok(!listed.ok && /lists only/.test(listed.message));
    const read = await call(service, 'openPair', { source: { kind: 'path', path: join(elsewhere, 'secret.txt') }, target: { kind: 'path', path: join(root, samplePair.target) } });
    assert.equal(read.ok, false);
    const climbing = await call(service, 'listFolder', { folder: '..' });
    assert.equal(climbing.ok, false);
    // The workspace does not exist until the first save: it lists as empty.
    const fresh = createWorkbenchService({ host: 'browser', rootDir: root, workspace: join(dir, 'new-ws'), settings: createSettingsStore(join(dir, 's2.json')) });
    assert.deepEqual((await value<FolderOverview>(fresh, 'listFolder', { folder: join(dir, 'new-ws') })).documents, []);

    const withFolder = createWorkbenchService({
      host: 'browser',
      rootDir: root,
      workspace,
      initialFolder: elsewhere,
      settings: createSettingsStore(join(dir, 's3.json')),
    });
    const info = await value<HostInfo>(withFolder, 'hostInfo');
    assert.equal(info.initialFolder, elsewhere);
    assert.ok(info.folders?.includes(elsewhere));
    const overview = await value<FolderOverview>(withFolder, 'listFolder', { folder: elsewhere });
    assert.deepEqual(overview.documents.map((document) => document.name), ['secret.txt']);
    const opened = await call(withFolder, 'openPair', { source: { kind: 'path', path: join(elsewhere, 'secret.txt') }, target: { kind: 'path', path: join(root, samplePair.target) } });
    assert.ok(opened.ok, 'a document of the --folder can be opened');
    // A link in the folder to a file elsewhere is not a document of the folder.
    writeFileSync(join(dir, 'outside.txt'), 'outside the folder');
    symlinkSync(join(dir, 'outside.txt'), join(elsewhere, 'link.txt'));
    const throughLink = await call(withFolder, 'openPair', { source: { kind: 'path', path: join(elsewhere, 'link.txt') }, target: { kind: 'path', path: join(root, samplePair.target) } });
    assert.equal(throughLink.ok, false, 'the link is not followed out of the folder');
  });

  test('--folder on the command line', () => {
    assert.equal(parseStartArgs(['--folder', 'corpus']).folder, resolve('corpus'));
    assert.equal(parseStartArgs([]).folder, undefined);
  });
});

describe('export methods (desktop host)', () => {
  let dir: string;
  let service: WorkbenchService;
  let session: Session;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-export-desktop-'));
    service = createWorkbenchService({ host: 'electron', rootDir: root, settings: createSettingsStore(join(dir, 'settings.json')) });
    session = await value<Session>(service, 'openInitial');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('writes where the user chose (absolute paths only), never over one of the documents', async () => {
    const path = join(dir, 'pairs.tsv');
    assert.equal((await value<ExportOutcome>(service, 'exportAlignment', { alignment: session.alignment, format: 'tsv', path })).kind, 'written');
    const relative = await call(service, 'exportAlignment', { alignment: session.alignment, format: 'tsv', path: 'pairs.tsv' });
    assert.ok(!relative.ok && relative.code === 'invalid-argument');
    const onto = await call(service, 'exportAlignment', {
      alignment: session.alignment,
      format: 'tsv',
      path: session.alignment.source.path,
      overwrite: true,
    });
    assert.ok(!onto.ok && /aligned documents/.test(onto.message));
    assert.match(readFileSync(session.alignment.source.path, 'utf8'), /Stoltenberg/);
  });

  test('lists any folder the user picked', async () => {
    const overview = await value<FolderOverview>(service, 'listFolder', { folder: join(root, 'corpus') });
    assert.equal(overview.documents.length, 5);
    const missing = await call(service, 'listFolder', { folder: join(dir, 'missing') });
    assert.ok(!missing.ok && /does not exist/.test(missing.message));
  });

  test('a failed export names the file and leaves nothing behind', async () => {
    // A folder where the file should go: the rename fails at the very end, for root too.
    const folder = join(dir, 'exports');
    const path = join(folder, 'pairs.tmx');
    mkdirSync(path, { recursive: true });
    const result = await call(service, 'exportAlignment', { alignment: session.alignment, format: 'tmx', path, overwrite: true });
    assert.ok(!result.ok, 'the export failed');
    assert.ok(result.message.includes(path), `the message names the file: ${result.message}`);
    assert.deepEqual(readdirSync(folder), ['pairs.tmx'], 'no temporary file is left');
    assert.deepEqual(readdirSync(path), [], 'the folder in the way is untouched');
  });
});
