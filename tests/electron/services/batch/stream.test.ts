import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { alignJsonlStream, readLines } from '../../../../electron/services/batch/stream.ts';
import { createPool, type BatchPool } from '../../../../electron/services/batch/pool.ts';
import type { BatchJob, BatchJobResult } from '../../../../electron/services/batch/job.ts';

/** A pool whose jobs finish in an order the test chooses (later records first), counting jobs in flight. */
function fakePool(delay: (id: number) => number) {
  let running = 0;
  let peak = 0;
  const pool: BatchPool = {
    async run(job: BatchJob): Promise<BatchJobResult> {
      assert.equal(job.kind, 'texts');
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, delay(Number(job.id))));
      running--;
      if (job.sourceText === 'boom') throw new Error('the aligner failed');
      return { kind: 'texts', line: JSON.stringify({ id: job.id, links: job.sourceText.length }) };
    },
    async close() {},
  };
  return { pool, peak: () => peak };
}

/** An input of `count` records that counts how many lines were pulled from it. */
function countingInput(count: number, record: (index: number) => string) {
  let pulled = 0;
  const input = Readable.from(
    (function* () {
      for (let index = 1; index <= count; index++) {
        pulled = index;
        yield `${record(index)}\n`;
      }
    })(),
    { objectMode: false, highWaterMark: 1 },
  );
  return { input, pulled: () => pulled };
}

function collect(onLine?: (line: string) => void) {
  const lines: string[] = [];
  const output = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        lines.push(line);
        onLine?.(line);
      }
      callback();
    },
  });
  return { output, lines };
}

test('records come out in input order though they finish out of order, and failures are records', async () => {
  const { pool } = fakePool((id) => (id % 3 === 0 ? 1 : 30 - id));
  const records = [
    '{"id":1,"source_text":"a","target_text":"b"}',
    '{"id":2,"source_text":"boom","target_text":"b"}',
    'not json',
    '{"id":4,"source_text":3,"target_text":"b"}',
    '',
    '{"id":6,"source_text":"abcdef","target_text":"b"}\r',
    '{"source_text":"abc","target_text":"b"}',
  ];
  const { output, lines } = collect();
  const summary = await alignJsonlStream(Readable.from([records.join('\n')]), output, { pool, inFlight: 4, pairs: false });
  assert.deepEqual(lines, [
    '{"id":1,"links":1}',
    '{"id":2,"error":"the aligner failed"}',
    '{"id":null,"error":"record 3 is not JSON: Unexpected token \'o\', \\"not json\\" is not valid JSON"}',
    '{"id":4,"error":"\\"source_text\\" must be a string"}',
    '{"id":6,"links":6}',
    '{"id":null,"error":"record 6 has no \\"id\\""}',
  ]);
  assert.deepEqual(summary, { records: 6, errors: 4 });
});

test('memory stays bounded: at most inFlight records in flight, and input is read only as output is written', async () => {
  const { pool, peak } = fakePool((id) => (id % 2 === 0 ? 5 : 1));
  const { input, pulled } = countingInput(200, (index) => JSON.stringify({ id: index, source_text: 'x'.repeat(100), target_text: 'y' }));
  let maxAhead = 0;
  const { output, lines } = collect(() => {
    maxAhead = Math.max(maxAhead, pulled() - lines.length);
  });
  await alignJsonlStream(input, output, { pool, inFlight: 3, pairs: false });
  assert.equal(lines.length, 200);
  assert.deepEqual(lines.map((line) => JSON.parse(line).id), Array.from({ length: 200 }, (_, index) => index + 1));
  assert.ok(peak() <= 3, `at most 3 records aligned at once, saw ${peak()}`);
  // The reader runs ahead of the writer by the window and the stream's small buffers, not by the input's size.
  assert.ok(maxAhead <= 3 + 16, `input read ${maxAhead} records ahead of the output`);
});

test('readLines splits LF and CRLF across chunk boundaries and multi-byte characters', async () => {
  const bytes = Buffer.from('{"a":"ไทย"}\r\n{"b":"日本"}\nlast', 'utf8');
  const chunks = [bytes.subarray(0, 9), bytes.subarray(9, 14), bytes.subarray(14)];
  const lines = [];
  for await (const line of readLines(Readable.from(chunks))) lines.push(line);
  assert.deepEqual(lines, ['{"a":"ไทย"}', '{"b":"日本"}', 'last']);
});

test('on real workers: the links of a record, and the pairs with --pairs', async () => {
  const pool = createPool(1);
  try {
    const record = { id: 'doc-1', source_text: 'Hello world.\n\nThe meeting is on Monday 5 May 2024.', target_text: 'Bonjour le monde.\n\nLa réunion est le lundi 5 mai 2024.', source_lang: 'en' };
    const { output, lines } = collect();
    await alignJsonlStream(Readable.from([`${JSON.stringify(record)}\n`]), output, { pool, inFlight: 2, pairs: true });
    const result = JSON.parse(lines[0]!);
    assert.equal(result.id, 'doc-1');
    assert.equal(result.source_lang, 'en');
    assert.deepEqual(result.links.map((link: { source: number[]; target: number[] }) => `${link.source}-${link.target}`), ['0-0', '1-1']);
    assert.deepEqual(result.pairs[1], { source: 'The meeting is on Monday 5 May 2024.', target: 'La réunion est le lundi 5 mai 2024.', confidence: result.links[1].confidence });
  } finally {
    await pool.close();
  }
});
