import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { run } from '../../electron/cli/export.ts';
import { saveAlignment } from '../../electron/services/alignment-store.ts';
import { exportAlignment } from '../../electron/services/export.ts';
import { maxCellCharacters, spreadsheetFont, toXlsx } from '../../electron/services/xlsx.ts';
import { isBitextError } from '../../shared/errors.ts';
import { exportFormats } from '../../shared/formats/export-format.ts';
import type { Alignment } from '../../shared/model/alignment.ts';
import { corpusAlignment, english, makeAlignment, makeDocument, thai } from '../reference/corpus-alignment.ts';
import { hostile } from '../reference/hostile.ts';
import { readBack } from '../reference/read-back.ts';

interface XlsxRead {
  sheets: string[];
  rows: (string | number | null)[][];
  types: string[][];
  freeze: string | null;
  wrap: boolean[];
  fonts: string[];
}

let folder: string;
let corpus: Alignment;
before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'bitext-export-'));
  corpus = await corpusAlignment();
});
after(() => rmSync(folder, { recursive: true, force: true }));

/** Names in the export folder other than `keep`: must be empty after a failed export (no temp file left). */
function strayFiles(...keep: string[]): string[] {
  return readdirSync(folder).filter((name) => !keep.includes(name) && !name.startsWith('case-'));
}

describe('toXlsx', () => {
  it('writes the pairs side by side, read back by openpyxl as text cells, header frozen, wrapped, in a Thai-capable font', async () => {
    const { bytes, extracted } = await toXlsx(corpus);
    const read = readBack<XlsxRead>('xlsx', bytes);
    assert.deepEqual(read.sheets, ['Alignment', 'About']);
    assert.deepEqual(read.rows[0], ['#', 'source (en)', 'target (th)', 'status', 'confidence', 'note', 'tags']);
    assert.equal(read.rows.length, 11);
    extracted.pairs.forEach((pair, index) => {
      assert.deepEqual(read.rows[index + 1], [pair.link + 1, pair.source, pair.target, pair.status, pair.confidence, pair.note ?? null, pair.tags.join('; ') || null]);
    });
    assert.equal(read.freeze, 'A2');
    assert.ok(read.wrap.every(Boolean));
    assert.ok(read.fonts.every((font) => font === spreadsheetFont));
  });

  it('keeps formula-like and hostile text as text cells, without characters XML forbids', async () => {
    const alignment = makeAlignment(makeDocument(['=1+1', hostile], english), makeDocument(['@ไทย', 'ก'], thai), [
      { source: [0], target: [0], note: '+2' },
      { source: [1], target: [1], tags: ['-x'] },
    ]);
    const read = readBack<XlsxRead>('xlsx', (await toXlsx(alignment)).bytes);
    assert.deepEqual(read.rows[1]?.slice(1, 3), ['=1+1', '@ไทย']);
    assert.equal(read.types[1]?.[1], 's');
    assert.equal(read.rows[1]?.[5], '+2');
    assert.equal(read.rows[2]?.[1], '<script>alert(1)</script> "><img src=x onerror=alert(1)> ]]> &amp; &foo; &#38; AT&T \uFFFD end');
    assert.equal(read.rows[2]?.[6], '-x');
  });

  it('includes untranslated paragraphs as rows with an empty side', async () => {
    const read = readBack<XlsxRead>('xlsx', (await toXlsx(corpus, { filters: { includeUntranslated: true } })).bytes);
    assert.equal(read.rows.length, 37);
    assert.equal(read.rows.filter((row) => row[2] === null).length, 26);
  });
});

describe('exportAlignment', () => {
  for (const format of exportFormats) {
    it(`writes ${format.label} and never overwrites without being asked`, async () => {
      const path = join(folder, `corpus-${format.id}.${format.extension}`);
      const result = await exportAlignment(corpus, { format: format.id, path });
      assert.equal(result.pairs, 10);
      assert.equal(result.skipped.untranslated, 26);
      assert.equal(readFileSync(path).byteLength, result.bytes);
      const before = readFileSync(path);
      await assert.rejects(
        exportAlignment(corpus, { format: format.id, path, filters: { confirmedOnly: true } }),
        (error) => isBitextError(error) && error.code === 'export-failed' && error.location.file === path,
      );
      assert.deepEqual(readFileSync(path), before);
      const replaced = await exportAlignment(corpus, { format: format.id, path, filters: { confirmedOnly: true }, overwrite: true });
      assert.equal(replaced.pairs, 5);
      assert.notDeepEqual(readFileSync(path), before);
    });
  }

  it('leaves no file, and the old file intact, when rendering fails part-way through', async () => {
    // Link 2 names a paragraph the document does not have: the export fails after rendering links 0 and 1.
    const broken = makeAlignment(makeDocument(['a', 'b', 'c'], english), makeDocument(['ก', 'ข', 'ค'], thai), [
      { source: [0], target: [0] },
      { source: [1], target: [1] },
      { source: [2], target: [7] },
    ]);
    for (const format of exportFormats) {
      const path = join(folder, `broken.${format.extension}`);
      await assert.rejects(exportAlignment(broken, { format: format.id, path }), (error) => isBitextError(error) && error.code === 'invalid-alignment');
      assert.ok(!existsSync(path), `${format.id}: a partial file was left`);
      writeFileSync(path, 'old');
      await assert.rejects(exportAlignment(broken, { format: format.id, path, overwrite: true }));
      assert.equal(readFileSync(path, 'utf8'), 'old');
      rmSync(path);
    }
    assert.deepEqual(strayFiles(...exportFormats.map((format) => `corpus-${format.id}.${format.extension}`)), []);
  });

  it('refuses an XLSX cell longer than Excel holds, naming the link, and writes nothing', async () => {
    const long = makeAlignment(makeDocument(['ok', 'x'.repeat(maxCellCharacters + 1)], english), makeDocument(['ก', 'ข'], thai), [
      { source: [0], target: [0] },
      { source: [1], target: [1] },
    ]);
    const path = join(folder, 'long.xlsx');
    await assert.rejects(exportAlignment(long, { format: 'xlsx', path }), (error) => isBitextError(error) && error.code === 'export-failed' && error.location.link === 1);
    assert.ok(!existsSync(path));
  });

  it('leaves the old file whole when the disk refuses the write mid-file (file size limit)', () => {
    // A child process with a 4 KiB file-size limit: the ~17 KB TMX fails with EFBIG part-way through writing.
    const path = join(folder, 'limited.tmx');
    writeFileSync(path, 'old export');
    const script = fileURLToPath(new URL('../reference/export-corpus.ts', import.meta.url));
    const child = spawnSync('sh', ['-c', 'ulimit -f 8 && exec "$0" --import tsx "$1" tmx "$2"', process.execPath, script, path], { encoding: 'utf8' });
    assert.equal(child.status, 3, child.stdout + child.stderr);
    assert.match(child.stdout, /^io .*EFBIG/);
    assert.equal(readFileSync(path, 'utf8'), 'old export');
    assert.deepEqual(strayFiles('limited.tmx', ...exportFormats.map((format) => `corpus-${format.id}.${format.extension}`)), []);
    // Without the limit the same export goes through.
    const free = spawnSync(process.execPath, ['--import', 'tsx', script, 'tmx', path], { encoding: 'utf8' });
    assert.equal(free.status, 0, free.stdout + free.stderr);
    assert.ok(readFileSync(path, 'utf8').startsWith('<?xml'));
    rmSync(path);
  });
});

describe('bitext export', () => {
  it('exports an alignment file, guessing the format from the extension, and refuses to overwrite without --force', async () => {
    const alignmentPath = join(folder, 'case-corpus.bitext');
    await saveAlignment(alignmentPath, corpus);
    const output = join(folder, 'case-out.tsv');
    assert.equal(await run([alignmentPath, '-o', output, '--include-untranslated', '--deduplicate']), 0);
    const rows = readBack<{ rows: string[][] }>('tsv', readFileSync(output)).rows;
    assert.equal(rows.length, 34);
    await assert.rejects(run([alignmentPath, '-o', output]), (error) => isBitextError(error) && error.code === 'export-failed');
    assert.equal(await run([alignmentPath, '-o', output, '--force', '--format', 'jsonl', '--min-confidence', '0.9']), 0);
    const records = readBack<{ records: unknown[] }>('jsonl', readFileSync(output)).records;
    // Links 11 (0.94), 12 (0.91) and 16 (0.9).
    assert.equal(records.length, 3);
    await assert.rejects(run([alignmentPath, '-o', join(folder, 'case-x.bin')]), (error) => isBitextError(error) && error.code === 'invalid-argument');
    await assert.rejects(run([alignmentPath, '--min-confidence', '2', '-o', join(folder, 'case-y.csv')]), (error) => isBitextError(error) && error.code === 'invalid-argument');
  });
});

describe('bitext report', () => {
  it('writes the report of an alignment file and refuses to overwrite without --force', async () => {
    const { run: report } = await import('../../electron/cli/report.ts');
    const alignmentPath = join(folder, 'case-report.bitext');
    await saveAlignment(alignmentPath, corpus);
    const output = join(folder, 'case-report.html');
    assert.equal(await report([alignmentPath, '-o', output]), 0);
    const read = readBack<{ rows: { id: string }[] }>('html', readFileSync(output));
    assert.equal(read.rows.length, corpus.links.length);
    await assert.rejects(report([alignmentPath, '-o', output]), (error) => isBitextError(error));
    assert.equal(await report([alignmentPath, '-o', output, '--force', '--title', 'NATO <EN-TH>']), 0);
    assert.match(readFileSync(output, 'utf8'), /<h1>NATO &lt;EN-TH&gt;<\/h1>/);
  });
});
