import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCorpus, type CorpusMember } from '../../../../electron/services/batch/corpus-export.ts';
import { isBitextError } from '../../../../shared/errors.ts';
import { english, makeAlignment, makeDocument, thai } from '../../../reference/corpus-alignment.ts';
import { readBack, tmxDtd, xmllint } from '../../../reference/read-back.ts';

const japanese = { bcp47: 'ja', iso6393: 'jpn', script: 'Jpan' } as const;
const now = new Date('2024-05-06T07:08:09Z');

function members(): CorpusMember[] {
  const en = makeDocument(['Nato & Seoul', 'Talks on Monday', 'Shared line'], english, '/data/news.en.txt');
  const th = makeDocument(['นาโต & โซล', 'เจรจาวันจันทร์', 'บรรทัดร่วม'], thai, '/data/news.th.txt');
  const en2 = makeDocument(['Shared line', 'Tokyo <visit>'], english, '/data/news.en.txt');
  const ja = makeDocument(['バンコク', '東京訪問'], japanese, '/data/news.ja.txt');
  const th2 = makeDocument(['บรรทัดร่วม', 'โตเกียว'], thai, '/data/other.th.txt');
  return [
    { name: 'news.en-th', alignment: makeAlignment(en, th, [{ source: [0], target: [0], status: 'confirmed' }, { source: [1], target: [1], confidence: 0.3 }, { source: [2], target: [2] }]) },
    { name: 'news.en-ja', alignment: makeAlignment(en2, ja, [{ source: [0], target: [0] }, { source: [1], target: [1] }]) },
    // The same first pair as news.en-th's third: a duplicate across the corpus.
    { name: 'other.en-th', alignment: makeAlignment(en2, th2, [{ source: [0], target: [0] }, { source: [1], target: [1] }]) },
  ];
}

interface TmxRead {
  sourceLanguage: string | null;
  header: Record<string, string>;
  units: { id: string; source: string; target: string; langs: string[]; props: [string, string][] }[];
}

test('a corpus TMX reads back in translate-toolkit: every pair, unique ids, each unit naming its pair and files', async () => {
  const { data, extracted } = await renderCorpus(members(), 'tmx', { now });
  assert.equal(typeof data, 'string');
  assert.equal(xmllint(data as string, { dtd: tmxDtd }).status, 0, xmllint(data as string, { dtd: tmxDtd }).messages);
  const read = readBack<TmxRead>('tmx', data);
  assert.deepEqual(read.units.map((unit) => `${unit.id} ${unit.source} | ${unit.target} ${unit.langs.join('-')}`), [
    '1-1 Nato & Seoul | นาโต & โซล en-th',
    '1-2 Talks on Monday | เจรจาวันจันทร์ en-th',
    '1-3 Shared line | บรรทัดร่วม en-th',
    '2-1 Shared line | バンコク en-ja',
    '2-2 Tokyo <visit> | 東京訪問 en-ja',
    '3-1 Shared line | บรรทัดร่วม en-th',
    '3-2 Tokyo <visit> | โตเกียว en-th',
  ]);
  assert.deepEqual(read.units[3]!.props.slice(0, 3), [['x-pair', 'news.en-ja'], ['x-source-file', 'news.en.txt'], ['x-target-file', 'news.ja.txt']]);
  // The header names no one pair's files; the sources are all English.
  assert.equal(read.header.srclang, 'en');
  assert.ok(!(data as string).slice(0, (data as string).indexOf('<body>')).includes('x-source-file'));
  assert.equal(extracted.length, 3);
});

test('the filters apply to every pair, and deduplicate works across the corpus', async () => {
  const { data, extracted } = await renderCorpus(members(), 'jsonl', { filters: { deduplicate: true, minConfidence: 0.5 } });
  const records = (data as string).trim().split('\n').map((line) => JSON.parse(line) as { source: string; target: string; provenance: { sourceFile: string; targetFile: string } });
  assert.deepEqual(records.map((record) => `${record.provenance.targetFile}: ${record.source} | ${record.target}`), [
    'news.th.txt: Nato & Seoul | นาโต & โซล',
    'news.th.txt: Shared line | บรรทัดร่วม',
    'news.ja.txt: Shared line | バンコク',
    'news.ja.txt: Tokyo <visit> | 東京訪問',
    'other.th.txt: Tokyo <visit> | โตเกียว',
  ]);
  assert.deepEqual(extracted.map((pairs) => [pairs.skipped.lowConfidence, pairs.skipped.duplicate]), [[1, 0], [0, 0], [0, 1]]);
  const confirmed = await renderCorpus(members(), 'csv', { filters: { confirmedOnly: true } });
  const rows = readBack<{ rows: string[][] }>('csv', confirmed.data).rows;
  assert.deepEqual(rows, [['source', 'target', 'status', 'confidence', 'note', 'tags'], ['Nato & Seoul', 'นาโต & โซล', 'confirmed', '0.9', '', '']]);
});

test('a corpus XLIFF 1.2 has one <file> per pair, told apart by translate-toolkit; XLIFF 2 takes one language pair only', async () => {
  const { data } = await renderCorpus(members(), 'xliff-1.2', { now });
  const read = readBack<{ filenames: string[]; units: { id: string; source: string }[] }>('xliff-1.2', data);
  assert.deepEqual(read.filenames, ['news.en-th/news.en.txt', 'news.en-ja/news.en.txt', 'other.en-th/news.en.txt']);
  assert.equal(new Set(read.units.map((unit) => unit.id)).size, 7);
  await assert.rejects(renderCorpus(members(), 'xliff'), (error) => isBitextError(error) && error.code === 'export-failed' && /XLIFF 1\.2 or TMX/.test(error.message));
  const sameLanguages = members().filter((member) => member.name.endsWith('en-th'));
  const xliff2 = (await renderCorpus(sameLanguages, 'xliff', { now })).data as string;
  assert.deepEqual([...xliff2.matchAll(/<file id="([^"]*)"/g)].map((match) => match[1]), ['f1', 'f2']);
  assert.equal(readBack<{ units: unknown[] }>('xliff-2', xliff2).units.length, 5);
});

test('a corpus XLSX has a sheet per pair and an About sheet listing them', async () => {
  const { data } = await renderCorpus(members(), 'xlsx', { now });
  const read = readBack<{ sheets: string[] }>('xlsx', data);
  assert.deepEqual(read.sheets, ['news.en-th', 'news.en-ja', 'other.en-th', 'About']);
});
