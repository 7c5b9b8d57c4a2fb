import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSettingsStore } from '../../../../electron/services/settings.ts';
import { createWorkbenchService } from '../../../../electron/services/workbench-service.ts';
import type { BatchStatus, WorkbenchApi } from '../../../../shared/api.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const corpus = join(root, 'corpus');

async function finish(api: WorkbenchApi, status: BatchStatus): Promise<BatchStatus> {
  let current = status;
  while (current.state === 'running') {
    await new Promise((done) => setTimeout(done, 100));
    current = await api.batchStatus({ id: current.id });
  }
  return current;
}

test('Align all in the browser host: the corpus pair written inside the workspace, nowhere else; a second run keeps it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-align-all-'));
  const workspace = join(dir, 'workspace');
  const api = createWorkbenchService({ host: 'browser', rootDir: root, workspace, settings: createSettingsStore(join(dir, 'settings.json')) });
  await assert.rejects(api.alignFolder({ folder: corpus, outFolder: '../outside' }), /forbidden|workspace|may not/i);
  const started = await api.alignFolder({ folder: corpus, outFolder: 'corpus-aligned' });
  assert.equal(started.total, 1);
  assert.deepEqual(started.pairs.map((pair) => pair.state), ['waiting']);
  const done = await finish(api, started);
  assert.equal(done.state, 'finished');
  assert.deepEqual(done.pairs.map((pair) => [pair.name, pair.state, pair.links]), [['nato-asia-2023.en.original-with-page-clutter-th.translation', 'aligned', 36]]);
  assert.ok(existsSync(join(workspace, 'corpus-aligned', 'nato-asia-2023.en.original-with-page-clutter-th.translation.bitext')));
  // The file opens for review.
  const session = await api.openAlignment({ file: { kind: 'path', path: done.pairs[0]!.output } });
  assert.equal(session.alignment.links.length, 36);
  const again = await finish(api, await api.alignFolder({ folder: corpus, outFolder: 'corpus-aligned' }));
  assert.deepEqual(again.pairs.map((pair) => pair.state), ['up-to-date']);
  await assert.rejects(api.batchStatus({ id: 'no-such-batch' }), /no batch/);
});

test('Cancel stops an Align all: the pairs not finished are cancelled', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-align-all-'));
  const api = createWorkbenchService({ host: 'electron', rootDir: root, settings: createSettingsStore(join(dir, 'settings.json')) });
  const started = await api.alignFolder({ folder: corpus, outFolder: join(dir, 'out') });
  const cancelled = await api.batchStatus({ id: started.id, cancel: true });
  const done = await finish(api, cancelled);
  assert.equal(done.state, 'cancelled');
  assert.deepEqual(done.pairs.map((pair) => pair.state), ['cancelled']);
});
