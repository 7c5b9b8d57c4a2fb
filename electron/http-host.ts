/**
 * The browser host: a local HTTP server (node:http, no framework) on 127.0.0.1
 * that serves the built renderer (dist/renderer) and the workbench API as
 * `POST /api/<method>` with a JSON body, for machines where Electron cannot run.
 *
 * Security, because any page the user visits can send requests to 127.0.0.1:
 * - every request needs the per-run token: the URL printed at start carries it
 *   (`/?token=…`); that first page load sets an HttpOnly SameSite=Strict cookie
 *   so the page's own scripts, styles, fonts and worker load; API calls must
 *   send it in the `X-Bitext-Token` header (a custom header: another site's
 *   page cannot send it without a CORS preflight, which is never granted);
 * - the Host header must name this server (no DNS rebinding);
 * - only files inside the assets folder are served (no path traversal, no symbolic links out);
 * - every response carries the renderer's CSP, `nosniff`, `frame-ancestors 'none'`, no referrer;
 * - every API argument is validated (400 with the field and the reason);
 * - bodies are read with bounded memory: a size limit per method, a depth and
 *   value count checked on the bytes as they arrive (electron/bounded-json.ts),
 *   and a cap on the bytes of all bodies in flight at once;
 * - an answer never carries the text of an unexpected error (it may name paths
 *   outside the workspace): that goes to the host's log.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { spawn } from 'node:child_process';
import { isApiMethod, rendererContentSecurityPolicy, toApiError, type ApiMethod, type ApiResult, type WireErrorCode } from '../shared/api.ts';
import { JsonShapeScanner, type JsonLimits } from './bounded-json.ts';
import { BitextError, isBitextError } from '../shared/errors.ts';
import type { WorkbenchApi } from '../shared/api.ts';
import { createSettingsStore, defaultSettingsPath } from './services/settings.ts';
import { callApi, createWorkbenchService, parseStartArgs, type InitialFiles } from './services/workbench-service.ts';

/** The largest API request body: two documents as base64 (a third larger than the bytes), or an alignment of two, with room to spare. */
export const maxRequestBytes = 100 * 1024 * 1024;

/**
 * The largest body of a method that carries no document nor alignment (settings,
 * paths, folder listings): they are a few hundred bytes.
 */
export const maxSmallRequestBytes = 1024 * 1024;

/** The methods that carry no document, upload or alignment. */
const smallMethods: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'hostInfo', 'openInitial', 'recentFiles', 'getSettings', 'getSegmentationRules', 'updateViewSettings', 'updateKeybindings',
  'listFolder', 'checkDocuments', 'discardRecovery',
]);

/**
 * The limits of an API body. Values (openings, commas and colons): the save of
 * an alignment of two documents at the paragraph limit (shared/document/limits.ts),
 * 100,000 paragraphs each linked 1:1, counts 3.9 million; notes and tags add
 * some, hence twice that. Depth: an alignment nests 6 deep.
 */
export function bodyLimits(method: ApiMethod): JsonLimits {
  return smallMethods.has(method)
    ? { maxBytes: maxSmallRequestBytes, maxDepth: 32, maxValues: 20_000 }
    : { maxBytes: maxRequestBytes, maxDepth: 32, maxValues: 8_000_000 };
}

/** The bytes of request bodies the host holds at once, over all requests; more waits for none and is refused (503). */
export const maxBodyBytesInFlight = 2 * maxRequestBytes;

/** The header API calls carry the token in. */
export const tokenHeader = 'x-bitext-token';

/** Options of {@link startHttpHost}. */
export interface HttpHostOptions {
  /** The API to serve (a workbench service in the app; tests may pass their own). */
  readonly api: WorkbenchApi;
  /** The built renderer (dist/renderer). */
  readonly assetsDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Default: 32 random bytes, hex. */
  readonly token?: string;
}

/** A running browser host. */
export interface HttpHost {
  /** The URL to open, with the token: `http://127.0.0.1:PORT/?token=…`. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly server: Server;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The headers every response carries. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': rendererContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=()',
};

/** Starts the host on 127.0.0.1. Resolves once it listens. */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const assetsDir = resolve(options.assetsDir);
  const expectedToken = Buffer.from(token);
  let port = 0;
  let bytesInFlight = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A bug in the handler: answer once, and never with the stack nor the message (it may name paths).
      if (!response.headersSent) sendJson(response, 500, internalError(error));
      else response.destroy();
    });
  });

  function cookieName(): string {
    // Cookies ignore the port: name it by port so two hosts on this machine do not share one.
    return `bitext-token-${port}`;
  }

  function tokenMatches(candidate: string | undefined): boolean {
    if (candidate === undefined) return false;
    const given = Buffer.from(candidate);
    return given.length === expectedToken.length && timingSafeEqual(given, expectedToken);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const hostHeader = request.headers.host ?? '';
    if (hostHeader !== `127.0.0.1:${port}` && hostHeader !== `localhost:${port}`) {
      return sendText(response, 403, 'Forbidden: unexpected Host header.');
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (!tokenMatches(headerValue(request, tokenHeader))) {
        return sendJson(response, 403, { ok: false, code: 'forbidden', message: `Missing or wrong ${tokenHeader} header.` });
      }
      return handleApi(request, response, url.pathname.slice('/api/'.length));
    }

    const queryToken = url.searchParams.get('token') ?? undefined;
    const cookieToken = readCookie(request.headers.cookie, cookieName());
    const viaQuery = tokenMatches(queryToken);
    if (!viaQuery && !tokenMatches(cookieToken)) {
      return sendText(response, 403, 'Forbidden: open the URL the workbench printed when it started (it carries the token).');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return sendText(response, 405, 'Method not allowed.');
    }
    const extra: Record<string, string> = {};
    if (viaQuery) extra['Set-Cookie'] = `${cookieName()}=${token}; Path=/; HttpOnly; SameSite=Strict`;
    return serveAsset(request, response, url.pathname, extra);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      return sendJson(response, 405, { ok: false, code: 'invalid-argument', message: 'API methods take POST.' });
    }
    if (!isApiMethod(name)) {
      return sendJson(response, 404, { ok: false, code: 'invalid-argument', message: `No API method "${name}".` });
    }
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      return sendJson(response, 415, { ok: false, code: 'invalid-argument', message: 'Expected Content-Type: application/json.' });
    }
    let body: string;
    const held = { bytes: 0 };
    try {
      body = await readBody(request, bodyLimits(name), (bytes) => {
        if (bytesInFlight + bytes > maxBodyBytesInFlight) throw new HostBusy();
        bytesInFlight += bytes;
        held.bytes += bytes;
      });
    } catch (error) {
      if (error instanceof HostBusy) {
        response.setHeader('Retry-After', '1');
        return sendJson(response, 503, { ok: false, code: 'too-large', message: error.message });
      }
      if (isBitextError(error) && error.code === 'too-large') {
        return sendJson(response, 413, { ok: false, code: 'too-large', message: error.message });
      }
      throw error;
    } finally {
      bytesInFlight -= held.bytes;
    }
    let argument: unknown;
    if (body.trim().length > 0) {
      try {
        argument = JSON.parse(body);
      } catch {
        return sendJson(response, 400, { ok: false, code: 'invalid-argument', message: 'The request body is not valid JSON.' });
      }
    }
    const result = await callApi(options.api, name, argument);
    sendJson(response, result.ok ? 200 : statusFor(result.code), result.ok || result.code !== 'internal' ? result : internalError(result));
  }

  async function serveAsset(request: IncomingMessage, response: ServerResponse, pathname: string, extra: Record<string, string>): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return sendText(response, 400, 'Bad path.');
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return sendText(response, 400, 'Bad path.');
    const segments = decoded.split('/').filter((segment) => segment.length > 0);
    if (segments.some((segment) => segment === '..' || segment === '.' || segment.startsWith('.'))) {
      return sendText(response, 404, 'Not found.');
    }
    const relativePath = segments.length === 0 ? 'index.html' : segments.join(sep);
    const file = await insideAssets(assetsDir, relativePath);
    if (!file) return sendText(response, 404, 'Not found.');
    const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const bytes = await readFile(file);
    response.writeHead(200, {
      ...securityHeaders,
      ...extra,
      'Content-Type': type,
      'Content-Length': String(bytes.length),
      // Hashed asset names change with their content; the page itself must always be fresh.
      'Cache-Control': relativePath === 'index.html' ? 'no-store' : 'private, max-age=3600',
    });
    response.end(request.method === 'HEAD' ? undefined : bytes);
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The HTTP host did not get a TCP port');
  port = address.port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Refusal of a body while others hold the bytes {@link maxBodyBytesInFlight} allows. */
class HostBusy extends Error {
  constructor() {
    super('the host is reading other large requests; try again in a moment');
  }
}

/** The answer for an unexpected error: a fixed message; the error itself goes to the log. */
function internalError(error: unknown): ApiResult<never> {
  const message = isFailure(error) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`bitext browser host: internal error: ${message}`);
  return { ok: false, code: 'internal', message: 'internal error of the host (its log has the details)' };
}

function isFailure(value: unknown): value is { readonly ok: false; readonly message: string } {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

function statusFor(code: WireErrorCode): number {
  switch (code) {
    case 'invalid-argument':
      return 400;
    case 'forbidden':
      return 403;
    case 'too-large':
      return 413;
    case 'internal':
      return 500;
    default:
      // The request was well formed; the files it names were not (cannot be read, not an alignment…).
      return 422;
  }
}

/** The real path of `relativePath` in `assetsDir` when it is a file there (symbolic links out are refused). */
async function insideAssets(assetsDir: string, relativePath: string): Promise<string | undefined> {
  const candidate = resolve(assetsDir, relativePath);
  try {
    const [realRoot, real] = await Promise.all([realpath(assetsDir), realpath(candidate)]);
    const fromRoot = relative(realRoot, real);
    if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * Reads a JSON body within `limits`, checking its shape chunk by chunk; `hold`
 * is told of each chunk's bytes before it is kept (and may refuse it).
 */
function readBody(request: IncomingMessage, limits: JsonLimits, hold: (bytes: number) => void): Promise<string> {
  return new Promise((done, fail) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    const refuse = (error: unknown) => {
      request.removeAllListeners('data');
      request.removeAllListeners('end');
      // Read the rest unkept, so the answer reaches the client rather than a reset connection.
      request.resume();
      fail(error);
    };
    if (declared > limits.maxBytes) {
      refuse(new BitextError('too-large', `the request is larger than ${limits.maxBytes / 1024 / 1024} MiB`));
      return;
    }
    const scanner = new JsonShapeScanner(limits);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      try {
        scanner.feed(chunk);
        hold(chunk.length);
      } catch (error) {
        chunks.length = 0;
        refuse(error);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/** Options of {@link runBrowserHost}. */
export interface BrowserHostRun {
  /** The project root (corpus, dist/renderer). */
  readonly rootDir: string;
  /** The command line after `start.js` (files and options). */
  readonly argv: readonly string[];
  /** Where settings live; default {@link defaultSettingsPath}. */
  readonly settingsPath?: string;
  /** Where lines for the user go; default the console. */
  readonly log?: (line: string) => void;
}

/**
 * `npm run serve`: starts the browser host for the files on the command line
 * (or the corpus sample), prints its URL, and with `--open` opens it.
 */
export async function runBrowserHost(run: BrowserHostRun): Promise<HttpHost> {
  const log = run.log ?? ((line: string) => console.log(line));
  const args = parseStartArgs(run.argv);
  const service = createWorkbenchService({
    host: 'browser',
    rootDir: run.rootDir,
    initial: args.initial satisfies InitialFiles,
    ...(args.workspace ? { workspace: args.workspace } : {}),
    ...(args.folder ? { initialFolder: args.folder } : {}),
    settings: createSettingsStore(run.settingsPath ?? defaultSettingsPath()),
  });
  const host = await startHttpHost({ api: service, assetsDir: join(run.rootDir, 'dist', 'renderer'), ...(args.port ? { port: args.port } : {}) });
  log(`Bitext Workbench is running in your browser at:\n\n  ${host.url}\n`);
  log(`Saves go to the workspace ${service.workspace}. Press Ctrl+C to stop.`);
  if (args.open) openInBrowser(host.url, log);
  return host;
}

function openInBrowser(url: string, log: (line: string) => void): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => log(`Could not run ${command}; open the URL above yourself.`));
    child.unref();
  } catch {
    log(`Could not run ${command}; open the URL above yourself.`);
  }
}
