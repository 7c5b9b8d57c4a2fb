/**
 * `--srx FILE` of `bitext align` and `bitext export`: the SRX 2.0 rules in
 * FILE, read and parsed (a bad file is refused naming it and the line);
 * rules JavaScript cannot run are left out, each named on stderr. With them
 * comes their record (the file's name and the SHA-256 of its text), which
 * `bitext align` writes into the alignment file and `bitext export` compares
 * with the rules the file's sentences were cut by.
 */
import { readFile } from 'node:fs/promises';
import { BitextError } from '../../shared/errors.ts';
import { parseSrx } from '../../shared/text/srx.ts';
import type { SegmentationRules } from '../../shared/text/sentences.ts';
import type { SegmentationRecord } from '../../shared/model/alignment.ts';
import { srxRecord } from '../../shared/model/segmentation-record.ts';

/** The rules of the SRX file at `path` and their record; `command` names the command in warnings. */
export async function readSrxFile(path: string, command: string): Promise<{ rules: SegmentationRules; record: SegmentationRecord }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BitextError('io', `cannot read the SRX file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: path }, { cause: error });
  }
  const rules = parseSrx(text, path);
  for (const warning of rules.warnings) process.stderr.write(`bitext ${command}: warning: ${path}${warning.line ? `:${warning.line}` : ''}: ${warning.message}; rule left out\n`);
  return { rules, record: await srxRecord(path, text) };
}
