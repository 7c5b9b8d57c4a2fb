/**
 * Every command of the review workflow in one table: its name, what it does,
 * where it shows (the editors' context menu, the Review menu) and its default
 * keys per scope (see keymap.ts). The keymap, the shortcut sheet, the menus
 * and the dispatcher all read this table, so a command cannot be reachable
 * one way and missing from the others.
 *
 * Default keys: single keys in review mode, as in InterText's and the OmegaT
 * aligner's grids; in the text only chords Monaco leaves free (Alt+Enter
 * confirms there, because Ctrl+Enter is Monaco's Insert Line Below: in review
 * mode Ctrl+Enter confirms, as in Trados). Every key can be remapped in the
 * shortcut sheet.
 */
import { knownTags } from '../../shared/edits/tags.ts';
import type { DefaultKeys, KeyedCommand } from './keymap.ts';

/** The command ids. */
export type CommandId =
  | 'confirm-next'
  | 'reject'
  | 'reset-status'
  | 'merge-next'
  | 'split'
  | 'unlink'
  | 'mark-untranslated'
  | 'shift-up'
  | 'shift-down'
  | 'link-marked'
  | 'link-with-skip'
  | 'toggle-mark'
  | 'clear-marks'
  | 'realign'
  | 'edit-note'
  | 'edit-tags'
  | `toggle-tag-${1 | 2 | 3 | 4 | 5}`
  | 'next-link'
  | 'previous-link'
  | 'first-link'
  | 'last-link'
  | 'next-unconfirmed'
  | 'next-flagged'
  | 'next-paragraph'
  | 'previous-paragraph'
  | 'cycle-filter'
  | 'toggle-sort'
  | 'focus-review'
  | 'focus-editor'
  | 'toggle-review-panel'
  | 'focus-sentences'
  | 'split-sentence'
  | 'join-sentence'
  | 'undo'
  | 'redo'
  | 'show-shortcuts';

/** How the sheet and the menus group commands. */
export type CommandCategory = 'review' | 'links' | 'annotate' | 'navigate' | 'edit' | 'view';

/** Category titles, in the order the sheet shows them. */
export const categoryTitles: Readonly<Record<CommandCategory, string>> = {
  review: 'Review',
  links: 'Fix links',
  annotate: 'Notes and tags',
  navigate: 'Move around',
  edit: 'Undo',
  view: 'Panels and help',
};

/** One command. */
export interface CommandSpec extends KeyedCommand {
  readonly id: CommandId;
  /** Menu label. */
  readonly label: string;
  readonly category: CommandCategory;
  /** One sentence for the shortcut sheet. */
  readonly description: string;
  readonly keys: DefaultKeys;
  /** Shown in the editors' context menu, in this group (Monaco's contextMenuGroupId) and order. */
  readonly contextMenu?: { readonly group: string; readonly order: number };
  /** Needs a link at the caret (disabled otherwise). */
  readonly needsLink?: boolean;
}

const tagCommands: CommandSpec[] = knownTags.map((tag, index) => ({
  id: `toggle-tag-${(index + 1) as 1 | 2 | 3 | 4 | 5}`,
  label: `Tag: ${tag}`,
  category: 'annotate',
  description: `Adds or removes the tag “${tag}” on the link.`,
  keys: { review: [String(index + 1)] },
  needsLink: true,
}));

/** The commands, in the order menus and the sheet list them. */
export const commands: readonly CommandSpec[] = [
  {
    id: 'confirm-next',
    label: 'Confirm and Next',
    category: 'review',
    description: 'Confirms the link and moves to the next unconfirmed one.',
    keys: { review: ['C', 'Ctrl+Enter'], editor: ['Alt+Enter'] },
    contextMenu: { group: '1_review', order: 1 },
    needsLink: true,
  },
  {
    id: 'reject',
    label: 'Reject',
    category: 'review',
    description: 'Marks the link as wrong, to fix or to leave out of exports.',
    keys: { review: ['R'] },
    contextMenu: { group: '1_review', order: 2 },
    needsLink: true,
  },
  {
    id: 'reset-status',
    label: 'Mark Unreviewed',
    category: 'review',
    description: 'Takes back a confirmation or rejection (the status goes back to auto).',
    keys: { review: ['Shift+R'] },
    needsLink: true,
  },
  {
    id: 'merge-next',
    label: 'Merge with Next Link',
    category: 'links',
    description: 'Joins the link and the next one into one link.',
    keys: { review: ['M'] },
    contextMenu: { group: '2_links', order: 1 },
    needsLink: true,
  },
  {
    id: 'split',
    label: 'Split Link',
    category: 'links',
    description: 'Splits a link of several paragraphs: pairs them in order, extras stay unlinked.',
    keys: { review: ['S'] },
    contextMenu: { group: '2_links', order: 2 },
    needsLink: true,
  },
  {
    id: 'unlink',
    label: 'Unlink',
    category: 'links',
    description: 'Breaks the link: each of its paragraphs stands alone.',
    keys: { review: ['X'] },
    contextMenu: { group: '2_links', order: 3 },
    needsLink: true,
  },
  {
    id: 'mark-untranslated',
    label: 'Mark Paragraph Untranslated',
    category: 'links',
    description: 'Takes the paragraph at the caret out of its link: not translated (an ad, a caption).',
    keys: { review: ['U'] },
    contextMenu: { group: '2_links', order: 4 },
    needsLink: true,
  },
  {
    id: 'shift-up',
    label: 'Move Paragraph to Previous Link',
    category: 'links',
    description: 'Moves the first paragraph of the link (on the side of the caret) into the link above.',
    keys: { review: ['K'] },
    contextMenu: { group: '2_links', order: 5 },
    needsLink: true,
  },
  {
    id: 'shift-down',
    label: 'Move Paragraph to Next Link',
    category: 'links',
    description: 'Moves the last paragraph of the link (on the side of the caret) into the link below.',
    keys: { review: ['J'] },
    contextMenu: { group: '2_links', order: 6 },
    needsLink: true,
  },
  {
    id: 'toggle-mark',
    label: 'Mark Link for Linking',
    category: 'links',
    description: 'Marks the link (or unmarks it); Link joins all marked links.',
    keys: { review: ['Space'] },
    needsLink: true,
  },
  {
    id: 'clear-marks',
    label: 'Clear Marks',
    category: 'links',
    description: 'Unmarks all marked links.',
    keys: { review: ['Shift+Space'] },
  },
  {
    id: 'link-marked',
    label: 'Link Marked or Selected Paragraphs',
    category: 'links',
    description: 'Links the paragraphs of the marked links (or those selected in the two editors) as one confirmed link.',
    keys: { review: ['L'] },
    contextMenu: { group: '2_links', order: 7 },
  },
  {
    id: 'link-with-skip',
    label: 'Link with Skip',
    category: 'links',
    description: 'Like Link, but paragraphs between them that were not marked stay unlinked (a caption inside a paragraph).',
    keys: { review: ['Shift+L'] },
    contextMenu: { group: '2_links', order: 8 },
  },
  {
    id: 'realign',
    label: 'Re-align Between Confirmed Links',
    category: 'links',
    description: 'Runs the aligner again on the stretch between the confirmed links around the caret (in the background; Esc cancels).',
    keys: { review: ['A'] },
    contextMenu: { group: '2_links', order: 9 },
    needsLink: true,
  },
  {
    id: 'edit-note',
    label: 'Edit Note…',
    category: 'annotate',
    description: 'Puts the cursor in the note of the link (Esc returns to the grid).',
    keys: { review: ['E'] },
    contextMenu: { group: '3_annotate', order: 1 },
    needsLink: true,
  },
  {
    id: 'edit-tags',
    label: 'Add Tag…',
    category: 'annotate',
    description: 'Puts the cursor in the tag field: type a tag of your own and press Enter.',
    keys: { review: ['T'] },
    contextMenu: { group: '3_annotate', order: 2 },
    needsLink: true,
  },
  ...tagCommands,
  {
    id: 'next-link',
    label: 'Next Link',
    category: 'navigate',
    description: 'Moves to the next link in the list.',
    keys: { review: ['ArrowDown'] },
  },
  {
    id: 'previous-link',
    label: 'Previous Link',
    category: 'navigate',
    description: 'Moves to the previous link in the list.',
    keys: { review: ['ArrowUp'] },
  },
  {
    id: 'first-link',
    label: 'First Link',
    category: 'navigate',
    description: 'Moves to the first link in the list.',
    keys: { review: ['Home'] },
  },
  {
    id: 'last-link',
    label: 'Last Link',
    category: 'navigate',
    description: 'Moves to the last link in the list.',
    keys: { review: ['End'] },
  },
  {
    id: 'next-unconfirmed',
    label: 'Next Unconfirmed Link',
    category: 'navigate',
    description: 'Moves to the next link still to review, weakest first when sorted so.',
    keys: { review: ['N'] },
  },
  {
    id: 'next-flagged',
    label: 'Next Flagged Link',
    category: 'navigate',
    description: 'Moves to the next link whose numbers, names, URLs or quotations differ between the sides.',
    keys: { review: ['F'] },
  },
  {
    id: 'next-paragraph',
    label: 'Next Paragraph of the Link',
    category: 'navigate',
    description: 'Moves the caret to the link’s next paragraph (original, then translation): the one U, J and K act on.',
    keys: { review: ['ArrowRight'] },
  },
  {
    id: 'previous-paragraph',
    label: 'Previous Paragraph of the Link',
    category: 'navigate',
    description: 'Moves the caret to the link’s previous paragraph.',
    keys: { review: ['ArrowLeft'] },
  },
  {
    id: 'cycle-filter',
    label: 'Next Filter',
    category: 'navigate',
    description: 'Shows all links, then only auto, confirmed, rejected, untranslated, flagged ones.',
    keys: { review: ['Shift+F'] },
  },
  {
    id: 'toggle-sort',
    label: 'Sort: Weakest First / Document Order',
    category: 'navigate',
    description: 'Sorts the list by confidence, weakest first, or back in document order.',
    keys: { review: ['O'] },
  },
  {
    id: 'focus-review',
    label: 'Review Mode (Focus the Link List)',
    category: 'view',
    description: 'Moves the focus to the link list, where single keys act on links. Esc in the text does it too when nothing is selected.',
    keys: { global: ['F6'], editor: ['Escape'] },
  },
  {
    id: 'focus-editor',
    label: 'Back to the Text',
    category: 'view',
    description: 'Puts the caret back in the text at the link.',
    keys: { review: ['Enter', 'Escape'] },
  },
  {
    id: 'toggle-review-panel',
    label: 'Show or Hide the Review Panel',
    category: 'view',
    description: 'Shows or hides the link list and the note and tag editor.',
    keys: {},
  },
  {
    id: 'focus-sentences',
    label: 'Fix Sentence Pairs',
    category: 'view',
    description: 'Opens the sentence pairs of the link and gives them the keyboard: the keys above act on a sentence pair there.',
    keys: { global: ['Shift+F6'] },
    needsLink: true,
  },
  {
    id: 'split-sentence',
    label: 'Cut Sentence in Two',
    category: 'links',
    description:
      'In the sentence pairs (Shift+F6): shows a cut in the picked sentence (or where you clicked in it); ← → move it by word, Shift+← → by letter, Enter cuts, Esc cancels.',
    keys: { review: ['Shift+S'] },
  },
  {
    id: 'join-sentence',
    label: 'Join Sentence with Next',
    category: 'links',
    description: 'In the sentence pairs (Shift+F6): makes the picked sentence and the next one on its side one sentence, where the segmenter cut wrongly.',
    keys: { review: ['Shift+M'] },
  },
  {
    id: 'undo',
    label: 'Undo',
    category: 'edit',
    description: 'Undoes the last change: typing, a link edit, a status, a note or tags (one history for all).',
    keys: { global: ['Ctrl+Z'] },
  },
  {
    id: 'redo',
    label: 'Redo',
    category: 'edit',
    description: 'Redoes what was undone.',
    keys: { global: ['Ctrl+Y', 'Ctrl+Shift+Z'] },
  },
  {
    id: 'show-shortcuts',
    label: 'Keyboard Shortcuts',
    category: 'view',
    description: 'Shows this sheet, where every key can be changed.',
    keys: { review: ['?'], global: ['F1'] },
    contextMenu: { group: '9_help', order: 1 },
  },
];

const byId = new Map<string, CommandSpec>(commands.map((command) => [command.id, command]));

/** The command with `id`, or undefined. */
export function commandById(id: string): CommandSpec | undefined {
  return byId.get(id);
}

/** True when `id` names a command. */
export function isCommandId(id: string): id is CommandId {
  return byId.has(id);
}
