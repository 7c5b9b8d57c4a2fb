/**
 * `bitext export ALIGNMENT -o FILE`: writes the aligned pairs as TMX, XLIFF,
 * CSV/TSV, XLSX or JSONL, with the same filters as the Export… dialog.
 */
import { BitextError } from '../../shared/errors.ts';
import { exportFormatById, exportFormatForPath, exportFormats, type ExportFormat } from '../../shared/formats/export-format.ts';
import { exportUnits, type ExportFilters, type ExportSkipped, type ExportUnit } from '../../shared/formats/export-pairs.ts';
import { readSrxFile } from './srx-file.ts';
import type { Alignment } from '../../shared/model/alignment.ts';
import { builtInRules, rulesMismatches } from '../../shared/model/segmentation-record.ts';
import { loadAlignment } from '../services/alignment-store.ts';
import { exportAlignment, exportCorpus, renderExport } from '../services/export.ts';
import { addSkipped, renderCorpus, type CorpusMember } from '../services/batch/corpus-export.ts';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expectPositionals, parse } from './args.ts';
import { commandInfo } from './commands.ts';

const { usage } = commandInfo.export;


const help = `Usage: ${usage}

Writes one pair per link of the alignment file ALIGNMENT to FILE (stdout when
-o is left out; not for xlsx). The format is --format, else FILE's extension.
Several ALIGNMENT files, or --from-batch DIR (every .bitext file in DIR, as
\`bitext batch\` writes them), go into one file: TMX units with each pair's
files as props, one XLIFF <file> per pair, CSV/TSV/JSONL rows one after the
other, one XLSX sheet per pair.

  --from-batch DIR          export every alignment file in DIR (sorted by name)

  -o, --output FILE         where to write; an existing FILE is refused unless --force
  --format ID               ${exportFormats.map((format) => `${format.id} (${format.label})`).join(', ')}
  --force                   replace FILE if it exists
  --confirmed-only          only links a reviewer confirmed
  --min-confidence N        only links with confidence >= N (0 to 1)
  --include-untranslated    keep paragraphs with no counterpart, with an empty side
                            (CSV, TSV, XLSX, JSONL; XLIFF for source paragraphs; never TMX)
  --deduplicate             keep the first of identical pairs (across every file)
  --include-rejected        keep links a reviewer rejected
  --unit paragraph|sentence one pair per link (default), or per sentence link inside
                            each link, recording the link it belongs to
  --srx FILE                cut sentences by the SRX 2.0 rules in FILE (with --unit sentence)
  --keep-unsure-boundaries  with --unit sentence, export every sentence pair as the aligner
                            made it (by default two pairs whose boundary the aligner is
                            unsure of, either below confidence 0.8, are exported as one)

With --unit sentence, links that store their sentence pairs (fixed in the app,
or stored by \`bitext align --sentences\`) give those pairs as stored, with any
sentence a reviewer cut or joined; a warning names them when they were cut by
other rules than the ones in use now (the built-in rules, or --srx FILE).
`;

/** Runs `bitext export`. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    force: { type: 'boolean', default: false },
    'confirmed-only': { type: 'boolean', default: false },
    'min-confidence': { type: 'string' },
    'include-untranslated': { type: 'boolean', default: false },
    deduplicate: { type: 'boolean', default: false },
    'include-rejected': { type: 'boolean', default: false },
    'from-batch': { type: 'string' },
    unit: { type: 'string', default: 'paragraph' },
    srx: { type: 'string' },
    'keep-unsure-boundaries': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const files = values['from-batch'] !== undefined ? [...positionals, ...(await batchFiles(values['from-batch']))] : positionals;
  expectPositionals(files, 1, Infinity, usage);
  const format = chooseFormat(values.format, values.output);
  // The one place the options become filters: a new filter (such as sentence units, `--unit`) is added here and in the usage.
  let filters: ExportFilters = {
    confirmedOnly: values['confirmed-only'],
    minConfidence: parseConfidence(values['min-confidence']),
    includeUntranslated: values['include-untranslated'],
    deduplicate: values.deduplicate,
    includeRejected: values['include-rejected'],
    unit: parseUnit(values.unit),
    unsureBoundaries: values['keep-unsure-boundaries'] ? 'keep' : 'merge',
  };
  const srx = values.srx !== undefined ? await readSrxFile(values.srx, 'export') : undefined;
  if (srx) filters = { ...filters, segmentation: srx.rules };
  /** Sentence units cut by other rules than the file's stored pairs or its aligner's: said, not changed (a fix is never re-cut). */
  const warnRules = (alignment: Alignment, file: string) => {
    if (filters.unit !== 'sentence') return;
    for (const message of rulesMismatches(alignment, srx?.record ?? builtInRules)) process.stderr.write(`bitext export: warning: ${file}: ${message}\n`);
  };
  if (values.output === undefined && format.output === 'binary') {
    throw new BitextError('invalid-argument', `${format.label} is a binary format: give a file with -o`);
  }

  if (files.length > 1 || values['from-batch'] !== undefined) return exportMany(files, format, filters, values.output, values.force, warnRules);
  const { alignment, report } = await loadAlignment(files[0]!);
  for (const document of [report.source, report.target]) {
    // The export uses the paragraph texts saved in the alignment, which is what was reviewed.
    if (document.status !== 'ok') process.stderr.write(`bitext export: note: ${document.message}\n`);
  }
  warnRules(alignment, files[0]!);

  if (values.output === undefined) {
    const { data, extracted } = await renderExport(alignment, format.id, { filters });
    process.stdout.write(data);
    process.stderr.write(`Exported ${extracted.pairs.length} pairs${describeSkipped(extracted.skipped)}\n`);
    return 0;
  }
  const result = await exportAlignment(alignment, { format: format.id, path: values.output, filters, overwrite: values.force });
  process.stderr.write(`Wrote ${result.pairs} pairs to ${result.path} (${format.label})${describeSkipped(result.skipped)}\n`);
  return 0;
}

/** Several alignment files into one export. */
async function exportMany(
  files: readonly string[],
  format: ExportFormat,
  filters: ExportFilters,
  output: string | undefined,
  force: boolean,
  warnRules: (alignment: Alignment, file: string) => void,
): Promise<number> {
  const members: CorpusMember[] = [];
  for (const file of files) {
    const { alignment, report } = await loadAlignment(file);
    for (const document of [report.source, report.target]) {
      if (document.status !== 'ok') process.stderr.write(`bitext export: note: ${document.message}\n`);
    }
    warnRules(alignment, file);
    members.push({ name: basename(file).replace(/\.bitext$/i, ''), alignment });
  }
  if (output === undefined) {
    const { data, extracted } = await renderCorpus(members, format.id, { filters });
    process.stdout.write(data);
    const pairs = extracted.reduce((sum, each) => sum + each.pairs.length, 0);
    process.stderr.write(`Exported ${pairs} pairs from ${members.length} alignments${describeSkipped(addSkipped(extracted))}\n`);
    return 0;
  }
  const result = await exportCorpus(members, { format: format.id, path: output, filters, overwrite: force });
  process.stderr.write(`Wrote ${result.pairs} pairs from ${members.length} alignments to ${result.path} (${format.label})${describeSkipped(result.skipped)}\n`);
  return 0;
}

/** The alignment files of a batch's output folder, sorted by name. */
async function batchFiles(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    throw new BitextError('io', `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: folder }, { cause: error });
  }
  const files = names.filter((name) => !name.startsWith('.') && name.toLowerCase().endsWith('.bitext')).sort();
  if (files.length === 0) throw new BitextError('invalid-argument', 'no .bitext files in the folder', { file: folder });
  return files.map((name) => join(folder, name));
}

function chooseFormat(id: string | undefined, output: string | undefined): ExportFormat {
  if (id !== undefined) return exportFormatById(id);
  const guessed = output !== undefined ? exportFormatForPath(output) : undefined;
  if (guessed) return guessed;
  throw new BitextError(
    'invalid-argument',
    `cannot tell the format${output ? ` from "${output}"` : ''}: give --format (${exportFormats.map((format) => format.id).join(', ')})`,
  );
}

function parseUnit(text: string | undefined): ExportUnit {
  const unit = exportUnits.find((candidate) => candidate === text);
  if (!unit) throw new BitextError('invalid-argument', `--unit takes ${exportUnits.join(' or ')}, got "${text}"`);
  return unit;
}

function parseConfidence(text: string | undefined): number {
  if (text === undefined) return 0;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new BitextError('invalid-argument', `--min-confidence takes a number from 0 to 1, got "${text}"`);
  }
  return value;
}

function describeSkipped(skipped: ExportSkipped): string {
  const parts = Object.entries(skipped)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${count} ${reasonNames[reason as keyof ExportSkipped]}`);
  return parts.length > 0 ? `; left out ${parts.join(', ')}` : '';
}

const reasonNames: Record<keyof ExportSkipped, string> = {
  untranslated: 'untranslated',
  rejected: 'rejected',
  unconfirmed: 'not confirmed',
  lowConfidence: 'below the minimum confidence',
  duplicate: 'duplicates',
};
