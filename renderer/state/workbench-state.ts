/**
 * The renderer's state: plain readonly data, changed only by the pure
 * functions below (`(state, …) => state`), kept in a tiny store that tells
 * the views.
 *
 * Undo and redo: one history (shared/edits/workbench-history.ts) holds every
 * change of the open alignment: typing, link edits, statuses, notes, tags,
 * reloads. Its entries are whole alignments, both texts included, so undoing
 * a link edit never touches the text and undoing typing brings back the text
 * and the links as they were. Monaco's own undo stacks are not used (the
 * editors route Ctrl+Z here): two stacks would each undo half of a change and
 * could undo text under links that were made for it.
 */
import type { Session, ViewSettings } from '../../shared/api.ts';
import { defaultSettings } from '../../shared/api.ts';
import type { Alignment, Side } from '../../shared/model/alignment.ts';
import type { AlignmentEdit } from '../../shared/edits/operations.ts';
import { canRedo, canUndo, createHistory, pushState, redo, undo } from '../../shared/edits/history.ts';
import { recordEdit, type AlignmentHistory } from '../../shared/edits/workbench-history.ts';
import { initialReviewState, marksWithin, type ReviewState } from '../review/review-model.ts';
import { paragraphAt } from './alignment-index.ts';
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
  /** Every change since opening, for undo and redo; `history.present.state` is `alignment`. */
  readonly history: AlignmentHistory;
  /**
   * Counts changes to the texts that did not come from typing in the editors
   * (undo, redo, a reload from disk): the view writes those into the editors.
   */
  readonly textSync: number;
  /** The alignment as opened or last saved: back at it (by undo), the session is clean again. */
  readonly cleanAlignment?: Alignment;
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
  /** The review panel: filter, sort, marks, whether the keyboard is in review mode. */
  readonly review: ReviewState;
}

/** The state before anything is open. */
export const initialState: WorkbenchState = { notices: [], view: defaultSettings.view, review: initialReviewState };

let nextNoticeId = 1;

/**
 * A session was opened (a new pair, or an alignment file): nothing to save yet.
 * With `recovered`, the alignment is autosaved work the user chose to restore,
 * or an alignment rebased onto documents that changed on disk: it differs
 * from the file, so it starts out unsaved. `changed` lists the links the
 * rebase touched, for the review panel's "Changed on disk" filter.
 */
export function sessionOpened(
  state: WorkbenchState,
  session: Session,
  options: { readonly recovered?: boolean; readonly changed?: readonly number[] } = {},
): WorkbenchState {
  const opened: OpenSession = {
    alignment: session.alignment,
    ...(session.alignmentPath ? { path: session.alignmentPath } : {}),
    suggestedPath: session.suggestedPath,
    revision: options.recovered ? 1 : 0,
    savedRevision: 0,
    serial: (state.session?.serial ?? 0) + 1,
    history: createHistory(session.alignment),
    textSync: 0,
    ...(options.recovered ? {} : { cleanAlignment: session.alignment }),
  };
  const review: ReviewState = {
    ...state.review,
    marks: { source: [], target: [] },
    changed: options.changed ?? [],
    filter: state.review.filter === 'changed' ? 'all' : state.review.filter,
  };
  // A pair opened: what earlier attempts said (a document that could not be read, "now open the other one") is over.
  const withSession: WorkbenchState = { notices: [], view: state.view, review, session: opened };
  return [...session.warnings, ...emptyDocumentWarnings(session.alignment)].reduce((next, warning) => noticeAdded(next, 'warning', warning), withSession);
}

/**
 * Says so when a document has no text: its language is undetermined and every
 * paragraph of the other side comes out "added" or "not translated", which
 * looks like an alignment but is none.
 */
export function emptyDocumentWarnings(alignment: Pick<Alignment, 'source' | 'target'>): string[] {
  return (['source', 'target'] as const).flatMap((side) => {
    const document = alignment[side];
    if (document.paragraphs.length > 0) return [];
    const name = document.path.split(/[/\\]/).pop() || document.path;
    const role = side === 'source' ? 'original' : 'translation';
    return [`The ${role} ${name} is empty (no text in it): there is nothing to align it with. Open another ${role}.`];
  });
}

/** Milliseconds since the epoch for an ISO time (undefined when it does not parse: then nothing coalesces). */
function timeOf(now: string): number | undefined {
  const time = Date.parse(now);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Records `alignment` as the session's new present, labelled for the undo
 * menu. A `group` coalesces changes close in time (typing in one paragraph).
 */
function recorded(
  session: OpenSession,
  alignment: Alignment,
  change: { readonly label: string; readonly group?: string; readonly now?: string; readonly textSync?: boolean },
): OpenSession {
  const at = change.now === undefined ? undefined : timeOf(change.now);
  const history = pushState(session.history, alignment, {
    label: change.label,
    ...(change.group !== undefined ? { group: change.group } : {}),
    ...(at !== undefined ? { at } : {}),
  });
  return { ...session, alignment, history, revision: session.revision + 1, textSync: session.textSync + (change.textSync ? 1 : 0) };
}

/** The review state after the links changed under it: marks of paragraphs that are gone are dropped, the rebase list is stale. */
function reviewAfter(review: ReviewState, alignment: Alignment, linksChanged: boolean): ReviewState {
  const marks = marksWithin(review.marks, alignment);
  if (!linksChanged || review.changed.length === 0) return marks === review.marks ? review : { ...review, marks };
  return { ...review, marks, changed: [], filter: review.filter === 'changed' ? 'all' : review.filter };
}

/**
 * Applies a review edit (shared/edits/operations.ts) and records it. Throws
 * what `applyEdit` throws (a link that would cross another…), leaving the state
 * as it was, so the caller can say why.
 */
export function alignmentEdited(state: WorkbenchState, edit: AlignmentEdit): WorkbenchState {
  const session = state.session;
  if (!session) return state;
  const history = recordEdit(session.history, edit);
  const alignment = history.present.state;
  return {
    ...state,
    session: { ...session, alignment, history, revision: session.revision + 1 },
    review: reviewAfter(state.review, alignment, edit.kind !== 'set-note' && edit.kind !== 'set-tags'),
  };
}

/**
 * Replaces the alignment by one computed elsewhere (a re-alignment in the
 * worker, confirm-and-next, a reload from disk) and records it under `label`.
 * `textChanged` says a text changed too, so the view writes it into the editor.
 */
export function alignmentReplaced(
  state: WorkbenchState,
  alignment: Alignment,
  label: string,
  options: { readonly textChanged?: boolean; readonly now?: string; readonly changed?: readonly number[] } = {},
): WorkbenchState {
  const session = state.session;
  if (!session || alignment === session.alignment) return state;
  const next = recorded(session, alignment, { label, ...(options.now ? { now: options.now } : {}), textSync: options.textChanged ?? false });
  const review = reviewAfter(state.review, alignment, alignment.links !== session.alignment.links);
  return {
    ...state,
    session: next,
    review: options.changed ? { ...review, changed: options.changed } : review,
  };
}

/** Undo (`undo`) or redo (`redo`) one step; the same state when there is none. */
export function historyStepped(state: WorkbenchState, direction: 'undo' | 'redo'): WorkbenchState {
  const session = state.session;
  if (!session) return state;
  if (direction === 'undo' ? !canUndo(session.history) : !canRedo(session.history)) return state;
  const history = direction === 'undo' ? undo(session.history) : redo(session.history);
  const before = session.alignment;
  const alignment = history.present.state;
  const textChanged = alignment.source.text !== before.source.text || alignment.target.text !== before.target.text;
  return {
    ...state,
    session: { ...session, alignment, history, revision: session.revision + 1, textSync: session.textSync + (textChanged ? 1 : 0) },
    review: reviewAfter(state.review, alignment, alignment.links !== before.links),
  };
}

/** The review panel's state changed (filter, sort, marks, mode, visibility). */
export function reviewChanged(state: WorkbenchState, patch: Partial<ReviewState>): WorkbenchState {
  const review = { ...state.review, ...patch };
  const same = (Object.keys(patch) as (keyof ReviewState)[]).every((key) => state.review[key] === review[key]);
  return same ? state : { ...state, review };
}

/** The user edited one document's text: the one path text changes take (see text-edit.ts). */
export function textEdited(state: WorkbenchState, side: Side, edits: readonly TextEdit[], now: string): WorkbenchState {
  const session = state.session;
  if (!session || edits.length === 0) return state;
  const { alignment, report, droppedSentences } = applyTextEdits(session.alignment, side, edits, now);
  // Typing inside one paragraph is one undo step per burst (the history coalesces by group);
  // an edit that changes the paragraphs (a line break typed or deleted, a paste) is a step of its own.
  const paragraph = paragraphAt(session.alignment[side].paragraphs, edits[0]!.offset);
  const group = report ? undefined : `text:${side}:${paragraph}`;
  const next: WorkbenchState = {
    ...state,
    session: recorded(session, alignment, { label: 'Typing', now, ...(group ? { group } : {}) }),
    review: reviewAfter(state.review, alignment, alignment.links !== session.alignment.links),
  };
  const warned = droppedSentences
    ? noticeAdded(
        next,
        'warning',
        `Sentence pairs fixed by hand were dropped for link${droppedSentences.length === 1 ? '' : 's'} ${droppedSentences.map((link) => link + 1).join(', ')}: the text changed too much to follow, so they are computed again (Ctrl+Z brings them back).`,
      )
    : next;
  const changed = report ? report.counts.merged + report.counts.dropped : 0;
  if (!report || changed === 0) return warned;
  const parts = [
    report.counts.merged > 0 ? `${report.counts.merged} merged` : '',
    report.counts.dropped > 0 ? `${report.counts.dropped} dropped (their paragraphs were deleted)` : '',
  ].filter(Boolean);
  return noticeAdded(warned, 'info', `Links after the edit: ${parts.join(', ')}.`);
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
  const alignment = { ...session.alignment, [side]: document, modified: now };
  // Monaco does this as the text is shown, before any change: the history starts again from the normalised text
  // (an older entry with the mixed line ends could not be shown in the editor as it is).
  const history = session.history.past.length === 0 ? createHistory(alignment) : { ...session.history, present: { ...session.history.present, state: alignment } };
  const cleanAlignment = session.cleanAlignment === session.alignment ? alignment : session.cleanAlignment;
  return { ...state, session: { ...session, alignment, history, ...(cleanAlignment ? { cleanAlignment } : {}) } };
}

/** The alignment was replaced by a changed one (a language override). */
export function alignmentChanged(state: WorkbenchState, alignment: Alignment): WorkbenchState {
  return alignmentReplaced(state, alignment, 'Language');
}

/**
 * The alignment as it was at `revision` (the value `saved`, when the caller
 * has it) was saved to `path`.
 */
export function sessionSaved(state: WorkbenchState, path: string, revision: number, saved?: Alignment): WorkbenchState {
  const session = state.session;
  if (!session) return state;
  const clean = saved ?? (revision === session.revision ? session.alignment : undefined);
  const { cleanAlignment: _old, ...rest } = session;
  return { ...state, session: { ...rest, path, suggestedPath: path, savedRevision: revision, ...(clean ? { cleanAlignment: clean } : {}) } };
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

/** True while there are changes that were not saved (undoing back to the saved alignment makes it clean again). */
export function isDirty(state: WorkbenchState): boolean {
  const session = state.session;
  return session !== undefined && session.revision !== session.savedRevision && session.alignment !== session.cleanAlignment;
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

/**
 * Creates the store. Listeners run synchronously, in subscription order; a
 * change to the same value notifies nobody. A change asked for while the
 * listeners are being told of another (a view reporting the caret as it
 * draws) waits until they all have been, so no listener is ever told of a
 * state older than one it has seen.
 */
export function createStore(initial: WorkbenchState = initialState): Store {
  let state = initial;
  const listeners = new Set<(state: WorkbenchState, previous: WorkbenchState) => void>();
  const pending: ((state: WorkbenchState) => WorkbenchState)[] = [];
  let notifying = false;
  const update = (change: (state: WorkbenchState) => WorkbenchState): void => {
    if (notifying) {
      pending.push(change);
      return;
    }
    const previous = state;
    const next = change(state);
    if (next === previous) return;
    state = next;
    notifying = true;
    try {
      for (const listener of listeners) listener(state, previous);
    } finally {
      notifying = false;
    }
    while (pending.length > 0) update(pending.shift()!);
  };
  return {
    get: () => state,
    update,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
