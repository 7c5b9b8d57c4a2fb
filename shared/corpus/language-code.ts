/**
 * A language as a user names it in a batch (`--source-lang`, a record's
 * `source_lang`): ISO 639-3 (`eng`) as franc names languages, or a BCP-47
 * primary tag (`en`) of one of the languages the detector knows best.
 */
import { commonLanguages, toBcp47 } from '../language/detect.ts';

/** The ISO 639-3 code for `value`, or `undefined` when it names no language this way. */
export function iso6393FromUser(value: string): string | undefined {
  const lower = value.trim().toLowerCase();
  if (/^[a-z]{3}$/.test(lower)) return lower;
  return commonLanguages.find((code) => toBcp47(code) === lower);
}
