/**
 * The review workflow's dispatcher: turns commands (keys in review mode,
 * chords in the text, the context menu, the Review menu, panel buttons) into
 * pure edits of the alignment through the store, moves the caret along the
 * review queue, keeps the mismatch flags up to date off the keystroke path,
 * and runs re-alignments in the worker with progress and a Cancel.
 *
 * Which key does what lives in one table (renderer/commands/command-table.ts)
 * resolved through the keymap (keymap.ts) with the user's remappings; this
 * file only says what each command does.
 */
import { normaliseTags } from '../../shared/edits/tags.ts';
import { knownTags } from '../../shared/edits/tags.ts';
import type { Alignment, Link, Side } from '../../shared/model/alignment.ts';
import type { BitextDocument } from '../../shared/model/document.ts';
import { commands, isCommandId, type CommandId } from '../commands/command-table.ts';
import { buildKeymap, chordFromEvent, displayChord, formatChord, toMonacoKeybinding, type KeyOverrides, type Keymap } from '../commands/keymap.ts';
import type { AlignmentView, EditorCommand } from '../editors/alignment-view.ts';
import { monaco } from '../editors/monaco-setup.ts';
import { alignmentEdited, historyStepped, reviewChanged, type Store, type WorkbenchState } from '../state/workbench-state.ts';
import { AlignCancelled, alignInWorker, realignInWorker, type AlignProgress, type RunningJob, type StartedJob } from '../workers/align-client.ts';
import { phaseLabels } from '../workers/align-protocol.ts';
import { FlagsComputer, type LinkFlagText } from '../workers/flags-client.ts';
import { sameLinkShapes } from '../state/alignment-index.ts';
import { h, icon } from '../ui/dom.ts';
import { ReviewPanel, type LinkFlag } from './review-panel.ts';
import {
  linkParagraphs,
  nextRow,
  planEdit,
  planRealign,
  reviewFilters,
  rowAt,
  toggleMarks,
  type CommandContext,
  type EditCommand,
} from './review-model.ts';
import { showShortcutSheet } from './shortcut-sheet.ts';

/** What the controller needs from the page. */
export interface ReviewControllerOptions {
  readonly store: Store;
  readonly view: AlignmentView;
  /** The panel's element. */
  readonly panelElement: HTMLElement;
  readonly platform: string;
  /** The user's key remappings, as saved. */
  readonly overrides: KeyOverrides;
  /** Saves remappings (the settings file). */
  saveOverrides(overrides: KeyOverrides): Promise<void>;
  /** Tells the user something briefly. */
  hint(message: string): void;
  /** Tells the user something that matters (stays until dismissed). */
  warn(message: string): void;
  /** The editors need to lay out again (the panel changed size). */
  relayout(): void;
  /** Opens the sentence panel and gives it the keyboard (Shift+F6). */
  focusSentences?(): void;
}

const editCommands: readonly EditCommand[] = [
  'reject',
  'reset-status',
  'merge-next',
  'split',
  'unlink',
  'mark-untranslated',
  'shift-up',
  'shift-down',
  'link-marked',
  'link-with-skip',
];

/** How long the flags wait after a change before they are computed again (typing must not pay for them). */
const flagDelay = 300;

/** The review workflow of one window. */
export class ReviewController {
  readonly panel: ReviewPanel;
  private keymap: Keymap;
  private overrides: KeyOverrides;
  private flagsTimer: ReturnType<typeof setTimeout> | undefined;
  private flagsBasis: { readonly alignment: Alignment; readonly byIndex: ReadonlyMap<number, readonly LinkFlagText[]> } | undefined;
  private readonly flagsComputer = new FlagsComputer((alignment, flags) => this.applyFlags(alignment, flags));
  private job: { readonly running: RunningJob<unknown>; readonly element: HTMLElement } | undefined;
  private readonly taskHost: HTMLElement;

  constructor(private readonly options: ReviewControllerOptions) {
    this.overrides = options.overrides;
    this.keymap = buildKeymap(commands, this.overrides);
    this.taskHost = h('div', { class: 'task-host', 'aria-live': 'polite' });
    document.body.append(this.taskHost);
    this.panel = new ReviewPanel(options.panelElement, {
      onSelect: (link) => this.goToLink(link, { focus: 'grid' }),
      onActivate: (link) => this.goToLink(link, { focus: 'editor' }),
      onGridKey: (event) => this.onGridKey(event),
      onModeChange: (mode) => this.update((state) => reviewChanged(state, { mode })),
      onFilter: (filter) => this.update((state) => reviewChanged(state, { filter })),
      onSort: (sort) => this.update((state) => reviewChanged(state, { sort })),
      onNote: (link, note) => this.edit({ kind: 'set-note', link, note, now: now() }),
      onTags: (link, tags) => this.edit({ kind: 'set-tags', link, tags, now: now() }),
      onCommand: (id) => {
        if (isCommandId(id)) this.run(id);
      },
      onFieldDone: () => this.panel.focusGrid(),
      keyLabel: (command) => this.keyLabel(command),
      onResize: () => options.relayout(),
    });
    this.installEditorCommands();
    window.addEventListener('keydown', (event) => this.onWindowKey(event));
  }

  private get store(): Store {
    return this.options.store;
  }

  private update(change: (state: WorkbenchState) => WorkbenchState): void {
    this.store.update(change);
  }

  /** Draws the panel for `state`, and schedules the flags when the alignment changed. */
  render(state: WorkbenchState, previous: WorkbenchState): void {
    const alignment = state.session?.alignment;
    if (alignment !== previous.session?.alignment || state.session?.serial !== previous.session?.serial) this.scheduleFlags(state.session?.serial !== previous.session?.serial);
    this.panel.render(state);
    document.documentElement.dataset.reviewMode = state.review.mode;
  }

  /** The keys of a command as the user reads them: review mode first, else in the text, else everywhere. */
  keyLabel(command: string): string {
    const keys = [...this.keymap.keysFor(command, 'review'), ...this.keymap.keysFor(command, 'global'), ...this.keymap.keysFor(command, 'editor')];
    return keys.length > 0 ? displayChord(keys[0]!, this.options.platform) : '—';
  }

  /** The keys of a command for a menu: the review-mode key, then the one in the text or everywhere (`C · Alt+Enter`). */
  menuKeys(command: string): string {
    const review = this.keymap.keysFor(command, 'review')[0];
    const elsewhere = this.keymap.keysFor(command, 'global')[0] ?? this.keymap.keysFor(command, 'editor')[0];
    return [review, elsewhere].filter((key): key is string => key !== undefined).map((key) => displayChord(key, this.options.platform)).join(' · ');
  }

  /** The current remappings. */
  get keyOverrides(): KeyOverrides {
    return this.overrides;
  }

  // ---- Keys -----------------------------------------------------------------------------------

  /** The review command a key runs in review mode (single keys, with the user's remappings), for the sentence panel. */
  reviewCommandFor(event: KeyboardEvent): CommandId | undefined {
    const chord = chordFromEvent(event, this.options.platform);
    const id = chord ? this.keymap.lookup('review', formatChord(chord)) : undefined;
    return id !== undefined && isCommandId(id) ? id : undefined;
  }

  private onGridKey(event: KeyboardEvent): boolean {
    const chord = chordFromEvent(event, this.options.platform);
    if (!chord) return false;
    if (this.job && formatChord(chord) === 'Escape') {
      this.job.running.cancel();
      return true;
    }
    const id = this.keymap.lookup('review', formatChord(chord));
    if (!id || !isCommandId(id)) return false;
    this.run(id);
    return true;
  }

  /** Keys outside the editors and the grid: the global ones (undo, F6, F1), unless a field or a dialog has the focus. */
  private onWindowKey(event: KeyboardEvent): void {
    if (event.defaultPrevented) return;
    const target = event.target instanceof Element ? event.target : undefined;
    if (target?.closest('.monaco-editor, dialog, .review-grid, .sentence-list')) return;
    const chord = chordFromEvent(event, this.options.platform);
    if (!chord) return;
    const key = formatChord(chord);
    if (this.job && key === 'Escape') {
      event.preventDefault();
      this.job.running.cancel();
      return;
    }
    const id = this.keymap.lookup('global', key);
    if (!id || !isCommandId(id)) return;
    const inField = target !== undefined && (target.matches('input, textarea, select, [contenteditable]') || target.closest('[contenteditable]') !== null);
    // In the note or the tag field, Ctrl+Z undoes typing there, as in any field.
    if (inField && (id === 'undo' || id === 'redo')) return;
    event.preventDefault();
    this.run(id);
  }

  /** The editors' context menu and chords: every command with keys in the text or everywhere, or a menu entry. */
  private installEditorCommands(): void {
    const list: EditorCommand[] = [];
    for (const command of commands) {
      const keys = [...this.keymap.keysFor(command.id, 'editor'), ...this.keymap.keysFor(command.id, 'global')];
      const keybindings = keys.map((key) => toMonacoKeybinding(key, monaco)).filter((code): code is number => code !== undefined);
      if (keybindings.length === 0 && !command.contextMenu) continue;
      list.push({
        id: command.id,
        label: command.label,
        keybindings,
        // Escape in the text leaves for review mode only when Monaco has no use for it.
        when:
          command.id === 'focus-review'
            ? 'editorTextFocus && !findWidgetVisible && !editorHasSelection && !editorHasMultipleSelections && !suggestWidgetVisible'
            : 'editorTextFocus',
        ...(command.contextMenu ? { contextMenu: command.contextMenu } : {}),
        run: () => this.run(command.id),
      });
    }
    this.options.view.setCommands(list);
  }

  /** Takes new remappings (from the settings), rebinding the editors. */
  setOverrides(overrides: KeyOverrides): void {
    this.overrides = overrides;
    this.keymap = buildKeymap(commands, overrides);
    this.installEditorCommands();
    this.panel.render(this.store.get());
  }

  // ---- Commands -------------------------------------------------------------------------------

  /** Runs a command on the link at the caret. */
  run(id: CommandId): void {
    const state = this.store.get();
    if (!state.session && id !== 'show-shortcuts' && id !== 'toggle-review-panel') return;
    if ((editCommands as readonly string[]).includes(id)) {
      this.plan(id as EditCommand);
      return;
    }
    if (id.startsWith('toggle-tag-')) {
      this.toggleTag(knownTags[Number(id.slice('toggle-tag-'.length)) - 1]!);
      return;
    }
    switch (id) {
      case 'confirm-next':
        return this.confirmAndNext();
      case 'toggle-mark': {
        const link = this.currentLink();
        if (link < 0) return this.options.hint('Pick a link to mark first.');
        this.update((current) => reviewChanged(current, { marks: toggleMarks(current.review.marks, current.session!.alignment.links[link]!) }));
        return;
      }
      case 'clear-marks':
        this.update((current) => reviewChanged(current, { marks: { source: [], target: [] } }));
        return;
      case 'realign':
        return this.realign();
      case 'edit-note':
      case 'edit-tags':
        if (this.currentLink() < 0) return this.options.hint('Pick a link first.');
        this.showPanel();
        if (id === 'edit-note') this.panel.focusNote();
        else this.panel.focusTags();
        return;
      case 'next-link':
      case 'previous-link':
      case 'first-link':
      case 'last-link': {
        const rows = this.panel.listedRows();
        const current = this.currentLink();
        const target =
          id === 'first-link' ? rows[0] : id === 'last-link' ? rows.at(-1) : rowAt(rows, current, id === 'next-link' ? 1 : -1);
        if (target !== undefined) this.goToLink(target, { focus: 'keep' });
        return;
      }
      case 'next-unconfirmed':
      case 'next-flagged': {
        const alignment = state.session!.alignment;
        const flagged = this.panel.flaggedLinks();
        const wanted = id === 'next-unconfirmed' ? (link: number) => alignment.links[link]!.status === 'auto' : (link: number) => flagged.has(link);
        const target = nextRow(this.panel.listedRows(), this.currentLink(), wanted);
        if (target === undefined) return this.options.hint(id === 'next-unconfirmed' ? 'No link in the list is left to review.' : 'No link in the list is flagged.');
        this.goToLink(target, { focus: 'keep' });
        return;
      }
      case 'next-paragraph':
      case 'previous-paragraph':
        return this.stepParagraph(id === 'next-paragraph' ? 1 : -1);
      case 'cycle-filter': {
        const filters = reviewFilters.filter((filter) => filter !== 'changed' || state.review.changed.length > 0);
        const next = filters[(filters.indexOf(state.review.filter) + 1) % filters.length]!;
        this.update((current) => reviewChanged(current, { filter: next }));
        return;
      }
      case 'toggle-sort':
        this.update((current) => reviewChanged(current, { sort: current.review.sort === 'weakest' ? 'document' : 'weakest' }));
        return;
      case 'focus-review':
        return this.focusReview();
      case 'focus-editor':
        return this.focusEditor();
      case 'toggle-review-panel': {
        const visible = !state.review.panelVisible;
        this.update((current) => reviewChanged(current, { panelVisible: visible }));
        this.options.relayout();
        if (!visible) this.focusEditor();
        return;
      }
      case 'focus-sentences':
        return this.options.focusSentences?.();
      case 'split-sentence':
      case 'join-sentence':
        return this.options.hint(`Sentences are cut and joined in the sentence pairs: press ${this.keyLabel('focus-sentences')}, pick the sentence with ← →, then the key again.`);
      case 'undo':
      case 'redo':
        return this.step(id);
      case 'show-shortcuts':
        void showShortcutSheet({
          overrides: this.overrides,
          platform: this.options.platform,
          save: (overrides) => {
            this.setOverrides(overrides);
            this.options.saveOverrides(overrides).catch((error: unknown) => this.options.warn(`The keys could not be saved: ${error instanceof Error ? error.message : String(error)}`));
          },
        });
        return;
      default:
        return;
    }
  }

  /** Undo or redo through the one history; in a text field the field's own undo runs instead (menu commands reach here). */
  step(direction: 'undo' | 'redo'): void {
    const active = document.activeElement;
    if (active && active.matches('input, textarea') && !active.closest('.monaco-editor')) {
      document.execCommand(direction);
      return;
    }
    const before = this.store.get();
    this.update((state) => historyStepped(state, direction));
    if (this.store.get() === before) this.options.hint(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
  }

  private currentLink(): number {
    return this.store.get().caret?.link ?? -1;
  }

  private context(): CommandContext {
    const state = this.store.get();
    const caret = state.caret;
    return {
      alignment: state.session!.alignment,
      link: caret?.link ?? -1,
      side: caret?.side ?? 'source',
      paragraph: caret?.paragraph ?? -1,
      marks: state.review.marks,
      selection: { source: this.options.view.selectedParagraphs('source'), target: this.options.view.selectedParagraphs('target') },
      now: now(),
    };
  }

  /** Applies an edit through the one undo history (the sentence panel's edits come here); false, with a hint, when refused. */
  applyEdit(edit: Parameters<typeof alignmentEdited>[1]): boolean {
    return this.edit(edit);
  }

  private edit(edit: Parameters<typeof alignmentEdited>[1]): boolean {
    try {
      this.update((state) => alignmentEdited(state, edit));
      return true;
    } catch (error) {
      // The message names the link as the reviewer reads it; the error's location prefix (a 0-based index, a field) is for code.
      this.options.hint(error instanceof Error ? error.message.replace(/^link \d+(, [\w/.-]+)?: /, '') : String(error));
      return false;
    }
  }

  private plan(command: EditCommand): void {
    const plan = planEdit(command, this.context());
    if (plan.kind === 'refused') return this.options.hint(plan.reason);
    if (this.edit(plan.edit) && (command === 'link-marked' || command === 'link-with-skip')) {
      this.update((state) => reviewChanged(state, { marks: { source: [], target: [] } }));
    }
  }

  private toggleTag(tag: string): void {
    const state = this.store.get();
    const link = this.currentLink();
    const current = state.session?.alignment.links[link];
    if (!current) return this.options.hint('Pick a link first.');
    const tags = current.tags ?? [];
    this.edit({ kind: 'set-tags', link, tags: tags.includes(tag) ? tags.filter((other) => other !== tag) : normaliseTags([...tags, tag]), now: now() });
  }

  /** Confirms the link at the caret and moves to the next link still `auto`, in the list's order (weakest first when so sorted). */
  private confirmAndNext(): void {
    const state = this.store.get();
    const link = this.currentLink();
    if (link < 0) return this.options.hint('Put the caret in a paragraph (or pick a link in the list) first.');
    const alignment = state.session!.alignment;
    // The order before the edit: with the Auto filter the confirmed link leaves the list.
    const next = nextRow(this.panel.listedRows(), link, (index) => alignment.links[index]!.status === 'auto');
    if (!this.edit({ kind: 'set-status', link, status: 'confirmed', now: now() })) return;
    if (next === undefined) this.options.hint('Every link in the list is reviewed.');
    else this.goToLink(next, { focus: 'keep' });
  }

  /**
   * Makes `link` the current one: the caret goes to its first paragraph (on
   * the caret's side when the link has one there) and both editors scroll to it.
   */
  goToLink(link: number, options: { readonly focus: 'grid' | 'editor' | 'keep' }): void {
    const state = this.store.get();
    const target = state.session?.alignment.links[link];
    if (!target) return;
    const preferred: Side = state.caret?.side ?? 'source';
    const side: Side = target[preferred].length > 0 ? preferred : preferred === 'source' ? 'target' : 'source';
    const focusEditor = options.focus === 'editor' || (options.focus === 'keep' && this.options.view.hasTextFocus());
    this.options.view.revealParagraph(side, target[side][0]!, { focus: focusEditor });
    if (options.focus === 'grid') this.panel.focusGrid();
  }

  private stepParagraph(step: 1 | -1): void {
    const state = this.store.get();
    const link = state.session?.alignment.links[this.currentLink()];
    if (!link || !state.caret) return;
    const paragraphs = linkParagraphs(link);
    const position = paragraphs.findIndex((ref) => ref.side === state.caret!.side && ref.paragraph === state.caret!.paragraph);
    const next = paragraphs[(position + step + paragraphs.length) % paragraphs.length];
    if (next) this.options.view.revealParagraph(next.side, next.paragraph, { focus: this.options.view.hasTextFocus() });
  }

  private showPanel(): void {
    if (this.store.get().review.panelVisible) return;
    this.update((state) => reviewChanged(state, { panelVisible: true }));
    this.options.relayout();
  }

  /** Lists the links the last rebase touched, in review mode. */
  showChanged(): void {
    this.update((state) => reviewChanged(state, { filter: 'changed' }));
    this.focusReview();
  }

  /** Review mode: the keyboard goes to the grid; with no link at the caret, the first listed link becomes current. */
  focusReview(): void {
    this.showPanel();
    this.panel.focusGrid();
    if (this.currentLink() < 0) {
      const first = this.panel.listedRows()[0];
      if (first !== undefined) this.goToLink(first, { focus: 'grid' });
    }
  }

  /** Back to the text, the caret where it was (at the current link). */
  focusEditor(): void {
    const caret = this.store.get().caret;
    const view = this.options.view;
    if (caret && caret.paragraph >= 0) view.revealParagraph(caret.side, caret.paragraph, { focus: true });
    else view.editor(view.focusedSide).focus();
  }

  // ---- Re-alignment in the worker -----------------------------------------------------------------

  /**
   * Shows a running worker job: title, phase, elapsed time and Cancel (Esc
   * cancels too). Resolves with the job's result, or undefined when cancelled.
   */
  private async track<T extends { milliseconds: number }>(
    title: string,
    start: (onProgress: (progress: AlignProgress) => void) => RunningJob<T>,
  ): Promise<T | undefined> {
    const started = performance.now();
    const phase = h('span', { class: 'task-phase' }, phaseLabels.starting);
    const elapsed = h('span', { class: 'task-elapsed' }, '0.0 s');
    const bar = h('span', { class: 'task-bar' }, h('span', {}));
    const running = start((progress) => {
      phase.textContent = `${phaseLabels[progress.phase]} (${progress.step}/${progress.steps})`;
      (bar.firstElementChild as HTMLElement).style.width = `${Math.round((progress.step / progress.steps) * 100)}%`;
    });
    const tick = setInterval(() => {
      elapsed.textContent = `${((performance.now() - started) / 1000).toFixed(1)} s`;
    }, 100);
    const element = h(
      'div',
      { class: 'task', role: 'status', 'data-testid': 'task' },
      icon('sync'),
      h('span', { class: 'task-title' }, title),
      phase,
      bar,
      elapsed,
      h('button', { type: 'button', class: 'task-cancel', 'data-testid': 'task-cancel', onclick: () => running.cancel() }, 'Cancel'),
    );
    this.taskHost.replaceChildren(element);
    document.documentElement.dataset.task = 'running';
    this.job = { running, element };
    try {
      return await running.result;
    } catch (error) {
      if (error instanceof AlignCancelled) return undefined;
      throw error;
    } finally {
      clearInterval(tick);
      this.job = undefined;
      element.remove();
      delete document.documentElement.dataset.task;
    }
  }

  /**
   * Aligns two documents in the worker (opening a pair), with progress and
   * Cancel; `started`, when the job is already running (the start-up pair).
   * Undefined when the user cancelled.
   */
  async alignDocuments(source: BitextDocument, target: BitextDocument, started?: StartedJob<{ alignment: Alignment; milliseconds: number }>): Promise<Alignment | undefined> {
    if (this.job) this.job.running.cancel();
    const result = await this.track(
      `Aligning ${source.paragraphs.length} × ${target.paragraphs.length} paragraphs`,
      started ?? ((onProgress) => alignInWorker({ kind: 'documents', source, target, now: now() }, onProgress)),
    );
    if (!result) this.options.hint('Aligning cancelled: the workbench shows what it showed before.');
    return result?.alignment;
  }

  private realign(): void {
    if (this.job) return this.options.hint('A re-alignment is already running (Esc cancels it).');
    const state = this.store.get();
    const alignment = state.session!.alignment;
    const plan = planRealign(alignment, this.currentLink());
    if ('refused' in plan) return this.options.hint(plan.refused);
    const { range } = plan;
    const what = `¶ ${range.sourceStart + 1}–${range.sourceEnd} × ${range.targetStart + 1}–${range.targetEnd}`;
    this.track(`Re-aligning ${what}`, (onProgress) => realignInWorker({ kind: 'range', source: alignment.source, target: alignment.target, range }, onProgress))
      .then((result) => {
        if (!result) return this.options.hint('Re-alignment cancelled: nothing changed.');
        const current = this.store.get().session?.alignment;
        if (current !== alignment) {
          this.options.warn('The links changed while the aligner was running, so its result was not used. Run Re-align again.');
          return;
        }
        const replaced = plan.before - plan.after - 1;
        const { links, milliseconds } = result;
        if (this.edit({ kind: 'replace-range', after: plan.after, before: plan.before, links, now: now() })) {
          this.options.hint(`Re-aligned ${what}: ${links.length} link${links.length === 1 ? '' : 's'} where there were ${replaced} (${(milliseconds / 1000).toFixed(1)} s).`);
        }
      })
      .catch((error: unknown) => this.options.warn(`Re-alignment failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  // ---- Flags ----------------------------------------------------------------------------------------

  private scheduleFlags(immediately: boolean): void {
    if (this.flagsTimer !== undefined) clearTimeout(this.flagsTimer);
    this.flagsTimer = setTimeout(() => {
      this.flagsTimer = undefined;
      this.computeFlags();
    }, immediately ? 0 : flagDelay);
  }

  /**
   * Flags are computed in a worker. A status, a note or tags change nothing
   * they depend on (texts, links' paragraphs, languages): the last result is
   * carried over to the new link values without asking again.
   */
  private computeFlags(): void {
    const alignment = this.store.get().session?.alignment;
    if (!alignment) return;
    const basis = this.flagsBasis;
    if (basis?.alignment === alignment) return;
    if (
      basis &&
      basis.alignment.source.text === alignment.source.text &&
      basis.alignment.target.text === alignment.target.text &&
      basis.alignment.source.language === alignment.source.language &&
      basis.alignment.target.language === alignment.target.language &&
      sameLinkShapes(basis.alignment.links, alignment.links)
    ) {
      this.applyFlags(alignment, basis.byIndex);
      return;
    }
    this.flagsComputer.compute(alignment);
  }

  private applyFlags(alignment: Alignment, byIndex: ReadonlyMap<number, readonly LinkFlagText[]>): void {
    this.flagsBasis = { alignment, byIndex };
    const flags = new WeakMap<Link, LinkFlag[]>();
    for (const [index, list] of byIndex) {
      const link = alignment.links[index];
      if (!link) continue;
      flags.set(
        link,
        list.map((flag) => ({
          kind: flag.kind,
          message: sentence(flag.message.replace('in the source, not in the target', 'in the original, not in the translation').replace('in the target, not in the source', 'in the translation, not in the original')),
        })),
      );
    }
    this.panel.setFlags(flags);
    document.documentElement.dataset.flags = String(byIndex.size);
  }
}

function sentence(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function now(): string {
  return new Date().toISOString();
}
