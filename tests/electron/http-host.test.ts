/**
 * The browser host's defences, over real HTTP on 127.0.0.1: the token, the
 * Host header, path traversal, security headers, argument validation, and what
 * the workbench service lets a page read and write.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHttpHost, tokenHeader, type HttpHost } from '../../electron/http-host.ts';
import { createWorkbenchService } from '../../electron/services/workbench-service.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { rendererContentSecurityPolicy, type Session } from '../../shared/api.ts';
import { formatLinks } from '../../shared/model/alignment.ts';

const root = resolve(import.meta.dirname, '..', '..');

interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A raw request: the path is sent exactly as given (no URL normalisation by the client). */
function send(
  host: HttpHost,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((done, fail) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', fail);
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

function api(host: HttpHost, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(host, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', [tokenHeader]: host.token, ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  });
}

function assertSecurityHeaders(reply: Reply): void {
  assert.equal(reply.headers['content-security-policy'], rendererContentSecurityPolicy);
  assert.match(reply.headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
  assert.equal(reply.headers['x-content-type-options'], 'nosniff');
  assert.equal(reply.headers['referrer-policy'], 'no-referrer');
  assert.equal(reply.headers['x-frame-options'], 'DENY');
}

describe('browser host', () => {
  let dir: string;
  let assets: string;
  let workspace: string;
  let host: HttpHost;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-http-host-'));
    assets = join(dir, 'assets');
    workspace = join(dir, 'workspace');
    mkdirSync(join(assets, 'assets'), { recursive: true });
    mkdirSync(workspace);
    writeFileSync(join(assets, 'index.html'), '<!doctype html><title>test</title>');
    writeFileSync(join(assets, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'not for the page');
    writeFileSync(join(dir, 'outside.txt'), 'Some English text outside the workspace, long enough to detect.\n');
    symlinkSync(join(dir, 'secret.txt'), join(assets, 'assets', 'link.txt'));
    const service = createWorkbenchService({
      host: 'browser',
      rootDir: root,
      workspace,
      settings: createSettingsStore(join(dir, 'settings.json')),
    });
    host = await startHttpHost({ api: service, assetsDir: assets });
  });

  after(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('listens on 127.0.0.1 and prints a URL with a long random token', () => {
    assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
  });

  test('refuses every request without the token (403), with the security headers', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/?token=wrong']) {
      const reply = await send(host, { path });
      assert.equal(reply.status, 403, path);
      assertSecurityHeaders(reply);
    }
    const apiReply = await send(host, { method: 'POST', path: '/api/hostInfo', headers: { 'Content-Type': 'application/json' }, body: '' });
    assert.equal(apiReply.status, 403);
    assert.equal(JSON.parse(apiReply.body).code, 'forbidden');
    const wrong = await api(host, 'hostInfo', undefined, { [tokenHeader]: 'x'.repeat(64) });
    assert.equal(wrong.status, 403);
  });

  test('serves the page with the token in the URL, then by cookie; the API wants the header', async () => {
    const page = await send(host, { path: `/?token=${host.token}` });
    assert.equal(page.status, 200);
    assert.match(page.body, /<title>test<\/title>/);
    assertSecurityHeaders(page);
    const cookie = String(page.headers['set-cookie']?.[0] ?? '');
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const pair = cookie.split(';')[0]!;

    const script = await send(host, { path: '/assets/app.js', headers: { Cookie: pair } });
    assert.equal(script.status, 200);
    assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
    assertSecurityHeaders(script);

    // A cookie alone does not open the API: another site's page could make the browser send it.
    const byCookie = await send(host, { method: 'POST', path: '/api/hostInfo', headers: { Cookie: pair, 'Content-Type': 'application/json' }, body: '' });
    assert.equal(byCookie.status, 403);
    const byHeader = await api(host, 'hostInfo', undefined);
    assert.equal(byHeader.status, 200);
    const info = JSON.parse(byHeader.body);
    assert.equal(info.ok, true);
    assert.equal(info.value.kind, 'browser');
    assert.equal(info.value.workspace, workspace);
    assertSecurityHeaders(byHeader);
  });

  test('refuses a foreign Host header (DNS rebinding)', async () => {
    const reply = await send(host, { path: `/?token=${host.token}`, headers: { Host: `evil.example:${host.port}` } });
    assert.equal(reply.status, 403);
    assertSecurityHeaders(reply);
  });

  test('serves nothing outside its assets folder', async () => {
    const paths = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      `/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      '/assets/link.txt', // a symbolic link pointing out
      '/.hidden',
      '/assets/%00app.js',
      '/assets/%zz',
    ];
    for (const path of paths) {
      const reply = await send(host, { path: `${path}${path.includes('?') ? '&' : '?'}token=${host.token}` });
      assert.ok(reply.status === 404 || reply.status === 400, `${path}: ${reply.status}`);
      assert.doesNotMatch(reply.body, /not for the page/, path);
      assertSecurityHeaders(reply);
    }
  });

  test('answers only GET and HEAD for assets, only POST for the API', async () => {
    const post = await send(host, { method: 'POST', path: `/index.html?token=${host.token}`, body: '' });
    assert.equal(post.status, 405);
    const get = await send(host, { path: '/api/hostInfo', headers: { [tokenHeader]: host.token } });
    assert.equal(get.status, 405);
    const head = await send(host, { method: 'HEAD', path: `/index.html?token=${host.token}` });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });

  test('validates API arguments: 400 with the field and the reason', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['openPair', {}, /\/source: Expected an object, got nothing/],
      ['openPair', { source: { kind: 'path' }, target: { kind: 'path', path: 'b' } }, /\/source\/path: Expected a string/],
      ['openPair', { source: { kind: 'url', path: 'x' }, target: { kind: 'path', path: 'b' } }, /\/source\/kind: Expected one of path, upload/],
      ['openPair', { source: { kind: 'upload', name: '../a.txt', base64: '' }, target: { kind: 'path', path: 'b' } }, /\/source\/name: A file name may not contain a slash/],
      ['openPair', { source: { kind: 'upload', name: 'a.txt', base64: 'not base64!' }, target: { kind: 'path', path: 'b' } }, /\/source\/base64: Expected base64/],
      ['openAlignment', { file: { kind: 'path', path: 'a.bitext' }, extra: 1 }, /\/extra: Unexpected field "extra"/],
      ['updateViewSettings', { fontSize: 200 }, /\/fontSize: Expected an integer in \[11, 24\]/],
      ['updateViewSettings', { theme: 'pink' }, /\/theme: Expected one of system, light, dark/],
      ['setDocumentLanguage', { alignment: {}, side: 'source', language: 'tha' }, /\/alignment\/schemaVersion: Expected 3/],
      ['saveAlignment', { alignment: null, path: 'a.bitext' }, /\/alignment: Expected an object, got null/],
      ['hostInfo', { unexpected: true }, /Expected no argument/],
    ];
    for (const [method, body, message] of cases) {
      const reply = await api(host, method, body);
      assert.equal(reply.status, 400, `${method} ${JSON.stringify(body)}: ${reply.body}`);
      const result = JSON.parse(reply.body);
      assert.equal(result.ok, false);
      assert.equal(result.code, 'invalid-argument');
      assert.match(result.message, message);
      assertSecurityHeaders(reply);
    }
    const notJson = await send(host, { method: 'POST', path: '/api/openPair', headers: { 'Content-Type': 'application/json', [tokenHeader]: host.token }, body: '{' });
    assert.equal(notJson.status, 400);
    assert.match(JSON.parse(notJson.body).message, /not valid JSON/);
    const wrongType = await send(host, { method: 'POST', path: '/api/hostInfo', headers: { 'Content-Type': 'text/plain', [tokenHeader]: host.token }, body: '' });
    assert.equal(wrongType.status, 415);
    const unknown = await api(host, 'deleteEverything', {});
    assert.equal(unknown.status, 404);
    assert.match(JSON.parse(unknown.body).message, /No API method "deleteEverything"/);
  });

  test('reads only the sample, the workspace and uploads; writes only alignments in the workspace', async () => {
    const outside = await api(host, 'openPair', {
      source: { kind: 'path', path: join(dir, 'outside.txt') },
      target: { kind: 'path', path: join(root, 'corpus', 'nato-asia-2023.th.translation.txt') },
    });
    assert.equal(outside.status, 422);
    assert.match(JSON.parse(outside.body).message, /opens only the files it was started with/);
    const traversal = await api(host, 'openAlignment', { file: { kind: 'path', path: '../secret.txt' } });
    assert.equal(traversal.status, 422);

    // The sample is readable; uploads arrive as bytes.
    const upload = Buffer.from(readFileSync(join(root, 'corpus', 'nato-asia-2023.th.translation.txt'))).toString('base64');
    const opened = await api(host, 'openPair', {
      source: { kind: 'path', path: join(root, 'corpus', 'nato-asia-2023.en.original-with-page-clutter.txt') },
      target: { kind: 'upload', name: 'thai.txt', base64: upload },
    });
    assert.equal(opened.status, 200, opened.body);
    const session = JSON.parse(opened.body).value as Session;
    assert.equal(session.alignment.target.path, 'thai.txt');
    assert.equal(session.alignment.source.paragraphs.length, 38);
    assert.equal(session.alignment.target.paragraphs.length, 10);

    const escape = await api(host, 'saveAlignment', { alignment: session.alignment, path: '../escaped.bitext' });
    assert.equal(escape.status, 422);
    assert.equal(existsSync(join(dir, 'escaped.bitext')), false);
    const notAlignment = await api(host, 'saveAlignment', { alignment: session.alignment, path: 'notes.txt' });
    assert.equal(notAlignment.status, 400);
    assert.match(JSON.parse(notAlignment.body).message, /alignment files end in \.bitext or \.json/);

    const saved = await api(host, 'saveAlignment', { alignment: session.alignment, path: 'pair.bitext' });
    assert.equal(saved.status, 200, saved.body);
    assert.equal(JSON.parse(saved.body).value.path, join(workspace, 'pair.bitext'));
    // The uploaded document is put beside the alignment, so reopening finds it.
    assert.equal(readFileSync(join(workspace, 'thai.txt'), 'base64'), upload);
    const again = await api(host, 'saveAlignment', { alignment: session.alignment, path: 'pair.bitext' });
    assert.equal(again.status, 422, 'an existing file is not replaced without overwrite');
    assert.match(JSON.parse(again.body).message, /already exists/);

    const reopened = await api(host, 'openAlignment', { file: { kind: 'path', path: 'pair.bitext' } });
    assert.equal(reopened.status, 200, reopened.body);
    const back = JSON.parse(reopened.body).value as Session;
    assert.equal(formatLinks(back.alignment.links), formatLinks(session.alignment.links));
    assert.deepEqual(back.warnings, []);
    assert.equal(back.alignment.target.text, session.alignment.target.text);
    assert.equal(back.recovery, undefined);

    // Autosaved work is offered when the file is reopened, and a save clears it.
    const edited = { ...back.alignment, links: back.alignment.links.map((link) => ({ ...link, status: 'confirmed' as const })) };
    const autosaved = await api(host, 'writeRecovery', { alignment: edited, path: 'pair.bitext' });
    assert.equal(autosaved.status, 200, autosaved.body);
    const recoverable = JSON.parse((await api(host, 'openAlignment', { file: { kind: 'path', path: 'pair.bitext' } })).body).value as Session;
    assert.ok(recoverable.recovery, 'the autosave is offered');
    assert.ok(recoverable.recovery.alignment.links.every((link) => link.status === 'confirmed'));
    assert.ok(recoverable.alignment.links.every((link) => link.status === 'auto'), 'the file itself is as saved');
    const outsideRecovery = await api(host, 'writeRecovery', { alignment: edited, path: '../pair.bitext' });
    assert.equal(outsideRecovery.status, 422);
    assert.equal((await api(host, 'saveAlignment', { alignment: edited, path: 'pair.bitext', overwrite: true })).status, 200);
    const clean = JSON.parse((await api(host, 'openAlignment', { file: { kind: 'path', path: 'pair.bitext' } })).body).value as Session;
    assert.equal(clean.recovery, undefined, 'saving removed the recovery file');
    assert.ok(existsSync(join(workspace, 'pair.bitext.bak')), 'the previous version is kept');
  });
});
