/**
 * What a reviewer is told when a word processor's file holds tracked changes:
 * the readers (docx.ts, odt.ts) read them as accepted, which may not be the
 * text the translator meant to deliver.
 */

/** The warning for `insertions` and `deletions` read as accepted, or undefined when there are none. */
export function trackedChangesWarning(fileName: string, insertions: number, deletions: number): string | undefined {
  if (insertions === 0 && deletions === 0) return undefined;
  const counted = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  return (
    `${fileName}: tracked changes are read as accepted (${counted(insertions, 'insertion')} kept, ${counted(deletions, 'deletion')} dropped); ` +
    'accept or reject them in the word processor if that is not the text you mean'
  );
}
