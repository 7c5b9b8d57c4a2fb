/**
 * Save text as… (`saveDocumentText`) through `callApi`, as both hosts serve it:
 * the edited text of a DOCX-read document goes to a new .txt in the browser
 * host's workspace; an existing file is answered `exists` until `overwrite`;
 * the aligned documents themselves are never written, whatever their format.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ApiResult, ExportOutcome, Session } from '../../../shared/api.ts';
import type { Alignment } from '../../../shared/model/alignment.ts';
import { textFileName } from '../../../shared/document/text-file.ts';
import { createSettingsStore } from '../../../electron/services/settings.ts';
import { callApi, createWorkbenchService, type WorkbenchService } from '../../../electron/services/workbench-service.ts';
import { applyTextEdits } from '../../../renderer/state/text-edit.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const fixture = (name: string) => join(root, 'tests', 'fixtures', 'documents', name);

async function call<T>(service: WorkbenchService, method: Parameters<typeof callApi>[1], argument?: unknown): Promise<ApiResult<T>> {
  return (await callApi(service, method, argument)) as ApiResult<T>;
}

async function value<T>(service: WorkbenchService, method: Parameters<typeof callApi>[1], argument?: unknown): Promise<T> {
  const result = await call<T>(service, method, argument);
  assert.ok(result.ok, result.ok ? '' : `${method}: ${result.code}: ${result.message}`);
  return result.value;
}

/** The alignment after typing `words` at the start of the source's first paragraph (the renderer's edit path). */
function typed(alignment: Alignment, words: string): Alignment {
  return applyTextEdits(alignment, 'source', [{ offset: alignment.source.paragraphs[0]!.start, length: 0, text: words }], '2026-12-06T05:00:00.000Z').alignment;
}

describe('Save text as… (saveDocumentText)', () => {
  let dir: string;
  let workspace: string;
  let browser: WorkbenchService;
  let desktop: WorkbenchService;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-document-text-'));
    workspace = join(dir, 'workspace');
    mkdirSync(workspace);
    for (const name of ['nato-asia-2023.en.docx', 'nato-asia-2023.th.html', 'nato-asia-2023.en.md', 'nato-asia-2023.th.md']) copyFileSync(fixture(name), join(workspace, name));
    browser = createWorkbenchService({ host: 'browser', rootDir: root, workspace, settings: createSettingsStore(join(dir, 'settings.json')) });
    desktop = createWorkbenchService({ host: 'electron', rootDir: root, settings: createSettingsStore(join(dir, 'desktop-settings.json')) });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function open(service: WorkbenchService, source: string, target: string): Promise<Alignment> {
    const session = await value<Session>(service, 'openPair', {
      source: { kind: 'path', path: join(workspace, source) },
      target: { kind: 'path', path: join(workspace, target) },
    });
    return session.alignment;
  }

  test('the edited text of a DOCX goes to a new .txt in the workspace, UTF-8; the DOCX is untouched', async () => {
    const docx = readFileSync(join(workspace, 'nato-asia-2023.en.docx'));
    const opened = await open(browser, 'nato-asia-2023.en.docx', 'nato-asia-2023.th.html');
    assert.equal(opened.source.format, 'docx');
    const edited = typed(opened, 'Edited in the workbench — ข้อความ. ');
    const name = textFileName(edited.source);
    assert.equal(name, 'nato-asia-2023.en.txt');
    const outcome = await value<ExportOutcome>(browser, 'saveDocumentText', { alignment: edited, side: 'source', path: name });
    assert.equal(outcome.kind, 'written');
    const written = readFileSync(join(workspace, name), 'utf8');
    assert.equal(written, edited.source.text);
    assert.match(written, /^Edited in the workbench — ข้อความ\. Advertisement/u);
    assert.notEqual(written, opened.source.text);
    assert.equal(outcome.kind === 'written' && outcome.bytes, Buffer.byteLength(written, 'utf8'));
    assert.equal(outcome.kind === 'written' && outcome.summary.paragraphs, edited.source.paragraphs.length);
    assert.deepEqual(readFileSync(join(workspace, 'nato-asia-2023.en.docx')), docx);
  });

  test('an existing file is answered `exists` and kept; only overwrite replaces it', async () => {
    const opened = await open(browser, 'nato-asia-2023.en.docx', 'nato-asia-2023.th.html');
    const path = join(workspace, 'keep.txt');
    writeFileSync(path, 'precious');
    const first = await value<ExportOutcome>(browser, 'saveDocumentText', { alignment: opened, side: 'target', path: 'keep.txt' });
    assert.deepEqual(first, { kind: 'exists', path });
    assert.equal(readFileSync(path, 'utf8'), 'precious');
    const replaced = await value<ExportOutcome>(browser, 'saveDocumentText', { alignment: opened, side: 'target', path: 'keep.txt', overwrite: true });
    assert.equal(replaced.kind, 'written');
    assert.equal(readFileSync(path, 'utf8'), opened.target.text);
    assert.match(opened.target.text, /Jens Stoltenberg เลขาธิการนาโต/u);
  });

  test('never the original: not a DOCX (wrong extension), not a Markdown original even with overwrite, not on the desktop either', async () => {
    const docx = await open(browser, 'nato-asia-2023.en.docx', 'nato-asia-2023.th.html');
    const overDocx = await call(browser, 'saveDocumentText', { alignment: typed(docx, 'x '), side: 'source', path: 'nato-asia-2023.en.docx', overwrite: true });
    assert.equal(overDocx.ok, false);

    const markdown = await open(browser, 'nato-asia-2023.en.md', 'nato-asia-2023.th.md');
    assert.equal(markdown.source.format, 'markdown');
    assert.equal(textFileName(markdown.source), 'nato-asia-2023.en.edited.md', 'the offered name is not the original’s');
    const original = readFileSync(join(workspace, 'nato-asia-2023.en.md'));
    for (const side of ['source', 'target'] as const) {
      const refused = await call(browser, 'saveDocumentText', { alignment: typed(markdown, 'x '), side, path: 'nato-asia-2023.en.md', overwrite: true });
      assert.ok(!refused.ok);
      assert.equal(refused.code, 'invalid-argument');
      assert.match(refused.message, /original document itself, which the workbench never writes/);
    }
    assert.deepEqual(readFileSync(join(workspace, 'nato-asia-2023.en.md')), original);

    const onDesktop = await open(desktop, 'nato-asia-2023.en.docx', 'nato-asia-2023.th.html');
    const refused = await call(desktop, 'saveDocumentText', { alignment: onDesktop, side: 'target', path: join(workspace, 'nato-asia-2023.th.html'), overwrite: true });
    assert.ok(!refused.ok);
    assert.match(refused.message, /translation document itself/);
    assert.deepEqual(readFileSync(join(workspace, 'nato-asia-2023.th.html')), readFileSync(fixture('nato-asia-2023.th.html')));
  });

  test('without a path nothing is written and the text comes back as bytes', async () => {
    const opened = await open(browser, 'nato-asia-2023.en.md', 'nato-asia-2023.th.md');
    const before = readdirSync(workspace).sort();
    const outcome = await value<ExportOutcome>(browser, 'saveDocumentText', { alignment: opened, side: 'target' });
    assert.equal(outcome.kind, 'data');
    if (outcome.kind !== 'data') return;
    assert.equal(outcome.mediaType, 'text/markdown');
    assert.equal(Buffer.from(outcome.base64, 'base64').toString('utf8'), opened.target.text);
    assert.deepEqual(readdirSync(workspace).sort(), before);
  });
});
