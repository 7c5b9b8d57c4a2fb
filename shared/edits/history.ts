/**
 * Undo and redo as a pure value: a list of past states, the present one and a
 * list of undone ones. Each entry is a whole state, not a diff, because states
 * are immutable and share everything that did not change: an alignment edit
 * makes a new link list but reuses both documents, a text edit makes one new
 * text. Undoing is then only moving along the list, and can never get out of
 * step with the data.
 *
 * For the workbench the state is the `Alignment`, which holds both documents
 * (texts and paragraphs), the links, notes and tags: so a text edit's entry
 * stores both texts and the alignment rebased onto them, and undoing it
 * restores the text and the links together (see `workbench-history.ts`).
 */
import { BitextError } from '../errors.ts';

/** One state in the history, with what produced it. */
export interface HistoryEntry<T> {
  readonly state: T;
  /** What the change that produced this state was, for "Undo Typing" style menu items. */
  readonly label: string;
  /** Changes with the same group, pushed close together, become one undo step (typing in one paragraph). */
  readonly group?: string;
  /** When the change was made, in milliseconds since the epoch (given by the caller: the history is pure). */
  readonly at?: number;
}

/** Options for a history, each with its default. */
export interface HistoryOptions {
  /** How many undo steps are kept; older ones are forgotten. Default {@link defaultHistoryLimit}. */
  readonly limit?: number;
  /** Changes of one group at most this far apart (ms) coalesce. Default {@link defaultCoalesceWindow}. */
  readonly coalesceWindow?: number;
}

/** Default number of undo steps kept: enough for a review session, bounded so long sessions do not grow without end. */
export const defaultHistoryLimit = 200;

/** Default coalescing window: a pause in typing longer than this starts a new undo step. */
export const defaultCoalesceWindow = 1500;

/** A history of states of type `T`. Plain readonly data. */
export interface History<T> {
  /** Older states, oldest first. */
  readonly past: readonly HistoryEntry<T>[];
  readonly present: HistoryEntry<T>;
  /** Undone states, the next one to redo first. */
  readonly future: readonly HistoryEntry<T>[];
  readonly limit: number;
  readonly coalesceWindow: number;
  /**
   * True when the present entry was the last one pushed and may still absorb
   * changes of its group. Undo and redo close it, so typing after an undo
   * never overwrites the state the user went back to.
   */
  readonly open: boolean;
}

/** A history holding only `initial`. */
export function createHistory<T>(initial: T, options: HistoryOptions = {}): History<T> {
  const limit = options.limit ?? defaultHistoryLimit;
  const coalesceWindow = options.coalesceWindow ?? defaultCoalesceWindow;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new BitextError('invalid-argument', `history limit must be a positive integer, got ${limit}`, { field: 'limit' });
  }
  if (!(coalesceWindow >= 0)) {
    throw new BitextError('invalid-argument', `coalesce window must be at least 0, got ${coalesceWindow}`, {
      field: 'coalesceWindow',
    });
  }
  return { past: [], present: { state: initial, label: 'Open' }, future: [], limit, coalesceWindow, open: false };
}

/** What a change is: its label, and for coalescing its group and time. */
export interface ChangeInfo {
  readonly label: string;
  readonly group?: string;
  readonly at?: number;
}

/**
 * Records `state` as the new present. The redo list is dropped (a new change
 * forks history). When the present entry is still open, has the same `group`
 * and was made at most `coalesceWindow` ms before `at`, the new state replaces
 * it instead, so a burst of typing is one undo step. The oldest entries go
 * once there are more than `limit` undo steps.
 */
export function pushState<T>(history: History<T>, state: T, change: ChangeInfo): History<T> {
  const entry: HistoryEntry<T> = {
    state,
    label: change.label,
    ...(change.group !== undefined ? { group: change.group } : {}),
    ...(change.at !== undefined ? { at: change.at } : {}),
  };
  if (coalesces(history, change)) return { ...history, present: entry, future: [] };
  const past = [...history.past, history.present];
  const overflow = past.length - history.limit;
  return {
    ...history,
    past: overflow > 0 ? past.slice(overflow) : past,
    present: entry,
    future: [],
    open: change.group !== undefined,
  };
}

function coalesces<T>(history: History<T>, change: ChangeInfo): boolean {
  const present = history.present;
  return (
    history.open &&
    change.group !== undefined &&
    present.group === change.group &&
    present.at !== undefined &&
    change.at !== undefined &&
    change.at >= present.at &&
    change.at - present.at <= history.coalesceWindow
  );
}

/** True when there is a step to undo. */
export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

/** True when there is an undone step to redo. */
export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

/** Steps back one change; the same history when there is nothing to undo. */
export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (!previous) return history;
  return {
    ...history,
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    open: false,
  };
}

/** Steps forward one undone change; the same history when there is nothing to redo. */
export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (!next) return history;
  return { ...history, past: [...history.past, history.present], present: next, future: rest, open: false };
}

/** The label of the change undo would take back ("Typing", "Link"), or undefined. */
export function undoLabel<T>(history: History<T>): string | undefined {
  return canUndo(history) ? history.present.label : undefined;
}

/** The label of the change redo would bring back, or undefined. */
export function redoLabel<T>(history: History<T>): string | undefined {
  return history.future[0]?.label;
}

/**
 * Closes the present entry so the next change starts a new undo step even if
 * it is of the same group (the editor calls this when the caret leaves the
 * paragraph, or on save).
 */
export function closeGroup<T>(history: History<T>): History<T> {
  return history.open ? { ...history, open: false } : history;
}
