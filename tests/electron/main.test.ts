/**
 * The Electron main process (electron/main.ts), bundled as `npm start` bundles
 * it and run against a stand-in for the `electron` module: the Electron binary
 * cannot be installed here, but the shell's own decisions can be checked — the
 * window's web preferences, the `app://` protocol, the sender and argument
 * checks on every IPC channel, permissions, navigation, and the close prompt.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { commandChannel, rendererContentSecurityPolicy, reviewMenuCommands } from '../../shared/api.ts';

const root = resolve(import.meta.dirname, '..', '..');
type Handler = (event: unknown, ...args: unknown[]) => Promise<{ ok: boolean; code?: string; message?: string; value?: unknown }>;

interface Fake {
  handlers: Map<string, Handler>;
  schemes?: unknown;
  protocol?: (request: Request) => Promise<Response>;
  windowOptions?: { webPreferences: Record<string, unknown> };
  window?: FakeWindow;
  menu?: { label?: string; role?: string; submenu?: { label?: string; accelerator?: string }[] }[];
  permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheck?: () => boolean;
  beforeRequest?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
  messageBoxAnswer: number;
  /** What the save dialog answers (default `/chosen/name`). */
  saveDialogAnswer?: string;
  /** The options of each save dialog shown. */
  saveDialogs: { defaultPath?: string; properties?: string[] }[];
  /** The messages of each asynchronous message box shown, and what it answers (the button's index). */
  messageBoxes: string[];
  asyncMessageBoxAnswer: number;
  /** The app's event listeners (`second-instance`…). */
  appEvents: Record<string, (...args: unknown[]) => void>;
  sent: unknown[];
  themeSource: string;
}

class FakeContents {
  readonly id = 7;
  readonly listeners: Record<string, (event: { preventDefault(): void }) => void> = {};
  openHandler?: (details: { url: string }) => { action: string };
  constructor(private readonly fake: Fake) {}
  on(name: string, listener: (event: { preventDefault(): void }) => void) {
    this.listeners[name] = listener;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  send(channel: string, message: unknown) {
    this.fake.sent.push([channel, message]);
  }
}

class FakeWindow {
  readonly webContents: FakeContents;
  readonly listeners: Record<string, (event: { preventDefault(): void }) => void> = {};
  url = '';
  title = '';
  edited = false;
  closed = false;
  constructor(readonly fake: Fake) {
    this.webContents = new FakeContents(fake);
  }
  once(name: string, listener: () => void) {
    this.listeners[name] = listener;
  }
  on(name: string, listener: (event: { preventDefault(): void }) => void) {
    this.listeners[name] = listener;
  }
  loadURL(url: string) {
    this.url = url;
    return Promise.resolve();
  }
  setTitle(title: string) {
    this.title = title;
  }
  setDocumentEdited(edited: boolean) {
    this.edited = edited;
  }
  close() {
    let prevented = false;
    this.listeners.close?.({ preventDefault: () => (prevented = true) });
    if (!prevented) this.closed = true;
  }
  show() {}
  focus() {}
  isMinimized() {
    return false;
  }
}

let dir: string;
let fake: Fake;
const ours = { sender: { id: 7 }, senderFrame: { url: 'app://bitext/index.html', parent: null } };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-main-'));
  // An app folder: a renderer build of one page, and the corpus (the sample opens from it).
  mkdirSync(join(dir, 'app', 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'app', 'dist', 'renderer', 'index.html'), '<!doctype html><title>workbench</title>');
  writeFileSync(join(dir, 'app', 'package.json'), '{"secret": true}');
  symlinkSync(join(root, 'corpus'), join(dir, 'app', 'corpus'));
  const bundle = join(dir, 'main.cjs');
  await build({
    entryPoints: [join(root, 'electron', 'main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'silent',
  });

  const appEvents: Record<string, (...args: unknown[]) => void> = {};
  fake = { handlers: new Map(), messageBoxAnswer: 2, sent: [], themeSource: 'system', saveDialogs: [], messageBoxes: [], asyncMessageBoxAnswer: 1, appEvents };
  let ready!: () => void;
  const whenReady = new Promise<void>((done) => (ready = done));
  const electron = {
    app: {
      getAppPath: () => join(dir, 'app'),
      isPackaged: false,
      getPath: () => join(dir, 'user-data'),
      exit: (code: number) => {
        throw new Error(`exit ${code}`);
      },
      on: (name: string, listener: (...args: unknown[]) => void) => (appEvents[name] = listener),
      whenReady: () => whenReady,
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
    },
    BrowserWindow: class extends FakeWindow {
      constructor(options: { webPreferences: Record<string, unknown> }) {
        super(fake);
        fake.windowOptions = options;
        fake.window = this;
        appEvents['web-contents-created']?.({}, this.webContents);
      }
    },
    dialog: {
      showMessageBoxSync: () => fake.messageBoxAnswer,
      showOpenDialog: async () => ({ canceled: false, filePaths: ['/chosen/file.txt'] }),
      showSaveDialog: async (_window: unknown, options: Fake['saveDialogs'][number]) => {
        fake.saveDialogs.push(options);
        return { canceled: false, filePath: fake.saveDialogAnswer ?? '/chosen/name' };
      },
      showMessageBox: async (_window: unknown, options: { message: string }) => {
        fake.messageBoxes.push(options.message);
        return { response: fake.asyncMessageBoxAnswer };
      },
    },
    Menu: { buildFromTemplate: (template: Fake['menu']) => (fake.menu = template), setApplicationMenu: () => undefined },
    nativeTheme: {
      shouldUseDarkColors: false,
      set themeSource(value: string) {
        fake.themeSource = value;
      },
      get themeSource() {
        return fake.themeSource;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => (fake.schemes = schemes),
      handle: (_scheme: string, handler: Fake['protocol']) => (fake.protocol = handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Fake['permissionRequest']) => (fake.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Fake['permissionCheck']) => (fake.permissionCheck = handler),
        webRequest: { onBeforeRequest: (handler: Fake['beforeRequest']) => (fake.beforeRequest = handler) },
      },
    },
    shell: { openExternal: async () => undefined },
    ipcMain: { handle: (channel: string, handler: Handler) => fake.handlers.set(channel, handler) },
  };
  const require = createRequire(import.meta.url);
  const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? electron : load.call(this, request, ...rest);
  };
  const argv = process.argv;
  process.argv = ['electron', join(dir, 'app')];
  try {
    require(bundle);
  } finally {
    Module._load = load;
    process.argv = argv;
  }
  ready();
  // Let the `whenReady` chain (settings, IPC, menu, window) run.
  for (let i = 0; i < 50 && !fake.window; i++) await new Promise((done) => setTimeout(done, 10));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('one window with Electron’s secure defaults, loading the renderer from app://', () => {
  assert.deepEqual(fake.schemes, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  const preferences = fake.windowOptions!.webPreferences;
  assert.equal(preferences.contextIsolation, true);
  assert.equal(preferences.sandbox, true);
  assert.equal(preferences.nodeIntegration, false);
  assert.equal(preferences.webSecurity, true);
  assert.equal(preferences.webviewTag, false);
  assert.match(String(preferences.preload), /dist\/electron\/preload\.cjs$/);
  assert.equal(fake.window!.url, 'app://bitext/index.html');
});

test('the app:// protocol serves the renderer with the CSP, and nothing outside it', async () => {
  const page = await fake.protocol!(new Request('app://bitext/index.html'));
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-security-policy'), rendererContentSecurityPolicy);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.match(await page.text(), /<title>workbench<\/title>/);
  for (const url of ['app://bitext/..%2f..%2fpackage.json', 'app://bitext/%2e%2e/%2e%2e/package.json', 'app://other/index.html', 'app://bitext/missing.js']) {
    const response = await fake.protocol!(new Request(url));
    assert.equal(response.status, 404, url);
    assert.doesNotMatch(await response.text(), /secret/);
  }
});

test('no permissions, no navigation, no new windows, no requests leaving the app', () => {
  const answers: boolean[] = [];
  fake.permissionRequest!({}, 'media', (granted) => answers.push(granted));
  assert.deepEqual(answers, [false]);
  assert.equal(fake.permissionCheck!(), false);
  const contents = fake.window!.webContents;
  for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
    let prevented = false;
    contents.listeners[name]!({ preventDefault: () => (prevented = true) });
    assert.ok(prevented, name);
  }
  assert.deepEqual(contents.openHandler!({ url: 'https://example.com/' }), { action: 'deny' });
  const cancelled: boolean[] = [];
  for (const url of ['https://example.com/x.js', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://bitext/assets/x.js']) {
    fake.beforeRequest!({ url }, (response) => cancelled.push(response.cancel));
  }
  assert.deepEqual(cancelled, [true, true, true, false]);
});

test('every IPC channel checks its sender and its argument', async () => {
  const channels = [...fake.handlers.keys()].sort();
  assert.ok(channels.length >= 15 && channels.every((channel) => channel.startsWith('bitext:')), channels.join(' '));
  const foreign = [
    { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } },
    { sender: { id: 8 }, senderFrame: { url: 'app://bitext/index.html', parent: null } },
    { sender: { id: 7 }, senderFrame: { url: 'app://bitext/index.html', parent: {} } },
    { sender: { id: 7 }, senderFrame: null },
  ];
  for (const channel of channels) {
    for (const event of foreign) {
      const result = await fake.handlers.get(channel)!(event, undefined);
      assert.equal(result.code, 'forbidden', `${channel} from ${JSON.stringify(event)}`);
    }
  }
  const invalid = await fake.handlers.get('bitext:openPair')!(ours, { source: 1 });
  assert.deepEqual([invalid.ok, invalid.code], [false, 'invalid-argument']);
  const badShell = await fake.handlers.get('bitext:shell.setWindowState')!(ours, { title: 5, dirty: true });
  assert.equal(badShell.code, 'invalid-argument');
  const tooMany = await fake.handlers.get('bitext:hostInfo')!(ours, undefined, 'extra');
  assert.equal(tooMany.code, 'invalid-argument');
  const info = await fake.handlers.get('bitext:hostInfo')!(ours);
  assert.equal(info.ok, true);
  assert.equal((info.value as { kind: string }).kind, 'electron');
});

test('the bundle runs on its own: open the sample, save it, open it again (no node_modules next to it)', async () => {
  const opened = await fake.handlers.get('bitext:openInitial')!(ours);
  assert.equal(opened.ok, true, opened.message);
  const session = opened.value as { alignment: { links: unknown[] } };
  // The renderer may save only where the user chose to (electron/chosen-files.ts): choose it in the save dialog.
  fake.saveDialogAnswer = join(dir, 'saved');
  const chosen = await fake.handlers.get('bitext:shell.showSaveDialog')!(ours, { defaultPath: join(dir, 'a.bitext') });
  delete fake.saveDialogAnswer;
  const path = join(dir, 'saved.bitext');
  assert.deepEqual(chosen, { ok: true, value: path });
  const saved = await fake.handlers.get('bitext:saveAlignment')!(ours, { alignment: session.alignment, path });
  assert.equal(saved.ok, true, saved.message);
  const reopened = await fake.handlers.get('bitext:openAlignment')!(ours, { file: { kind: 'path', path } });
  assert.equal(reopened.ok, true, reopened.message);
  assert.equal((reopened.value as { alignment: { links: unknown[] } }).alignment.links.length, session.alignment.links.length);
  const relative = await fake.handlers.get('bitext:saveAlignment')!(ours, { alignment: session.alignment, path: 'relative.bitext' });
  assert.equal(relative.code, 'invalid-argument', 'the desktop host takes absolute paths only');
});

test('the save dialog always yields an alignment file name', async () => {
  const saved = await fake.handlers.get('bitext:shell.showSaveDialog')!(ours, { defaultPath: '/docs/a.bitext' });
  assert.deepEqual(saved, { ok: true, value: '/chosen/name.bitext' });
  const opened = await fake.handlers.get('bitext:shell.showOpenDialog')!(ours, { purpose: 'source' });
  assert.deepEqual(opened, { ok: true, value: '/chosen/file.txt' });
});

test('Save As asks before replacing, about the very file replaced: .bitext goes on before the dialog (issue 13, finding 8)', async () => {
  const save = fake.handlers.get('bitext:shell.showSaveDialog')!;
  fake.saveDialogs.length = 0;
  await save(ours, { defaultPath: '/docs/a' });
  await save(ours, { defaultPath: '/docs/b.bitext' });
  assert.deepEqual(fake.saveDialogs.map((options) => options.defaultPath), ['/docs/a.bitext', '/docs/b.bitext']);
  for (const options of fake.saveDialogs) assert.ok(options.properties?.includes('showOverwriteConfirmation'), 'Linux asks before replacing only when told to');
  // A name typed without the extension, whose .bitext exists: asked about, and Cancel keeps it.
  const folder = mkdtempSync(join(tmpdir(), 'bitext-save-as-'));
  try {
    writeFileSync(join(folder, 'pair.bitext'), '{}');
    fake.saveDialogAnswer = join(folder, 'pair');
    fake.messageBoxes.length = 0;
    fake.asyncMessageBoxAnswer = 1;
    assert.deepEqual(await save(ours, { defaultPath: '/docs/a.bitext' }), { ok: true, value: null });
    assert.deepEqual(fake.messageBoxes, ['pair.bitext already exists. Replace it?']);
    fake.asyncMessageBoxAnswer = 0;
    assert.deepEqual(await save(ours, { defaultPath: '/docs/a.bitext' }), { ok: true, value: join(folder, 'pair.bitext') });
    // Nothing there: no question.
    fake.saveDialogAnswer = join(folder, 'new');
    fake.messageBoxes.length = 0;
    assert.deepEqual(await save(ours, { defaultPath: '/docs/a.bitext' }), { ok: true, value: join(folder, 'new.bitext') });
    assert.deepEqual(fake.messageBoxes, []);
  } finally {
    delete fake.saveDialogAnswer;
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a second start opens its relative paths from its own working directory (issue 13, finding 9)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'bitext-second-'));
  try {
    writeFileSync(join(folder, 'pair.bitext'), '{}');
    fake.sent.length = 0;
    fake.appEvents['second-instance']!({}, ['electron', 'app', 'pair.bitext', '--no-sandbox'], folder);
    assert.deepEqual(fake.sent, [[commandChannel, { kind: 'open-paths', paths: [join(folder, 'pair.bitext')] }]]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('unsaved changes are asked about on close: Cancel keeps the window, Save asks the page to save first', async () => {
  const window = fake.window!;
  await fake.handlers.get('bitext:shell.setWindowState')!(ours, { title: 'a.bitext • — Bitext Workbench', dirty: true });
  assert.equal(window.title, 'a.bitext • — Bitext Workbench');
  assert.equal(window.edited, true);
  fake.messageBoxAnswer = 2; // Cancel
  window.close();
  assert.equal(window.closed, false);
  fake.messageBoxAnswer = 0; // Save
  fake.sent.length = 0;
  window.close();
  assert.equal(window.closed, false);
  assert.deepEqual(fake.sent, [['bitext:command', { kind: 'save-and-close' }]]);
  await fake.handlers.get('bitext:shell.closeWindow')!(ours);
  assert.equal(window.closed, true, 'the page saved and closed the window');
});

test('the theme follows the view settings through nativeTheme', async () => {
  await fake.handlers.get('bitext:updateViewSettings')!(ours, { theme: 'dark' });
  assert.equal(fake.themeSource, 'dark');
  await fake.handlers.get('bitext:updateViewSettings')!(ours, { theme: 'system' });
  assert.equal(fake.themeSource, 'system');
});

test('the menu has File, Edit, View, Review and Help, with the commands of the brief', () => {
  const labels = fake.menu!.map((item) => item.label ?? item.role);
  assert.deepEqual(labels, ['&File', '&Edit', '&View', '&Review', '&Help']);
  // The Review menu lists the review commands and registers no key: review keys are single keys in review mode.
  const review = fake.menu![3]!.submenu!.filter((item) => item.label);
  assert.deepEqual(review.map((item) => item.label), reviewMenuCommands.map((item) => item.label));
  assert.ok(review.every((item) => item.accelerator === undefined));
  assert.deepEqual(fake.menu![4]!.submenu!.map((item) => item.label).filter(Boolean), ['Keyboard Shortcuts', 'About Bitext Workbench']);
  const file = fake.menu![0]!.submenu!.map((item) => item.label).filter(Boolean);
  assert.deepEqual(file, [
    'Open Original…',
    'Open Translation…',
    'Open Alignment…',
    'Open Recent',
    'Open Folder…',
    'Save',
    'Save As…',
    'Export…',
    'Review Report…',
    'Save Original Text As…',
    'Save Translation Text As…',
  ]);
});
