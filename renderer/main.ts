/**
 * The workbench page: builds the toolbar, the two document headers, the
 * alignment view and the status bar, and carries out the user's commands.
 * State lives in the store (state/workbench-state.ts); the views draw from it.
 * boot.ts loads it, with the start-up requests already sent.
 */
import type { FileRef, HostInfo, OpenPairRequest, RebasedDocument, RecentEntry, Session, ShellCommand, ViewSettings } from '../shared/api.ts';
import type { Side } from '../shared/model/alignment.ts';
import { ApiError, type Host } from './api-client.ts';
import type { StartupRequests } from './startup-requests.ts';
import type { StartedJob } from './workers/align-client.ts';
import { AlignmentView } from './editors/alignment-view.ts';
import { loadTextFonts, monaco, setUpMonacoEnvironment, themeNames } from './editors/monaco-setup.ts';
import { otherSide } from './state/alignment-index.ts';
import {
  alignmentChanged,
  alignmentReplaced,
  busyChanged,
  caretMoved,
  createStore,
  initialState,
  isDirty,
  lineEndsNormalised,
  noticeAdded,
  noticeDismissed,
  sessionName,
  sessionOpened,
  sessionSaved,
  textEdited,
  viewChanged,
  windowTitle,
  type Notice,
  type WorkbenchState,
} from './state/workbench-state.ts';
import { aboutDialog, confirmDialog, saveAsDialog, viewOptionsDialog } from './ui/dialogs.ts';
import { fileName } from './ui/dom.ts';
import { installDropHandling, type DropRequest } from './ui/drop.ts';
import { languageNamer, renderHeader } from './ui/header.ts';
import { renderNotices } from './ui/notices.ts';
import { renderStatusBar } from './ui/status-bar.ts';
import { createToolbar } from './ui/toolbar.ts';
import { Presence, presenceKey } from './state/presence.ts';
import { recallView, rememberView } from './state/view-memory.ts';
import { installSplitter, panelHeightWithin } from './ui/splitter.ts';
import { createExportCommands } from './export/export-flow.ts';
import { DotPlotPanel } from './dot-plot/dot-plot-panel.ts';
import { SentencePanel } from './sentences/sentence-panel.ts';
import { createSegmentationControl } from './sentences/segmentation.ts';
import { builtInRules, rulesMismatches } from '../shared/model/segmentation-record.ts';
import { CorpusView } from './corpus/corpus-view.ts';
import { describeFolders, folderPickerDialog } from './corpus/folder-picker.ts';
import { createAlignAll } from './corpus/align-all.ts';
import { ReviewController } from './review/review-controller.ts';
import { formatLinks, type Alignment } from '../shared/model/alignment.ts';
import { showRebaseReport, touchedLinks } from './review/rebase-report.ts';
import { linkHolding } from './review/review-model.ts';
import { watchDocuments } from './review/disk-watch.ts';
import { reviewMenuItems, showCommandMenu } from './review/command-menu.ts';
import { isCommandId } from './commands/command-table.ts';

/** A chosen file's name, for messages. */
function fileRefName(file: FileRef): string {
  return file.kind === 'path' ? fileName(file.path) : file.name;
}

function element<T extends Element = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page lacks #${id}`);
  return found as unknown as T;
}

const now = () => new Date().toISOString();

/** How long after the first unsaved change the work is autosaved, in milliseconds. */
const autosaveDelay = 15_000;

/** Starts the workbench on `host`, taking the answers to the start-up requests boot.ts sent. */
export async function start(host: Host, requests: StartupRequests): Promise<void> {
  const store = createStore(initialState);
  const info: HostInfo = await requests.info;
  const settings = await requests.settings;
  if (settings) store.update((state) => viewChanged(state, settings.view));
  const hostLabel = info.kind === 'electron' ? 'Desktop app' : 'Browser host';
  const languageName = languageNamer(info.languages);

  setUpMonacoEnvironment();
  applyTheme(store.get().view);
  await loadTextFonts(store.get().view.fontSize);

  const notify = (kind: Notice['kind'], message: string) => store.update((state) => noticeAdded(state, kind, message));
  const fail = (error: unknown) => {
    const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
    notify('error', message);
  };

  const view = new AlignmentView(
    { source: element('source-editor'), target: element('target-editor'), gutter: element<SVGSVGElement>('gutter') },
    store.get().view,
    languageName,
    {
      onTextEdit: (side, edits) => store.update((state) => textEdited(state, side, edits, now())),
      onCaret: (caret) => store.update((state) => caretMoved(state, caret)),
      onLineEndsNormalised: (side, eol) => store.update((state) => lineEndsNormalised(state, side, eol, now())),
      onLayout: () => {
        const root = document.documentElement;
        root.dataset.layouts = String(Number(root.dataset.layouts ?? '0') + 1);
      },
      onWrapping: (pending) => {
        // Tests and bench/ui.ts wait for every line to be wrapped as measured.
        if (pending) document.documentElement.dataset.wrapping = 'pending';
        else delete document.documentElement.dataset.wrapping;
      },
      onHint: (message) => notify('info', message),
    },
  );

  const review = new ReviewController({
    store,
    view,
    panelElement: element('review-panel'),
    platform: info.platform,
    overrides: settings?.keybindings ?? {},
    saveOverrides: async (keybindings) => {
      await host.api.updateKeybindings({ keybindings });
    },
    hint: (message) => notify('info', message),
    warn: (message) => notify('warning', message),
    relayout: () => view.layout(),
    focusSentences: () => {
      toggleSentences(true);
      sentences.focus();
    },
  });

  const dotPlot = new DotPlotPanel(element('dot-plot-panel'), {
    onJump: (link) => view.selectLink(link),
    onClose: () => toggleDotPlot(false),
  });

  const sentences = new SentencePanel(element('sentence-panel'), {
    onClose: () => toggleSentences(false),
    commandFor: (event) => review.reviewCommandFor(event),
    onEdit: (edit) => review.applyEdit(edit),
    onCommand: (command) => review.run(command),
    onLeave: () => review.focusEditor(),
    hint: (message) => notify('info', message),
    keyLabel: (command) => review.keyLabel(command),
  });

  // ---- Commands -------------------------------------------------------------------------------

  /** Like `busy`, but the caller handles failures (the export flow names the file in its message). */
  async function withProgress<T>(message: string, work: () => Promise<T>): Promise<T> {
    store.update((state) => busyChanged(state, message));
    try {
      return await work();
    } finally {
      store.update((state) => busyChanged(state, undefined));
    }
  }

  const segmentation = createSegmentationControl(host.api, host.shell, (chosen) => sentences.setRules(chosen?.rules, chosen?.record));
  const exporting = createExportCommands({
    api: host.api,
    shell: host.shell,
    info,
    alignment: () => store.get().session?.alignment,
    alignmentPath: () => {
      const session = store.get().session;
      return session ? (session.path ?? session.suggestedPath) : undefined;
    },
    progress: withProgress,
    notify,
    segmentation,
  });

  // ---- Sessions: one tab per pair, and where the reviewer was ------------------------------------

  const presence = new Presence();
  function sessionKeyOf(path: string | undefined, alignment: Alignment): string {
    return presenceKey(path, alignment.source.path, alignment.target.path);
  }
  /** The key of the open session (its file once saved, else its documents). */
  function openKey(state: WorkbenchState): string | undefined {
    const session = state.session;
    return session ? sessionKeyOf(session.path, session.alignment) : undefined;
  }
  let rememberTimer: ReturnType<typeof setTimeout> | undefined;
  function rememberSoon(): void {
    if (rememberTimer !== undefined) clearTimeout(rememberTimer);
    rememberTimer = setTimeout(() => {
      rememberTimer = undefined;
      const key = openKey(store.get());
      if (key) rememberView(key, view.viewState());
    }, 400);
  }
  window.addEventListener('pagehide', () => {
    const key = openKey(store.get());
    if (key) rememberView(key, view.viewState());
  });
  /** A session just opened: say that this page holds it, and go back to where the reviewer was in it. */
  function sessionShown(state: WorkbenchState): void {
    // Stored sentence pairs cut by other rules than the app's are kept as they are; the reviewer is told.
    const opened = state.session?.alignment;
    if (opened) {
      void segmentation.ready.then(() => {
        for (const message of rulesMismatches(opened, segmentation.current()?.record ?? builtInRules)) notify('warning', `Sentence rules: ${message}.`);
      });
    }
    const key = openKey(state);
    presence.hold(key);
    const remembered = key ? recallView(key) : undefined;
    if (remembered) view.restoreViewState(remembered);
  }

  // ---- Panel sizes: splitters on the panels' top edges, heights kept in the settings ----------

  /** The editors keep at least this much of the window (toolbar, headers, status bar and some text). */
  const splitterLimits = { min: 90, keep: 300 };
  function applyPanelHeights(view: ViewSettings): void {
    const set = (panel: HTMLElement, height: number | undefined) => {
      panel.style.height = height === undefined ? '' : `${panelHeightWithin(height, window.innerHeight, splitterLimits)}px`;
    };
    set(element('review-panel'), view.reviewPanelHeight);
    set(element('dot-plot-panel'), view.dotPlotHeight);
  }
  function keepPanelHeight(patch: Pick<ViewSettings, 'reviewPanelHeight'> | Pick<ViewSettings, 'dotPlotHeight'>): void {
    store.update((state) => viewChanged(state, { ...state.view, ...patch }));
    host.api.updateViewSettings(patch).catch(fail);
  }
  installSplitter(element('review-panel').querySelector<HTMLElement>('.review-resize')!, element('review-panel'), {
    ...splitterLimits,
    onResize: () => view.layout(),
    onResized: (height) => keepPanelHeight({ reviewPanelHeight: height }),
  });
  installSplitter(dotPlot.resizeHandle, element('dot-plot-panel'), {
    ...splitterLimits,
    onResize: () => view.layout(),
    onResized: (height) => keepPanelHeight({ dotPlotHeight: height }),
  });
  applyPanelHeights(store.get().view);
  window.addEventListener('resize', () => applyPanelHeights(store.get().view));

  function toggleDotPlot(shown = !dotPlot.isVisible()): void {
    dotPlot.setVisible(shown);
    dotPlot.update(store.get().session?.alignment);
    toolbar.setDotPlotShown(shown);
    view.layout();
  }

  function toggleSentences(shown = !sentences.isVisible()): void {
    sentences.setVisible(shown);
    sentences.update(store.get().session?.alignment, store.get().caret?.link ?? -1);
    toolbar.setSentencesShown(shown);
    view.layout();
  }

  const corpus = new CorpusView(element('corpus-view'), {
    onOpenPair: (source, target) => void openPairFromFolder(source, target),
    onChooseFolder: () => void openFolder(),
    onClose: () => corpus.hide(),
    onAlignAll: (folder, pairs) => void alignAllPairs.start(folder, pairs).catch(fail),
    onCancelBatch: () => void alignAllPairs.cancel().catch(fail),
    onOpenAlignment: (path) => void openAlignmentFromFolder(path),
  });
  const alignAllPairs = createAlignAll({ api: host.api, chooseFolder: () => host.shell.chooseFolder(), workspace: info.workspace, show: (status) => corpus.showBatch(status) });
  let lastFolder: string | undefined;

  /** Lists a folder in the corpus view: the one given, else one the user picks. */
  async function openFolder(folder?: string): Promise<void> {
    let chosen = folder;
    if (chosen === undefined) {
      const native = await host.shell.chooseFolder().catch((error: unknown) => (fail(error), null));
      if (native === null) return;
      chosen = native ?? (await folderPickerDialog(describeFolders(info.folders ?? [], info.workspace, info.initialFolder), lastFolder)) ?? undefined;
      if (chosen === undefined) return;
    }
    const folderPath = chosen;
    lastFolder = folderPath;
    corpus.showLoading(folderPath);
    try {
      corpus.show(await withProgress('Reading the folder…', () => host.api.listFolder({ folder: folderPath })));
    } catch (error) {
      corpus.hide();
      fail(error);
    }
  }

  async function openPairFromFolder(source: string, target: string): Promise<void> {
    const before = store.get().session?.serial;
    await openPair({ kind: 'path', path: source }, { kind: 'path', path: target });
    if (store.get().session?.serial !== before) corpus.hide();
  }

  async function openAlignmentFromFolder(path: string): Promise<void> {
    const before = store.get().session?.serial;
    await openAlignment({ kind: 'path', path });
    if (store.get().session?.serial !== before) corpus.hide();
  }

  async function busy<T>(message: string, work: () => Promise<T>): Promise<T | undefined> {
    store.update((state) => busyChanged(state, message));
    try {
      return await work();
    } catch (error) {
      fail(error);
      return undefined;
    } finally {
      store.update((state) => busyChanged(state, undefined));
    }
  }

  /** Asks before unsaved changes would be lost; true to go on. */
  async function mayDiscard(): Promise<boolean> {
    const state = store.get();
    if (!isDirty(state) || !state.session) return true;
    return confirmDialog('Discard unsaved changes?', `${sessionName(state.session)} has changes that were not saved.`, 'Discard changes');
  }

  /**
   * Offers autosaved work found for `session` (beside its file, or, for a pair
   * never saved, kept by the host). True when the user restored it (then it is open).
   */
  async function offerRecovery(session: Session): Promise<boolean> {
    const { recovery, alignmentPath } = session;
    if (!recovery) return false;
    // Autosaved by another tab or window that has the pair open now: not a crash, so nothing to restore here.
    if (await presence.heldElsewhere(sessionKeyOf(session.alignmentPath, session.alignment))) {
      notify(
        'warning',
        `${alignmentPath ? fileName(alignmentPath) : `${fileName(session.alignment.source.path)} ↔ ${fileName(session.alignment.target.path)}`} is open in another tab or window of the workbench, with unsaved work there. Changes made here are not merged with it: save in one place only.`,
      );
      return false;
    }
    const when = new Date(recovery.savedAt).toLocaleString();
    const { source, target } = session.alignment;
    const restore = await confirmDialog(
      'Restore unsaved work?',
      alignmentPath
        ? `${fileName(alignmentPath)} has changes autosaved at ${when} that were never saved. Restore them, or discard them and open the file as saved?`
        : `Work on ${fileName(source.path)} ↔ ${fileName(target.path)} was autosaved at ${when} but never saved (the workbench may have crashed). Restore it, or discard it and align the documents afresh?`,
      'Restore',
      'Discard',
    );
    if (restore) {
      const { recovery: _offered, rebased: _rebased, ...rest } = session;
      store.update((state) => sessionOpened(state, { ...rest, alignment: recovery.alignment }, { recovered: true }));
      return true;
    }
    await host.api.discardRecovery(alignmentPath ? { path: alignmentPath } : { documents: { source: source.path, target: target.path } }).catch(fail);
    return false;
  }

  /** The links a rebase touched, in the new alignment, for the review panel's "Changed on disk" filter. */
  function touchedBy(rebased: readonly RebasedDocument[], alignment: Alignment): number[] {
    const touched = rebased.flatMap(({ side, report }) => touchedLinks(report, (paragraph) => linkHolding(alignment, side, paragraph)));
    return [...new Set(touched)].sort((a, b) => a - b);
  }

  async function opened(session: Session | undefined, workspacePath?: string): Promise<void> {
    if (!session) return;
    waiting = undefined;
    if (!(await offerRecovery(session))) {
      const rebased = session.rebased ?? [];
      // Rebased onto documents that changed on disk: the result differs from the file, so it starts unsaved.
      store.update((state) => sessionOpened(state, session, rebased.length > 0 ? { recovered: true, changed: touchedBy(rebased, session.alignment) } : {}));
      // Not awaited: the workbench is ready behind the report, which the user reads at leisure.
      if (rebased.length > 0) void showRebaseReport(rebased, 'opened').then((choice) => choice === 'review' && review.showChanged());
    }
    if (info.kind === 'browser') rememberInUrl(workspacePath);
  }

  /**
   * Opens a pair: the host reads the documents, the worker aligns them (with
   * progress and Cancel: cancelling keeps what was open), unless autosaved work
   * on the same pair is restored instead.
   */
  async function openPairRequest(request: OpenPairRequest): Promise<void> {
    await alignRead(await busy('Reading the documents…', () => host.api.openPair({ ...request, align: false })));
  }

  /**
   * Aligns a pair the host read but did not align, in the worker (`started`: already running there),
   * unless autosaved work on it is restored instead.
   */
  async function alignRead(session: Session | undefined, started?: StartedJob<{ alignment: Alignment; milliseconds: number }>): Promise<void> {
    if (!session || (await offerRecovery(session))) return;
    let settled = false;
    const aligning = review
      .alignDocuments(session.alignment.source, session.alignment.target, started)
      .catch((error: unknown) => {
        fail(error);
        return undefined;
      })
      .finally(() => {
        settled = true;
      });
    // Nothing open yet (the start-up pair): the editors lay the texts out while the worker aligns them,
    // after a frame that shows the progress and Cancel. With a pair open, it stays until the new one is aligned.
    let previewed = false;
    if (store.get().session === undefined) {
      await afterNextPaint();
      if (!settled && store.get().session === undefined) {
        view.preview(session.alignment.source, session.alignment.target);
        previewed = true;
      }
    }
    const alignment = await aligning;
    if (!alignment) {
      if (previewed) view.clearPreview();
      return;
    }
    const { recovery: _discarded, needsAligning: _aligned, ...rest } = session;
    waiting = undefined;
    store.update((state) => sessionOpened(state, { ...rest, alignment }));
    if (info.kind === 'browser') rememberInUrl(undefined);
  }

  /** Reads one document again after it changed on disk, rebasing the links onto it (undoable). */
  async function reloadSide(side: Side): Promise<void> {
    const alignment = store.get().session?.alignment;
    if (!alignment) return;
    const result = await busy('Reloading…', () => host.api.reloadDocument({ alignment, side }));
    if (!result) return;
    const rebased = [result.rebased, ...(result.otherSide ? [result.otherSide] : [])];
    store.update((state) => alignmentReplaced(state, result.alignment, 'Reload', { textChanged: true, changed: touchedBy(rebased, result.alignment) }));
    if ((await showRebaseReport(rebased, 'reloaded')) === 'review') review.showChanged();
  }

  /** Autosave: unsaved work on a saved alignment goes to its recovery file a little after the first change. */
  let autosave: ReturnType<typeof setTimeout> | undefined;
  function scheduleAutosave(): void {
    if (autosave !== undefined) return;
    autosave = setTimeout(() => {
      autosave = undefined;
      const state = store.get();
      const session = state.session;
      if (!session || !isDirty(state)) return;
      // Never saved: the host keeps the autosave by the pair's documents, and offers it when they are opened again.
      host.api.writeRecovery(session.path ? { alignment: session.alignment, path: session.path } : { alignment: session.alignment }).catch((error: unknown) => {
        notify('warning', `Autosave failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }, autosaveDelay);
  }

  /**
   * A document chosen while nothing is open (or after a start that failed):
   * it waits here for the other side, then the two are opened and aligned.
   */
  let waiting: { readonly side: Side; readonly file: FileRef } | undefined;

  async function openSide(side: Side, ref?: FileRef | null): Promise<void> {
    const file = ref === undefined ? await host.shell.chooseFile(side).catch((error) => (fail(error), null)) : ref;
    if (!file || !(await mayDiscard())) return;
    const current = store.get().session?.alignment;
    const other = otherSide(side);
    const pending = waiting?.side === other ? waiting.file : undefined;
    const otherSource = pending ?? (current ? { kind: 'document' as const, document: current[other] } : undefined);
    if (!otherSource) {
      waiting = { side, file };
      notify('info', `${side === 'source' ? 'Original' : 'Translation'}: ${fileRefName(file)}. Now open the ${side === 'source' ? 'translation' : 'original'}, and the two are aligned.`);
      return;
    }
    waiting = undefined;
    const request = side === 'source' ? { source: file, target: otherSource } : { source: otherSource, target: file };
    await openPairRequest(request);
  }

  async function openPair(source: FileRef, target: FileRef): Promise<void> {
    if (!(await mayDiscard())) return;
    await openPairRequest({ source, target });
  }

  async function openAlignment(ref?: FileRef | null): Promise<void> {
    const file = ref === undefined ? await host.shell.chooseFile('alignment').catch((error) => (fail(error), null)) : ref;
    if (!file || !(await mayDiscard())) return;
    await opened(await busy('Opening…', () => host.api.openAlignment({ file })), file.kind === 'path' ? file.path : undefined);
  }

  async function openRecent(entry: RecentEntry): Promise<void> {
    if (entry.kind === 'alignment') await openAlignment({ kind: 'path', path: entry.path });
    else await openPair({ kind: 'path', path: entry.source }, { kind: 'path', path: entry.target });
  }

  async function openPaths(paths: readonly string[]): Promise<void> {
    if (paths.length === 1) await openAlignment({ kind: 'path', path: paths[0]! });
    else if (paths.length === 2) await openPair({ kind: 'path', path: paths[0]! }, { kind: 'path', path: paths[1]! });
  }

  async function saveTo(path: string, overwrite: boolean): Promise<boolean> {
    const session = store.get().session;
    if (!session) return false;
    const revision = session.revision;
    const result = await busy('Saving…', () => host.api.saveAlignment({ alignment: session.alignment, path, overwrite }));
    if (!result) return false;
    store.update((state) => sessionSaved(state, result.path, revision, session.alignment));
    notify('info', `Saved ${fileName(result.path)}${result.backup ? ' (the previous version is kept as .bak)' : ''}.`);
    if (info.kind === 'browser') rememberInUrl(result.path);
    return true;
  }

  async function saveAs(): Promise<boolean> {
    const session = store.get().session;
    if (!session) return false;
    const suggested = session.path ?? session.suggestedPath;
    if (info.kind === 'electron') {
      const path = await host.shell.chooseSavePath(suggested).catch((error) => (fail(error), null));
      // The native dialog has already asked about replacing an existing file.
      return path ? saveTo(path, true) : false;
    }
    const workspace = info.workspace ?? '';
    const name = await saveAsDialog(workspace, relativeToWorkspace(suggested) ?? fileName(suggested));
    if (!name) return false;
    try {
      const result = await host.api.saveAlignment({ alignment: session.alignment, path: name, overwrite: false });
      store.update((state) => sessionSaved(state, result.path, session.revision, session.alignment));
      notify('info', `Saved ${fileName(result.path)}.`);
      rememberInUrl(result.path);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'io' && /already exists/.test(error.message)) {
        if (await confirmDialog('Replace the file?', `${name} already exists in the workspace.`, 'Replace')) return saveTo(name, true);
        return false;
      }
      fail(error);
      return false;
    }
  }

  async function save(): Promise<boolean> {
    const session = store.get().session;
    if (!session) return false;
    return session.path ? saveTo(session.path, true) : saveAs();
  }

  async function setLanguage(side: Side, language: string | null): Promise<void> {
    const session = store.get().session;
    if (!session) return;
    const alignment = await busy('Checking paragraph languages…', () =>
      host.api.setDocumentLanguage({ alignment: session.alignment, side, language }),
    );
    if (alignment) store.update((state) => alignmentChanged(state, alignment));
    else render(store.get(), store.get()); // Put the select back.
  }

  function nextMismatch(side: Side): void {
    const state = store.get();
    const document = state.session?.alignment[side];
    if (!document) return;
    const from = state.caret?.side === side ? state.caret.paragraph : -1;
    const indices = document.paragraphs.flatMap((paragraph, index) => (paragraph.language?.mismatch ? [index] : []));
    const next = indices.find((index) => index > from) ?? indices[0];
    if (next === undefined) return;
    const editor = view.editor(side);
    const position = editor.getModel()!.getPositionAt(document.paragraphs[next]!.start);
    editor.setPosition(position);
    editor.revealPositionInCenterIfOutsideViewport(position);
    editor.focus();
  }

  async function viewOptions(): Promise<void> {
    const patch = await viewOptionsDialog(store.get().view);
    if (!patch) return;
    try {
      const settings = await host.api.updateViewSettings(patch);
      store.update((state) => viewChanged(state, settings.view));
    } catch (error) {
      // Settings that cannot be saved still apply to this window.
      store.update((state) => viewChanged(state, { ...state.view, ...patch }));
      fail(error);
    }
  }

  function about(): void {
    void aboutDialog(info.tool.name, info.tool.version, hostLabel);
  }

  async function runCommand(command: ShellCommand): Promise<void> {
    switch (command.kind) {
      case 'open-source':
        return openSide('source');
      case 'open-target':
        return openSide('target');
      case 'open-alignment':
        return openAlignment();
      case 'open-recent':
        return openRecent(command.entry);
      case 'open-paths':
        return openPaths(command.paths);
      case 'save':
        await save();
        return;
      case 'save-as':
        await saveAs();
        return;
      case 'save-and-close':
        if (await save()) host.shell.closeWindow();
        return;
      case 'undo':
      case 'redo':
        return review.step(command.kind);
      case 'find':
        return view.runOnFocused(command.kind);
      case 'jump-to-partner':
        view.jumpToPartner();
        return;
      case 'view-options':
        return viewOptions();
      case 'export':
        return exporting.exportAlignment();
      case 'export-report':
        return exporting.exportReport();
      case 'save-text':
        return exporting.saveDocumentText(command.side);
      case 'open-folder':
        return openFolder();
      case 'toggle-dot-plot':
        return toggleDotPlot();
      case 'review':
        return review.run(command.command);
      case 'about':
        return about();
    }
  }

  async function onDrop(request: DropRequest | string): Promise<void> {
    if (typeof request === 'string') return notify('warning', request);
    try {
      switch (request.kind) {
        case 'alignment':
          return await openAlignment(await host.shell.fileRefFor(request.file));
        case 'pair':
          return await openPair(await host.shell.fileRefFor(request.source), await host.shell.fileRefFor(request.target));
        case 'document':
          return await openSide(request.side, await host.shell.fileRefFor(request.file));
      }
    } catch (error) {
      fail(error);
    }
  }

  /** Browser host: the alignment's workspace path goes in the address, so a reload reopens it. */
  function rememberInUrl(path: string | undefined): void {
    const url = new URL(location.href);
    const relative = path ? relativeToWorkspace(path) : undefined;
    if (relative) url.searchParams.set('open', relative);
    else url.searchParams.delete('open');
    history.replaceState(history.state, '', url.pathname + url.search);
  }

  function relativeToWorkspace(path: string): string | undefined {
    const workspace = info.workspace;
    if (!workspace) return undefined;
    const prefix = workspace.endsWith('/') || workspace.endsWith('\\') ? workspace : `${workspace}/`;
    return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
  }

  // ---- Views ----------------------------------------------------------------------------------

  const toolbar = createToolbar(
    element('toolbar'),
    {
      openSource: () => void openSide('source'),
      openTarget: () => void openSide('target'),
      openAlignment: () => void openAlignment(),
      recentEntries: () => host.api.recentFiles(),
      openRecent: (entry) => void openRecent(entry),
      save: () => void save(),
      saveAs: () => void saveAs(),
      undo: () => review.step('undo'),
      redo: () => review.step('redo'),
      find: () => view.runOnFocused('find'),
      jumpToPartner: () => void view.jumpToPartner(),
      openFolder: () => void openFolder(),
      exportAlignment: () => void exporting.exportAlignment(),
      exportReport: () => void exporting.exportReport(),
      toggleDotPlot: () => toggleDotPlot(),
      toggleSentences: () => toggleSentences(),
      reviewMenu: (anchor) => showCommandMenu(anchor, reviewMenuItems((command) => review.menuKeys(command)), (command) => isCommandId(command) && review.run(command)),
      viewOptions: () => void viewOptions(),
      about,
    },
    info.platform,
  );
  const headerEvents = {
    onLanguage: (side: Side, language: string | null) => void setLanguage(side, language),
    onNextMismatch: nextMismatch,
    onSaveText: (side: Side) => void exporting.saveDocumentText(side),
  };
  let lastWindowState = '';

  function render(state: WorkbenchState, previous: WorkbenchState): void {
    const session = state.session;
    const alignment = session?.alignment;
    if (session && session.serial !== previous.session?.serial) {
      view.show(session.alignment);
      sessionShown(state);
    }
    else if (alignment && alignment !== previous.session?.alignment) {
      // Text changed by undo, redo or a reload is written into the editors; typed text is there already.
      if (session!.textSync !== previous.session?.textSync) view.syncTexts(alignment);
      else view.update(alignment);
      scheduleAutosave();
    }
    if (state.caret !== previous.caret) {
      view.highlightCaret(state.caret);
      rememberSoon();
    }
    if (session?.path !== previous.session?.path) presence.hold(openKey(state));
    if (alignment !== previous.session?.alignment) dotPlot.update(alignment);
    dotPlot.setActive(state.caret?.link ?? -1);
    sentences.update(alignment, state.caret?.link ?? -1);
    if (state.view !== previous.view) {
      view.setView(state.view);
      applyTheme(state.view);
      applyPanelHeights(state.view);
    }
    const documentsChanged = alignment?.source !== previous.session?.alignment.source || alignment?.target !== previous.session?.alignment.target;
    if (documentsChanged || state === previous) {
      renderHeader(element('source-header'), 'source', alignment?.source, info.languages, headerEvents);
      renderHeader(element('target-header'), 'target', alignment?.target, info.languages, headerEvents);
    }
    renderStatusBar(element('status-bar'), alignment, state.caret, hostLabel);
    renderNotices(element('notices'), state.notices, (id) => store.update((current) => noticeDismissed(current, id)));
    element('progress').hidden = state.busy === undefined;
    document.documentElement.dataset.busy = String(state.busy !== undefined);
    const dirty = isDirty(state);
    toolbar.setTitle(session ? sessionName(session) : 'No alignment', session?.path, dirty);
    toolbar.setEnabled(session !== undefined);
    review.render(state, previous);
    const title = windowTitle(state);
    if (`${title}|${dirty}` !== lastWindowState) {
      lastWindowState = `${title}|${dirty}`;
      host.shell.setWindowState(title, dirty);
    }
  }

  store.subscribe(render);
  render(store.get(), store.get());
  // Read-only look at the open alignment for the end-to-end tests and bench/ui.ts (the page has it anyway).
  Object.defineProperty(window, 'bitextInspect', {
    value: Object.freeze({
      links: () => formatLinks(store.get().session?.alignment.links ?? []),
      alignment: () => structuredClone(store.get().session?.alignment),
      review: () => structuredClone(store.get().review),
      caret: () => structuredClone(store.get().caret),
      undoDepth: () => store.get().session?.history.past.length ?? 0,
    }),
  });

  host.shell.onCommand((command) => void runCommand(command));
  watchDocuments({ api: host.api, host: element('panes'), alignment: () => store.get().session?.alignment, reload: (side) => void reloadSide(side) });
  installDropHandling(element('panes'), element('drop-overlay'), (request) => void onDrop(request));
  window.addEventListener('keydown', (event) => {
    // The shortcuts the desktop menu gives; in the browser the page handles them (the menu does on the desktop).
    if (info.kind === 'electron') return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void (event.shiftKey ? saveAs() : save());
    } else if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'e') {
      event.preventDefault();
      void exporting.exportAlignment();
    } else if (mod && event.altKey && event.code === 'KeyD') {
      event.preventDefault();
      toggleDotPlot();
    } else if (mod && event.key.toLowerCase() === 'o') {
      event.preventDefault();
      if (event.altKey) void openAlignment();
      else void openSide(event.shiftKey ? 'target' : 'source');
    }
  });
  window.addEventListener('beforeunload', (event) => {
    if (info.kind === 'browser' && isDirty(store.get())) event.preventDefault();
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(store.get().view));
  document.fonts.addEventListener('loadingdone', () => {
    monaco.editor.remeasureFonts();
    view.scheduleLayout();
  });

  // ---- First document -------------------------------------------------------------------------

  // The pair named at start (or the sample) is read by the host and aligned in the worker, like
  // any pair opened later: the page shows the texts first, with progress and Cancel while it aligns.
  // Both were asked for at start-up (startup-requests.ts); the initial pair only now when the reopened file failed.
  const openFirst = async (initial: Promise<Session>, aligning?: Promise<StartedJob<{ alignment: Alignment; milliseconds: number }> | undefined>): Promise<void> => {
    const session = await busy('Reading the documents…', () => initial);
    if (session?.needsAligning) await alignRead(session, await aligning);
    else if (session) await opened(session, session.alignmentPath);
  };
  // The page's frame first (toolbar, headers, progress): opening a long pair keeps the page busy for a while.
  await afterNextPaint();
  const first = requests.first;
  if (first.kind === 'reopen') {
    const session = await busy('Opening…', () => first.session);
    if (session) await opened(session, session.alignmentPath);
    else await openFirst(host.api.openInitial({ align: false }));
  } else {
    await openFirst(first.session, first.aligning);
  }
  // A layout that waits for the next frame (the review panel took its height, say) is done before the page says it is ready.
  view.flushLayout();
  if (info.initialFolder) await openFolder(info.initialFolder);
  document.documentElement.dataset.ready = 'true';
}

/** Resolves after the browser has painted the next frame. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Light or dark, from the setting or (for `system`) the system's preference, for the page and Monaco. */
function applyTheme(view: ViewSettings): void {
  const dark = view.theme === 'dark' || (view.theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  monaco.editor.setTheme(dark ? themeNames.dark : themeNames.light);
}

