/**
 * The desktop host's file rule: the renderer reaches only files the user chose.
 *
 * The workbench service reads and writes any absolute path on the desktop, because
 * the renderer only ever sends paths the user picked. This guard makes that a rule
 * the main process enforces rather than a habit of the renderer: a page that somehow
 * ran a stranger's script still cannot read `~/.ssh/id_ed25519` through `openPair`,
 * or write a `.json` alignment over a configuration file through `saveAlignment`.
 *
 * What counts as chosen:
 * - read: files from the open dialog, dropped files (the preload reports their
 *   paths; the page itself has no channel for that), files named on the command line
 *   or by a second start, the Open Recent entries (chosen in an earlier run), the
 *   documents directly inside a chosen folder, and everything that may be written;
 * - write: paths from the save dialog, and alignment files opened or saved in this
 *   run (Save writes back to the file it opened, autosave beside it);
 * - list: folders from the open dialog or the command line (`--folder`).
 *
 * Relative paths are left to the service, which refuses them on the desktop.
 */
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import {
  apiMethods,
  type ApiMethod,
  type ApiRequest,
  type ApiValue,
  type DocumentSource,
  type RecentEntry,
  type WorkbenchApi,
} from '../shared/api.ts';
import { BitextError } from '../shared/errors.ts';
import type { Alignment } from '../shared/model/alignment.ts';
import { isFolderDocumentName } from './services/folder.ts';
import type { StartArgs } from './services/workbench-service.ts';

/** What the renderer may do with a path. */
export type Access = 'read' | 'write' | 'list';

const accesses: readonly Access[] = ['read', 'write', 'list'];

/** The paths the user chose in this run, by what they were chosen for. */
export interface ChosenFiles {
  /** Records that the user chose `path` for `access` (relative paths are ignored). */
  allow(access: Access, path: string): void;
  /** Whether the renderer may `access` the absolute path `path`. */
  allows(access: Access, path: string): Promise<boolean>;
}

/**
 * The chosen paths of this run. `recent` gives the Open Recent list (read on each
 * check, so entries added by earlier runs count, and removed ones stop counting).
 */
export function createChosenFiles(recent: () => Promise<readonly RecentEntry[]>): ChosenFiles {
  const chosen: Record<Access, Set<string>> = { read: new Set(), write: new Set(), list: new Set() };
  return {
    allow(access, path) {
      if (isAbsolute(path)) chosen[access].add(resolve(path));
    },
    async allows(access, path) {
      const absolute = resolve(path);
      if (chosen[access].has(absolute)) return true;
      if (access !== 'read') return false;
      if (chosen.write.has(absolute)) return true;
      // The folder view lists only plain-text documents, not hidden files: nothing else of the folder is offered.
      if (chosen.list.has(dirname(absolute)) && isFolderDocumentName(basename(absolute))) return true;
      const entries = await recent().catch(() => [] as readonly RecentEntry[]);
      return entries.some((entry) => (entry.kind === 'alignment' ? [entry.path] : [entry.source, entry.target]).some((known) => resolve(known) === absolute));
    },
  };
}

/** Records what the command line named: its files may be read, its folder listed. */
export function allowStartArgs(chosen: ChosenFiles, args: StartArgs): void {
  const initial = args.initial;
  switch (initial.kind) {
    case 'sample':
      break; // The service opens the sample itself; reopening it later goes through Open Recent.
    case 'pair':
      chosen.allow('read', initial.source);
      chosen.allow('read', initial.target);
      break;
    case 'alignment':
      chosen.allow('read', initial.path);
      break;
  }
  if (args.folder !== undefined) chosen.allow('list', args.folder);
}

/** Paths a request touches, by access. */
type Touches = { readonly [A in Access]?: readonly string[] };

const nothing = (): Touches => ({});

function documentsOf(session: ApiValue<'openAlignment'>): string[] {
  return [session.alignment.source.path, session.alignment.target.path].filter((path) => isAbsolute(path));
}

/**
 * The documents an alignment in a request names, as the store would resolve them
 * when writing it (relative paths against the current folder). Saving it must
 * not widen what may be read: an alignment file opened later grants its
 * documents, so it may name only documents already readable.
 */
function documentsNamed(alignment: Alignment): string[] {
  return [alignment.source.path, alignment.target.path].map((path) => resolve(path));
}

function pathOf(source: DocumentSource): string[] {
  return source.kind === 'path' ? [source.path] : [];
}

/**
 * The paths each method's (validated) request touches. Typed over every method, so a
 * new method of the API does not compile until someone decides what it may reach.
 */
const requestTouches: { readonly [M in ApiMethod]: (request: ApiRequest<M>) => Touches } = {
  hostInfo: nothing,
  openInitial: nothing,
  recentFiles: nothing,
  getSettings: nothing,
  getSegmentationRules: nothing,
  // The SRX file from the open dialog (a copy of its text is kept; the file is not read again).
  setSegmentationRules: (request) => ({ read: request.file === null ? [] : pathOf(request.file) }),
  updateViewSettings: nothing,
  setDocumentLanguage: nothing,
  openPair: (request) => ({ read: [...pathOf(request.source), ...pathOf(request.target)] }),
  openAlignment: (request) => ({ read: pathOf(request.file) }),
  saveAlignment: (request) => ({ write: [request.path], read: documentsNamed(request.alignment) }),
  // Without a path, the recovery of a pair never saved goes to the host's own folder (and is offered for that pair only).
  writeRecovery: (request) => ({ write: request.path === undefined ? [] : [request.path], read: documentsNamed(request.alignment) }),
  discardRecovery: (request) => ({ write: request.path === undefined ? [] : [request.path] }),
  checkDocuments: (request) => ({ read: request.documents.map((document) => document.path) }),
  reloadDocument: (request) => ({ read: [request.alignment[request.side].path] }),
  updateKeybindings: nothing,
  exportAlignment: (request) => ({ write: request.path === undefined ? [] : [request.path] }),
  exportReport: (request) => ({ write: request.path === undefined ? [] : [request.path] }),
  // Only a path from the save dialog; the service also refuses the documents' own paths.
  saveDocumentText: (request) => ({ write: request.path === undefined ? [] : [request.path] }),
  listFolder: (request) => ({ list: [request.folder] }),
  // The output folder comes from the folder dialog too.
  alignFolder: (request) => ({ list: [request.folder, request.outFolder] }),
  batchStatus: nothing,
};

/** What a successful call lets the renderer reach next (an opened alignment is saved back to its file). */
const grantsAfter: { readonly [M in ApiMethod]?: (value: ApiValue<M>) => Touches } = {
  // The documents an opened alignment names may be read again: to see whether they changed on disk, and to reload them.
  openInitial: (session) => ({ write: session.alignmentPath === undefined ? [] : [session.alignmentPath], read: documentsOf(session) }),
  openAlignment: (session) => ({ write: session.alignmentPath === undefined ? [] : [session.alignmentPath], read: documentsOf(session) }),
  saveAlignment: (result) => ({ write: [result.path] }),
  listFolder: (overview) => ({ read: overview.documents.map((document) => document.path) }),
  // The alignment files an Align all wrote may be opened, reviewed and saved back.
  batchStatus: (status) => ({ write: status.pairs.filter((pair) => pair.state === 'aligned' || pair.state === 'up-to-date').map((pair) => pair.output) }),
};

function refused(access: Access, path: string, method: ApiMethod): BitextError {
  // 'io', as the browser host's refusals: the renderer shows it as "cannot open" with this message.
  const saving = method === 'saveAlignment' || method === 'writeRecovery';
  const what =
    access === 'read'
      ? saving
        ? 'saves only alignments of documents you chose'
        : 'opens only files you chose'
      : access === 'write'
        ? 'writes only where you chose to save'
        : 'lists only folders you chose';
  return new BitextError('io', `the desktop app ${what} (in its dialogs, by dropping them, on the command line or in Open Recent)`, { file: path });
}

/**
 * `api`, with every path in a request checked against `chosen` before the call
 * (refused with an `io` error naming the path) and what a call opens recorded after it.
 * Requests must already be validated (`callApi` does that first).
 */
export function chosenFilesOnly(api: WorkbenchApi, chosen: ChosenFiles): WorkbenchApi {
  const guarded: Partial<Record<ApiMethod, (request: unknown) => Promise<unknown>>> = {};
  for (const method of apiMethods) {
    const touches = requestTouches[method] as (request: unknown) => Touches;
    const after = grantsAfter[method] as ((value: unknown) => Touches) | undefined;
    const call = api[method] as (request: unknown) => Promise<unknown>;
    guarded[method] = async (request) => {
      const needed = touches(request);
      for (const access of accesses) {
        for (const path of needed[access] ?? []) {
          if (isAbsolute(path) && !(await chosen.allows(access, path))) throw refused(access, path, method);
        }
      }
      const value = await call.call(api, request);
      const granted = after?.(value) ?? {};
      for (const access of accesses) for (const path of granted[access] ?? []) chosen.allow(access, path);
      return value;
    };
  }
  return guarded as WorkbenchApi;
}
