/**
 * `bitext report ALIGNMENT -o report.html`: writes the review report (both
 * texts side by side, statuses, notes, tags, flags, summary, dot plot) as one
 * self-contained HTML file.
 */
import { writeFileAtomic } from '../services/atomic-write.ts';
import { loadAlignment } from '../services/alignment-store.ts';
import { renderReport } from '../../shared/report/html.ts';
import { mismatchFlags } from '../../shared/review/mismatch.ts';
import { expectPositionals, parse } from './args.ts';
import { commandInfo } from './commands.ts';

const { usage } = commandInfo.report;


/** Runs `bitext report`. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean', default: false },
    title: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`Usage: ${usage}\n\nWrites to stdout when -o is left out. An existing FILE is refused unless --force.\n`);
    return 0;
  }
  expectPositionals(positionals, 1, 1, usage);
  const { alignment, report } = await loadAlignment(positionals[0]!);
  for (const document of [report.source, report.target]) {
    if (document.status !== 'ok') process.stderr.write(`bitext report: note: ${document.message}\n`);
  }
  const flags = mismatchFlags(alignment);
  const html = renderReport(alignment, { flags, ...(values.title ? { title: values.title } : {}) });
  if (values.output === undefined) {
    process.stdout.write(html);
    return 0;
  }
  await writeFileAtomic(values.output, html, { overwrite: values.force });
  process.stderr.write(`Wrote the report of ${alignment.links.length} links to ${values.output}\n`);
  return 0;
}
