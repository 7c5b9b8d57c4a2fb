/**
 * The fuzzing harness on CI's short budget (20 s, a fixed seed unless FUZZ_SEED
 * says otherwise): no crash, no hang. `npm run fuzz -- --minutes 5` runs it long.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFuzz } from './harness.ts';

test('fuzzed documents and alignment files, through the CLI services and the HTTP API: no crash, no hang', { timeout: 120_000 }, async (t) => {
  const seed = Number(process.env['FUZZ_SEED'] ?? 13);
  const report = await runFuzz({ budgetMs: Number(process.env['FUZZ_SECONDS'] ?? 20) * 1000, seed });
  t.diagnostic(JSON.stringify({ ...report, crashes: report.crashes.length, hangs: report.hangs.length }));
  assert.ok(report.cases >= 20, `only ${report.cases} cases ran`);
  assert.deepEqual(report.crashes, []);
  assert.deepEqual(report.hangs, []);
});
