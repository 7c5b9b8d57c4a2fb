/**
 * The desktop side of Export…, Review report… and Open folder… (electron/main.ts),
 * bundled as `npm start` bundles it and run against a stand-in for the `electron`
 * module (the Electron binary cannot be installed here): the menu items and the
 * commands they send, the native dialogs' options (the format's filter, the
 * question before replacing a file, a folder picker), and the IPC calls that
 * follow them, which may reach only what the user chose in those dialogs.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..', '..');
type Result = { ok: boolean; code?: string; message?: string; value?: unknown };
type Handler = (event: unknown, ...args: unknown[]) => Promise<Result>;
interface MenuItem {
  label?: string;
  role?: string;
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItem[];
}

let dir: string;
const handlers = new Map<string, Handler>();
const sent: unknown[] = [];
const dialogs: { kind: 'save' | 'open'; options: Record<string, unknown> }[] = [];
let menu: MenuItem[] = [];
/** What the next native dialog answers. */
let answer: string | undefined;
const ours = { sender: { id: 7 }, senderFrame: { url: 'app://bitext/index.html', parent: null } };

async function call(channel: string, argument?: unknown): Promise<Result> {
  const handler = handlers.get(channel);
  assert.ok(handler, `a handler for ${channel}`);
  return argument === undefined ? handler(ours) : handler(ours, argument);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-export-shell-'));
  mkdirSync(join(dir, 'app', 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'app', 'dist', 'renderer', 'index.html'), '<!doctype html><title>workbench</title>');
  symlinkSync(join(root, 'corpus'), join(dir, 'app', 'corpus'));
  const bundle = join(dir, 'main.cjs');
  await build({ entryPoints: [join(root, 'electron', 'main.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', external: ['electron'], logLevel: 'silent' });

  let ready!: () => void;
  const whenReady = new Promise<void>((done) => (ready = done));
  let window: unknown;
  class FakeWindow {
    readonly webContents = {
      id: 7,
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      send: (channel: string, message: unknown) => sent.push([channel, message]),
    };
    constructor() {
      window = this;
    }
    once() {}
    on() {}
    loadURL() {
      return Promise.resolve();
    }
    setTitle() {}
    setDocumentEdited() {}
    show() {}
    focus() {}
    close() {}
    isMinimized() {
      return false;
    }
  }
  const electron = {
    app: {
      getAppPath: () => join(dir, 'app'),
      isPackaged: false,
      getPath: () => join(dir, 'user-data'),
      exit: (code: number) => {
        throw new Error(`exit ${code}`);
      },
      on: () => undefined,
      whenReady: () => whenReady,
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
    },
    BrowserWindow: FakeWindow,
    dialog: {
      showMessageBoxSync: () => 2,
      showOpenDialog: async (_window: unknown, options: Record<string, unknown>) => {
        dialogs.push({ kind: 'open', options });
        return answer === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] };
      },
      showSaveDialog: async (_window: unknown, options: Record<string, unknown>) => {
        dialogs.push({ kind: 'save', options });
        return answer === undefined ? { canceled: true } : { canceled: false, filePath: answer };
      },
    },
    Menu: { buildFromTemplate: (template: MenuItem[]) => (menu = template), setApplicationMenu: () => undefined },
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        webRequest: { onBeforeRequest: () => undefined },
      },
    },
    shell: { openExternal: async () => undefined },
    webUtils: { getPathForFile: () => '' },
    ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) },
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
  for (let i = 0; i < 100 && !window; i++) await new Promise((done) => setTimeout(done, 10));
  assert.ok(window, 'the window was made');
});

after(() => rmSync(dir, { recursive: true, force: true }));

function item(menuLabel: string, label: string): MenuItem {
  const found = menu.find((entry) => entry.label === menuLabel)?.submenu?.find((entry) => entry.label === label);
  assert.ok(found, `${menuLabel} › ${label}`);
  return found;
}

test('the menu: File › Open Folder…, Export… (Ctrl+E), Review Report…; View › Dot Plot — each sends its command', () => {
  const cases: [string, string, unknown][] = [
    ['&File', 'Open Folder…', { kind: 'open-folder' }],
    ['&File', 'Export…', { kind: 'export' }],
    ['&File', 'Review Report…', { kind: 'export-report' }],
    ['&File', 'Save Original Text As…', { kind: 'save-text', side: 'source' }],
    ['&File', 'Save Translation Text As…', { kind: 'save-text', side: 'target' }],
    ['&View', 'Dot Plot', { kind: 'toggle-dot-plot' }],
  ];
  for (const [menuLabel, label, command] of cases) {
    sent.length = 0;
    item(menuLabel, label).click!();
    assert.deepEqual(sent, [['bitext:command', command]], label);
  }
  assert.equal(item('&File', 'Export…').accelerator, 'CmdOrCtrl+E');
});

test('the save dialog of an export: the format’s filter, a question before replacing, the path as chosen', async () => {
  answer = join(dir, 'out', 'pairs');
  const chosen = await call('bitext:shell.showSaveDialog', { defaultPath: join(dir, 'nato.tmx'), purpose: 'tmx' });
  assert.deepEqual(chosen, { ok: true, value: answer }, 'no extension is added behind the dialog’s back');
  const { options } = dialogs.at(-1)!;
  assert.deepEqual(options.filters, [{ name: 'TMX 1.4b', extensions: ['tmx'] }]);
  assert.deepEqual(options.properties, ['showOverwriteConfirmation']);
  assert.equal(options.title, 'Export Alignment');

  await call('bitext:shell.showSaveDialog', { defaultPath: join(dir, 'nato-report.html'), purpose: 'report' });
  assert.deepEqual(dialogs.at(-1)!.options.filters, [{ name: 'HTML report', extensions: ['html'] }]);
  const wrong = await call('bitext:shell.showSaveDialog', { defaultPath: 'x', purpose: 'docx' });
  assert.equal(wrong.code, 'invalid-argument');
});

test('an export goes where the save dialog said, and nowhere else', async () => {
  const opened = await call('bitext:openInitial');
  assert.ok(opened.ok, opened.message);
  const alignment = (opened.value as { alignment: unknown }).alignment;
  mkdirSync(join(dir, 'out'), { recursive: true });
  const path = join(dir, 'out', 'chosen.tmx');
  answer = path;
  await call('bitext:shell.showSaveDialog', { defaultPath: path, purpose: 'tmx' });
  const written = await call('bitext:exportAlignment', { alignment, format: 'tmx', path, overwrite: true });
  assert.ok(written.ok, written.message);
  assert.equal((written.value as { kind: string }).kind, 'written');
  assert.match(readFileSync(path, 'utf8'), /<tmx version="1.4"/);

  const elsewhere = join(dir, 'out', 'not-chosen.tmx');
  const refused = await call('bitext:exportAlignment', { alignment, format: 'tmx', path: elsewhere });
  assert.equal(refused.ok, false, 'a path no dialog gave is refused');
  assert.equal(existsSync(elsewhere), false);
});

test('Save text as: .txt and .md filters, the chosen path gets the text, the original document never', async () => {
  const opened = await call('bitext:openInitial');
  assert.ok(opened.ok, opened.message);
  const alignment = (opened.value as { alignment: { source: { path: string; text: string } } }).alignment;
  const path = join(dir, 'out', 'original.txt');
  answer = path;
  const chosen = await call('bitext:shell.showSaveDialog', { defaultPath: path, purpose: 'text' });
  assert.deepEqual(chosen, { ok: true, value: path });
  assert.deepEqual(dialogs.at(-1)!.options.filters, [
    { name: 'Plain text', extensions: ['txt'] },
    { name: 'Markdown', extensions: ['md', 'markdown'] },
  ]);
  assert.deepEqual(dialogs.at(-1)!.options.properties, ['showOverwriteConfirmation']);
  await call('bitext:shell.showSaveDialog', { defaultPath: join(dir, 'out', 'notes.md'), purpose: 'markdown' });
  assert.equal((dialogs.at(-1)!.options.filters as { name: string }[])[0]!.name, 'Markdown');

  const written = await call('bitext:saveDocumentText', { alignment, side: 'source', path, overwrite: true });
  assert.ok(written.ok, written.message);
  assert.equal(readFileSync(path, 'utf8'), alignment.source.text);
  const elsewhere = join(dir, 'out', 'not-chosen.txt');
  const notChosen = await call('bitext:saveDocumentText', { alignment, side: 'source', path: elsewhere });
  assert.equal(notChosen.ok, false, 'a path no dialog gave is refused');
  assert.equal(existsSync(elsewhere), false);

  // Even when a save dialog gave it: the original is never written.
  answer = alignment.source.path;
  await call('bitext:shell.showSaveDialog', { defaultPath: answer, purpose: 'text' });
  const before = readFileSync(answer);
  const refused = await call('bitext:saveDocumentText', { alignment, side: 'source', path: answer, overwrite: true });
  assert.equal(refused.ok, false);
  assert.match(refused.message ?? '', /never writes/);
  assert.deepEqual(readFileSync(answer), before);
});

test('Open folder: a native folder dialog; the folder it gives is listed, and its documents can be opened', async () => {
  answer = join(dir, 'app', 'corpus');
  const chosen = await call('bitext:shell.showOpenDialog', { purpose: 'folder' });
  assert.deepEqual(chosen, { ok: true, value: answer });
  assert.deepEqual(dialogs.at(-1)!.options.properties, ['openDirectory']);
  const listed = await call('bitext:listFolder', { folder: answer });
  assert.ok(listed.ok, listed.message);
  const overview = listed.value as { documents: { path: string }[]; proposals: { source: string; target: string }[] };
  assert.equal(overview.documents.length, 5);
  assert.equal(overview.proposals.length, 1);
  const [proposal] = overview.proposals;
  const pair = await call('bitext:openPair', { source: { kind: 'path', path: proposal!.source }, target: { kind: 'path', path: proposal!.target } });
  assert.ok(pair.ok, pair.message);

  const notChosen = await call('bitext:listFolder', { folder: dir });
  assert.equal(notChosen.ok, false, 'a folder no dialog gave is refused');
});
