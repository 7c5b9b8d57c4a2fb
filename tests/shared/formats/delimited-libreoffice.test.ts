/**
 * What LibreOffice Calc runs as a formula when it opens a CSV file, checked
 * against the cells the export neutralises (issue 13, finding 11). Runs
 * Debian's LibreOffice (`libreoffice-calc-nogui`) headless: each probe cell is
 * written raw and neutralised, converted to XLSX, and read back with openpyxl,
 * which tells a formula cell from a text cell. Skipped where LibreOffice is not
 * installed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { neutraliseFormula, quoteField } from '../../../shared/formats/delimited.ts';

const libreoffice = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((path) => existsSync(path));

/** Cells a spreadsheet might run: the usual starts, and what the probe of issue 13 asked about. */
const probes = [
  '=1+1', '=-1+1', '=1+1 ', '\r=1+1', '\n=1+1', '\r\n=1+1', ' =1+1', '  =1+1', '\t=1+1', '\u3000=1+1', '\u00a0=1+1',
  '\u200b=1+1', '\ufeff=1+1', '＝1+1', '＋1+1', '－1+1', '＠1+1', '-1+1', '+1+1', '-2-3', '@SUM(1)', '@A1', '-A1', '+A1',
  '{=1+1}', '%=1+1', '1+1', '=HYPERLINK("http://example.invalid","x")',
];

const readCells = String.raw`
import json, sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([[row[0].value, row[1].data_type] for row in sheet.iter_rows()]))
`;

/** Which of `cells` LibreOffice reads as formulas, by index. */
function formulaCells(cells: readonly string[], dir: string, name: string): number[] {
  const csv = join(dir, `${name}.csv`);
  // As the export writes: a byte-order mark, RFC 4180 quoting, CRLF records.
  writeFileSync(csv, `\uFEFF${cells.map((cell, index) => `${index},${quoteField(cell, ',')}`).join('\r\n')}\r\n`);
  // 44: comma, 34: double quote, 76: UTF-8, 1: from the first line.
  execFileSync(libreoffice!, ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const script = join(dir, 'read.py');
  writeFileSync(script, readCells);
  const rows = JSON.parse(execFileSync('/usr/bin/python3', [script, join(dir, `${name}.xlsx`)], { encoding: 'utf8' })) as [number | string, string][];
  return rows.filter(([, type]) => type === 'f').map(([index]) => Number(String(index).replace(/^\uFEFF/, '')));
}

test('LibreOffice runs no neutralised cell, and every cell it would run is neutralised', { skip: libreoffice ? false : 'LibreOffice is not installed' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-libreoffice-'));
  try {
    const raw = formulaCells(probes, dir, 'raw');
    // The probe must see formulas run, or it proves nothing: LibreOffice 7.4 runs exactly the cells starting with "=".
    assert.deepEqual(raw.map((index) => probes[index]), probes.filter((cell) => cell.startsWith('=')));
    for (const index of raw) assert.notEqual(neutraliseFormula(probes[index]!), probes[index], `${JSON.stringify(probes[index])} is run but not neutralised`);
    assert.deepEqual(formulaCells(probes.map(neutraliseFormula), dir, 'neutralised'), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
