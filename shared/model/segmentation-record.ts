/**
 * The record of which sentence rules cut a text (`SegmentationRecord`): made
 * from an SRX file's name and text, compared, described, and checked against
 * the rules in use now, so a reviewer learns when stored sentence pairs were
 * cut by other rules than the ones the app or an export cuts by today (the
 * stored pairs are kept as they are: a fix is never re-cut).
 */
import type { Alignment, SegmentationRecord } from './alignment.ts';

/** The built-in segmenter's record. */
export const builtInRules: SegmentationRecord = { kind: 'built-in' };

/** The record of the SRX file `name` (its base name is kept) whose text is `srx`. */
export async function srxRecord(name: string, srx: string): Promise<SegmentationRecord> {
  const text = srx.startsWith('\uFEFF') ? srx.slice(1) : srx;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const sha256 = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return { kind: 'srx', name: name.split(/[/\\]/).pop() || name, sha256 };
}

/** True when both records name the same rules (an SRX file by its text, whatever its name). */
export function sameRules(a: SegmentationRecord, b: SegmentationRecord): boolean {
  return a.kind === 'built-in' ? b.kind === 'built-in' : b.kind === 'srx' && a.sha256 === b.sha256;
}

/** The rules as a reviewer reads them: `the built-in rules`, `the SRX file team.srx (SHA-256 3f2a9c1e…)`. */
export function describeRules(record: SegmentationRecord): string {
  return record.kind === 'built-in' ? 'the built-in rules' : `the SRX file ${record.name} (SHA-256 ${record.sha256.slice(0, 8)}…)`;
}

/**
 * What differs between the rules in use now (`current`) and those that cut
 * the alignment's sentences: one sentence per kind of difference, empty when
 * none does. Stored pairs of files older than version 3 say nothing of their
 * rules and are not counted.
 */
export function rulesMismatches(alignment: Pick<Alignment, 'links' | 'segmentation'>, current: SegmentationRecord): string[] {
  const byRules = new Map<string, { record: SegmentationRecord; links: number[] }>();
  let storing = 0;
  alignment.links.forEach((link, index) => {
    const rules = link.sentences?.rules;
    if (link.sentences) storing++;
    if (!rules || sameRules(rules, current)) return;
    const key = rules.kind === 'built-in' ? 'built-in' : rules.sha256;
    const entry = byRules.get(key) ?? { record: rules, links: [] };
    entry.links.push(index + 1);
    byRules.set(key, entry);
  });
  const now = `not by ${describeRules(current)} in use now`;
  const messages = [...byRules.values()].map(({ record, links }) => {
    const which = links.length === storing && storing > 1 ? `all ${storing} links that store them` : `${links.length === 1 ? 'link' : 'links'} ${listed(links)}`;
    return `the stored sentence pairs of ${which} were cut by ${describeRules(record)}, ${now}; they are kept as they are`;
  });
  // The aligner's rules, unless the message about stored pairs named them already.
  const aligner = alignment.segmentation;
  if (aligner && !sameRules(aligner, current) && ![...byRules.values()].some(({ record }) => sameRules(record, aligner))) {
    messages.push(`the links were aligned with sentences cut by ${describeRules(aligner)}, ${now}`);
  }
  return messages;
}

/** `1, 4, 9` or `1, 4, 9 and 12 more`. */
function listed(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 8).join(', ');
  return numbers.length > 8 ? `${shown} and ${numbers.length - 8} more` : shown;
}
