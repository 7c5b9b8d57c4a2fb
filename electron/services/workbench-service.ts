/**
 * The workbench's API in plain Node: what the renderer asks of its host, done
 * with the document loader, the aligner and the alignment store. Electron's
 * main process (over IPC) and the browser host (over HTTP) both serve this one
 * object, so the two hosts cannot drift apart.
 *
 * The hosts differ in what they may read. The desktop host reads any absolute
 * path: the renderer only ever sends paths the user chose (native dialogs,
 * drops, the command line, Open recent). The browser host is reachable by any
 * page that learns its token, so it reads only the files it was started with,
 * the bundled corpus sample and files inside its workspace; everything else
 * arrives as bytes the user picked in the browser. It writes only inside the
 * workspace, and only alignment files, exports, reports and saved document texts.
 */
import { lstat, mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { toApiError, validateRequest, type ApiMethod, type ApiResult } from '../../shared/api.ts';
import type {
  DocumentTextRequest,
  ExportFileRequest,
  ExportOutcome,
  FileRef,
  BatchStatus,
  FolderOverview,
  HostInfo,
  ReportFileRequest,
  LanguageChoice,
  OpenPairRequest,
  RecentEntry,
  SaveRequest,
  SaveResult,
  OpenInitialRequest,
  Session,
  SetLanguageRequest,
  Settings,
  SegmentationRulesSetting,
  ViewSettings,
  WorkbenchApi,
  DocumentSource,
  RebasedDocument,
} from '../../shared/api.ts';
import { BitextError } from '../../shared/errors.ts';
import { alignmentSchemaVersion, type Alignment } from '../../shared/model/alignment.ts';
import type { BitextDocument } from '../../shared/model/document.ts';
import { loadDocument, sha256Hex } from '../../shared/document/load.ts';
import { isBilingualFile, openBilingualFile } from '../../shared/document/open-bilingual.ts';
import { bilingualExtensions, hasExtension } from '../../shared/document/readers/extensions.ts';
import { alignDocuments, detectPairLanguages, withDocumentLanguage } from '../../shared/pipeline.ts';
import { languageTag, toBcp47 } from '../../shared/language/detect.ts';
import {
  alignmentFileExtension,
  alignmentFileExtensions,
  alignmentFromFile,
  documentFromRecord,
  readAlignmentBytes,
  reconstructText,
} from '../../shared/formats/alignment-json.ts';
import { checkUploadName } from '../../shared/document/upload-name.ts';
import { toolInfo } from '../../shared/version.ts';
import { exportFormatById } from '../../shared/formats/export-format.ts';
import { pairDocuments } from '../../shared/corpus/pairing.ts';
import { uniqueNames } from '../../shared/corpus/batch-names.ts';
import { createFolderBatches } from './batch/folder-batches.ts';
import { renderReport } from '../../shared/report/html.ts';
import { mismatchFlags } from '../../shared/review/mismatch.ts';
import { alignSide } from '../../shared/pipeline.ts';
import { effectiveLanguage } from '../../shared/model/document.ts';
import { exportAlignment as writeExport, renderExport } from './export.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { documentTextData, writeDocumentText } from './document-text.ts';
import { textFileExtensions } from '../../shared/document/text-file.ts';
import { listFolder as readFolder, isFolderDocumentName } from './folder.ts';
import {
  clearRecovery,
  loadAlignment,
  readRecovery,
  saveAlignment,
  writeRecovery,
  type DocumentReport,
  type LoadedAlignment,
} from './alignment-store.ts';
import { readDocumentBytes, maxDocumentBytes } from './documents.ts';
import type { SettingsStore } from './settings.ts';
import { createSegmentationSettingStore } from './segmentation-setting.ts';
import { createDocumentWatcher, rebaseOntoFile, unsavedAlignmentPath } from './document-changes.ts';

/** The corpus pair the workbench opens when started without files. */
export const samplePair = {
  source: 'corpus/nato-asia-2023.en.original-with-page-clutter.txt',
  target: 'corpus/nato-asia-2023.th.translation.txt',
} as const;

/** What the host was started with. */
export type InitialFiles =
  | { readonly kind: 'sample' }
  | { readonly kind: 'pair'; readonly source: string; readonly target: string }
  | { readonly kind: 'alignment'; readonly path: string };

/** Options of {@link createWorkbenchService}. */
export interface WorkbenchServiceOptions {
  readonly host: 'electron' | 'browser';
  /** The project (or packaged app) root: the corpus sample is under it. */
  readonly rootDir: string;
  /** The files named on the command line; default: the corpus sample. Paths are taken from the current directory. */
  readonly initial?: InitialFiles;
  /**
   * Browser host: the folder saves go to and files may be read from. Default:
   * the folder of the source document named on the command line, else
   * `$XDG_DATA_HOME/bitext-workbench/workspace` (so the sample never writes into the checkout).
   */
  readonly workspace?: string;
  /** A folder named on the command line (`--folder DIR`): the corpus view opens it, and the browser host may list and read it. */
  readonly initialFolder?: string;
  readonly settings: SettingsStore;
  /**
   * Where the autosave of alignments never saved goes (they have no file to sit
   * beside). Default: `recovery` beside the settings file.
   */
  readonly recoveryDir?: string;
  /** The clock (tests fix it). */
  readonly now?: () => string;
  /** The platform reported to the renderer; default `process.platform`. */
  readonly platform?: string;
}

/** The API plus what the hosts need to know about it. */
export interface WorkbenchService extends WorkbenchApi {
  readonly host: 'electron' | 'browser';
  /** Browser host: the workspace folder (absolute). */
  readonly workspace: string | undefined;
  /** Called after settings change (the desktop shell follows the theme with `nativeTheme`). */
  onDidChangeSettings(listener: (settings: Settings) => void): () => void;
}

/** ISO 639-3 codes the language select offers (franc's codes), besides whatever was detected. */
const offeredLanguages = [
  'eng', 'tha', 'cmn', 'jpn', 'kor', 'vie', 'khm', 'lao', 'mya', 'ind', 'zlm', 'tgl', 'hin', 'ben', 'urd',
  'arb', 'pes', 'heb', 'tur', 'rus', 'ukr', 'pol', 'ces', 'deu', 'nld', 'fra', 'spa', 'por', 'ita', 'ron',
  'hun', 'ell', 'swe', 'dan', 'nob', 'fin',
];

/** The default workspace of the browser host when no source folder applies. */
export function defaultWorkspace(env: NodeJS.ProcessEnv = process.env): string {
  const data = env.XDG_DATA_HOME && env.XDG_DATA_HOME.length > 0 ? env.XDG_DATA_HOME : join(process.env.HOME ?? '.', '.local', 'share');
  return join(data, 'bitext-workbench', 'workspace');
}

/** Creates the service. Nothing is read until a method is called. */
export function createWorkbenchService(options: WorkbenchServiceOptions): WorkbenchService {
  const host = options.host;
  const rootDir = resolve(options.rootDir);
  const initial: InitialFiles = options.initial ?? { kind: 'sample' };
  const now = options.now ?? (() => new Date().toISOString());
  const settings = options.settings;
  const segmentation = createSegmentationSettingStore(settings.path);
  const recoveryDir = resolve(options.recoveryDir ?? join(dirname(settings.path), 'recovery'));
  const documentWatcher = createDocumentWatcher();
  const listeners = new Set<(settings: Settings) => void>();

  const initialPaths = initialFilePaths(initial, rootDir);
  const workspace =
    host === 'browser'
      ? resolve(options.workspace ?? (initial.kind === 'pair' ? dirname(resolve(initial.source)) : initial.kind === 'alignment' ? dirname(resolve(initial.path)) : defaultWorkspace()))
      : undefined;
  /** Files the browser host may read besides the workspace: the command line's and the sample's. */
  const allowedFiles = new Set(
    [...initialPaths, resolve(rootDir, samplePair.source), resolve(rootDir, samplePair.target)].map((path) => resolve(path)),
  );
  /**
   * Folders the browser host may list, and whose documents (directly inside) it
   * may read: the bundled corpus and a folder named on the command line. The
   * workspace is listed too; everything inside it is readable anyway.
   */
  const initialFolder = options.initialFolder === undefined ? undefined : resolve(options.initialFolder);
  const readableFolders = [resolve(rootDir, 'corpus'), ...(initialFolder ? [initialFolder] : [])];
  /** Bytes of documents the browser uploaded, by SHA-256, so a save can put them beside the alignment. */
  const uploads = new Map<string, { readonly name: string; readonly bytes: Uint8Array }>();

  async function resolveReadable(path: string): Promise<string> {
    if (host === 'electron') {
      if (!isAbsolute(path)) throw new BitextError('invalid-argument', 'expected an absolute path', { file: path });
      return resolve(path);
    }
    const absolute = workspace && !isAbsolute(path) ? resolve(workspace, path) : resolve(path);
    if (allowedFiles.has(absolute)) return absolute;
    if (workspace && (await isInside(absolute, workspace))) return absolute;
    if (isFolderDocumentName(basename(absolute)) && (await isDirectlyIn(absolute, readableFolders))) return absolute;
    throw forbidden(path);
  }

  /** The folder `folder` names, if this host may list it (the browser host: only those of {@link HostInfo.folders}). */
  async function resolveListable(folder: string): Promise<string> {
    if (host === 'electron') {
      if (!isAbsolute(folder)) throw new BitextError('invalid-argument', 'expected an absolute path', { file: folder });
      return resolve(folder);
    }
    const absolute = resolve(workspace!, folder);
    const real = await realpath(absolute).catch(() => absolute);
    for (const allowed of [workspace!, ...readableFolders]) {
      if (real === (await realpath(allowed).catch(() => resolve(allowed)))) return absolute;
    }
    if (await isInside(absolute, workspace!)) return absolute;
    throw new BitextError(
      'io',
      'the browser host lists only its workspace, the corpus folder and a folder named with --folder on the command line',
      { file: folder },
    );
  }

  /**
   * Where an export or a report may be written. Desktop: any absolute path the user chose.
   * Browser host: inside the workspace, with one of `extensions` (it never writes other kinds of file).
   */
  async function resolveExportPath(path: string, extensions: readonly string[]): Promise<string> {
    let absolute: string;
    if (host === 'electron') {
      if (!isAbsolute(path)) throw new BitextError('invalid-argument', 'expected an absolute path', { file: path });
      absolute = resolve(path);
    } else {
      const extension = extname(path).slice(1).toLowerCase();
      if (!extensions.includes(extension)) {
        throw new BitextError('invalid-argument', `the file name must end in .${extensions.join(' or .')}`, { file: path });
      }
      absolute = resolve(workspace!, path);
      if (!(await isInside(absolute, workspace!))) throw forbidden(path);
      await mkdir(dirname(absolute), { recursive: true });
    }
    return absolute;
  }

  /** Refuses to write an export over one of the alignment's own documents, whatever the user answered. */
  function notADocument(alignment: Alignment, path: string): void {
    for (const document of [alignment.source, alignment.target]) {
      if (isAbsolute(document.path) && resolve(document.path) === path) {
        throw new BitextError('export-failed', 'this is one of the aligned documents; choose another name', { file: path });
      }
    }
  }

  /** Reads one side of a pair; its paragraphs' languages are detected later, among the pair's two languages. */
  async function readSource(source: DocumentSource, encoding: OpenPairRequest['sourceEncoding']): Promise<{ document: BitextDocument; path?: string }> {
    const options = { detectParagraphs: false, ...(encoding ? { encoding } : {}) };
    switch (source.kind) {
      case 'document':
        return { document: source.document };
      case 'path': {
        const path = await resolveReadable(source.path);
        const bytes = await readDocumentBytes(path);
        return { document: await loadDocument(bytes, path, options), path };
      }
      case 'upload': {
        checkUploadName(source.name);
        const bytes = decodeBase64(source.base64, source.name);
        const document = await loadDocument(bytes, source.name, options);
        uploads.set(document.sha256, { name: source.name, bytes });
        return { document };
      }
    }
  }

  function suggestedPathFor(source: BitextDocument): string {
    const name = basename(source.path);
    const stem = name.includes('.') ? name.slice(0, name.indexOf('.')) : name;
    const file = `${stem || 'alignment'}${alignmentFileExtension}`;
    if (host === 'browser') return join(workspace!, file);
    return isAbsolute(source.path) ? join(dirname(source.path), file) : file;
  }

  async function openPairOfPaths(source: string, target: string, align: boolean): Promise<Session> {
    return api.openPair({ source: { kind: 'path', path: source }, target: { kind: 'path', path: target }, align });
  }

  /** A bilingual file (XLIFF, TMX) opens as the pair it holds, unsaved: saving writes a new alignment file beside it. */
  async function openBilingual(bytes: Uint8Array, path: string): Promise<Session> {
    const alignment = await openBilingualFile(bytes, path, now());
    const stem = basename(path).replace(/\.[^.]*$/u, '');
    const folder = host === 'browser' ? workspace! : dirname(path);
    return {
      alignment,
      suggestedPath: isAbsolute(folder) ? join(folder, `${stem}${alignmentFileExtension}`) : `${stem}${alignmentFileExtension}`,
      warnings: [],
    };
  }

  async function openAlignmentPath(path: string): Promise<Session> {
    const file = await resolveReadable(path);
    if (hasExtension(file, bilingualExtensions)) {
      const bytes = await readDocumentBytes(file);
      if (isBilingualFile(bytes, file)) return openBilingual(bytes, file);
    }
    const loaded = await loadAlignment(file, containment);
    await remember({ kind: 'alignment', path: file, opened: now() });
    const warnings = loadWarnings(loaded);
    // A document whose bytes changed since the save: carry the links over onto its new text, and say what happened.
    let alignment = loaded.alignment;
    const rebased: RebasedDocument[] = [];
    for (const report of [loaded.report.source, loaded.report.target]) {
      if (report.status !== 'changed' || report.actualSha256 === report.recordedSha256) continue;
      try {
        // Both documents of a bilingual file are rebased at once, by the first side's rebase.
        if (!rebased.some((done) => done.side === report.side)) {
          const result = await rebaseOntoFile(alignment, report.side, report.path, now());
          alignment = result.alignment;
          rebased.push(result.rebased, ...(result.otherSide ? [result.otherSide] : []));
        }
        const index = warnings.indexOf(report.message);
        if (index >= 0) warnings.splice(index, 1);
      } catch (error) {
        warnings.push(`The ${report.side === 'source' ? 'original' : 'translation'} changed on disk but could not be read again (${(error as Error).message}); showing the text saved in the alignment.`);
      }
    }
    let recovery: Session['recovery'];
    try {
      const recovered = await readRecovery(file, containment);
      if (recovered?.newerThanFile) recovery = { savedAt: recovered.savedAt.toISOString(), alignment: recovered.alignment };
    } catch (error) {
      // A damaged recovery file is left where it is; the alignment itself opened fine.
      warnings.push(`An autosaved recovery file was found but could not be read: ${(error as Error).message}`);
    }
    return {
      alignment,
      alignmentPath: file,
      suggestedPath: file,
      warnings,
      ...(recovery ? { recovery } : {}),
      ...(rebased.length > 0 ? { rebased } : {}),
    };
  }

  /** Autosaved work on this pair that was never saved, when its documents are still the ones it was made of. */
  async function unsavedRecovery(alignment: Alignment): Promise<Session['recovery']> {
    const path = unsavedAlignmentPath(recoveryDir, { source: alignment.source.path, target: alignment.target.path });
    try {
      const recovered = await readRecovery(path, containment);
      if (!recovered) return undefined;
      const same = (['source', 'target'] as const).every((side) => recovered.alignment[side].sha256 === alignment[side].sha256);
      return same ? { savedAt: recovered.savedAt.toISOString(), alignment: recovered.alignment } : undefined;
    } catch {
      return undefined; // Unreadable: left where it is, as for a saved alignment's recovery file.
    }
  }

  /**
   * The browser host reads an alignment's documents only where it may read files:
   * the store calls this on each path the file names, after parsing it once and
   * before reading anything. The store would show a document's text only when its
   * hash matches, but even "missing" or "changed" would tell a page what exists.
   */
  const containment = host === 'browser' ? { mayReadDocument: async (path: string) => void (await resolveReadable(path)) } : {};

  async function remember(entry: RecentEntry): Promise<void> {
    // Open recent is a convenience: a settings folder that cannot be written must not fail the open.
    await settings.addRecent(entry).catch(() => undefined);
  }

  /** Browser host: puts uploaded documents' bytes beside the alignment, so the saved file finds them again. */
  async function placeUploads(alignment: Alignment, folder: string): Promise<Alignment> {
    let result = alignment;
    for (const side of ['source', 'target'] as const) {
      const document = result[side];
      if (isAbsolute(document.path)) continue;
      const upload = uploads.get(document.sha256);
      if (!upload) continue;
      const path = await freeNameFor(folder, upload.name, upload.bytes, document.sha256);
      result = { ...result, [side]: { ...document, path } };
    }
    return result;
  }

  const batches = createFolderBatches();

  const api: WorkbenchService = {
    host,
    workspace,

    onDidChangeSettings(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async hostInfo(): Promise<HostInfo> {
      return {
        kind: host,
        tool: { name: toolInfo.name, version: toolInfo.version },
        ...(workspace ? { workspace } : {}),
        languages: languageChoices(),
        platform: options.platform ?? process.platform,
        ...(host === 'browser' ? { folders: [...new Set([workspace!, ...readableFolders])] } : {}),
        ...(initialFolder ? { initialFolder } : {}),
      };
    },

    async openInitial(request: OpenInitialRequest): Promise<Session> {
      const align = request.align ?? true;
      switch (initial.kind) {
        case 'sample':
          return openPairOfPaths(resolve(rootDir, samplePair.source), resolve(rootDir, samplePair.target), align);
        case 'pair':
          return openPairOfPaths(resolve(initial.source), resolve(initial.target), align);
        case 'alignment':
          return openAlignmentPath(resolve(initial.path));
      }
    },

    async openPair(request: OpenPairRequest): Promise<Session> {
      const source = await readSource(request.source, request.sourceEncoding);
      const target = await readSource(request.target, request.targetEncoding);
      const unaligned = () => {
        const [sourceDocument, targetDocument] = detectPairLanguages(source.document, target.document);
        return { schemaVersion: alignmentSchemaVersion as typeof alignmentSchemaVersion, tool: toolInfo, created: now(), modified: now(), source: sourceDocument, target: targetDocument, links: [] };
      };
      const alignment = request.align === false ? unaligned() : alignDocuments(source.document, target.document, { now: now() });
      if (source.path && target.path) await remember({ kind: 'pair', source: source.path, target: target.path, opened: now() });
      const recovery = await unsavedRecovery(alignment);
      const warnings = [...(source.document.warnings ?? []), ...(target.document.warnings ?? [])];
      return {
        alignment,
        suggestedPath: suggestedPathFor(alignment.source),
        warnings,
        ...(recovery ? { recovery } : {}),
        ...(request.align === false ? { needsAligning: true } : {}),
      };
    },

    async openAlignment(request: { readonly file: FileRef }): Promise<Session> {
      const file = request.file;
      if (file.kind === 'path') return openAlignmentPath(file.path);
      checkUploadName(file.name, [...alignmentFileExtensions.map((extension) => extension.slice(1)), ...bilingualExtensions]);
      const bytes = decodeBase64(file.base64, file.name);
      if (isBilingualFile(bytes, file.name)) {
        const session = await openBilingual(bytes, file.name);
        // Saved beside the alignment like an uploaded document, so the saved file finds it again.
        uploads.set(session.alignment.source.sha256, { name: file.name, bytes });
        return session;
      }
      // Uploaded alignment: its documents are not readable from here, so show the paragraph texts it saved.
      const content = readAlignmentBytes(bytes, file.name);
      const alignment = alignmentFromFile(content, {
        source: documentFromRecord(content.source, reconstructText(content.source), basename(content.source.path)),
        target: documentFromRecord(content.target, reconstructText(content.target), basename(content.target.path)),
      });
      return {
        alignment,
        suggestedPath: host === 'browser' ? join(workspace!, file.name) : file.name,
        warnings: ['The documents were not read: the text shown is the paragraph text saved in the alignment file.'],
      };
    },

    async setDocumentLanguage(request: SetLanguageRequest): Promise<Alignment> {
      const document = request.alignment[request.side];
      const override = request.language === null ? undefined : languageTag(request.language, document.language.detected.script);
      return withDocumentLanguage(request.alignment, request.side, override, now());
    },

    async saveAlignment(request: SaveRequest): Promise<SaveResult> {
      const path = await resolveWritable(request.path);
      const existing = await stat(path).catch(() => undefined);
      if (existing && !request.overwrite) {
        throw new BitextError('io', 'the file already exists; choose Save as… to replace it', { file: path });
      }
      for (const document of [request.alignment.source, request.alignment.target]) {
        if (isAbsolute(document.path) && resolve(document.path) === path) {
          throw new BitextError('invalid-argument', 'this is one of the documents; save the alignment under another name', { file: path });
        }
      }
      await mkdir(dirname(path), { recursive: true });
      const alignment = host === 'browser' ? await placeUploads(request.alignment, dirname(path)) : request.alignment;
      await saveAlignment(path, { ...alignment, modified: now() });
      // The autosave is older than what was just saved; a stale one would be offered on the next open.
      await clearRecovery(path).catch(() => undefined);
      await clearRecovery(unsavedAlignmentPath(recoveryDir, { source: request.alignment.source.path, target: request.alignment.target.path })).catch(() => undefined);
      await remember({ kind: 'alignment', path, opened: now() });
      return { path, backup: existing !== undefined };
    },

    async writeRecovery(request): Promise<null> {
      if (request.path === undefined) {
        // Never saved: kept by the host under its documents' paths, offered when the pair is opened again.
        const documents = { source: request.alignment.source.path, target: request.alignment.target.path };
        await mkdir(recoveryDir, { recursive: true });
        await writeRecovery(unsavedAlignmentPath(recoveryDir, documents), request.alignment);
        return null;
      }
      const path = await resolveWritable(request.path);
      const alignment = host === 'browser' ? await placeUploads(request.alignment, dirname(path)) : request.alignment;
      await writeRecovery(path, alignment);
      return null;
    },

    async discardRecovery(request): Promise<null> {
      if (request.path === undefined) {
        if (request.documents) await clearRecovery(unsavedAlignmentPath(recoveryDir, request.documents));
        return null;
      }
      await clearRecovery(await resolveWritable(request.path));
      return null;
    },

    async checkDocuments(request) {
      const checks = [];
      for (const document of request.documents) {
        // Only documents the host may read (a browser upload has no path on disk to watch).
        const path = isAbsolute(document.path) || host === 'browser' ? await resolveReadable(document.path).catch(() => undefined) : undefined;
        checks.push({ path: document.path, status: path ? await documentWatcher.check(path, document.sha256) : ('unchanged' as const) });
      }
      return checks;
    },

    async reloadDocument(request) {
      const path = await resolveReadable(request.alignment[request.side].path);
      return rebaseOntoFile(request.alignment, request.side, path, now());
    },

    async updateKeybindings(request): Promise<Settings> {
      const next = await settings.updateKeybindings(request.keybindings);
      for (const listener of listeners) listener(next);
      return next;
    },

    async recentFiles(): Promise<readonly RecentEntry[]> {
      const entries = await settings.recent();
      if (host === 'electron') return entries;
      const readable: RecentEntry[] = [];
      for (const entry of entries) {
        const paths = entry.kind === 'alignment' ? [entry.path] : [entry.source, entry.target];
        const allowed = await Promise.all(paths.map((path) => resolveReadable(path).then(() => true, () => false)));
        if (allowed.every(Boolean)) readable.push(entry);
      }
      return readable;
    },

    async getSettings(): Promise<Settings> {
      return settings.read();
    },

    async getSegmentationRules(): Promise<SegmentationRulesSetting | null> {
      return segmentation.read();
    },

    async setSegmentationRules(request: { readonly file: FileRef | null }): Promise<SegmentationRulesSetting | null> {
      const file = request.file;
      if (file === null) return segmentation.clear();
      if (file.kind === 'path') {
        const path = await resolveReadable(file.path);
        return segmentation.choose(path, await readDocumentBytes(path));
      }
      checkUploadName(file.name, ['srx', 'xml']);
      return segmentation.choose(file.name, decodeBase64(file.base64, file.name));
    },

    async updateViewSettings(request: Partial<ViewSettings>): Promise<Settings> {
      const next = await settings.updateView(request);
      for (const listener of listeners) listener(next);
      return next;
    },

    async exportAlignment(request: ExportFileRequest): Promise<ExportOutcome> {
      const format = exportFormatById(request.format);
      // Sentence units are cut by the SRX rules of the settings, when the user chose some.
      const rules = request.filters?.unit === 'sentence' ? await segmentation.rules() : undefined;
      const filters = { ...request.filters, ...(rules ? { segmentation: rules } : {}) };
      if (request.path === undefined) {
        const { data, extracted } = await renderExport(request.alignment, format.id, { filters });
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        return {
          kind: 'data',
          mediaType: format.mediaType,
          base64: bytes.toString('base64'),
          bytes: bytes.length,
          summary: { pairs: extracted.pairs.length, skipped: extracted.skipped },
        };
      }
      const path = await resolveExportPath(request.path, format.id === 'xliff' || format.id === 'xliff-1.2' ? ['xlf', 'xliff'] : [format.extension]);
      notADocument(request.alignment, path);
      if (!request.overwrite && (await pathExists(path))) return { kind: 'exists', path };
      const result = await writeExport(request.alignment, { format: format.id, path, filters, overwrite: request.overwrite ?? false });
      return { kind: 'written', path, bytes: result.bytes, summary: { pairs: result.pairs, skipped: result.skipped } };
    },

    async exportReport(request: ReportFileRequest): Promise<ExportOutcome> {
      const flags = mismatchFlags(request.alignment);
      const html = renderReport(request.alignment, { flags, now: new Date(now()) });
      const bytes = Buffer.from(html, 'utf8');
      const summary = { pairs: request.alignment.links.length, flags: flags.length };
      if (request.path === undefined) {
        return { kind: 'data', mediaType: 'text/html', base64: bytes.toString('base64'), bytes: bytes.length, summary };
      }
      const path = await resolveExportPath(request.path, ['html', 'htm']);
      notADocument(request.alignment, path);
      if (!request.overwrite && (await pathExists(path))) return { kind: 'exists', path };
      await writeFileAtomic(path, html, { overwrite: request.overwrite ?? false });
      return { kind: 'written', path, bytes: bytes.length, summary };
    },

    async saveDocumentText(request: DocumentTextRequest): Promise<ExportOutcome> {
      if (request.path === undefined) return documentTextData(request.alignment[request.side]);
      const path = await resolveExportPath(request.path, textFileExtensions);
      return writeDocumentText(request.alignment, request.side, path, {
        overwrite: request.overwrite ?? false,
        exists: pathExists,
        // Browser uploads are named without a folder; placed in the workspace, that is where they would be.
        ...(host === 'browser' ? { base: workspace! } : {}),
      });
    },

    async alignFolder(request: { readonly folder: string; readonly outFolder: string }): Promise<BatchStatus> {
      const folder = await resolveListable(request.folder);
      const outFolder = await resolveOutFolder(request.outFolder);
      const { documents } = await readFolder(folder);
      const { proposals } = pairDocuments(documents.map((document) => ({ id: document.path, ...alignSide(document) })));
      const names = uniqueNames(proposals);
      return batches.start(folder, outFolder, proposals.map((pair, index) => ({ source: pair.source, target: pair.target, name: names[index]! })));
    },

    async batchStatus(request: { readonly id: string; readonly cancel?: boolean }): Promise<BatchStatus> {
      return batches.status(request.id, request.cancel);
    },

    async listFolder(request: { readonly folder: string }): Promise<FolderOverview> {
      const folder = await resolveListable(request.folder);
      const info = await stat(folder).catch(() => undefined);
      if (!info && folder === workspace) {
        // The browser host's workspace is made on the first save: until then it is an empty folder.
        return { folder, documents: [], skipped: [], proposals: [], candidates: [] };
      }
      if (!info?.isDirectory()) throw new BitextError('io', info ? 'not a folder' : 'the folder does not exist', { file: folder });
      const { documents, skipped } = await readFolder(folder);
      const { candidates, proposals } = pairDocuments(documents.map((document) => ({ id: document.path, ...alignSide(document) })));
      return {
        folder,
        documents: documents.map((document) => {
          const language = effectiveLanguage(document.language);
          return {
            path: document.path,
            name: basename(document.path),
            language: { bcp47: language.bcp47, iso6393: language.iso6393 },
            encoding: document.encoding.name,
            size: document.size,
            paragraphs: document.paragraphs.length,
          };
        }),
        skipped,
        proposals,
        candidates,
      };
    },
  };

  /** Where an Align all may write. Desktop: any absolute folder the user chose. Browser host: inside the workspace. */
  async function resolveOutFolder(folder: string): Promise<string> {
    if (host === 'electron') {
      if (!isAbsolute(folder)) throw new BitextError('invalid-argument', 'expected an absolute path', { file: folder });
      return resolve(folder);
    }
    const absolute = resolve(workspace!, folder);
    if (absolute !== resolve(workspace!) && !(await isInside(absolute, workspace!))) throw forbidden(folder);
    return absolute;
  }

  async function resolveWritable(path: string): Promise<string> {
    const extension = extname(path).toLowerCase();
    if (!alignmentFileExtensions.includes(extension)) {
      throw new BitextError('invalid-argument', `alignment files end in ${alignmentFileExtensions.join(' or ')}`, { file: path });
    }
    if (host === 'electron') {
      if (!isAbsolute(path)) throw new BitextError('invalid-argument', 'expected an absolute path', { file: path });
      return resolve(path);
    }
    const absolute = resolve(workspace!, path);
    if (!(await isInside(absolute, workspace!))) throw forbidden(path);
    return absolute;
  }

  return api;
}

/**
 * Validates the argument, calls the method, and wraps the outcome for the wire:
 * what both hosts do with every request, so they answer alike.
 */
export async function callApi(api: WorkbenchApi, method: ApiMethod, argument: unknown): Promise<ApiResult<unknown>> {
  try {
    const request = validateRequest(method, argument);
    const call = api[method] as (request: unknown) => Promise<unknown>;
    const value = await call.call(api, request);
    return { ok: true, value: value ?? null };
  } catch (error) {
    return toApiError(error);
  }
}

function forbidden(path: string): BitextError {
  // 'io' is what the UI shows as "cannot open"; the wire code 'forbidden' is the transport's (bad token, bad sender).
  return new BitextError(
    'io',
    'the browser host opens only the files it was started with, the sample and files in its workspace; choose the file in the browser instead',
    { file: path },
  );
}

/** What `npm start -- …` asked for: files, and the options of the hosts. */
export interface StartArgs {
  readonly initial: InitialFiles;
  /** `--browser`: the HTTP host even where Electron is installed. */
  readonly browser: boolean;
  /** `--open`: open the browser host's URL with xdg-open (or the platform's equivalent). */
  readonly open: boolean;
  /** `--port N`: the browser host's port (default: any free one). */
  readonly port?: number;
  /** `--workspace DIR`: the browser host's workspace. */
  readonly workspace?: string;
  /** `--folder DIR`: open the corpus view on this folder at start. */
  readonly folder?: string;
}

/**
 * Reads the command line of `npm start` / `node bin/start.js`: no file opens the
 * corpus sample, one file an alignment, two files an original and its translation.
 *
 * @throws BitextError 'invalid-argument' with a message for the user.
 */
export function parseStartArgs(argv: readonly string[]): StartArgs {
  const files: string[] = [];
  let browser = false;
  let open = false;
  let port: number | undefined;
  let workspace: string | undefined;
  let folder: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--browser') browser = true;
    else if (arg === '--open') open = true;
    else if (arg === '--port' || arg === '--workspace' || arg === '--folder') {
      const value = argv[++i];
      if (value === undefined) throw new BitextError('invalid-argument', `${arg} needs a value`);
      if (arg === '--port') {
        port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BitextError('invalid-argument', `--port: not a port number: ${value}`);
      } else if (arg === '--folder') folder = resolve(value);
      else workspace = resolve(value);
    } else if (arg.startsWith('--')) {
      // Electron and Chromium add switches of their own (--no-sandbox, --enable-logging…); they are not files.
      continue;
    } else files.push(arg);
  }
  let initial: InitialFiles;
  if (files.length === 0) initial = { kind: 'sample' };
  else if (files.length === 1) {
    const [path] = files as [string];
    if (!alignmentFileExtensions.includes(extname(path).toLowerCase()) && !hasExtension(path, bilingualExtensions)) {
      throw new BitextError(
        'invalid-argument',
        `one file opens an alignment (${alignmentFileExtensions.join(', ')}) or a bilingual file (${bilingualExtensions.map((extension) => `.${extension}`).join(', ')}); give two files to align an original with its translation`,
        { file: path },
      );
    }
    initial = { kind: 'alignment', path: resolve(path) };
  } else if (files.length === 2) initial = { kind: 'pair', source: resolve(files[0]!), target: resolve(files[1]!) };
  else throw new BitextError('invalid-argument', `expected at most two files (an original and its translation), got ${files.length}`);
  return {
    initial,
    browser,
    open,
    ...(port === undefined ? {} : { port }),
    ...(workspace === undefined ? {} : { workspace }),
    ...(folder === undefined ? {} : { folder }),
  };
}

function initialFilePaths(initial: InitialFiles, rootDir: string): string[] {
  switch (initial.kind) {
    case 'sample':
      return [resolve(rootDir, samplePair.source), resolve(rootDir, samplePair.target)];
    case 'pair':
      return [resolve(initial.source), resolve(initial.target)];
    case 'alignment':
      return [resolve(initial.path)];
  }
}

/** Whether `path` is inside `folder` once symbolic links are followed (for paths that do not exist yet, their folder's). */
async function isInside(path: string, folder: string): Promise<boolean> {
  const realFolder = await realpath(folder).catch(() => resolve(folder));
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    const parent = await realpath(dirname(path)).catch(() => undefined);
    if (parent === undefined) {
      // The folder does not exist yet (a new workspace): judge the path as written.
      real = resolve(path);
      const fromFolder = relative(resolve(folder), real);
      return fromFolder !== '' && !fromFolder.startsWith('..') && !isAbsolute(fromFolder);
    }
    real = join(parent, basename(path));
  }
  const fromFolder = relative(realFolder, real);
  return fromFolder !== '' && fromFolder !== '..' && !fromFolder.startsWith(`..${sep}`) && !isAbsolute(fromFolder);
}

/** Whether `path` names a file directly inside one of `folders` (symbolic links followed on both). */
async function isDirectlyIn(path: string, folders: readonly string[]): Promise<boolean> {
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined) return false;
  for (const folder of folders) {
    const realFolder = await realpath(folder).catch(() => undefined);
    if (realFolder !== undefined && dirname(real) === realFolder) return true;
  }
  return false;
}

/** Whether anything (a file, a folder, a dangling link) is at `path`. */
async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new BitextError('io', `cannot check the path (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: path });
  }
}

function decodeBase64(base64: string, name: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length > maxDocumentBytes) {
    throw new BitextError('too-large', `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MiB; the workbench opens documents up to ${maxDocumentBytes / 1024 / 1024} MiB`, { file: name });
  }
  return bytes;
}

/** A path in `folder` for an uploaded document: its own name, unless another file has that name. */
async function freeNameFor(folder: string, name: string, bytes: Uint8Array, sha256: string): Promise<string> {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let attempt = 0; attempt < 100; attempt++) {
    const candidate = join(folder, attempt === 0 ? name : `${stem} (${attempt + 1})${extension}`);
    const existing = await readFile(candidate).catch(() => undefined);
    if (existing === undefined) {
      await writeFile(candidate, bytes, { flag: 'wx' });
      return candidate;
    }
    if ((await sha256Hex(new Uint8Array(existing))) === sha256) return candidate;
  }
  throw new BitextError('io', `could not find a free name for ${name}`, { file: join(folder, name) });
}

function languageChoices(): LanguageChoice[] {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  return offeredLanguages
    .map((iso6393) => {
      const bcp47 = toBcp47(iso6393);
      let name = iso6393;
      try {
        name = names.of(bcp47) ?? iso6393;
      } catch {
        // A code Intl does not know keeps its code as its name.
      }
      return { iso6393, bcp47, name };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

function loadWarnings(loaded: LoadedAlignment): string[] {
  const warnings: string[] = [];
  if (loaded.report.migratedFrom !== undefined) {
    warnings.push(`The file was written in schema version ${loaded.report.migratedFrom}; saving writes the current version.`);
  }
  for (const report of [loaded.report.source, loaded.report.target] as DocumentReport[]) {
    // A bilingual file is both documents: what its reader says, once.
    for (const warning of report.readerWarnings ?? []) if (!warnings.includes(warning)) warnings.push(warning);
    if (report.status === 'ok') continue;
    if (report.status === 'changed' && report.actualSha256 === report.recordedSha256) {
      // The file is as it was; the alignment holds text edited in the workbench. Say so plainly.
      const name = report.side === 'source' ? 'original' : 'translation';
      warnings.push(`The ${name} text was edited in the workbench: showing the edited text saved in the alignment (${basename(report.path)} itself is unchanged).`);
    } else warnings.push(report.message);
  }
  return warnings;
}
