/**
 * The workbench's undo history: a `History<Alignment>` fed by alignment edits,
 * notes and text edits alike. The alignment holds both documents, so every
 * entry has both texts and the links that go with them: undoing a text edit
 * brings back the old text and the links as they were before the rebase, and
 * undoing a link edit never touches the text.
 */
import type { Alignment, Side } from '../model/alignment.ts';
import type { Paragraph } from '../model/document.ts';
import { assertNever } from '../errors.ts';
import { pushState } from './history.ts';
import type { History } from './history.ts';
import { applyEdit } from './operations.ts';
import type { AlignmentEdit, AlignmentEditKind } from './operations.ts';
import { rebaseDocument } from './rebase.ts';
import type { RebaseOptions, RebaseReport } from './rebase.ts';

/** The undo history of an open alignment. */
export type AlignmentHistory = History<Alignment>;

/** A change to one document's text, as the editor reports it after a keystroke, a paste or a reload. */
export interface TextEdit {
  readonly side: Side;
  /** The whole new text. */
  readonly text: string;
  /** The new text's paragraphs, from `splitParagraphs`. */
  readonly paragraphs: readonly Paragraph[];
  /** When (ISO 8601 UTC): becomes `modified` and times the coalescing. */
  readonly now: string;
  /**
   * The paragraph being typed in, if the change is typing: changes to the
   * same paragraph of the same side close together are one undo step. Leave
   * it out for a paste or a reload, which is always a step of its own.
   */
  readonly typingIn?: number;
}

/** Menu labels for each kind of edit ("Undo Link"). */
export function editLabel(kind: AlignmentEditKind | 'text'): string {
  switch (kind) {
    case 'link':
      return 'Link';
    case 'unlink':
      return 'Unlink';
    case 'merge-next':
      return 'Merge';
    case 'split':
      return 'Split';
    case 'shift-boundary':
      return 'Move Paragraph';
    case 'mark-untranslated':
      return 'Mark Untranslated';
    case 'link-with-skip':
      return 'Link with Skip';
    case 'set-status':
      return 'Status';
    case 'set-note':
      return 'Note';
    case 'set-tags':
      return 'Tags';
    case 'replace-range':
      return 'Realign';
    case 'edit-sentences':
      return 'Sentence Pairs';
    case 'reset-sentences':
      return 'Recompute Sentence Pairs';
    case 'text':
      return 'Typing';
    default:
      return assertNever(kind, 'edit kind');
  }
}

/**
 * Applies `edit` to the present alignment and records the result. Typing a
 * note coalesces like typing text (one step per link per burst). Throws what
 * `applyEdit` throws, leaving the history as it was.
 */
export function recordEdit(history: AlignmentHistory, edit: AlignmentEdit): AlignmentHistory {
  const next = applyEdit(history.present.state, edit);
  const at = timeOf(edit.now);
  return pushState(history, next, {
    label: editLabel(edit.kind),
    ...(edit.kind === 'set-note' ? { group: `note:${edit.link}` } : {}),
    ...(at !== undefined ? { at } : {}),
  });
}

/**
 * Rebases the present alignment onto the edited text and records it. The
 * report says what happened to the links (the UI may show it for a paste or a
 * reload; for typing it is mostly "all kept").
 */
export function recordTextEdit(
  history: AlignmentHistory,
  edit: TextEdit,
  options: Omit<RebaseOptions, 'now'> = {},
): { history: AlignmentHistory; report: RebaseReport } {
  const { alignment, report } = rebaseDocument(history.present.state, edit.side, edit.text, edit.paragraphs, {
    ...options,
    now: edit.now,
  });
  const at = timeOf(edit.now);
  const next = pushState(history, alignment, {
    label: editLabel('text'),
    ...(edit.typingIn !== undefined ? { group: `text:${edit.side}:${edit.typingIn}` } : {}),
    ...(at !== undefined ? { at } : {}),
  });
  return { history: next, report };
}

/** Milliseconds since the epoch for an ISO time, or undefined when it does not parse (then nothing coalesces). */
function timeOf(now: string): number | undefined {
  const time = Date.parse(now);
  return Number.isNaN(time) ? undefined : time;
}
