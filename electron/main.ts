/**
 * The Electron main process: a thin shell over the workbench service. It owns
 * the window (secure defaults), the `app://` protocol that serves the renderer,
 * the application menu, native dialogs and the close prompt; everything about
 * documents and alignments is the service's (electron/services/workbench-service.ts),
 * which the browser host serves too.
 *
 * Security, after Electron's checklist: context isolation, sandbox, no Node in the
 * page, a strict CSP on every response, no navigation, no new windows, no
 * permissions, no webviews, and every IPC call checked for its sender and argument
 * (electron/ipc.ts).
 */
import { app, BrowserWindow, dialog, Menu, nativeTheme, protocol, session, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { commandChannel, rendererContentSecurityPolicy, reviewMenuCommands, type RecentEntry, type ShellCommand, type ThemeChoice } from '../shared/api.ts';
import { alignmentFileExtension, alignmentFileExtensions } from '../shared/formats/alignment-json.ts';
import { bilingualExtensions, documentExtensions } from '../shared/document/readers/extensions.ts';
import { exportFormatById } from '../shared/formats/export-format.ts';
import { isBitextError } from '../shared/errors.ts';
import { allowStartArgs, chosenFilesOnly, createChosenFiles, type Access } from './chosen-files.ts';
import { appOrigin, handle, registerApi, senderCheck } from './ipc.ts';
import { createSettingsStore } from './services/settings.ts';
import { createWorkbenchService, parseStartArgs, type StartArgs } from './services/workbench-service.ts';

const rootDir = app.getAppPath();
const rendererDir = join(rootDir, 'dist', 'renderer');
const preloadPath = join(rootDir, 'dist', 'electron', 'preload.cjs');

// Must run before `ready`: `app://` behaves like https (secure context, fetch, workers from it).
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

// Electron passes its own switches on the command line; parseStartArgs skips `--…` arguments.
let startArgs: StartArgs;
try {
  startArgs = parseStartArgs(process.argv.slice(app.isPackaged ? 1 : 2));
} catch (error) {
  console.error(isBitextError(error) ? error.message : String(error));
  app.exit(2);
  throw error;
}

const settings = createSettingsStore(join(app.getPath('userData'), 'settings.json'));
const service = createWorkbenchService({
  host: 'electron',
  rootDir,
  initial: startArgs.initial,
  ...(startArgs.folder ? { initialFolder: startArgs.folder } : {}),
  settings,
});

/** The files the user chose: the renderer may open (and save to) these only. */
const chosen = createChosenFiles(() => service.recentFiles());
allowStartArgs(chosen, startArgs);

let mainWindow: BrowserWindow | undefined;
/** What the renderer last said about unsaved changes (asked about on close). */
let dirty = false;
/** Set once the user agreed to close (or the renderer saved on "Save and close"). */
let closing = false;

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Serves `app://bitext/<path>` from dist/renderer, refusing anything outside it. */
async function serveApp(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== 'bitext' || request.method !== 'GET') return new Response('Not found', { status: 404 });
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return new Response('Bad path', { status: 400 });
  }
  const relativePath = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  if (relativePath.includes('\0') || relativePath.split('/').some((segment) => segment === '..' || segment.startsWith('.'))) {
    return new Response('Not found', { status: 404 });
  }
  try {
    const root = await realpath(rendererDir);
    const file = await realpath(resolve(root, relativePath));
    const inside = relative(root, file);
    if (inside.startsWith('..') || isAbsolute(inside) || !(await stat(file)).isFile()) return new Response('Not found', { status: 404 });
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': rendererContentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

function send(command: ShellCommand): void {
  mainWindow?.webContents.send(commandChannel, command);
}

function applyTheme(theme: ThemeChoice): void {
  nativeTheme.themeSource = theme;
}

async function buildMenu(): Promise<void> {
  const recent = await service.recentFiles().catch(() => [] as readonly RecentEntry[]);
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : recent.map((entry) => ({
          label: entry.kind === 'alignment' ? basename(entry.path) : `${basename(entry.source)} ↔ ${basename(entry.target)}`,
          click: () => send({ kind: 'open-recent', entry }),
        }));
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Original…', accelerator: 'CmdOrCtrl+O', click: () => send({ kind: 'open-source' }) },
        { label: 'Open Translation…', accelerator: 'CmdOrCtrl+Shift+O', click: () => send({ kind: 'open-target' }) },
        { label: 'Open Alignment…', accelerator: 'CmdOrCtrl+Alt+O', click: () => send({ kind: 'open-alignment' }) },
        { label: 'Open Recent', submenu: recentItems },
        { label: 'Open Folder…', click: () => send({ kind: 'open-folder' }) },
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => send({ kind: 'save' }) },
        { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => send({ kind: 'save-as' }) },
        { type: 'separator' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send({ kind: 'export' }) },
        { label: 'Review Report…', click: () => send({ kind: 'export-report' }) },
        { label: 'Save Original Text As…', click: () => send({ kind: 'save-text', side: 'source' }) },
        { label: 'Save Translation Text As…', click: () => send({ kind: 'save-text', side: 'target' }) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo and Redo go to the renderer: one history there covers typing, link edits, notes and tags.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send({ kind: 'undo' }) },
        { label: 'Redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: () => send({ kind: 'redo' }) },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => send({ kind: 'find' }) },
        { label: 'Jump to Partner', accelerator: 'CmdOrCtrl+Alt+J', click: () => send({ kind: 'jump-to-partner' }) },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'View Options…', click: () => send({ kind: 'view-options' }) },
        { label: 'Dot Plot', accelerator: 'CmdOrCtrl+Alt+D', click: () => send({ kind: 'toggle-dot-plot' }) },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      // Review commands act on the link at the caret. Their keys are the renderer's (single keys in review
      // mode, remappable), so none is registered here: an accelerator would take the key from the text.
      label: '&Review',
      submenu: reviewMenuCommands.flatMap(({ command, label }, index) => [
        ...(['merge-next', 'edit-note', 'next-unconfirmed', 'focus-review'].includes(command) && index > 0 ? [{ type: 'separator' as const }] : []),
        { label, click: () => send({ kind: 'review', command }) },
      ]),
    },
    {
      label: '&Help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'F1', registerAccelerator: false, click: () => send({ kind: 'review', command: 'show-shortcuts' }) },
        { type: 'separator' },
        { label: 'About Bitext Workbench', click: () => send({ kind: 'about' }) },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Applies the rules every page of the app lives by, whatever created it. */
function lockDown(contents: WebContents): void {
  // The app opens no windows and no links: everything it shows is its own page.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Bitext Workbench',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1f22' : '#f7f7f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link would otherwise open it in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  // Files dropped on the window are handled by the page (it asks the preload for their paths); a drop
  // the page does not take must not navigate to the file, which will-navigate already prevents.
  window.on('close', (event) => {
    if (closing || !dirty) return;
    event.preventDefault();
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      message: 'Save changes to the alignment before closing?',
      detail: "Your changes will be lost if you don't save them.",
    });
    if (choice === 0) send({ kind: 'save-and-close' });
    else if (choice === 1) {
      closing = true;
      window.close();
    }
  });
  window.on('closed', () => {
    mainWindow = undefined;
  });
  void window.loadURL(`${appOrigin}/index.html`);
}

/** Records a path the user picked in a dialog (or named on a second start) and passes it on. */
function chosenPath(access: Access, path: string | undefined): string | null {
  if (path === undefined) return null;
  chosen.allow(access, path);
  return path;
}

function registerIpc(): void {
  const trusted = senderCheck((id) => mainWindow !== undefined && mainWindow.webContents.id === id);
  registerApi(chosenFilesOnly(service, chosen), trusted);
  handle(
    'showOpenDialog',
    async ({ purpose }) => {
      if (!mainWindow) return null;
      if (purpose === 'folder') {
        const result = await dialog.showOpenDialog(mainWindow, { title: 'Open Folder', properties: ['openDirectory'] });
        return result.canceled ? null : chosenPath('list', result.filePaths[0]);
      }
      const filters =
        purpose === 'srx'
          ? [
              { name: 'SRX segmentation rules', extensions: ['srx', 'xml'] },
              { name: 'All files', extensions: ['*'] },
            ]
          : purpose === 'alignment'
          ? [
              { name: 'Alignments', extensions: alignmentFileExtensions.map((extension) => extension.slice(1)) },
              { name: 'Bilingual files (XLIFF, TMX)', extensions: [...bilingualExtensions] },
            ]
          : [
              { name: 'Documents', extensions: [...documentExtensions] },
              { name: 'All files', extensions: ['*'] },
            ];
      const title = purpose === 'source' ? 'Open Original' : purpose === 'target' ? 'Open Translation' : purpose === 'srx' ? 'Choose SRX Rules' : 'Open Alignment';
      const result = await dialog.showOpenDialog(mainWindow, { title, properties: ['openFile'], filters });
      return result.canceled ? null : chosenPath('read', result.filePaths[0]);
    },
    trusted,
  );
  handle(
    'showSaveDialog',
    async ({ defaultPath, purpose }) => {
      if (!mainWindow) return null;
      if (purpose === 'text' || purpose === 'markdown') {
        // A document's text: plain text or Markdown, the document's own kind first.
        const filters = [
          { name: 'Plain text', extensions: ['txt'] },
          { name: 'Markdown', extensions: ['md', 'markdown'] },
        ];
        const result = await dialog.showSaveDialog(mainWindow, {
          title: 'Save Text As',
          defaultPath,
          filters: purpose === 'markdown' ? filters.reverse() : filters,
          properties: ['showOverwriteConfirmation'],
        });
        return result.canceled || !result.filePath ? null : chosenPath('write', result.filePath);
      }
      if (purpose !== undefined && purpose !== 'alignment') {
        // An export or the report: the filter of its format; Linux asks before replacing only when told to.
        const format = purpose === 'report' ? { label: 'HTML report', extension: 'html' } : exportFormatById(purpose);
        const result = await dialog.showSaveDialog(mainWindow, {
          title: purpose === 'report' ? 'Save Review Report' : 'Export Alignment',
          defaultPath,
          filters: [{ name: format.label, extensions: [format.extension] }],
          properties: ['showOverwriteConfirmation'],
        });
        // The path as chosen, never with an extension added: the dialog asked about replacing this very file.
        return result.canceled || !result.filePath ? null : chosenPath('write', result.filePath);
      }
      const isAlignmentFile = (path: string) => alignmentFileExtensions.includes(extname(path).toLowerCase());
      // The extension goes on before the dialog, so the file it asks about replacing is the one that would be replaced.
      const result = await dialog.showSaveDialog(mainWindow, {
        title: 'Save Alignment',
        defaultPath: isAlignmentFile(defaultPath) ? defaultPath : `${defaultPath}${alignmentFileExtension}`,
        filters: [{ name: 'Alignments', extensions: ['bitext'] }],
        properties: ['showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return null;
      if (isAlignmentFile(result.filePath)) return chosenPath('write', result.filePath);
      // A name typed without the extension (the filter does not add it on every platform): the dialog asked
      // about the name as typed, so ask again about the file that gets the extension, if it exists.
      const withExtension = `${result.filePath}${alignmentFileExtension}`;
      if (existsSync(withExtension)) {
        const answer = await dialog.showMessageBox(mainWindow, {
          type: 'question',
          buttons: ['Replace', 'Cancel'],
          defaultId: 1,
          cancelId: 1,
          message: `${basename(withExtension)} already exists. Replace it?`,
        });
        if (answer.response !== 0) return null;
      }
      return chosenPath('write', withExtension);
    },
    trusted,
  );
  handle(
    'setWindowState',
    async ({ title, dirty: isDirty }) => {
      dirty = isDirty;
      mainWindow?.setTitle(title);
      mainWindow?.setDocumentEdited(isDirty);
      await buildMenu(); // Saving or opening changes Open recent.
      return null;
    },
    trusted,
  );
  handle(
    'droppedFile',
    ({ path }) => {
      chosen.allow('read', path);
      return null;
    },
    trusted,
  );
  handle(
    'closeWindow',
    () => {
      closing = true;
      mainWindow?.close();
      return null;
    },
    trusted,
  );
}

app.on('web-contents-created', (_event, contents) => lockDown(contents));

// One window of the app at a time: a second start with files opens them in the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    // Relative paths are the second start's: taken from its working directory, not this process's.
    const paths = argv
      .slice(app.isPackaged ? 1 : 2)
      .filter((arg) => !arg.startsWith('--'))
      .map((arg) => resolve(workingDirectory, arg))
      .filter((path) => existsSync(path));
    if (paths.length > 0) send({ kind: 'open-paths', paths: paths.map((path) => chosenPath('read', path)!) });
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    protocol.handle('app', serveApp);
    // No request leaves the app: everything it shows is served by `app://`.
    session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
      const allowed = details.url.startsWith(`${appOrigin}/`) || details.url.startsWith('devtools://') || details.url.startsWith('blob:') || details.url.startsWith('data:');
      callback({ cancel: !allowed });
    });
    applyTheme((await service.getSettings()).view.theme);
    service.onDidChangeSettings((changed) => applyTheme(changed.view.theme));
    registerIpc();
    await buildMenu();
    createWindow();
  });

  app.on('window-all-closed', () => app.quit());
}
