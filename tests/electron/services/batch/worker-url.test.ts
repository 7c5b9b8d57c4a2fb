import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { batchWorkerEntry, batchWorkerUrl, workerUrlFrom } from '../../../../electron/services/batch/worker-url.ts';

test('from the TypeScript sources the worker is worker.ts beside the pool, started through a tsx bootstrap', () => {
  const url = batchWorkerUrl();
  assert.match(url.pathname, /\/electron\/services\/batch\/worker\.ts$/);
  assert.ok(existsSync(fileURLToPath(url)));
  const entry = batchWorkerEntry();
  assert.equal(entry.kind, 'eval');
  assert.ok(entry.kind === 'eval' && entry.code.includes(url.href) && entry.code.includes('register()'));
});

test('from a bundle the worker is batch-worker.mjs at the top of the bundle’s folder, unpacked from an asar archive', () => {
  assert.equal(workerUrlFrom('file:///app/dist/node/cli.mjs').href, 'file:///app/dist/node/batch-worker.mjs');
  assert.equal(workerUrlFrom('file:///app/dist/node/chunks/chunk-AB12.mjs').href, 'file:///app/dist/node/batch-worker.mjs');
  assert.equal(
    workerUrlFrom('file:///opt/Bitext/resources/app.asar/dist/electron/main.cjs').href,
    'file:///opt/Bitext/resources/app.asar.unpacked/dist/electron/batch-worker.mjs',
  );
});
