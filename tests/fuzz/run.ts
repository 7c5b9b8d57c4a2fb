/**
 * `npm run fuzz -- --minutes 5 [--seed N]`: the fuzzing harness on a long
 * budget. Prints the report as JSON and exits 1 when anything crashed or hung.
 */
import { parseArgs } from 'node:util';
import { runFuzz } from './harness.ts';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '5' }, seed: { type: 'string' }, 'case-timeout': { type: 'string', default: '10' } } });
const seed = values.seed === undefined ? Date.now() % 1_000_000 : Number(values.seed);
const report = await runFuzz({ budgetMs: Number(values.minutes) * 60_000, seed, caseTimeoutMs: Number(values['case-timeout']) * 1000 });
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exitCode = report.crashes.length + report.hangs.length > 0 ? 1 : 0;
