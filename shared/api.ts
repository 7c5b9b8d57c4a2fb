/**
 * The one contract between the workbench's user interface and the host that
 * reads and writes files for it.
 *
 * `WorkbenchApi` is implemented once, in plain Node (electron/services/workbench-service.ts),
 * and reached two ways: over Electron IPC (electron/ipc.ts + electron/preload.ts) and over
 * HTTP (electron/http-host.ts, `POST /api/<method>` with a JSON body). Both wrap every
 * answer in an {@link ApiResult}, because neither IPC nor JSON carries an `Error` intact.
 * Both validate every argument with {@link validateRequest} before the service sees it.
 *
 * `DesktopShell` holds what only the desktop window can do (native dialogs, the window's
 * title, the close prompt, menu commands). The browser host has no such thing; the renderer
 * does those with the DOM instead.
 */
import { alignmentSchemaVersion, type Alignment, type Link, type LinkStatus, type Side } from './model/alignment.ts';
import { paragraphLength, type BitextDocument, type EncodingName, type Paragraph } from './model/document.ts';
import { BitextError, type ErrorCode } from './errors.ts';
import type { RebaseReport } from './edits/rebase.ts';
import { findLinkProblems } from './model/invariants.ts';
import { findSentenceProblem } from './model/sentence-invariants.ts';
import { exportFormats, type ExportFormatId } from './formats/export-format-list.ts';
import type { ExportFilters, ExportSkipped, ExportUnit } from './formats/export-pairs.ts';
import type { PairCandidate, PairProposal } from './corpus/pairing.ts';
import { maxDocumentBytes } from './document/limits.ts';

/** A file the user chose: by path (desktop, command line, workspace) or by its bytes (browser upload). */
export type FileRef =
  | { readonly kind: 'path'; readonly path: string }
  | {
      readonly kind: 'upload';
      /** The file's name as the browser gives it (no directory). */
      readonly name: string;
      /** The file's bytes, base64-encoded. */
      readonly base64: string;
    };

/** One document of a pair: a file to read, or a document already loaded (kept when the other side changes). */
export type DocumentSource = FileRef | { readonly kind: 'document'; readonly document: BitextDocument };

/** What `openPair` needs: the original, its translation, and optionally the encodings to force. */
export interface OpenPairRequest {
  readonly source: DocumentSource;
  readonly target: DocumentSource;
  readonly sourceEncoding?: EncodingName;
  readonly targetEncoding?: EncodingName;
  /**
   * `false`: read the documents but leave the links empty: the renderer aligns them
   * in its worker, with progress and Cancel. Default `true` (the host aligns).
   */
  readonly align?: boolean;
}

/** What {@link WorkbenchApi.openInitial} takes. */
export interface OpenInitialRequest {
  /** As in {@link OpenPairRequest.align}; default `true`. */
  readonly align?: boolean;
}

/** A document that changed on disk, and what carrying the alignment's links over onto its new text did. */
export interface RebasedDocument {
  readonly side: Side;
  /** The document's path. */
  readonly path: string;
  readonly report: RebaseReport;
}

/** Whether a document an open alignment uses is still as it was read (same SHA-256). */
export interface DocumentCheck {
  readonly path: string;
  readonly status: 'unchanged' | 'changed' | 'missing';
}

/** What the workbench shows: an alignment and where it lives on disk. */
export interface Session {
  readonly alignment: Alignment;
  /** Where the alignment was read from or last saved; absent for a new, unsaved alignment. */
  readonly alignmentPath?: string;
  /** Where Save puts a new alignment (the user may change it in Save as…). */
  readonly suggestedPath: string;
  /** Things the user should know about what was opened (a document changed since the alignment was saved…). */
  readonly warnings: readonly string[];
  /**
   * Autosaved work newer than the file, found beside it (or, for a pair never
   * saved, kept by the host for these two documents): the renderer offers to restore it.
   */
  readonly recovery?: { readonly savedAt: string; readonly alignment: Alignment };
  /** Documents whose SHA-256 differs from the one the alignment recorded: the links were rebased onto their new text. */
  readonly rebased?: readonly RebasedDocument[];
  /** Set when the documents were read but not aligned (`align: false`): the renderer aligns them. */
  readonly needsAligning?: boolean;
}

/** The answer to a save. */
export interface SaveResult {
  /** The absolute path written. */
  readonly path: string;
  /** Whether an earlier version was kept as `<path>.bak`. */
  readonly backup: boolean;
}

/** An entry of the Open recent list. */
export type RecentEntry =
  | { readonly kind: 'alignment'; readonly path: string; readonly opened: string }
  | { readonly kind: 'pair'; readonly source: string; readonly target: string; readonly opened: string };

/** The colour theme: follow the system, or force one. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** View options the user can change; kept between runs. */
export interface ViewSettings {
  readonly theme: ThemeChoice;
  /** Editor font size in CSS pixels (11–24). */
  readonly fontSize: number;
  /** Draw the connectors between the editors. */
  readonly showConnectors: boolean;
  /** Show untranslated paragraphs in a muted colour (they are mostly page clutter). */
  readonly muteUntranslated: boolean;
  /** Heights (CSS pixels, 80–4000) the user gave the panels under the editors with their splitters; absent: the default. */
  readonly reviewPanelHeight?: number;
  readonly dotPlotHeight?: number;
}

/**
 * The user's key remappings: for `scope:command` (`review:confirm-next`), the
 * keys that replace the defaults (renderer/commands/keymap.ts).
 */
export type KeyBindingOverrides = Readonly<Record<string, readonly string[]>>;

/** The settings the hosts keep between runs. */
export interface Settings {
  readonly view: ViewSettings;
  /** Key remappings; absent or empty: the defaults. */
  readonly keybindings?: KeyBindingOverrides;
}

/**
 * The SRX 2.0 rules the app cuts sentences with (the sentence panel, exports
 * by sentence), chosen in the Export… dialog: the file's name and its text.
 * The host keeps a copy of the text beside its settings, so the choice
 * persists without the host reading the file again. Absent (null): the
 * built-in segmenter.
 */
export interface SegmentationRulesSetting {
  readonly name: string;
  readonly srx: string;
}

/** The settings a fresh install starts with. */
export const defaultSettings: Settings = {
  view: { theme: 'system', fontSize: 14, showConnectors: true, muteUntranslated: true },
};

/** A language the user can pick to override detection. */
export interface LanguageChoice {
  /** ISO 639-3 (`eng`, `tha`). */
  readonly iso6393: string;
  /** BCP-47 (`en`, `th`). */
  readonly bcp47: string;
  /** English name (`English`, `Thai`). */
  readonly name: string;
}

/** What the renderer needs to know about the host it runs in. */
export interface HostInfo {
  /** `electron`: a desktop window with native dialogs; `browser`: the local HTTP host. */
  readonly kind: 'electron' | 'browser';
  readonly tool: { readonly name: string; readonly version: string };
  /** Browser host: the directory saves go to (relative paths are taken from it). */
  readonly workspace?: string;
  /** The languages the override select offers. */
  readonly languages: readonly LanguageChoice[];
  /** The platform the host runs on (`linux`, `darwin`, `win32`), for key labels. */
  readonly platform: string;
  /**
   * Browser host: the folders Open folder… may list (the workspace, the corpus, a
   * `--folder` from the command line). The desktop host lists any folder the user picks.
   */
  readonly folders?: readonly string[];
  /** A folder named on the command line (`--folder DIR`): the corpus view opens it at start. */
  readonly initialFolder?: string;
}

/** The request to override (or, with `language: null`, to reset) one document's language. */
export interface SetLanguageRequest {
  readonly alignment: Alignment;
  readonly side: Side;
  /** ISO 639-3 code of the language to use, or null to go back to the detected one. */
  readonly language: string | null;
}

/** The request to save an alignment. */
export interface SaveRequest {
  readonly alignment: Alignment;
  /** Desktop: an absolute path. Browser host: a path inside the workspace (relative paths are taken from it). */
  readonly path: string;
  /** Replace an existing file at `path` that this session did not write (Save as… onto an existing file). */
  readonly overwrite?: boolean;
}

/**
 * The request to export an alignment in one of the export formats. With a `path`
 * the host writes the file (atomically; an existing file only with `overwrite`);
 * without one it sends the bytes back for the page to offer as a download.
 */
export interface ExportFileRequest {
  readonly alignment: Alignment;
  readonly format: ExportFormatId;
  readonly filters?: ExportFilters;
  /** Desktop: an absolute path. Browser host: a path inside the workspace. Absent: nothing is written. */
  readonly path?: string;
  /** Replace an existing file at `path` (the user said so). Default `false`. */
  readonly overwrite?: boolean;
}

/** The request to write the review report (HTML); `path` and `overwrite` as in {@link ExportFileRequest}. */
export interface ReportFileRequest {
  readonly alignment: Alignment;
  readonly path?: string;
  readonly overwrite?: boolean;
}

/**
 * The request to save one document's current text (as edited) to a new UTF-8
 * plain-text or Markdown file; `path` and `overwrite` as in {@link ExportFileRequest}.
 * The host never writes over either aligned document (see docs/review.md, "Text edits").
 */
export interface DocumentTextRequest {
  readonly alignment: Alignment;
  readonly side: Side;
  readonly path?: string;
  readonly overwrite?: boolean;
}

/** What went into an export or a report, to tell the user. */
export interface ExportSummary {
  /** Pairs (units, rows, records) exported; for a report, the links shown; 0 for a document's text. */
  readonly pairs: number;
  /** The paragraphs of a document's text saved by `saveDocumentText` (absent otherwise). */
  readonly paragraphs?: number;
  /** Links an export left out, by reason (absent for a report). */
  readonly skipped?: ExportSkipped;
  /** Mismatch flags a report shows (absent for an export). */
  readonly flags?: number;
}

/**
 * The outcome of an export or a report: `written` to `path`; `data` to download
 * (no `path` was given); `exists`: nothing was written because `path` exists and
 * `overwrite` was not set, so the page can ask "Replace?" and try again.
 */
export type ExportOutcome =
  | { readonly kind: 'written'; readonly path: string; readonly bytes: number; readonly summary: ExportSummary }
  | {
      readonly kind: 'data';
      readonly mediaType: string;
      /** The file's bytes, base64-encoded. */
      readonly base64: string;
      readonly bytes: number;
      readonly summary: ExportSummary;
    }
  | { readonly kind: 'exists'; readonly path: string };

/** One document of a folder, as the corpus view lists it. */
export interface FolderDocument {
  /** Absolute path (what `openPair` takes). */
  readonly path: string;
  /** The file name. */
  readonly name: string;
  /** The detected language (BCP-47 `en`, ISO 639-3 `eng`; `und` when franc cannot tell). */
  readonly language: { readonly bcp47: string; readonly iso6393: string };
  readonly encoding: EncodingName;
  /** Size of the file in bytes. */
  readonly size: number;
  readonly paragraphs: number;
}

/**
 * A folder of documents and which of them are translations of which: the
 * aligner's evidence (shared anchors, aligned share) for every pair in
 * different languages, and the proposals (best first; a translation once, an original once per translation).
 * `source` and `target` of the candidates are the documents' paths.
 */
export interface FolderOverview {
  readonly folder: string;
  readonly documents: readonly FolderDocument[];
  /** Files that look like documents but could not be read, with why. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  /** Oriented original → translation; an original may have several. */
  readonly proposals: readonly PairProposal[];
  readonly candidates: readonly PairCandidate[];
}

/** What became of one pair of an Align all ({@link WorkbenchApi.alignFolder}). */
export interface BatchPairResult {
  /** The alignment file's name without `.bitext`. */
  readonly name: string;
  readonly source: string;
  readonly target: string;
  /** The alignment file (absolute). */
  readonly output: string;
  readonly state: 'waiting' | 'aligned' | 'up-to-date' | 'failed' | 'cancelled';
  readonly links?: number;
  /** Mean confidence of the links with both sides. */
  readonly meanConfidence?: number;
  /** Why it failed, naming the file. */
  readonly reason?: string;
}

/** An Align all, running or over. */
export interface BatchStatus {
  readonly id: string;
  readonly folder: string;
  readonly outFolder: string;
  readonly state: 'running' | 'finished' | 'cancelled';
  readonly total: number;
  /** Pairs finished in any way. */
  readonly done: number;
  readonly failed: number;
  readonly pairs: readonly BatchPairResult[];
}

/**
 * The operations the renderer asks of its host. Every method takes at most one
 * argument, a plain object, so that IPC and HTTP carry it the same way.
 */
export interface WorkbenchApi {
  /** Which host this is, and what it offers. */
  hostInfo(): Promise<HostInfo>;
  /**
   * What to show at start: the files named on the command line, else the corpus
   * English–Thai sample. With `align: false` a pair is read but not aligned
   * (`needsAligning`), so the renderer aligns it in its worker like any other.
   */
  openInitial(request: OpenInitialRequest): Promise<Session>;
  /** Reads (or keeps) two documents and aligns them. */
  openPair(request: OpenPairRequest): Promise<Session>;
  /** Reads a saved alignment. */
  openAlignment(request: { readonly file: FileRef }): Promise<Session>;
  /** Overrides a document's language and re-runs per-paragraph detection; returns the new alignment. */
  setDocumentLanguage(request: SetLanguageRequest): Promise<Alignment>;
  /** Writes the alignment atomically (keeping the previous version as `.bak`); removes its recovery file. */
  saveAlignment(request: SaveRequest): Promise<SaveResult>;
  /**
   * Autosaves unsaved work beside the alignment file at `path` (a hidden recovery file;
   * `path` itself is not touched), so a crash loses little. Reopening `path` offers it.
   */
  writeRecovery(request: { readonly alignment: Alignment; readonly path?: string }): Promise<null>;
  /**
   * Deletes the recovery file of `path` (the user chose not to restore it), or,
   * with `documents`, the one of a pair never saved.
   */
  discardRecovery(request: { readonly path?: string; readonly documents?: { readonly source: string; readonly target: string } }): Promise<null>;
  /** Checks whether the documents of the open alignment changed on disk (the renderer asks every few seconds). */
  checkDocuments(request: { readonly documents: readonly { readonly path: string; readonly sha256: string }[] }): Promise<readonly DocumentCheck[]>;
  /**
   * Reads one document of the alignment again and rebases the links onto its new text. Both documents of a bilingual
   * file (XLIFF, TMX) are read again together; `otherSide` reports the one not asked for.
   */
  reloadDocument(request: {
    readonly alignment: Alignment;
    readonly side: Side;
  }): Promise<{ readonly alignment: Alignment; readonly rebased: RebasedDocument; readonly otherSide?: RebasedDocument }>;
  /** Replaces the key remappings; returns all settings. */
  updateKeybindings(request: { readonly keybindings: KeyBindingOverrides }): Promise<Settings>;
  /** The Open recent list, newest first (only entries the host may open). */
  recentFiles(): Promise<readonly RecentEntry[]>;
  /** The saved settings. */
  getSettings(): Promise<Settings>;
  /** The SRX rules chosen for sentences, or null for the built-in segmenter. */
  getSegmentationRules(): Promise<SegmentationRulesSetting | null>;
  /**
   * Chooses the SRX file sentences are cut by (checked first: a file that is not SRX 2.0 is
   * refused, naming the file and the line), or null to go back to the built-in segmenter.
   */
  setSegmentationRules(request: { readonly file: FileRef | null }): Promise<SegmentationRulesSetting | null>;
  /** Changes view settings; returns all settings. */
  updateViewSettings(request: Partial<ViewSettings>): Promise<Settings>;
  /** Exports the alignment in one of the export formats, to a file or as bytes to download. */
  exportAlignment(request: ExportFileRequest): Promise<ExportOutcome>;
  /** Writes the review report (one HTML page, with mismatch flags), to a file or as bytes to download. */
  exportReport(request: ReportFileRequest): Promise<ExportOutcome>;
  /** Saves one document's current text (UTF-8, .txt or .md) to a file or as bytes to download; never over an aligned document. */
  saveDocumentText(request: DocumentTextRequest): Promise<ExportOutcome>;
  /**
   * Lists a folder's documents (language, size, paragraphs) and proposes which
   * are translations of which. The browser host lists only the folders in
   * `HostInfo.folders`.
   */
  listFolder(request: { readonly folder: string }): Promise<FolderOverview>;
  /**
   * Starts aligning every pair the folder's overview proposes, on worker
   * threads, each to `outFolder/NAME.bitext` (pairs whose file is newer than
   * both documents are kept). The browser host writes only inside its workspace.
   */
  alignFolder(request: { readonly folder: string; readonly outFolder: string }): Promise<BatchStatus>;
  /** How an Align all stands; with `cancel`, stops it first. */
  batchStatus(request: { readonly id: string; readonly cancel?: boolean }): Promise<BatchStatus>;
}

/** The names of the API's methods, in a fixed order. */
export type ApiMethod = keyof WorkbenchApi;

/** The argument a method takes (`undefined` for methods without one). */
export type ApiRequest<M extends ApiMethod> = Parameters<WorkbenchApi[M]> extends [infer A] ? A : undefined;

/** What a method resolves to. */
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<WorkbenchApi[M]>>;

/** Error codes on the wire: the workbench's own, plus those of the transport. */
export type WireErrorCode =
  | ErrorCode
  /** The caller may not do this (bad token, wrong sender, path outside what the host may read). */
  | 'forbidden'
  /** A bug: the message says what, but the user cannot fix it. */
  | 'internal';

/** How every answer crosses IPC or HTTP. */
export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: WireErrorCode; readonly message: string };

/** The API as the preload exposes it: each method answers with an {@link ApiResult} instead of throwing. */
export type WireApi = {
  readonly [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResult<ApiValue<M>>>;
};

/** A command from the desktop menu (or the close prompt) for the renderer to carry out. */
export type ShellCommand =
  | { readonly kind: 'open-source' }
  | { readonly kind: 'open-target' }
  | { readonly kind: 'open-alignment' }
  | { readonly kind: 'open-recent'; readonly entry: RecentEntry }
  | { readonly kind: 'open-paths'; readonly paths: readonly string[] }
  | { readonly kind: 'save' }
  | { readonly kind: 'save-as' }
  /** Save, then tell the shell it may close (the user chose Save in the close prompt). */
  | { readonly kind: 'save-and-close' }
  | { readonly kind: 'undo' }
  | { readonly kind: 'redo' }
  | { readonly kind: 'find' }
  | { readonly kind: 'jump-to-partner' }
  | { readonly kind: 'view-options' }
  | { readonly kind: 'export' }
  | { readonly kind: 'export-report' }
  /** Save text as…: one document's current text to a new .txt or .md file. */
  | { readonly kind: 'save-text'; readonly side: Side }
  | { readonly kind: 'open-folder' }
  | { readonly kind: 'toggle-dot-plot' }
  /** A review command (renderer/commands/command-table.ts) from the Review menu. */
  | { readonly kind: 'review'; readonly command: ReviewMenuCommand }
  | { readonly kind: 'about' };

/**
 * The review commands the desktop's Review menu offers, with their labels (the
 * renderer's command table has the same ids and labels, and their keys; a
 * unit test holds them equal).
 */
export const reviewMenuCommands = [
  { command: 'confirm-next', label: 'Confirm and Next' },
  { command: 'reject', label: 'Reject' },
  { command: 'reset-status', label: 'Mark Unreviewed' },
  { command: 'merge-next', label: 'Merge with Next Link' },
  { command: 'split', label: 'Split Link' },
  { command: 'unlink', label: 'Unlink' },
  { command: 'mark-untranslated', label: 'Mark Paragraph Untranslated' },
  { command: 'shift-up', label: 'Move Paragraph to Previous Link' },
  { command: 'shift-down', label: 'Move Paragraph to Next Link' },
  { command: 'link-marked', label: 'Link Marked or Selected Paragraphs' },
  { command: 'link-with-skip', label: 'Link with Skip' },
  { command: 'realign', label: 'Re-align Between Confirmed Links' },
  { command: 'edit-note', label: 'Edit Note…' },
  { command: 'edit-tags', label: 'Add Tag…' },
  { command: 'next-unconfirmed', label: 'Next Unconfirmed Link' },
  { command: 'next-flagged', label: 'Next Flagged Link' },
  { command: 'focus-review', label: 'Review Mode (Focus the Link List)' },
  { command: 'toggle-review-panel', label: 'Show or Hide the Review Panel' },
  { command: 'show-shortcuts', label: 'Keyboard Shortcuts' },
] as const;

/** A command of the Review menu. */
export type ReviewMenuCommand = (typeof reviewMenuCommands)[number]['command'];

/** The file kinds the desktop open dialog asks for (`folder`: a folder, for the corpus view). */
export type OpenPurpose = 'source' | 'target' | 'alignment' | 'folder' | 'srx';

/**
 * What the desktop save dialog saves: an alignment (the default), an export in a format, the review report,
 * or a document's text (`text`: .txt first, `markdown`: .md first).
 */
export type SavePurpose = 'alignment' | ExportFormatId | 'report' | 'text' | 'markdown';

/**
 * A file dropped on the window, as far as the contract needs it: the DOM's `File`
 * (not named here, because shared/ is portable and has no DOM types).
 */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/** What only the desktop window can do. The preload exposes it next to the {@link WireApi}. */
export interface DesktopShell {
  /** Shows the native open dialog; the chosen path, or null when cancelled. */
  showOpenDialog(request: { readonly purpose: OpenPurpose }): Promise<ApiResult<string | null>>;
  /** Shows the native save dialog (for an alignment unless `purpose` says otherwise); the chosen path, or null when cancelled. */
  showSaveDialog(request: { readonly defaultPath: string; readonly purpose?: SavePurpose }): Promise<ApiResult<string | null>>;
  /** Sets the window title and whether there are unsaved changes (asked about on close). */
  setWindowState(request: { readonly title: string; readonly dirty: boolean }): Promise<ApiResult<null>>;
  /** Closes the window without asking again (after the renderer saved on `save-and-close`). */
  closeWindow(): Promise<ApiResult<null>>;
  /** The path of a file dropped on the window (Electron's `webUtils.getPathForFile`). */
  pathForFile(file: DroppedFile): string;
  /** Calls `listener` for each menu command; returns a function that stops it. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
}

/** What the preload puts on `window.bitext`. */
export interface DesktopBridge {
  readonly api: WireApi;
  readonly shell: DesktopShell;
}

/** The IPC channel of an API method or shell call: every channel carries this prefix, so others are refused. */
export function channelName(method: string): string {
  return `bitext:${method}`;
}

/** The IPC channel main uses to send {@link ShellCommand}s to the renderer. */
export const commandChannel = 'bitext:command';

/**
 * The Content-Security-Policy of the renderer, sent by both hosts.
 * Monaco needs inline styles (it writes `style` attributes and dynamic style sheets)
 * and its own fonts; its editor worker and the aligner's are files of the build
 * (`getWorker` constructs them from their URL, so no `blob:` wrapper); nothing comes
 * from elsewhere. Each allowance is justified in tests/electron/security-checklist.test.ts.
 */
export const rendererContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

// ---------------------------------------------------------------------------------------------
// Validation. Both hosts run every request through `validateRequest` before the service sees it:
// the renderer is ours, but a compromised page must not get more than the UI could ask for.


const encodings: readonly EncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-874', 'windows-1252'];
const statuses: readonly LinkStatus[] = ['auto', 'confirmed', 'rejected'];
const themes: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The methods of the API, for hosts that register one handler per method. */
export const apiMethods: readonly ApiMethod[] = [
  'hostInfo',
  'openInitial',
  'openPair',
  'openAlignment',
  'setDocumentLanguage',
  'saveAlignment',
  'writeRecovery',
  'discardRecovery',
  'checkDocuments',
  'reloadDocument',
  'updateKeybindings',
  'recentFiles',
  'getSettings',
  'getSegmentationRules',
  'setSegmentationRules',
  'updateViewSettings',
  'exportAlignment',
  'exportReport',
  'saveDocumentText',
  'listFolder',
  'alignFolder',
  'batchStatus',
];

/** True when `name` is one of the API's methods. */
export function isApiMethod(name: string): name is ApiMethod {
  return (apiMethods as readonly string[]).includes(name);
}

function fail(field: string, message: string): never {
  throw new BitextError('invalid-argument', message, { field });
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function object(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(field, `Expected an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

function string(value: unknown, field: string, options: { nonEmpty?: boolean; max?: number } = {}): string {
  if (typeof value !== 'string') fail(field, `Expected a string, got ${describe(value)}`);
  if (options.nonEmpty && value.length === 0) fail(field, 'Expected a non-empty string');
  if (options.max !== undefined && value.length > options.max) fail(field, `Expected at most ${options.max} characters`);
  return value;
}

function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `Expected an integer in [${min}, ${max}], got ${describe(value)}`);
  }
  return value;
}

function boolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') fail(field, `Expected true or false, got ${describe(value)}`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(field, `Expected one of ${allowed.join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

function noExtraKeys(value: Record<string, unknown>, allowed: readonly string[], field: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(`${field}/${key}`, `Unexpected field "${key}"`);
  }
}

function fileRef(value: unknown, field: string): FileRef {
  const ref = object(value, field);
  const kind = oneOf(ref.kind, ['path', 'upload'], `${field}/kind`);
  if (kind === 'path') {
    noExtraKeys(ref, ['kind', 'path'], field);
    const path = string(ref.path, `${field}/path`, { nonEmpty: true, max: 4096 });
    if (path.includes('\0')) fail(`${field}/path`, 'A path may not contain NUL');
    return { kind, path };
  }
  noExtraKeys(ref, ['kind', 'name', 'base64'], field);
  const name = string(ref.name, `${field}/name`, { nonEmpty: true, max: 255 });
  if (/[/\\\0]/.test(name)) fail(`${field}/name`, 'A file name may not contain a slash, a backslash or NUL');
  const base64 = string(ref.base64, `${field}/base64`, { max: Math.ceil((maxDocumentBytes * 4) / 3) + 4 });
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) fail(`${field}/base64`, 'Expected base64 text');
  return { kind, name, base64 };
}

function paragraphs(value: unknown, textLength: number, field: string): Paragraph[] {
  if (!Array.isArray(value)) fail(field, `Expected an array, got ${describe(value)}`);
  let previousEnd = 0;
  return value.map((item, index) => {
    const paragraph = object(item, `${field}/${index}`);
    const start = integer(paragraph.start, `${field}/${index}/start`, 0, textLength);
    const end = integer(paragraph.end, `${field}/${index}/end`, start, textLength);
    if (start < previousEnd) fail(`${field}/${index}`, 'Paragraphs must be in order and must not overlap');
    previousEnd = end;
    // The language annotation is derived data the host recomputes; it is kept as sent.
    return paragraph as unknown as Paragraph;
  });
}

/**
 * Checks that `value` is a document: text, in-range ordered paragraphs, a language.
 * The host recomputes what it derives from these, so only their shape is checked.
 */
export function validateDocument(value: unknown, field = ''): BitextDocument {
  const document = object(value, field);
  string(document.path, `${field}/path`, { max: 4096 });
  string(document.sha256, `${field}/sha256`, { max: 128 });
  const text = string(document.text, `${field}/text`, { max: maxDocumentBytes });
  const encoding = object(document.encoding, `${field}/encoding`);
  oneOf(encoding.name, encodings, `${field}/encoding/name`);
  const language = object(document.language, `${field}/language`);
  const detected = object(language.detected, `${field}/language/detected`);
  string(detected.iso6393, `${field}/language/detected/iso6393`, { max: 16 });
  string(detected.bcp47, `${field}/language/detected/bcp47`, { max: 64 });
  paragraphs(document.paragraphs, text.length, `${field}/paragraphs`);
  return document as unknown as BitextDocument;
}

function link(value: unknown, field: string): Link {
  const item = object(value, field);
  for (const side of ['source', 'target'] as const) {
    if (!Array.isArray(item[side])) fail(`${field}/${side}`, `Expected an array, got ${describe(item[side])}`);
  }
  if (typeof item.score !== 'number' || !Number.isFinite(item.score)) fail(`${field}/score`, 'Expected a finite number');
  if (typeof item.confidence !== 'number' || !(item.confidence >= 0 && item.confidence <= 1)) fail(`${field}/confidence`, 'Expected a number in [0, 1]');
  oneOf(item.status, statuses, `${field}/status`);
  if (item.note !== undefined) string(item.note, `${field}/note`, { max: 100_000 });
  // Tags are shown as text in the review panel and the report: strings only, as schema/alignment.schema.json says.
  if (item.tags !== undefined) {
    if (!Array.isArray(item.tags) || item.tags.length > 100) fail(`${field}/tags`, 'Expected an array of at most 100 tags');
    item.tags.forEach((tag, index) => string(tag, `${field}/tags/${index}`, { nonEmpty: true, max: 200 }));
  }
  if (item.sentences !== undefined) storedSentences(item.sentences, `${field}/sentences`);
  return item as unknown as Link;
}

/** The shape of a link's stored sentence pairs; `findSentenceProblem` then checks they fit the link. */
function storedSentences(value: unknown, field: string): void {
  const sentences = object(value, field);
  noExtraKeys(sentences, ['source', 'target', 'pairs', 'rules'], field);
  if (sentences.rules !== undefined) segmentationRecord(sentences.rules, `${field}/rules`);
  for (const side of ['source', 'target'] as const) {
    const spans = sentences[side];
    if (!Array.isArray(spans) || spans.length > 100_000) fail(`${field}/${side}`, 'Expected an array of at most 100,000 sentences');
    spans.forEach((span, index) => {
      const ref = object(span, `${field}/${side}/${index}`);
      noExtraKeys(ref, ['paragraph', 'start', 'end'], `${field}/${side}/${index}`);
      for (const key of ['paragraph', 'start', 'end'] as const) {
        if (!Number.isInteger(ref[key])) fail(`${field}/${side}/${index}/${key}`, `Expected a whole number, got ${describe(ref[key])}`);
      }
    });
  }
  const pairs = sentences.pairs;
  if (!Array.isArray(pairs) || pairs.length > 100_000) fail(`${field}/pairs`, 'Expected an array of at most 100,000 sentence pairs');
  pairs.forEach((pair, index) => {
    const item = object(pair, `${field}/pairs/${index}`);
    noExtraKeys(item, ['source', 'target', 'confidence', 'status'], `${field}/pairs/${index}`);
    for (const side of ['source', 'target'] as const) {
      const indices = item[side];
      if (!Array.isArray(indices) || !indices.every((at) => Number.isInteger(at))) fail(`${field}/pairs/${index}/${side}`, 'Expected an array of whole numbers');
    }
    oneOf(item.status, statuses, `${field}/pairs/${index}/status`);
  });
}

/** The record of which rules cut sentences: `{ kind: 'built-in' }` or an SRX file's name and SHA-256. */
function segmentationRecord(value: unknown, field: string): void {
  const record = object(value, field);
  oneOf(record.kind, ['built-in', 'srx'] as const, `${field}/kind`);
  if (record.kind === 'built-in') return noExtraKeys(record, ['kind'], field);
  noExtraKeys(record, ['kind', 'name', 'sha256'], field);
  string(record.name, `${field}/name`, { nonEmpty: true, max: 4096 });
  if (typeof record.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(record.sha256)) fail(`${field}/sha256`, 'Expected 64 lower-case hex digits');
}

/** Checks that `value` is a sound alignment: both documents, and links that break no rule. */
export function validateAlignment(value: unknown, field = ''): Alignment {
  const alignment = object(value, field);
  if (alignment.schemaVersion !== alignmentSchemaVersion) fail(`${field}/schemaVersion`, `Expected ${alignmentSchemaVersion}, got ${describe(alignment.schemaVersion)}`);
  string(alignment.created, `${field}/created`, { max: 64 });
  string(alignment.modified, `${field}/modified`, { max: 64 });
  if (alignment.segmentation !== undefined) segmentationRecord(alignment.segmentation, `${field}/segmentation`);
  const source = validateDocument(alignment.source, `${field}/source`);
  const target = validateDocument(alignment.target, `${field}/target`);
  if (!Array.isArray(alignment.links)) fail(`${field}/links`, `Expected an array, got ${describe(alignment.links)}`);
  const links = alignment.links.map((item, index) => link(item, `${field}/links/${index}`));
  const problems = findLinkProblems(links, source.paragraphs.length, target.paragraphs.length);
  const first = problems[0];
  if (first) throw new BitextError('invalid-argument', first.message, { link: first.link, field: `${field}/links` });
  const length = (side: Side, paragraph: number) => paragraphLength(side === 'source' ? source : target, paragraph);
  links.forEach((item, index) => {
    const problem = findSentenceProblem(item, length);
    if (problem) throw new BitextError('invalid-argument', problem, { link: index, field: `${field}/links/${index}/sentences` });
  });
  return alignment as unknown as Alignment;
}

/** Checks key remappings: `scope:command` names, each with at most four short key strings. */
export function keyBindingOverrides(value: unknown, field: string): KeyBindingOverrides {
  const record = object(value, field);
  const entries = Object.entries(record);
  if (entries.length > 200) fail(field, 'Expected at most 200 remapped commands');
  const result: Record<string, readonly string[]> = {};
  for (const [name, keys] of entries) {
    if (!/^(review|editor|global):[a-z0-9-]{1,48}$/.test(name)) fail(`${field}/${name}`, 'Expected a name such as "review:confirm-next"');
    if (!Array.isArray(keys) || keys.length > 4) fail(`${field}/${name}`, 'Expected an array of at most four keys');
    result[name] = keys.map((key, index) => string(key, `${field}/${name}/${index}`, { nonEmpty: true, max: 40 }));
  }
  return result;
}

function documentSource(value: unknown, field: string): DocumentSource {
  const source = object(value, field);
  if (source.kind === 'document') {
    noExtraKeys(source, ['kind', 'document'], field);
    return { kind: 'document', document: validateDocument(source.document, `${field}/document`) };
  }
  return fileRef(value, field);
}

const exportFormatIds: readonly ExportFormatId[] = exportFormats.map((format) => format.id);
/** As `exportUnits` of export-pairs.ts, which this module imports types from only (it would pull in the sentence aligner). */
const exportUnits: readonly ExportUnit[] = ['paragraph', 'sentence'];

function exportFilters(value: unknown, field: string): ExportFilters {
  const filters = object(value, field);
  const flags = ['confirmedOnly', 'includeUntranslated', 'deduplicate', 'includeRejected'] as const;
  noExtraKeys(filters, [...flags, 'minConfidence', 'unit'], field);
  const result: { -readonly [K in keyof ExportFilters]: ExportFilters[K] } = {};
  for (const flag of flags) if (filters[flag] !== undefined) result[flag] = boolean(filters[flag], `${field}/${flag}`);
  if (filters.minConfidence !== undefined) {
    const min = filters.minConfidence;
    if (typeof min !== 'number' || !Number.isFinite(min) || min < 0 || min > 1) {
      fail(`${field}/minConfidence`, `Expected a number in [0, 1], got ${describe(min)}`);
    }
    result.minConfidence = min;
  }
  // The unit crosses the wire; SRX rules (`segmentation`) do not: the host reads them from a file.
  if (filters.unit !== undefined) {
    const unit = exportUnits.find((candidate) => candidate === filters.unit);
    if (!unit) fail(`${field}/unit`, `Expected ${exportUnits.join(' or ')}, got ${describe(filters.unit)}`);
    result.unit = unit;
  }
  return result;
}

/** The optional `path` and `overwrite` of an export or report request. */
function outputTarget(request: Record<string, unknown>): { path?: string; overwrite?: boolean } {
  if (request.path === undefined) {
    if (request.overwrite !== undefined) fail('/overwrite', 'overwrite needs a path');
    return {};
  }
  const path = string(request.path, '/path', { nonEmpty: true, max: 4096 });
  if (path.includes('\0')) fail('/path', 'A path may not contain NUL');
  return { path, ...(request.overwrite === undefined ? {} : { overwrite: boolean(request.overwrite, '/overwrite') }) };
}

function noRequest(value: unknown): undefined {
  if (value !== undefined && value !== null) fail('', `Expected no argument, got ${describe(value)}`);
  return undefined;
}

const validators: { readonly [M in ApiMethod]: (value: unknown) => ApiRequest<M> } = {
  hostInfo: noRequest,
  openInitial(value) {
    // No argument is the default request, as before `align` existed.
    if (value === undefined || value === null) return {};
    const request = object(value, '');
    noExtraKeys(request, ['align'], '');
    return request.align === undefined ? {} : { align: boolean(request.align, '/align') };
  },
  recentFiles: noRequest,
  getSettings: noRequest,
  getSegmentationRules: noRequest,
  setSegmentationRules(value) {
    const request = object(value, '');
    noExtraKeys(request, ['file'], '');
    return { file: request.file === null ? null : fileRef(request.file, '/file') };
  },
  openPair(value) {
    const request = object(value, '');
    noExtraKeys(request, ['source', 'target', 'sourceEncoding', 'targetEncoding', 'align'], '');
    return {
      ...(request.align === undefined ? {} : { align: boolean(request.align, '/align') }),
      source: documentSource(request.source, '/source'),
      target: documentSource(request.target, '/target'),
      ...(request.sourceEncoding === undefined
        ? {}
        : { sourceEncoding: oneOf(request.sourceEncoding, encodings, '/sourceEncoding') }),
      ...(request.targetEncoding === undefined
        ? {}
        : { targetEncoding: oneOf(request.targetEncoding, encodings, '/targetEncoding') }),
    };
  },
  openAlignment(value) {
    const request = object(value, '');
    noExtraKeys(request, ['file'], '');
    return { file: fileRef(request.file, '/file') };
  },
  setDocumentLanguage(value) {
    const request = object(value, '');
    noExtraKeys(request, ['alignment', 'side', 'language'], '');
    const language =
      request.language === null ? null : string(request.language, '/language', { nonEmpty: true, max: 16 });
    if (language !== null && !/^[a-z]{3}$/.test(language)) fail('/language', 'Expected an ISO 639-3 code such as "tha"');
    return {
      alignment: validateAlignment(request.alignment, '/alignment'),
      side: oneOf(request.side, ['source', 'target'] as const, '/side'),
      language,
    };
  },
  saveAlignment(value) {
    const request = object(value, '');
    noExtraKeys(request, ['alignment', 'path', 'overwrite'], '');
    const path = string(request.path, '/path', { nonEmpty: true, max: 4096 });
    if (path.includes('\0')) fail('/path', 'A path may not contain NUL');
    return {
      alignment: validateAlignment(request.alignment, '/alignment'),
      path,
      ...(request.overwrite === undefined ? {} : { overwrite: boolean(request.overwrite, '/overwrite') }),
    };
  },
  writeRecovery(value) {
    const request = object(value, '');
    noExtraKeys(request, ['alignment', 'path'], '');
    const alignment = validateAlignment(request.alignment, '/alignment');
    if (request.path === undefined) return { alignment };
    const path = string(request.path, '/path', { nonEmpty: true, max: 4096 });
    if (path.includes('\0')) fail('/path', 'A path may not contain NUL');
    return { alignment, path };
  },
  discardRecovery(value) {
    const request = object(value, '');
    noExtraKeys(request, ['path', 'documents'], '');
    if (request.path === undefined) {
      const documents = object(request.documents, '/documents');
      noExtraKeys(documents, ['source', 'target'], '/documents');
      return {
        documents: {
          source: string(documents.source, '/documents/source', { nonEmpty: true, max: 4096 }),
          target: string(documents.target, '/documents/target', { nonEmpty: true, max: 4096 }),
        },
      };
    }
    const path = string(request.path, '/path', { nonEmpty: true, max: 4096 });
    if (path.includes('\0')) fail('/path', 'A path may not contain NUL');
    return { path };
  },
  checkDocuments(value) {
    const request = object(value, '');
    noExtraKeys(request, ['documents'], '');
    if (!Array.isArray(request.documents) || request.documents.length > 2) fail('/documents', 'Expected an array of at most two documents');
    return {
      documents: request.documents.map((item, index) => {
        const document = object(item, `/documents/${index}`);
        noExtraKeys(document, ['path', 'sha256'], `/documents/${index}`);
        const path = string(document.path, `/documents/${index}/path`, { nonEmpty: true, max: 4096 });
        if (path.includes('\0')) fail(`/documents/${index}/path`, 'A path may not contain NUL');
        return { path, sha256: string(document.sha256, `/documents/${index}/sha256`, { max: 128 }) };
      }),
    };
  },
  reloadDocument(value) {
    const request = object(value, '');
    noExtraKeys(request, ['alignment', 'side'], '');
    return { alignment: validateAlignment(request.alignment, '/alignment'), side: oneOf(request.side, ['source', 'target'] as const, '/side') };
  },
  updateKeybindings(value) {
    const request = object(value, '');
    noExtraKeys(request, ['keybindings'], '');
    return { keybindings: keyBindingOverrides(request.keybindings, '/keybindings') };
  },
  exportAlignment(value) {
    const request = object(value, '');
    noExtraKeys(request, ['alignment', 'format', 'filters', 'path', 'overwrite'], '');
    return {
      alignment: validateAlignment(request.alignment, '/alignment'),
      format: oneOf(request.format, exportFormatIds, '/format'),
      ...(request.filters === undefined ? {} : { filters: exportFilters(request.filters, '/filters') }),
      ...outputTarget(request),
    };
  },
  exportReport(value) {
    const request = object(value, '');
    noExtraKeys(request, ['alignment', 'path', 'overwrite'], '');
    return { alignment: validateAlignment(request.alignment, '/alignment'), ...outputTarget(request) };
  },
  saveDocumentText(value) {
    const request = object(value, '');
    noExtraKeys(request, ['alignment', 'side', 'path', 'overwrite'], '');
    return {
      alignment: validateAlignment(request.alignment, '/alignment'),
      side: oneOf(request.side, ['source', 'target'] as const, '/side'),
      ...outputTarget(request),
    };
  },
  listFolder(value) {
    const request = object(value, '');
    noExtraKeys(request, ['folder'], '');
    const folder = string(request.folder, '/folder', { nonEmpty: true, max: 4096 });
    if (folder.includes('\0')) fail('/folder', 'A path may not contain NUL');
    return { folder };
  },
  alignFolder(value) {
    const request = object(value, '');
    noExtraKeys(request, ['folder', 'outFolder'], '');
    const folder = string(request.folder, '/folder', { nonEmpty: true, max: 4096 });
    const outFolder = string(request.outFolder, '/outFolder', { nonEmpty: true, max: 4096 });
    if (folder.includes('\0')) fail('/folder', 'A path may not contain NUL');
    if (outFolder.includes('\0')) fail('/outFolder', 'A path may not contain NUL');
    return { folder, outFolder };
  },
  batchStatus(value) {
    const request = object(value, '');
    noExtraKeys(request, ['id', 'cancel'], '');
    const id = string(request.id, '/id', { nonEmpty: true, max: 64 });
    return { id, ...(request.cancel === undefined ? {} : { cancel: boolean(request.cancel, '/cancel') }) };
  },
  updateViewSettings(value) {
    const request = object(value, '');
    noExtraKeys(request, ['theme', 'fontSize', 'showConnectors', 'muteUntranslated', 'reviewPanelHeight', 'dotPlotHeight'], '');
    return {
      ...(request.theme === undefined ? {} : { theme: oneOf(request.theme, themes, '/theme') }),
      ...(request.fontSize === undefined ? {} : { fontSize: integer(request.fontSize, '/fontSize', 11, 24) }),
      ...(request.showConnectors === undefined
        ? {}
        : { showConnectors: boolean(request.showConnectors, '/showConnectors') }),
      ...(request.muteUntranslated === undefined
        ? {}
        : { muteUntranslated: boolean(request.muteUntranslated, '/muteUntranslated') }),
      ...(request.reviewPanelHeight === undefined ? {} : { reviewPanelHeight: integer(request.reviewPanelHeight, '/reviewPanelHeight', 80, 4000) }),
      ...(request.dotPlotHeight === undefined ? {} : { dotPlotHeight: integer(request.dotPlotHeight, '/dotPlotHeight', 80, 4000) }),
    };
  },
};

/**
 * Checks the argument of `method` and returns it typed.
 * Throws a `BitextError` with code `invalid-argument` naming the field (a JSON pointer) that is wrong.
 */
export function validateRequest<M extends ApiMethod>(method: M, value: unknown): ApiRequest<M> {
  return validators[method](value) as ApiRequest<M>;
}

/** Turns a thrown value into the wire's error shape; a `BitextError` keeps its code. */
export function toApiError(error: unknown): { readonly ok: false; readonly code: WireErrorCode; readonly message: string } {
  if (error instanceof BitextError) return { ok: false, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, code: 'internal', message };
}

/**
 * The desktop shell's calls that cross IPC (`pathForFile` and `onCommand` stay in the preload).
 * `droppedFile` is the preload's own: it tells the main process the path of a file the user
 * dropped, which the renderer may then open (electron/chosen-files.ts); the page cannot call it.
 */
export type ShellMethod = 'showOpenDialog' | 'showSaveDialog' | 'setWindowState' | 'closeWindow' | 'droppedFile';

/** Validators of the shell calls' arguments, for the main process. */
export const shellValidators = {
  showOpenDialog(value: unknown): { readonly purpose: OpenPurpose } {
    const request = object(value, '');
    noExtraKeys(request, ['purpose'], '');
    return { purpose: oneOf(request.purpose, ['source', 'target', 'alignment', 'folder', 'srx'] as const, '/purpose') };
  },
  showSaveDialog(value: unknown): { readonly defaultPath: string; readonly purpose?: SavePurpose } {
    const request = object(value, '');
    noExtraKeys(request, ['defaultPath', 'purpose'], '');
    const defaultPath = string(request.defaultPath, '/defaultPath', { max: 4096 });
    if (request.purpose === undefined) return { defaultPath };
    const purposes: readonly SavePurpose[] = ['alignment', 'report', 'text', 'markdown', ...exportFormatIds];
    return { defaultPath, purpose: oneOf(request.purpose, purposes, '/purpose') };
  },
  setWindowState(value: unknown): { readonly title: string; readonly dirty: boolean } {
    const request = object(value, '');
    noExtraKeys(request, ['title', 'dirty'], '');
    return { title: string(request.title, '/title', { max: 1024 }), dirty: boolean(request.dirty, '/dirty') };
  },
  closeWindow: noRequest,
  droppedFile(value: unknown): { readonly path: string } {
    const request = object(value, '');
    noExtraKeys(request, ['path'], '');
    const path = string(request.path, '/path', { nonEmpty: true, max: 4096 });
    if (path.includes('\0')) fail('/path', 'A path may not contain NUL');
    return { path };
  },
} as const satisfies Record<ShellMethod, (value: unknown) => unknown>;

/** The IPC channel name of a shell call (`bitext:shell.<method>`). */
export function shellChannelName(method: ShellMethod): string {
  return channelName(`shell.${method}`);
}
