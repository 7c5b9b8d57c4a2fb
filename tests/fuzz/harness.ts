/**
 * The fuzzing harness (issue 13): mutated documents and alignment files,
 * through the services the CLI uses (reading, aligning, loading, exporting,
 * reporting) and through the browser host's HTTP API on 127.0.0.1. It counts
 * cases, crashes (an error that is not a BitextError, or an HTTP answer of 500
 * and up), hangs (a case over its time budget) and the peak memory of the
 * process. A crash is reported with the seed and case number that replay it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isBitextError } from '../../shared/errors.ts';
import { readDocument } from '../../electron/services/documents.ts';
import { loadAlignment } from '../../electron/services/alignment-store.ts';
import { renderExport } from '../../electron/services/export.ts';
import { renderReport } from '../../shared/report/html.ts';
import { alignDocuments } from '../../shared/pipeline.ts';
import { loadDocument } from '../../shared/document/load.ts';
import { apiMethods } from '../../shared/api.ts';
import { exportFormats } from '../../shared/formats/export-format-list.ts';
import { startHttpHost, tokenHeader, type HttpHost } from '../../electron/http-host.ts';
import { createWorkbenchService } from '../../electron/services/workbench-service.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { mutateBytes, mutateJson, seededRandom, type Random } from './mutator.ts';

const root = resolve(import.meta.dirname, '..', '..');

/** Options of {@link runFuzz}. */
export interface FuzzOptions {
  /** How long to run, in milliseconds. */
  readonly budgetMs: number;
  readonly seed: number;
  /** A case taking longer than this is a hang. Default 10 s. */
  readonly caseTimeoutMs?: number;
}

/** One crash or hang, with what replays it. */
export interface FuzzFinding {
  readonly kind: 'crash' | 'hang';
  readonly target: string;
  readonly seed: number;
  readonly case: number;
  readonly detail: string;
}

/** What a run found. */
export interface FuzzReport {
  readonly seed: number;
  readonly seconds: number;
  readonly cases: number;
  readonly byTarget: Record<string, number>;
  /** Cases refused with a BitextError or a 4xx answer (expected for damaged input). */
  readonly refused: number;
  readonly crashes: readonly FuzzFinding[];
  readonly hangs: readonly FuzzFinding[];
  readonly slowestCaseMs: number;
  /** Peak resident set size of the process over the run, in MiB. */
  readonly peakRssMiB: number;
}

interface Seeds {
  readonly documents: readonly Uint8Array[];
  readonly alignments: readonly Uint8Array[];
}

function loadSeeds(): Seeds {
  const corpus = join(root, 'corpus');
  const documents = readdirSync(corpus).filter((name) => name.endsWith('.txt')).map((name) => new Uint8Array(readFileSync(join(corpus, name))));
  const fixtures = join(root, 'tests', 'fixtures', 'alignment-files');
  const alignments = readdirSync(fixtures).filter((name) => /\.(bitext|json)$/.test(name)).map((name) => new Uint8Array(readFileSync(join(fixtures, name))));
  return { documents, alignments };
}

type Outcome = 'ok' | 'refused' | { readonly crash: string };

/** Upload names a page might send: dot names, hidden files, bidi tricks, odd extensions, long names. */
const uploadNames = ['..', '.', '.bash_profile', 'a\u202Etxt.exe', 'x.html', 'x.exe', 'x', 'x'.repeat(300) + '.txt', ' .txt', 'a:b.txt', 'pair.bitext', 'x.json'];

/** Runs fuzz cases until the budget is spent, and reports. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const caseTimeoutMs = options.caseTimeoutMs ?? 10_000;
  const seeds = loadSeeds();
  const dir = mkdtempSync(join(tmpdir(), 'bitext-fuzz-'));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  // The documents small-pair.bitext names, so that loading it reads real files (and their hashes differ).
  for (const name of ['article.en.txt', 'article.th.txt']) writeFileSync(join(dir, name), seeds.documents[0]!.subarray(0, 2000));
  const service = createWorkbenchService({ host: 'browser', rootDir: root, workspace, settings: createSettingsStore(join(dir, 'settings.json')) });
  const host = await startHttpHost({ api: service, assetsDir: join(dir, 'assets') });
  const small = await loadDocument(new TextEncoder().encode('A short original.\n\nIts second paragraph, with 2024.\n'), 'small.txt', { detectParagraphs: false });

  const targets: Record<string, (random: Random, index: number) => Promise<Outcome>> = {
    'document (CLI services)': async (random, index) => {
      const path = join(dir, `document-${index % 4}.txt`);
      writeFileSync(path, mutateMany(pick(random, seeds.documents), random));
      return settle(async () => {
        const document = await readDocument(path, { detectParagraphs: false });
        if (random() < 0.3) alignDocuments(document, small, { now: '2024-01-01T00:00:00.000Z' });
      });
    },
    'alignment file (CLI services)': async (random, index) => {
      const path = join(dir, `alignment-${index % 4}.bitext`);
      writeFileSync(path, mutatedAlignment(seeds, random));
      return settle(async () => {
        const { alignment } = await loadAlignment(path);
        await renderExport(alignment, pick(random, exportFormats).id);
        renderReport(alignment);
      });
    },
    'HTTP openPair upload, then save': async (random, index) => {
      const bytes = mutateMany(pick(random, seeds.documents), random);
      const name = random() < 0.3 ? pick(random, uploadNames) : `fuzz-${index % 50}.txt`;
      const body = JSON.stringify({
        source: { kind: 'upload', name, base64: Buffer.from(bytes).toString('base64') },
        target: { kind: 'path', path: join(root, 'corpus', 'nato-asia-2023.th.translation.txt') },
        align: random() < 0.3,
      });
      const opened = await post(host, 'openPair', body);
      if (opened.status !== 200 || random() < 0.5) return judgeHttp(opened);
      // Saving writes the upload beside the alignment, under its own name.
      const { alignment } = (JSON.parse(opened.body) as { value: { alignment: unknown } }).value;
      return judgeHttp(await post(host, 'saveAlignment', JSON.stringify({ alignment, path: `saved-${index % 50}.bitext`, overwrite: true })));
    },
    'HTTP openAlignment upload': async (random) => {
      const body = JSON.stringify({ file: { kind: 'upload', name: 'fuzz.bitext', base64: Buffer.from(mutatedAlignment(seeds, random)).toString('base64') } });
      return judgeHttp(await post(host, 'openAlignment', body));
    },
    'HTTP any method, mutated body': async (random) => {
      const method = pick(random, apiMethods);
      const valid = { alignment: JSON.parse(new TextDecoder().decode(seeds.alignments[0]!)), path: 'fuzz.bitext', folder: '.', documents: [], side: 'source' };
      let body = JSON.stringify(mutateJson(valid, random));
      if (random() < 0.3) body = new TextDecoder().decode(mutateBytes(new TextEncoder().encode(body), random));
      return judgeHttp(await post(host, method, body));
    },
  };

  const names = Object.keys(targets);
  const byTarget: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  const crashes: FuzzFinding[] = [];
  const hangs: FuzzFinding[] = [];
  let refused = 0;
  let cases = 0;
  let slowest = 0;
  let peak = process.memoryUsage().rss;
  const started = performance.now();
  try {
    while (performance.now() - started < options.budgetMs) {
      const index = cases++;
      // Each case has its own generator, so one case replays from (seed, case) alone.
      const random = seededRandom(options.seed * 1_000_003 + index);
      const target = names[index % names.length]!;
      byTarget[target]!++;
      const caseStarted = performance.now();
      let outcome: Outcome;
      let timer: NodeJS.Timeout | undefined;
      try {
        outcome = await Promise.race([
          targets[target]!(random, index),
          new Promise<Outcome>((done) => (timer = setTimeout(() => done({ crash: 'timed out' }), caseTimeoutMs))),
        ]);
      } finally {
        clearTimeout(timer);
      }
      const elapsed = performance.now() - caseStarted;
      slowest = Math.max(slowest, elapsed);
      peak = Math.max(peak, process.memoryUsage().rss);
      if (elapsed > caseTimeoutMs) hangs.push({ kind: 'hang', target, seed: options.seed, case: index, detail: `${elapsed.toFixed(0)} ms` });
      else if (outcome === 'refused') refused++;
      else if (outcome !== 'ok') crashes.push({ kind: 'crash', target, seed: options.seed, case: index, detail: outcome.crash });
    }
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    seed: options.seed,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    cases,
    byTarget,
    refused,
    crashes,
    hangs,
    slowestCaseMs: Math.round(slowest),
    peakRssMiB: Math.round(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 1024 / 1024),
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function mutateMany(bytes: Uint8Array, random: Random): Uint8Array {
  let out = bytes;
  for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) out = mutateBytes(out, random);
  return out;
}

function mutatedAlignment(seeds: Seeds, random: Random): Uint8Array {
  const seed = pick(random, seeds.alignments);
  if (random() < 0.3) return mutateMany(seed, random);
  let value = JSON.parse(new TextDecoder().decode(seed)) as unknown;
  for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) value = mutateJson(value, random);
  return new TextEncoder().encode(JSON.stringify(value));
}

async function settle(run: () => Promise<void>): Promise<Outcome> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    if (isBitextError(error)) return 'refused';
    return { crash: error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error) };
  }
}

function judgeHttp(reply: { status: number; body: string }): Outcome {
  if (reply.status === 200) return 'ok';
  if (reply.status >= 400 && reply.status < 500) return 'refused';
  return { crash: `HTTP ${reply.status}: ${reply.body.slice(0, 300)}` };
}

function post(host: HttpHost, method: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', [tokenHeader]: host.token },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', fail);
    request.end(body);
  });
}
