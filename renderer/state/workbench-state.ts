/**
 * The renderer's state: plain readonly data, changed only by the pure
 * functions below (`(state, …) => state`), kept in a tiny store that tells
 * the views. Review operations and undo/redo will be more such functions
 * over the same data.
 */
import type { Session, ViewSettings } from '../../shared/api.ts';
import { defaultSettings } from '../../shared/api.ts';
import type { Alignment, Side } from '../../shared/model/alignment.ts';
import { applyTextEdit, applyTextEdits, lineEndEdits, type TextEdit } from './text-edit.ts';

/** The open alignment and its save state. */
export interface OpenSession {
  readonly alignment: Alignment;
  /** Where it was read from or last saved; absent until the first save of a new alignment. */
  readonly path?: string;
  /** Where Save puts a new alignment. */
  readonly suggestedPath: string;
  /** Counts changes since opening; the session is dirty while it differs from `savedRevision`. */
  readonly revision: number;
  readonly savedRevision: number;
  /** Counts opens in this page, so the view can tell a newly opened alignment from a changed one. */
  readonly serial: number;
}

/** Where the caret is, in alignment terms. */
export interface Caret {
  readonly side: Side;
  /** Paragraph index, or -1 between paragraphs. */
  readonly paragraph: number;
  /** Index of the paragraph's link, or -1. */
  readonly link: number;
  readonly line: number;
  readonly column: number;
}

/** A message for the user. */
export interface Notice {
  readonly id: number;
  readonly kind: 'info' | 'warning' | 'error';
  readonly message: string;
}

/** Everything the views draw from. */
export interface WorkbenchState {
  readonly session?: OpenSession;
  readonly caret?: Caret;
  /** What the host is busy with ("Aligning…"), shown as progress; absent when idle. */
  readonly busy?: string;
  readonly notices: readonly Notice[];
  readonly view: ViewSettings;
}

/** The state before anything is open. */
export const initialState: WorkbenchState = { notices: [], view: defaultSettings.view };

let nextNoticeId = 1;

/**
 * A session was opened (a new pair, or an alignment file): nothing to save yet.
 * With `recovered`, the alignment is autosaved work the user chose to restore:
 * it differs from the file, so it starts out unsaved.
 */
export function sessionOpened(state: WorkbenchState, session: Session, options: { readonly recovered?: boolean } = {}): WorkbenchState {
  const opened: OpenSession = {
    alignment: session.alignment,
    ...(session.alignmentPath ? { path: session.alignmentPath } : {}),
    suggestedPath: session.suggestedPath,
    revision: options.recovered ? 1 : 0,
    savedRevision: 0,
    serial: (state.session?.serial ?? 0) + 1,
  };
  const withSession: WorkbenchState = { notices: state.notices, view: state.view, session: opened };
  return session.warnings.reduce((next, warning) => noticeAdded(next, 'warning', warning), withSession);
}

/** The user edited one document's text: the one path text changes take (see text-edit.ts). */
export function textEdited(state: WorkbenchState, side: Side, edits: readonly TextEdit[], now: string): WorkbenchState {
  const session = state.session;
  if (!session || edits.length === 0) return state;
  const { alignment, report } = applyTextEdits(session.alignment, side, edits, now);
  const next: WorkbenchState = { ...state, session: { ...session, alignment, revision: session.revision + 1 } };
  const changed = report ? report.counts.merged + report.counts.dropped : 0;
  if (!report || changed === 0) return next;
  const parts = [
    report.counts.merged > 0 ? `${report.counts.merged} merged` : '',
    report.counts.dropped > 0 ? `${report.counts.dropped} dropped (their paragraphs were deleted)` : '',
  ].filter(Boolean);
  return noticeAdded(next, 'info', `Links after the edit: ${parts.join(', ')}.`);
}

/**
 * The editor normalised the line ends of one document to `eol` (Monaco does so
 * for mixed line ends). The text and offsets follow through the text edit path;
 * the user changed nothing, so there is nothing new to save.
 */
export function lineEndsNormalised(state: WorkbenchState, side: Side, eol: '\n' | '\r\n', now: string): WorkbenchState {
  const session = state.session;
  if (!session) return state;
  const edits = lineEndEdits(session.alignment[side].text, eol);
  if (edits.length === 0) return state;
  // Offsets only: replacing one line break by another never changes which lines are paragraphs.
  const document = [...edits].sort((a, b) => b.offset - a.offset).reduce(applyTextEdit, session.alignment[side]);
  return { ...state, session: { ...session, alignment: { ...session.alignment, [side]: document, modified: now } } };
}

/** The alignment was replaced by a changed one (a language override). */
export function alignmentChanged(state: WorkbenchState, alignment: Alignment): WorkbenchState {
  const session = state.session;
  if (!session) return state;
  return { ...state, session: { ...session, alignment, revision: session.revision + 1 } };
}

/** The alignment as it was at `revision` was saved to `path`. */
export function sessionSaved(state: WorkbenchState, path: string, revision: number): WorkbenchState {
  const session = state.session;
  if (!session) return state;
  return { ...state, session: { ...session, path, suggestedPath: path, savedRevision: revision } };
}

/** The caret moved (or left the editors, with `undefined`). */
export function caretMoved(state: WorkbenchState, caret: Caret | undefined): WorkbenchState {
  const before = state.caret;
  if (
    before &&
    caret &&
    before.side === caret.side &&
    before.paragraph === caret.paragraph &&
    before.link === caret.link &&
    before.line === caret.line &&
    before.column === caret.column
  ) {
    return state;
  }
  if (caret) return { ...state, caret };
  const { caret: _dropped, ...rest } = state;
  return rest;
}

/** The host started (with a message) or finished (`undefined`) something slow. */
export function busyChanged(state: WorkbenchState, busy: string | undefined): WorkbenchState {
  if (busy !== undefined) return { ...state, busy };
  const { busy: _dropped, ...rest } = state;
  return rest;
}

/** Adds a message for the user (an identical one already shown is not repeated). */
export function noticeAdded(state: WorkbenchState, kind: Notice['kind'], message: string): WorkbenchState {
  if (state.notices.some((notice) => notice.kind === kind && notice.message === message)) return state;
  return { ...state, notices: [...state.notices, { id: nextNoticeId++, kind, message }] };
}

/** The user dismissed a message. */
export function noticeDismissed(state: WorkbenchState, id: number): WorkbenchState {
  return { ...state, notices: state.notices.filter((notice) => notice.id !== id) };
}

/** The view settings changed. */
export function viewChanged(state: WorkbenchState, view: ViewSettings): WorkbenchState {
  return { ...state, view };
}

/** True while there are changes that were not saved. */
export function isDirty(state: WorkbenchState): boolean {
  return state.session !== undefined && state.session.revision !== state.session.savedRevision;
}

/** The file name the title shows: the saved file's, else the suggested one's. */
export function sessionName(session: OpenSession): string {
  const path = session.path ?? session.suggestedPath;
  return path.split(/[/\\]/).pop() || 'Untitled alignment';
}

/** The window title: `name • — Bitext Workbench` while unsaved changes exist. */
export function windowTitle(state: WorkbenchState): string {
  if (!state.session) return 'Bitext Workbench';
  return `${sessionName(state.session)}${isDirty(state) ? ' •' : ''} — Bitext Workbench`;
}

/** A minimal observable store: the state, a way to change it with a pure function, and listeners. */
export interface Store {
  get(): WorkbenchState;
  update(change: (state: WorkbenchState) => WorkbenchState): void;
  /** Calls `listener` after each change with the new and the previous state; returns a function that stops it. */
  subscribe(listener: (state: WorkbenchState, previous: WorkbenchState) => void): () => void;
}

/** Creates the store. Listeners run synchronously, in subscription order; a change to the same value notifies nobody. */
export function createStore(initial: WorkbenchState = initialState): Store {
  let state = initial;
  const listeners = new Set<(state: WorkbenchState, previous: WorkbenchState) => void>();
  return {
    get: () => state,
    update(change) {
      const previous = state;
      const next = change(state);
      if (next === previous) return;
      state = next;
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
