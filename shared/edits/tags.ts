/**
 * Review tags on links: a fixed vocabulary of error kinds every exporter and
 * report knows, plus whatever tags a reviewer adds.
 */

/** The tags the workbench knows, in the order menus show them. */
export const knownTags = ['omission', 'addition', 'mistranslation', 'terminology', 'style'] as const;

/** A tag of the fixed vocabulary. */
export type KnownTag = (typeof knownTags)[number];

/** Longest tag kept, in code units; longer ones are cut, since a tag is a label, not a note. */
export const maxTagLength = 64;

/**
 * Normalises tags: Unicode NFC, trimmed, lower-cased (by the root locale, so
 * `Style` and `STYLE` meet), inner white space as one `-`, cut to
 * {@link maxTagLength}; empty ones dropped, repeats removed. Known tags come
 * first in {@link knownTags} order, then user tags alphabetically, so two
 * equal sets of tags are equal arrays.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const unique = new Set<string>();
  for (const tag of tags) {
    const clean = tag.normalize('NFC').trim().toLowerCase().replace(/\s+/gu, '-').slice(0, maxTagLength);
    if (clean.length > 0) unique.add(clean);
  }
  const known = knownTags.filter((tag) => unique.has(tag));
  const user = [...unique].filter((tag) => !(knownTags as readonly string[]).includes(tag)).sort(compareCodeUnits);
  return [...known, ...user];
}

/** True when `tag` is one of the {@link knownTags}. */
export function isKnownTag(tag: string): tag is KnownTag {
  return (knownTags as readonly string[]).includes(tag);
}

/** Plain code-unit order: the same on every machine, unlike `localeCompare`. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
