import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { batchWorkerEntry, batchWorkerUrl } from '../../../../electron/services/batch/worker-url.ts';

test('from the TypeScript sources the worker is worker.ts beside the pool, started through a tsx bootstrap', () => {
  const url = batchWorkerUrl();
  assert.match(url.pathname, /\/electron\/services\/batch\/worker\.ts$/);
  assert.ok(existsSync(fileURLToPath(url)));
  const entry = batchWorkerEntry();
  assert.equal(entry.kind, 'eval');
  assert.ok(entry.kind === 'eval' && entry.code.includes(url.href) && entry.code.includes('register()'));
});
