/**
 * The browser host against what the probe of issue 13 found, over real HTTP on
 * 127.0.0.1: an alignment file that reaches outside the workspace (finding 1),
 * upload names (finding 3) and request bodies that cost memory and time
 * (finding 7). Each test failed before its fix.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHttpHost, tokenHeader, type HttpHost } from '../../../electron/http-host.ts';
import { createWorkbenchService } from '../../../electron/services/workbench-service.ts';
import { createSettingsStore } from '../../../electron/services/settings.ts';
import { loadDocument } from '../../../shared/document/load.ts';
import { alignDocuments } from '../../../shared/pipeline.ts';
import { serializeAlignment } from '../../../shared/formats/alignment-json.ts';
import { apiMethods, type Session, type WorkbenchApi } from '../../../shared/api.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const thaiPath = join(root, 'corpus', 'nato-asia-2023.th.translation.txt');

interface Reply {
  readonly status: number;
  readonly body: string;
}

/** POSTs `body` (bytes or a string) to the API method `method`, in chunks so a refusal can come before the end. */
function post(host: HttpHost, method: string, body: string | Buffer): Promise<Reply> {
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
    // The host may answer and stop reading before the whole body is sent.
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : fail(error)));
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    let offset = 0;
    const pump = () => {
      while (offset < bytes.length) {
        const chunk = bytes.subarray(offset, offset + 1024 * 1024);
        offset += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      request.end();
    };
    pump();
  });
}

const call = (host: HttpHost, method: string, argument: unknown) => post(host, method, argument === undefined ? '' : JSON.stringify(argument));

describe('browser host hardening', () => {
  let dir: string;
  let workspace: string;
  let host: HttpHost;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-hardening-'));
    workspace = join(dir, 'workspace');
    mkdirSync(workspace);
    const service = createWorkbenchService({ host: 'browser', rootDir: root, workspace, settings: createSettingsStore(join(dir, 'settings.json')) });
    host = await startHttpHost({ api: service, assetsDir: join(dir, 'assets') });
  });

  after(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an alignment file uploaded as a document and saved into the workspace cannot open files outside it, with any number of BOMs (finding 1)', async () => {
    const secretPath = join(dir, 'secret.txt');
    const secret = 'The secret paragraph nobody may read through the page.\nAnother private line of text.\n';
    writeFileSync(secretPath, secret);
    const thai = await loadDocument(new Uint8Array(readFileSync(thaiPath)), thaiPath);
    const outside = await loadDocument(new TextEncoder().encode(secret), secretPath);
    const json = serializeAlignment(alignDocuments(outside, thai, { now: '2024-01-01T00:00:00.000Z' }));
    for (const boms of [0, 1, 2, 3]) {
      const name = `x${boms}.bitext`;
      const bytes = Buffer.concat([Buffer.from('\uFEFF'.repeat(boms)), Buffer.from(json)]);
      const opened = await call(host, 'openPair', {
        source: { kind: 'upload', name, base64: bytes.toString('base64') },
        target: { kind: 'path', path: thaiPath },
      });
      assert.equal(opened.status, 200, opened.body);
      const session = JSON.parse(opened.body).value as Session;
      // Saving puts the upload beside the alignment, under its own name, in the workspace.
      const saved = await call(host, 'saveAlignment', { alignment: session.alignment, path: `pair${boms}.bitext` });
      assert.equal(saved.status, 200, saved.body);
      assert.ok(existsSync(join(workspace, name)));
      const reopened = await call(host, 'openAlignment', { file: { kind: 'path', path: name } });
      assert.ok(!reopened.body.includes('secret paragraph'), `${boms} BOMs: the outside file's text came back`);
      assert.notEqual(reopened.status, 200, `${boms} BOMs: opened`);
    }
  });

  test('upload names: only visible document names with an allowed extension; a clear 400 otherwise, never a path outside the workspace (finding 3)', async () => {
    const base64 = Buffer.from('A short English paragraph, long enough to read.\n').toString('base64');
    const upload = (name: string) => call(host, 'openPair', { source: { kind: 'upload', name, base64 }, target: { kind: 'path', path: thaiPath } });
    const refused = ['.bash_profile', '..', '.', '.hidden.txt', 'evil.exe', 'noextension', 'a\u202Etxt.exe', 'b\u202Egpj.txt', 'c\u2066.txt', 'tab\t.txt',
      'x'.repeat(200) + '.txt', 'con:.txt', 'trailing.txt ', 'zero\u200B.txt', 'new\nline.txt'];
    for (const name of refused) {
      const reply = await upload(name);
      assert.equal(reply.status, 400, `${JSON.stringify(name)}: ${reply.body}`);
      assert.match(JSON.parse(reply.body).message, /the uploaded file name/);
      assert.ok(!reply.body.includes(dir), `${JSON.stringify(name)}: the answer names a folder outside the workspace`);
    }
    for (const name of ['notes.txt', 'Bericht (final).DOCX', 'ข่าว.md', '日本語.srt', 'memo.sdlxliff', 'pair.bitext']) {
      const reply = await upload(name);
      assert.notEqual(reply.status, 400, `${JSON.stringify(name)}: ${reply.body}`);
    }
    assert.deepEqual(readdirSync(workspace).filter((name) => name.startsWith('.') && !name.endsWith('.recovery')), []);
  });

  test('unexpected errors are answered without their message, which may name paths (finding 3)', async () => {
    const api = Object.fromEntries(apiMethods.map((method) => [method, async () => {
      throw new Error(`EISDIR: illegal operation on a directory, open '${dir}/..'`);
    }])) as unknown as WorkbenchApi;
    const failing = await startHttpHost({ api, assetsDir: join(dir, 'assets') });
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const reply = await call(failing, 'hostInfo', undefined);
      assert.equal(reply.status, 500);
      assert.ok(!reply.body.includes(dir), reply.body);
      assert.match(JSON.parse(reply.body).message, /internal error/);
      assert.equal(errors.length, 1, 'the details go to the log');
    } finally {
      console.error = log;
      await failing.close();
    }
  });

  test('bodies are refused by size, depth and value count as they arrive, and other requests are answered meanwhile (finding 7)', async (t) => {
    const before = process.memoryUsage().rss;
    // 24 MB of small objects each: 16 million values a body.
    const flood = Buffer.from(`[${'{},'.repeat(8_000_000)}{}]`);
    const latencies: number[] = [];
    let floods = 3;
    const probing = (async () => {
      for (let i = 0; i < 20 && floods > 0; i++) {
        const start = performance.now();
        const reply = await call(host, 'hostInfo', undefined);
        latencies.push(performance.now() - start);
        assert.equal(reply.status, 200);
        await new Promise((done) => setTimeout(done, 50));
      }
    })();
    const replies = await Promise.all(
      Array.from({ length: 3 }, async () => {
        const reply = await post(host, 'saveAlignment', flood);
        floods--;
        return reply;
      }),
    );
    await probing;
    for (const reply of replies) {
      assert.equal(reply.status, 413, reply.body);
      assert.match(JSON.parse(reply.body).message, /more than 8,000,000 values/);
    }
    const growth = (process.memoryUsage().rss - before) / 1024 / 1024;
    t.diagnostic(`3 bodies of ${(flood.length / 1e6).toFixed(0)} MB at once: RSS +${growth.toFixed(0)} MiB; ${latencies.length} small requests meanwhile, slowest ${Math.max(...latencies).toFixed(0)} ms`);
    assert.ok(growth < 300, `RSS grew by ${growth.toFixed(0)} MiB`);
    assert.ok(latencies.length > 0);
    assert.ok(Math.max(...latencies) < 1000, `a small request waited ${Math.max(...latencies).toFixed(0)} ms`);

    const deep = await post(host, 'saveAlignment', '['.repeat(100_000));
    assert.equal(deep.status, 413);
    assert.match(JSON.parse(deep.body).message, /nests deeper than 32 levels/);
    // A method that carries no document takes a small body.
    const large = await post(host, 'updateViewSettings', JSON.stringify({ theme: 'x'.repeat(2 * 1024 * 1024) }));
    assert.equal(large.status, 413);
  });
});
