/**
 * Runs the reference readers (tests/reference/read-export.py, on Debian's
 * /usr/bin/python3 with translate-toolkit, lxml and openpyxl; Python's own csv,
 * json and html.parser) on an export or a report and
 * returns what they found, plus `xmllint` for well-formedness and DTD validity.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The formats read-export.py reads. */
export type ReferenceFormat = 'tmx' | 'xliff-1.2' | 'xliff-2' | 'csv' | 'tsv' | 'xlsx' | 'jsonl' | 'html';

const script = fileURLToPath(new URL('./read-export.py', import.meta.url));
/** The TMX 1.4b DTD written for the tests (see its header for where it came from). */
export const tmxDtd = fileURLToPath(new URL('../fixtures/tmx14b.dtd', import.meta.url));

/** Writes `data` to a temporary file named `name`, runs `use` on its path, removes it. */
export function withTempFile<T>(name: string, data: string | Uint8Array, use: (path: string) => T): T {
  const folder = mkdtempSync(join(tmpdir(), 'bitext-reference-'));
  try {
    const path = join(folder, name);
    writeFileSync(path, data);
    return use(path);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** What the reference reader found in the export `data` (parsed from its JSON output). */
export function readBack<T = Record<string, unknown>>(format: ReferenceFormat, data: string | Uint8Array): T {
  const extension = format.startsWith('xliff') ? 'xlf' : format;
  return withTempFile(`export.${extension}`, data, (path) => {
    const output = execFileSync('/usr/bin/python3', [script, format, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(output) as T;
  });
}

/** The result of `xmllint --noout` on `xml` (optionally against a DTD): exit status and messages. */
export function xmllint(xml: string, options: { dtd?: string } = {}): { status: number; messages: string } {
  return withTempFile('export.xml', xml, (path) => {
    const args = ['--noout', '--nonet', ...(options.dtd ? ['--dtdvalid', options.dtd] : []), path];
    const result = spawnSync('xmllint', args, { encoding: 'utf8' });
    return { status: result.status ?? -1, messages: `${result.stdout}${result.stderr}` };
  });
}
