/**
 * The side-by-side alignment view: the original in one Monaco editor, the
 * translation in another, the connector gutter between them. It shows an
 * alignment and reports what the user does (text edits, caret moves); it
 * never changes the alignment itself — the store does, and hands the new
 * value back through {@link AlignmentView.update}.
 */
import type { ViewSettings } from '../../shared/api.ts';
import type { Alignment, Side } from '../../shared/model/alignment.ts';
import type { BitextDocument } from '../../shared/model/document.ts';
import { indexLinks, isPaired, confidenceBand, describeLink, otherSide, paragraphAt, sameLinkShapes, type LinkIndex } from '../state/alignment-index.ts';
import type { Caret } from '../state/workbench-state.ts';
import type { TextEdit } from '../state/text-edit.ts';
import { canWrapLater, linesInView, wrapInBackground } from './background-wrapping.ts';
import { ConnectorLayer, type Connector } from './connectors.ts';
import { caretDecorations, paragraphDecorationGroups, type LanguageName } from './decorations.ts';
import { DecorationLayer } from './decoration-layer.ts';
import { deferWrapping, type DeferredWrapping } from './deferred-line-breaks.ts';
import { textFontFamilyFor } from './fonts.ts';
import type { RememberedView } from '../state/view-memory.ts';
import { layoutRows, levelZones, paragraphLines, withoutZones, type LineRange, type Zone } from './level.ts';
import { editorOptions, lineHeightFor, monaco, setUpMonacoEnvironment } from './monaco-setup.ts';
import { syncScrolling } from './scroll-sync.ts';
import { ZoneLayer } from './view-zones.ts';

type Editor = monaco.editor.IStandaloneCodeEditor;

/** Where the view lives in the page. */
export interface AlignmentViewElements {
  readonly source: HTMLElement;
  readonly target: HTMLElement;
  readonly gutter: SVGSVGElement;
}

/** What the view tells its owner. */
export interface AlignmentViewEvents {
  /** The user changed the text of one side (ranges of the text before the change). */
  onTextEdit(side: Side, edits: readonly TextEdit[]): void;
  /** The caret moved. */
  onCaret(caret: Caret): void;
  /** Monaco normalised mixed line ends in a document to `eol`; the alignment must follow before the next update. */
  onLineEndsNormalised(side: Side, eol: '\n' | '\r\n'): void;
  /** A layout finished (spacers and connectors are in place). */
  onLayout?(): void;
  /** Lines of a long text wrapped by estimate are being measured in idle time (true), or all are measured (false). */
  onWrapping?(pending: boolean): void;
  /** Something to tell the user briefly (a jump that has nowhere to go). */
  onHint(message: string): void;
}

/** A command the editors offer in their context menu and on keys (see renderer/commands). */
export interface EditorCommand {
  readonly id: string;
  readonly label: string;
  /** Monaco keybindings (`KeyMod.Alt | KeyCode.Enter`). */
  readonly keybindings: readonly number[];
  /** Monaco context key expression: when the keys apply (`!findWidgetVisible`). */
  readonly when?: string;
  /** Context menu group and order; absent: keys only. */
  readonly contextMenu?: { readonly group: string; readonly order: number };
  run(side: Side): void;
}

/** One editor and what the view keeps for it. */
interface Pane {
  readonly side: Side;
  readonly editor: Editor;
  readonly model: monaco.editor.ITextModel;
  readonly zones: ZoneLayer;
  readonly bands: DecorationLayer;
  readonly highlight: monaco.editor.IEditorDecorationsCollection;
  lines: LineRange[];
  /** Paragraph number (1-based) shown beside the first line of each paragraph. */
  numbers: Map<number, number>;
  /** The document `lines` were measured for. */
  measuredFor?: Alignment['source'];
  /** The text of a preview ({@link AlignmentView.preview}) in the editor. */
  preview?: string;
  /** Stops measuring the lines of the text that were wrapped by estimate (background-wrapping.ts); absent when none are left. */
  stopWrapping?: () => void;
}

/** The two editors, their spacers and decorations, and the connectors. */
export class AlignmentView {
  private readonly panes: Record<Side, Pane>;
  private readonly connectors: ConnectorLayer;
  private readonly disposers: (() => void)[] = [];
  private alignment: Alignment | undefined;
  private index: LinkIndex | undefined;
  private caret: Caret | undefined;
  private view: ViewSettings;
  /** True while the view itself writes into a model: those changes are not the user's. */
  private writing = false;
  private decorationsStale = true;
  private frame = 0;
  private laidOut = false;
  /** True while level() puts spacers in: the content height they change is no new layout to do. */
  private placingZones = false;
  private lastFocused: Side = 'source';
  /** Set when the editors changed size with the caret's link in view: the next layout keeps it in view. */
  private keepCaretLink = false;
  private commandDisposers: (() => void)[] = [];

  constructor(
    private readonly elements: AlignmentViewElements,
    view: ViewSettings,
    private readonly languageName: LanguageName,
    private readonly events: AlignmentViewEvents,
  ) {
    setUpMonacoEnvironment();
    this.view = view;
    this.panes = { source: this.createPane('source', elements.source), target: this.createPane('target', elements.target) };
    this.connectors = new ConnectorLayer(elements.gutter, (link) => this.selectLink(link));
    this.connectors.setVisible(view.showConnectors);
    this.disposers.push(
      syncScrolling(this.panes.source.editor, this.panes.target.editor, (scrollTop) => this.connectors.scrollTo(scrollTop)),
    );
    const resize = new ResizeObserver(() => this.layout());
    resize.observe(elements.source);
    resize.observe(elements.target);
    this.disposers.push(() => resize.disconnect());
  }

  private createPane(side: Side, element: HTMLElement): Pane {
    const model = monaco.editor.createModel('', 'plaintext');
    const pane = {} as Pane;
    const editor = monaco.editor.create(element, {
      ...editorOptions({
        fontSize: this.view.fontSize,
        ariaLabel: side === 'source' ? 'Original' : 'Translation',
        lineNumbers: (line) => String(pane.numbers.get(line) ?? ''),
      }),
      model,
    });
    Object.assign(pane, {
      side,
      editor,
      model,
      zones: new ZoneLayer(editor),
      bands: new DecorationLayer(editor),
      highlight: editor.createDecorationsCollection(),
      lines: [],
      numbers: new Map<number, number>(),
    } satisfies Pane);

    model.onDidChangeContent((event) => {
      if (this.writing) return;
      this.events.onTextEdit(
        side,
        event.changes.map((change) => ({ offset: change.rangeOffset, length: change.rangeLength, text: change.text })),
      );
    });
    editor.onDidChangeCursorPosition((event) => {
      if (!this.writing) this.reportCaret(side, event.position);
    });
    editor.onDidFocusEditorText(() => {
      this.lastFocused = side;
      const position = editor.getPosition();
      if (position) this.reportCaret(side, position);
    });
    // Wrapping changed (width, font, text): the spacers must follow. Not for the widest line's width
    // (Monaco reports it after drawing lines; wrapped text has no horizontal layout), nor the spacers' own height.
    editor.onDidContentSizeChange((event) => {
      if (event.contentHeightChanged && !this.placingZones) this.scheduleLayout();
    });
    editor.addAction({
      id: 'bitext.jumpToPartner',
      label: 'Jump to Partner Paragraph',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Alt | monaco.KeyCode.KeyJ],
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 1,
      run: () => {
        this.jumpToPartner();
      },
    });
    return pane;
  }

  /** The editor of one side (for tests and commands). */
  editor(side: Side): Editor {
    return this.panes[side].editor;
  }

  /** Shows a newly opened alignment: new texts, caret at the top. */
  show(alignment: Alignment): void {
    this.alignment = alignment;
    this.index = indexLinks(alignment);
    this.caret = undefined;
    for (const side of ['source', 'target'] as const) {
      const pane = this.panes[side];
      pane.zones.clear();
      pane.bands.clear();
      pane.highlight.clear();
      pane.editor.updateOptions({ readOnly: false });
      // The texts of a preview are in the editors already, wrapped (wrapping a long text is most of the time it takes to show).
      if (pane.preview !== alignment[side].text) this.setText(pane, alignment[side]);
      pane.preview = undefined;
      if (pane.model.getValueLength() !== alignment[side].text.length || pane.model.getValue() !== alignment[side].text) {
        this.events.onLineEndsNormalised(side, pane.model.getEOL() === '\r\n' ? '\r\n' : '\n');
      }
      pane.editor.setScrollTop(0);
      // Not the user's move: no link is "under the caret" until they click or type.
      this.writing = true;
      try {
        pane.editor.setPosition({ lineNumber: 1, column: 1 });
      } finally {
        this.writing = false;
      }
    }
    this.decorationsStale = true;
    this.laidOut = false;
    this.relayout();
  }

  /**
   * Shows the texts of a pair that is still being aligned, read-only and without
   * links, so that the editors lay them out while the worker aligns; {@link show}
   * with the aligned pair then keeps them. {@link clearPreview} when it never comes.
   */
  preview(source: BitextDocument, target: BitextDocument): void {
    for (const [side, document] of [['source', source], ['target', target]] as const) {
      const pane = this.panes[side];
      pane.zones.clear();
      pane.bands.clear();
      pane.highlight.clear();
      this.setText(pane, document);
      pane.preview = document.text;
      pane.editor.updateOptions({ readOnly: true });
    }
    this.connectors.draw(() => []);
  }

  /** Takes a preview away (its alignment was cancelled or failed): what was shown before comes back. */
  clearPreview(): void {
    const shown = this.alignment;
    for (const side of ['source', 'target'] as const) {
      const pane = this.panes[side];
      if (pane.preview === undefined) continue;
      pane.preview = undefined;
      pane.editor.updateOptions({ readOnly: false });
      this.replaceText(pane, shown?.[side].text ?? '');
    }
    if (shown) {
      this.decorationsStale = true;
      for (const pane of Object.values(this.panes)) pane.measuredFor = undefined;
      this.relayout();
    }
  }

  /** Puts a document's text in its editor, in the font for its language (set first: a font change wraps the text again). */
  private setText(pane: Pane, document: BitextDocument): void {
    const language = document.language;
    pane.editor.updateOptions({ fontFamily: textFontFamilyFor((language.override ?? language.detected).bcp47) });
    this.replaceText(pane, document.text, { wrapLater: true });
  }

  /**
   * Replaces the whole text of an editor. With `wrapLater`, a long text has only
   * the lines that can be in view measured for wrapping now, the rest in idle time.
   */
  private replaceText(pane: Pane, text: string, { wrapLater = false } = {}): void {
    pane.stopWrapping?.();
    pane.stopWrapping = undefined;
    this.writing = true;
    let job: DeferredWrapping | undefined;
    try {
      if (wrapLater && canWrapLater(pane.editor)) job = deferWrapping(linesInView(pane.editor), () => pane.model.setValue(text));
      else pane.model.setValue(text);
    } finally {
      this.writing = false;
    }
    if (!job) return this.reportWrapping();
    pane.stopWrapping = wrapInBackground(pane.editor, job, () => {
      pane.stopWrapping = undefined;
      this.reportWrapping();
    });
    this.reportWrapping();
  }

  private reportWrapping(): void {
    this.events.onWrapping?.(Object.values(this.panes).some((pane) => pane.stopWrapping !== undefined));
  }

  /**
   * Takes a changed alignment whose texts are already in the editors (the user's
   * edits, a language override): decorations and layout follow.
   */
  update(alignment: Alignment): void {
    const previous = this.alignment;
    if (alignment === previous) return;
    this.alignment = alignment;
    // A status, a note or tags changed (the review's most frequent edits): nothing moves. The connectors
    // of links whose status changed are restyled; a full layout of a 5,000-paragraph pair takes a second.
    if (previous && previous.source === alignment.source && previous.target === alignment.target && sameLinkShapes(previous.links, alignment.links)) {
      previous.links.forEach((link, index) => {
        const status = alignment.links[index]!.status;
        if (link.status !== status) this.connectors.setStatus(index, status);
      });
      return;
    }
    // Typing inside paragraphs keeps the links and the paragraph count: Monaco has moved the
    // decorations with the text already, so rebuilding them on every keystroke would be waste.
    const sameShape =
      previous !== undefined &&
      previous.links === alignment.links &&
      previous.source.paragraphs.length === alignment.source.paragraphs.length &&
      previous.target.paragraphs.length === alignment.target.paragraphs.length &&
      previous.source.language === alignment.source.language &&
      previous.target.language === alignment.target.language;
    if (!sameShape) {
      this.index = indexLinks(alignment);
      this.decorationsStale = true;
    }
    const textsFollow = (['source', 'target'] as const).every((side) => this.panes[side].model.getValueLength() === alignment[side].text.length);
    for (const side of ['source', 'target'] as const) {
      const pane = this.panes[side];
      if (pane.model.getValueLength() !== alignment[side].text.length) {
        // Never expected: the one text edit path keeps them equal. Resynchronise rather than draw wrong offsets.
        console.error(`The ${side} editor and the alignment disagree on the text length; reloading the text`);
        this.replaceText(pane, alignment[side].text);
      }
    }
    // The links changed under the caret (an edit, an undo): the link index at the caret is told again.
    if (!sameShape && textsFollow && this.caret) {
      const pane = this.panes[this.caret.side];
      const position = pane.editor.getPosition();
      if (position) this.reportCaret(this.caret.side, position);
    }
    this.scheduleLayout();
  }

  /**
   * Writes texts that changed without the user typing them (undo, redo, a
   * reload from disk) into the editors, as the smallest edit that does it, so
   * the view keeps its scroll position and the caret lands where the text
   * changed. Then draws the alignment as {@link update} does.
   */
  syncTexts(alignment: Alignment): void {
    for (const side of ['source', 'target'] as const) {
      const pane = this.panes[side];
      const wanted = alignment[side].text;
      const current = pane.model.getValue();
      if (current === wanted) continue;
      let prefix = 0;
      const shorter = Math.min(current.length, wanted.length);
      while (prefix < shorter && current.charCodeAt(prefix) === wanted.charCodeAt(prefix)) prefix++;
      let suffix = 0;
      while (suffix < shorter - prefix && current.charCodeAt(current.length - 1 - suffix) === wanted.charCodeAt(wanted.length - 1 - suffix)) suffix++;
      const start = pane.model.getPositionAt(prefix);
      const end = pane.model.getPositionAt(current.length - suffix);
      const text = wanted.slice(prefix, wanted.length - suffix);
      this.writing = true;
      try {
        pane.model.applyEdits([{ range: { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column }, text }]);
        if (pane.model.getValue() !== wanted) pane.model.setValue(wanted); // Line ends the model would not take as they are.
        const caret = pane.model.getPositionAt(prefix + text.length);
        pane.editor.setPosition(caret);
        pane.editor.revealPositionInCenterIfOutsideViewport(caret);
      } finally {
        this.writing = false;
      }
    }
    // Monaco moved the decorations with the edit; update() redraws what the links need (all of it when they changed).
    this.update(alignment);
    const position = this.panes[this.lastFocused].editor.getPosition();
    if (position) this.reportCaret(this.lastFocused, position);
  }

  /**
   * Sets the commands of the editors' context menus and keys (replacing the
   * previous set: the keymap may have been remapped).
   */
  setCommands(commands: readonly EditorCommand[]): void {
    for (const dispose of this.commandDisposers) dispose();
    this.commandDisposers = [];
    for (const side of ['source', 'target'] as const) {
      const editor = this.panes[side].editor;
      for (const command of commands) {
        const disposable = editor.addAction({
          id: `bitext.${command.id}`,
          label: command.label,
          keybindings: [...command.keybindings],
          ...(command.when ? { keybindingContext: command.when } : {}),
          ...(command.contextMenu ? { contextMenuGroupId: command.contextMenu.group, contextMenuOrder: command.contextMenu.order } : {}),
          run: () => command.run(side),
        });
        this.commandDisposers.push(() => disposable.dispose());
      }
    }
  }

  /** The paragraphs of `side` that the editor's selection touches (the caret's paragraph when nothing is selected). */
  selectedParagraphs(side: Side): number[] {
    const alignment = this.alignment;
    if (!alignment) return [];
    const pane = this.panes[side];
    const paragraphs = alignment[side].paragraphs;
    const found = new Set<number>();
    for (const selection of pane.editor.getSelections() ?? []) {
      const from = pane.model.getOffsetAt(selection.getStartPosition());
      const to = pane.model.getOffsetAt(selection.getEndPosition());
      if (from === to) {
        const at = paragraphAt(paragraphs, from);
        if (at >= 0) found.add(at);
        continue;
      }
      // Paragraphs the selection overlaps; touching one at its very edge does not count.
      paragraphs.forEach((paragraph, index) => {
        if (paragraph.start < to && paragraph.end > from) found.add(index);
      });
    }
    return [...found].sort((a, b) => a - b);
  }

  /** The side whose editor had the focus last. */
  get focusedSide(): Side {
    return this.lastFocused;
  }

  /** True when the caret of one of the editors has the keyboard focus. */
  hasTextFocus(): boolean {
    return this.panes.source.editor.hasTextFocus() || this.panes.target.editor.hasTextFocus();
  }

  /**
   * Puts the caret at the start of `paragraph` of `side` and scrolls both
   * editors to it. With `focus: false` the keyboard stays where it is (the
   * review grid), and the link is still highlighted as the caret's.
   */
  revealParagraph(side: Side, paragraph: number, options: { readonly focus?: boolean } = {}): void {
    const alignment = this.alignment;
    if (!alignment) return;
    const pane = this.panes[side];
    const start = alignment[side].paragraphs[paragraph]?.start ?? 0;
    const position = pane.model.getPositionAt(start);
    this.lastFocused = side;
    pane.editor.setPosition(position);
    pane.editor.revealPositionInCenterIfOutsideViewport(position);
    if (options.focus ?? true) pane.editor.focus();
    else this.reportCaret(side, position);
  }

  /** Where the reviewer is: the side with the caret, its selections, the scroll position (renderer/state/view-memory.ts). */
  viewState(): RememberedView {
    const editor = this.panes[this.lastFocused].editor;
    const selections = (editor.getSelections() ?? []).map(({ startLineNumber, startColumn, endLineNumber, endColumn }) => ({ startLineNumber, startColumn, endLineNumber, endColumn }));
    return { side: this.lastFocused, selections, scrollTop: this.panes.source.editor.getScrollTop() };
  }

  /** Goes back to a remembered place: the selections (the caret's link is highlighted) and the scroll position. */
  restoreViewState(state: RememberedView): void {
    const pane = this.panes[state.side];
    const lines = pane.model.getLineCount();
    const selections = state.selections
      .filter((selection) => selection.startLineNumber <= lines && selection.endLineNumber <= lines)
      .map((selection) => new monaco.Selection(selection.startLineNumber, selection.startColumn, selection.endLineNumber, selection.endColumn));
    this.lastFocused = state.side;
    if (selections.length > 0) pane.editor.setSelections(selections);
    const position = pane.editor.getPosition();
    if (position) this.reportCaret(state.side, position);
    this.panes.source.editor.setScrollTop(state.scrollTop, 1);
  }

  /** Applies changed view settings. */
  setView(view: ViewSettings): void {
    const previous = this.view;
    this.view = view;
    if (view.fontSize !== previous.fontSize) {
      for (const pane of Object.values(this.panes)) {
        pane.editor.updateOptions({ fontSize: view.fontSize, lineHeight: lineHeightFor(view.fontSize) });
      }
    }
    if (view.muteUntranslated !== previous.muteUntranslated) this.decorationsStale = true;
    this.connectors.setVisible(view.showConnectors);
    this.scheduleLayout();
  }

  /** Highlights the link under the caret on both sides. */
  highlightCaret(caret: Caret | undefined): void {
    this.caret = caret;
    this.applyHighlight();
  }

  private applyHighlight(): void {
    const alignment = this.alignment;
    const caret = this.caret;
    for (const side of ['source', 'target'] as const) {
      const pane = this.panes[side];
      if (!alignment || !caret || caret.link < 0) pane.highlight.clear();
      else pane.highlight.set(caretDecorations(alignment, side, caret.link, caret.side, pane.lines) as monaco.editor.IModelDeltaDecoration[]);
    }
    this.connectors.setActive(caret?.link ?? -1);
  }

  private reportCaret(side: Side, position: monaco.IPosition): void {
    const alignment = this.alignment;
    const index = this.index;
    if (!alignment || !index) return;
    const offset = this.panes[side].model.getOffsetAt(position);
    const paragraph = paragraphAt(alignment[side].paragraphs, offset);
    const link = paragraph >= 0 ? (index[side][paragraph] ?? -1) : -1;
    this.events.onCaret({ side, paragraph, link, line: position.lineNumber, column: position.column });
  }

  /**
   * Moves the caret to the start of the partner of the paragraph under the
   * caret (Ctrl+Alt+J), in the other editor. Returns false, with a hint, when
   * there is none.
   */
  jumpToPartner(): boolean {
    const alignment = this.alignment;
    const caret = this.caret;
    if (!alignment || !caret) return false;
    if (caret.link < 0) {
      this.events.onHint('The caret is not in a paragraph.');
      return false;
    }
    const link = alignment.links[caret.link]!;
    const other = otherSide(caret.side);
    const partner = link[other][0];
    if (partner === undefined) {
      this.events.onHint(
        caret.side === 'source' ? `Paragraph ${caret.paragraph + 1} is not translated.` : `Paragraph ${caret.paragraph + 1} has no original.`,
      );
      return false;
    }
    this.moveCaretTo(other, partner);
    return true;
  }

  /** Puts the caret at the start of the original's side of `link` (clicking its connector). */
  selectLink(link: number): void {
    const current = this.alignment?.links[link];
    if (!current) return;
    const side: Side = current.source.length > 0 ? 'source' : 'target';
    this.moveCaretTo(side, current[side][0]!);
  }

  private moveCaretTo(side: Side, paragraph: number): void {
    const alignment = this.alignment;
    if (!alignment) return;
    const pane = this.panes[side];
    const start = alignment[side].paragraphs[paragraph]?.start ?? 0;
    const position = pane.model.getPositionAt(start);
    pane.editor.setPosition(position);
    pane.editor.revealPositionInCenterIfOutsideViewport(position);
    pane.editor.focus();
  }

  /** Runs an editor command on the editor that last had the focus (undo and redo go to the workbench history instead). */
  runOnFocused(command: 'undo' | 'redo' | 'find'): void {
    const editor = this.panes[this.lastFocused].editor;
    editor.focus();
    if (command === 'find') void editor.getAction('actions.find')?.run();
    else editor.trigger('bitext', command, null);
  }

  /**
   * Lays the editors out again after their containers changed size (a panel
   * opened below them, say). The caret's link, in view before, is kept in view.
   */
  layout(): void {
    if (this.caretLinkShown()) this.keepCaretLink = true;
    for (const pane of Object.values(this.panes)) pane.editor.layout();
    this.scheduleLayout();
  }

  /** Where the paragraphs of `link` are, from the top of the first to the bottom of the last on either side. */
  private linkSpan(alignment: Alignment, link: number): { top: number; bottom: number } | undefined {
    const spans = (['source', 'target'] as const).flatMap((side) => {
      const pane = this.panes[side];
      const paragraphs = alignment.links[link]?.[side] ?? [];
      const first = pane.lines[paragraphs[0]!];
      const last = pane.lines[paragraphs.at(-1)!];
      return first && last ? [{ top: pane.editor.getTopForLineNumber(first.first), bottom: pane.editor.getBottomForLineNumber(last.last) }] : [];
    });
    if (spans.length === 0) return undefined;
    return { top: Math.min(...spans.map((span) => span.top)), bottom: Math.max(...spans.map((span) => span.bottom)) };
  }

  private caretLinkSpan(): { top: number; bottom: number } | undefined {
    return this.alignment && this.caret && this.caret.link >= 0 ? this.linkSpan(this.alignment, this.caret.link) : undefined;
  }

  /** Whether some of the caret's link is in view. */
  private caretLinkShown(): boolean {
    const span = this.caretLinkSpan();
    if (!span) return false;
    const editor = this.panes.source.editor;
    const top = editor.getScrollTop();
    return span.bottom > top && span.top < top + editor.getLayoutInfo().height;
  }

  /** Scrolls as little as brings the caret's link wholly into view (its top, when it is taller than the view). */
  private revealCaretLink(): void {
    const span = this.caretLinkSpan();
    if (!span) return;
    const editor = this.panes.source.editor;
    const top = editor.getScrollTop();
    const height = editor.getLayoutInfo().height;
    if (span.top >= top && span.bottom <= top + height) return;
    const wanted = span.top < top || span.bottom - span.top > height ? span.top : span.bottom - height;
    // The scroll sync moves the other editor and the connectors.
    editor.setScrollTop(wanted, monaco.editor.ScrollType.Immediate);
  }

  /** Recomputes spacers and connectors on the next frame (once, however often it is asked). */
  scheduleLayout(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.relayout();
    });
  }

  /** Runs a layout that is waiting for the next frame now (none waiting: nothing to do). */
  flushLayout(): void {
    if (this.frame !== 0) this.relayout();
  }

  /** Recomputes lines, decorations, spacers and connectors now. */
  relayout(): void {
    if (this.frame !== 0) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    const alignment = this.alignment;
    if (!alignment) return;
    for (const side of ['source', 'target'] as const) this.measureLines(side, alignment);
    if (this.decorationsStale) {
      this.decorationsStale = false;
      for (const side of ['source', 'target'] as const) {
        const pane = this.panes[side];
        pane.bands.set(
          paragraphDecorationGroups(alignment, {
            side,
            lines: pane.lines,
            positionAt: (offset) => pane.model.getPositionAt(offset),
            languageName: this.languageName,
            muteUntranslated: this.view.muteUntranslated,
          }),
        );
      }
    }
    this.applyHighlight();
    this.level(alignment);
    if (this.keepCaretLink) {
      this.keepCaretLink = false;
      this.revealCaretLink();
    }
    this.drawConnectors(alignment);
    this.laidOut = true;
    this.events.onLayout?.();
  }

  private measureLines(side: Side, alignment: Alignment): void {
    const pane = this.panes[side];
    // Model lines depend on the text alone: a link edit keeps the document object, so they are as measured.
    if (pane.measuredFor === alignment[side]) return;
    pane.measuredFor = alignment[side];
    const lines = paragraphLines(alignment[side].paragraphs, (offset) => pane.model.getPositionAt(offset).lineNumber);
    const numbers = new Map<number, number>();
    lines.forEach((range, index) => {
      if (!numbers.has(range.first)) numbers.set(range.first, index + 1);
    });
    const changed = numbers.size !== pane.numbers.size || [...numbers].some(([line, number]) => pane.numbers.get(line) !== number);
    pane.lines = lines;
    pane.numbers = numbers;
    if (changed) pane.editor.updateOptions({ lineNumbers: (line: number) => String(pane.numbers.get(line) ?? '') });
  }

  private level(alignment: Alignment): void {
    const { source, target } = this.panes;
    const measureOf = (pane: Pane) =>
      withoutZones(
        pane.zones.zones,
        pane.model.getLineCount(),
        (line) => pane.editor.getTopForLineNumber(line),
        (line) => pane.editor.getBottomForLineNumber(line),
      );
    const rows = layoutRows(alignment.links, source.lines, target.lines);
    const zones = levelZones(rows, { source: measureOf(source), target: measureOf(target) });
    const bySide = (side: Side): Zone[] => zones.filter((zone) => zone.side === side);

    // Keep the line at the top of the view where it is while spacers above it change.
    const editor = source.editor;
    const firstVisible = editor.getVisibleRanges()[0]?.startLineNumber ?? 1;
    const offset = editor.getScrollTop() - editor.getTopForLineNumber(firstVisible);
    this.placingZones = true;
    let changedSource: boolean;
    let changedTarget: boolean;
    try {
      changedSource = source.zones.apply(bySide('source'));
      changedTarget = target.zones.apply(bySide('target'));
    } finally {
      this.placingZones = false;
    }
    if ((changedSource || changedTarget) && this.laidOut && editor.getScrollTop() > 0) {
      editor.setScrollTop(editor.getTopForLineNumber(firstVisible) + offset, 1);
    }
    if (target.editor.getScrollTop() !== editor.getScrollTop()) target.editor.setScrollTop(editor.getScrollTop(), 1);
  }

  /**
   * Hands the connector layer a source of connectors for any stretch of the
   * content: a binary search over the paired links (in document order, their
   * spans go down the page) finds the first that reaches the stretch, and only
   * the links from there to its end are measured.
   */
  private drawConnectors(alignment: Alignment): void {
    const { source, target } = this.panes;
    const paired = alignment.links.flatMap((link, index) => (isPaired(link) ? [index] : []));
    const span = (pane: Pane, paragraphs: readonly number[]) => {
      const first = pane.lines[paragraphs[0]!];
      const last = pane.lines[paragraphs.at(-1)!];
      return first && last ? { top: pane.editor.getTopForLineNumber(first.first), bottom: pane.editor.getBottomForLineNumber(last.last) } : undefined;
    };
    const bottomOf = (index: number) => {
      const link = alignment.links[index]!;
      return Math.max(span(source, link.source)?.bottom ?? 0, span(target, link.target)?.bottom ?? 0);
    };
    this.connectors.draw((from, to) => {
      let low = 0;
      let high = paired.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (bottomOf(paired[middle]!) < from) low = middle + 1;
        else high = middle;
      }
      const connectors: Connector[] = [];
      for (let position = low; position < paired.length; position++) {
        const index = paired[position]!;
        // Statuses, notes and tags change without a new layout: read them from the alignment shown now.
        const shown = this.alignment?.links;
        const link = shown && shown.length === alignment.links.length ? shown[index]! : alignment.links[index]!;
        const sourceSpan = span(source, link.source);
        const targetSpan = span(target, link.target);
        if (!sourceSpan || !targetSpan) continue;
        if (sourceSpan.top > to && targetSpan.top > to) break;
        connectors.push({
          link: index,
          source: sourceSpan,
          target: targetSpan,
          confidence: confidenceBand(link.confidence),
          status: link.status,
          title: `${describeLink(link)} · confidence ${link.confidence.toFixed(2)} · ${link.status}`,
        });
      }
      return connectors;
    });
    this.connectors.scrollTo(source.editor.getScrollTop());
  }

  /** Removes the editors. */
  dispose(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    for (const dispose of this.disposers) dispose();
    for (const pane of Object.values(this.panes)) {
      pane.stopWrapping?.();
      pane.editor.dispose();
      pane.model.dispose();
    }
  }
}
