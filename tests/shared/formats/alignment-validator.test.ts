/**
 * shared/formats/alignment-validator.generated.js is ajv's standalone code for the
 * alignment schema: it must be the code the schema generates today.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../../..', import.meta.url));

test('the generated validator matches schema/alignment.schema.json', () => {
  const check = spawnSync(process.execPath, ['scripts/generate-validator.js', '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
});
