/**
 * What a review command does in the sentence panel: the paragraph review's
 * keys (renderer/commands/command-table.ts, with the user's remappings) act
 * on the selected sentence pair of the link under the caret. Pure: the panel
 * turns a plan into an edit of the one undo history, a new selection, or
 * hands the command back to the review controller (undo, the shortcut sheet).
 */
import type { AlignmentEdit } from '../../shared/edits/operations.ts';
import type { SegmentationRecord, Side, StoredSentences } from '../../shared/model/alignment.ts';
import type { LinkSentences } from '../../shared/align/sentence-align.ts';
import { toStoredSentences } from '../../shared/align/link-sentences.ts';
import { changeSentences, type SentenceChange } from '../../shared/edits/sentence-edits.ts';
import { builtInRules } from '../../shared/model/segmentation-record.ts';
import type { CommandId } from '../commands/command-table.ts';

/** A sentence of the link: its side and index among that side's sentences (from 0). */
export interface SentenceAt {
  readonly side: Side;
  readonly index: number;
}

/** What the panel knows when a command comes in. */
export interface SentenceContext {
  /** The paragraph link (index from 0). */
  readonly link: number;
  readonly block: LinkSentences;
  /** Whether the link stores its sentence pairs (fixed by hand) rather than computing them. */
  readonly stored: boolean;
  /** The selected pair. */
  readonly selected: number;
  /** The sentence ← and → picked inside the selected pair, if any: what U, K and J act on. */
  readonly sentence?: SentenceAt;
  /** Pairs marked with Space. */
  readonly marks: readonly number[];
  readonly now: string;
  /** The rules the computed pairs were cut by, recorded with them when the first edit stores them (default: built-in). */
  readonly rules?: SegmentationRecord;
}

/** The outcome of a command. */
export type SentencePlan =
  /** An edit; then `select` is the pair to select and `sentence` the sentence to keep picked in it. */
  | { readonly kind: 'edit'; readonly edit: AlignmentEdit; readonly select: number; readonly sentence?: SentenceAt; readonly clearMarks?: boolean }
  /** Shows a cut in `sentence` (the panel moves it with the arrows and makes the cut with {@link planCut}). */
  | { readonly kind: 'cut'; readonly sentence: SentenceAt }
  | { readonly kind: 'select'; readonly pair: number; readonly sentence?: SentenceAt }
  | { readonly kind: 'marks'; readonly marks: readonly number[] }
  | { readonly kind: 'refused'; readonly reason: string }
  /** Back to the text (Enter, Escape). */
  | { readonly kind: 'leave' }
  /** Not a sentence command: the review controller runs it (undo, redo, the shortcut sheet…). */
  | { readonly kind: 'pass' };

/** Plans `command` on the sentence pairs of `context`. */
export function planSentenceCommand(command: CommandId, context: SentenceContext): SentencePlan {
  const { block, selected } = context;
  const pairs = block.links;
  const pair = pairs[selected];
  const count = pairs.length;
  const edit = (change: SentenceChange, select = selected, clearMarks = false, sentence?: SentenceAt): SentencePlan => ({
    kind: 'edit',
    edit: sentenceEdit(context, change),
    select,
    ...(sentence ? { sentence } : {}),
    ...(clearMarks ? { clearMarks } : {}),
  });
  /** An edit after which the selection follows `sentence` to the pair that holds it then (pairs before it may have split in several). */
  const following = (change: SentenceChange, sentence: SentenceAt): SentencePlan => {
    let after: StoredSentences;
    try {
      after = changeSentences(toStoredSentences(block), change, context.link);
    } catch (error) {
      // The message names the sentence as the reviewer reads it; the location prefix (a 0-based link, a field) is for code.
      return { kind: 'refused', reason: error instanceof Error ? error.message.replace(/^link \d+(, [\w/.-]+)?: /, '') : String(error) };
    }
    return edit(change, holderOf(after, sentence) ?? selected, false, sentence);
  };
  const picked = (): SentenceAt | undefined => {
    if (context.sentence && pair?.[context.sentence.side].includes(context.sentence.index)) return context.sentence;
    if (!pair) return undefined;
    return pair.source.length > 0 ? { side: 'source', index: pair.source[0]! } : { side: 'target', index: pair.target[0]! };
  };
  const unreviewed = (from: number) => {
    for (let step = 1; step <= count; step++) {
      const index = (from + step) % count;
      if ((pairs[index]!.status ?? 'auto') === 'auto') return index;
    }
    return undefined;
  };
  if (!pair && command !== 'focus-editor' && !passed.has(command)) return { kind: 'refused', reason: 'This link has no sentence pairs.' };
  switch (command) {
    case 'confirm-next': {
      const next = unreviewed(selected);
      return edit({ kind: 'set-status', pair: selected, status: 'confirmed' }, next === undefined || next === selected ? selected : next);
    }
    case 'reject':
      return edit({ kind: 'set-status', pair: selected, status: 'rejected' });
    case 'reset-status':
      return edit({ kind: 'set-status', pair: selected, status: 'auto' });
    case 'merge-next':
      if (selected + 1 >= count) return { kind: 'refused', reason: `Sentence pair ${selected + 1} is the last: there is no next pair to merge with.` };
      return edit({ kind: 'merge', from: selected, to: selected + 1 });
    case 'split':
      if (pair!.source.length <= 1 && pair!.target.length <= 1) return { kind: 'refused', reason: `Sentence pair ${selected + 1} has one sentence per side: there is nothing to split.` };
      return edit({ kind: 'split', pair: selected });
    case 'unlink':
      return edit({ kind: 'unlink', pair: selected });
    case 'mark-untranslated': {
      const sentence = picked()!;
      return following({ kind: 'mark-untranslated', side: sentence.side, sentence: sentence.index }, sentence);
    }
    case 'shift-up':
    case 'shift-down': {
      const up = command === 'shift-up';
      if (up ? selected === 0 : selected + 1 >= count) return { kind: 'refused', reason: `Sentence pair ${selected + 1} has no ${up ? 'previous' : 'next'} pair.` };
      const side = picked()!.side;
      const moved = up ? pair![side][0] : pair![side].at(-1);
      if (moved === undefined) return { kind: 'refused', reason: `Sentence pair ${selected + 1} has no ${side === 'source' ? 'original' : 'translation'} sentence to move.` };
      return following({ kind: 'shift-boundary', pair: selected, side, direction: up ? 'up' : 'down' }, { side, index: moved });
    }
    case 'split-sentence':
      return { kind: 'cut', sentence: picked()! };
    case 'join-sentence': {
      const sentence = picked()!;
      const total = sentenceCount(block, sentence.side);
      if (sentence.index + 1 >= total) return { kind: 'refused', reason: `That is the last ${sideName(sentence.side)} sentence of the link: there is no next one to join it with.` };
      const here = block[sentence.side === 'source' ? 'sourceSentences' : 'targetSentences'];
      if (here[sentence.index]!.paragraph !== here[sentence.index + 1]!.paragraph) {
        return { kind: 'refused', reason: `That ${sideName(sentence.side)} sentence ends its paragraph: a sentence cannot run into the next paragraph (M puts their pairs together).` };
      }
      return following({ kind: 'join-sentences', side: sentence.side, sentence: sentence.index }, sentence);
    }
    case 'toggle-mark':
      return { kind: 'marks', marks: context.marks.includes(selected) ? context.marks.filter((at) => at !== selected) : [...context.marks, selected].sort((a, b) => a - b) };
    case 'clear-marks':
      return { kind: 'marks', marks: [] };
    case 'link-marked':
    case 'link-with-skip': {
      const chosen = [...new Set([...context.marks, selected])].filter((at) => at < count);
      const from = Math.min(...chosen);
      const to = Math.max(...chosen);
      if (from === to) return { kind: 'refused', reason: 'Mark the sentence pairs to link with Space first.' };
      return edit({ kind: 'merge', from, to }, from, true);
    }
    case 'realign':
      if (!context.stored) return { kind: 'refused', reason: 'These sentence pairs are computed already: nothing was fixed by hand.' };
      return { kind: 'edit', edit: { kind: 'reset-sentences', link: context.link, now: context.now }, select: 0 };
    case 'next-link':
    case 'previous-link':
      return { kind: 'select', pair: Math.min(count - 1, Math.max(0, selected + (command === 'next-link' ? 1 : -1))) };
    case 'first-link':
      return { kind: 'select', pair: 0 };
    case 'last-link':
      return { kind: 'select', pair: count - 1 };
    case 'next-unconfirmed': {
      const next = unreviewed(selected);
      return next === undefined ? { kind: 'refused', reason: 'Every sentence pair of this link is reviewed.' } : { kind: 'select', pair: next };
    }
    case 'next-paragraph':
    case 'previous-paragraph': {
      const sentences: SentenceAt[] = [...pair!.source.map((index) => ({ side: 'source' as const, index })), ...pair!.target.map((index) => ({ side: 'target' as const, index }))];
      const current = picked()!;
      const at = sentences.findIndex((sentence) => sentence.side === current.side && sentence.index === current.index);
      const next = sentences[Math.min(sentences.length - 1, Math.max(0, at + (command === 'next-paragraph' ? 1 : -1)))]!;
      return { kind: 'select', pair: selected, sentence: next };
    }
    case 'focus-editor':
      return { kind: 'leave' };
    default:
      return passed.has(command) ? { kind: 'pass' } : { kind: 'refused', reason: 'That command acts on paragraph links: press Enter to go back to the text first.' };
  }
}

/**
 * Plans the cut of `sentence` at `at` (an offset in its paragraph's text) in
 * the link of `context`: both parts stay in the pair, the first stays picked,
 * so J then moves the second part to the next pair.
 */
export function planCut(context: SentenceContext, sentence: SentenceAt, at: number): SentencePlan {
  const holder = context.block.links.findIndex((pair) => pair[sentence.side].includes(sentence.index));
  if (holder < 0) return { kind: 'refused', reason: 'That sentence is not in this link.' };
  return { kind: 'edit', edit: sentenceEdit(context, { kind: 'split-sentence', side: sentence.side, sentence: sentence.index, at }), select: holder, sentence };
}

/** The edit of the link's sentence pairs; the first carries the computed pairs it starts from. */
function sentenceEdit(context: SentenceContext, change: SentenceChange): AlignmentEdit {
  return {
    kind: 'edit-sentences',
    link: context.link,
    ...(context.stored ? {} : { base: { ...toStoredSentences(context.block), rules: context.rules ?? builtInRules } }),
    change,
    now: context.now,
  };
}

/** The index of the pair holding `sentence`, or undefined. */
function holderOf(sentences: StoredSentences, sentence: SentenceAt): number | undefined {
  const index = sentences.pairs.findIndex((pair) => pair[sentence.side].includes(sentence.index));
  return index < 0 ? undefined : index;
}

function sentenceCount(block: LinkSentences, side: Side): number {
  return (side === 'source' ? block.sourceSentences : block.targetSentences).length;
}

function sideName(side: Side): string {
  return side === 'source' ? 'original' : 'translation';
}

/** Commands the sentence panel leaves to the review controller. */
const passed: ReadonlySet<CommandId> = new Set<CommandId>(['undo', 'redo', 'show-shortcuts', 'focus-review', 'toggle-review-panel', 'focus-sentences']);
