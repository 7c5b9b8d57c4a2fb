/**
 * The renderer's view of its host, behind one interface whichever host it is:
 * the desktop window (the preload's `window.bitext`, over IPC) or the browser
 * host (HTTP, `POST /api/<method>` with the per-run token in a header).
 *
 * `api` is the shared `WorkbenchApi`: answers come unwrapped, failures thrown
 * as {@link ApiError}. `shell` is what differs by host: native dialogs and the
 * window title on the desktop; `<input type=file>`, an in-page dialog and
 * `document.title` in the browser.
 */
import { bilingualExtensions, documentExtensions } from '../shared/document/readers/extensions.ts';
import {
  apiMethods,
  type ApiMethod,
  type ApiResult,
  type DesktopBridge,
  type FileRef,
  type OpenPurpose,
  type SavePurpose,
  type ShellCommand,
  type WireApi,
  type WireErrorCode,
  type WorkbenchApi,
} from '../shared/api.ts';

declare global {
  interface Window {
    /** Set by electron/preload.ts in the desktop app; absent in the browser. */
    readonly bitext?: DesktopBridge;
  }
}

/** A failure the host reported, with its code (`io`, `invalid-alignment`, `forbidden`…). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: WireErrorCode;
  constructor(code: WireErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** What differs between the desktop and the browser. */
export interface Shell {
  readonly kind: 'electron' | 'browser';
  /**
   * Lets the user choose a file to open. Desktop: the native dialog (a path).
   * Browser: `<input type=file>` (the bytes). Null when cancelled.
   */
  chooseFile(purpose: OpenPurpose): Promise<FileRef | null>;
  /**
   * Desktop: the native save dialog (for an alignment unless `purpose` says otherwise); it asks
   * before replacing a file. Browser: undefined (the renderer asks for a name in the workspace itself).
   */
  chooseSavePath(defaultPath: string, purpose?: SavePurpose): Promise<string | null | undefined>;
  /** Desktop: the native folder dialog (null when cancelled). Browser: undefined (the page offers the host's folders). */
  chooseFolder(): Promise<string | null | undefined>;
  /** Turns a dropped file into something the API can open (a path on the desktop, bytes in the browser). */
  fileRefFor(file: File): Promise<FileRef>;
  /** Shows the title and whether there are unsaved changes (the desktop asks about them on close). */
  setWindowState(title: string, dirty: boolean): void;
  /** Closes the window after a "save and close" (desktop only). */
  closeWindow(): void;
  /** Menu commands (desktop only; the browser has the toolbar). */
  onCommand(listener: (command: ShellCommand) => void): () => void;
}

/** The host: the API and the shell. */
export interface Host {
  readonly api: WorkbenchApi;
  readonly shell: Shell;
}

function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.code, result.message);
}

function apiOver(wire: WireApi): WorkbenchApi {
  const api: Partial<Record<ApiMethod, (request?: unknown) => Promise<unknown>>> = {};
  for (const method of apiMethods) {
    const call = wire[method] as (request: unknown) => Promise<ApiResult<unknown>>;
    api[method] = async (request?: unknown) => unwrap(await call(request));
  }
  return api as unknown as WorkbenchApi;
}

/** The host this page runs in: the desktop bridge when the preload set one, else the browser host. */
export function connectHost(): Host {
  const bridge = window.bitext;
  return bridge ? desktopHost(bridge) : browserHost();
}

function desktopHost(bridge: DesktopBridge): Host {
  const shell: Shell = {
    kind: 'electron',
    async chooseFile(purpose) {
      const path = unwrap(await bridge.shell.showOpenDialog({ purpose }));
      return path === null ? null : { kind: 'path', path };
    },
    async chooseSavePath(defaultPath, purpose) {
      return unwrap(await bridge.shell.showSaveDialog({ defaultPath, ...(purpose ? { purpose } : {}) }));
    },
    async chooseFolder() {
      return unwrap(await bridge.shell.showOpenDialog({ purpose: 'folder' }));
    },
    async fileRefFor(file) {
      const path = bridge.shell.pathForFile(file);
      if (!path) throw new ApiError('io', `${file.name} is not a file on this computer`);
      return { kind: 'path', path };
    },
    setWindowState(title, dirty) {
      document.title = title;
      void bridge.shell.setWindowState({ title, dirty });
    },
    closeWindow() {
      void bridge.shell.closeWindow();
    },
    onCommand: (listener) => bridge.shell.onCommand(listener),
  };
  return { api: apiOver(bridge.api), shell };
}

/** Where the browser host's token is kept for this tab, so a reload still works after the URL drops it. */
function tokenKey(): string {
  return `bitext-token:${location.host}`;
}

/**
 * The token from the URL the host printed (`?token=…`), kept in session storage for
 * reloads and taken out of the address bar, so it does not end up in screenshots,
 * history or a copied link.
 */
function takeToken(): string {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey(), fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey()) ?? '';
}

function browserHost(): Host {
  const token = takeToken();
  const wire = Object.fromEntries(
    apiMethods.map((method) => [
      method,
      async (request: unknown): Promise<ApiResult<unknown>> => {
        let response: Response;
        try {
          response = await fetch(`/api/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Bitext-Token': token },
            body: request === undefined ? '' : JSON.stringify(request),
          });
        } catch (error) {
          return { ok: false, code: 'io', message: `The workbench host is not answering (${(error as Error).message}). Is it still running?` };
        }
        try {
          return (await response.json()) as ApiResult<unknown>;
        } catch {
          return { ok: false, code: 'internal', message: `The host answered ${response.status} without a result` };
        }
      },
    ]),
  ) as unknown as WireApi;

  const shell: Shell = {
    kind: 'browser',
    chooseFile(purpose) {
      return new Promise((done) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept =
          purpose === 'srx'
            ? '.srx,.xml'
            : purpose === 'alignment'
            ? ['.bitext', '.json', 'application/json', ...bilingualExtensions.map((extension) => `.${extension}`)].join(',')
            : [...documentExtensions.map((extension) => `.${extension}`), 'text/plain'].join(',');
        input.style.display = 'none';
        let settled = false;
        const finish = (value: FileRef | null) => {
          if (settled) return;
          settled = true;
          input.remove();
          done(value);
        };
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) return finish(null);
          fileToUpload(file).then(finish, () => finish(null));
        });
        input.addEventListener('cancel', () => finish(null));
        document.body.append(input);
        input.click();
      });
    },
    async chooseSavePath() {
      return undefined;
    },
    async chooseFolder() {
      return undefined;
    },
    fileRefFor: fileToUpload,
    setWindowState(title) {
      document.title = title;
    },
    closeWindow() {
      // A browser tab closes itself only when script opened it; the user closes it.
    },
    onCommand() {
      return () => undefined;
    },
  };
  return { api: apiOver(wire), shell };
}

/** Reads a chosen file's bytes as base64, the way the API takes uploads. */
export async function fileToUpload(file: File): Promise<FileRef> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with millions of arguments overflows the stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return { kind: 'upload', name: file.name, base64: btoa(binary) };
}
