/**
 * What the aligner needs to know about a language to read its text: the
 * BCP-47 locale for `Intl`, the script, whether words are separated by spaces,
 * and whether Latin letters in it are foreign (names, brands) or its own.
 */
import { dominantScript } from '../language/script.ts';

/** How the aligner reads one language. */
export interface LanguageProfile {
  /** The ISO 639-3 code as given (`eng`, `tha`), or `und`. */
  readonly language: string;
  /** BCP-47 locale for `Intl` (`en`, `th`), or undefined when the language is unknown. */
  readonly locale: string | undefined;
  /** ISO 15924 script of the language's own letters (`Latn`, `Thai`, `Hans`, `Jpan`). */
  readonly script: string;
  /** True for scripts written without spaces between words (Thai, Lao, Khmer, Burmese, Chinese, Japanese). */
  readonly unspaced: boolean;
  /** True when Latin letters are not the language's own, so a Latin run in its text is a name or a loan. */
  readonly latinIsForeign: boolean;
}

/** Scripts written without spaces between words, where a name can only be found as a substring. */
const unspacedScripts = new Set(['Thai', 'Laoo', 'Khmr', 'Mymr', 'Hani', 'Hans', 'Hant', 'Jpan', 'Tibt']);

/** The BCP-47 locale of an ISO 639-3 (or BCP-47) code, via ICU's alias data (`tha` → `th`, `cmn` → `zh`). */
export function localeOf(language: string): string | undefined {
  if (language === 'und' || language.length === 0) return undefined;
  try {
    return Intl.getCanonicalLocales(language)[0];
  } catch {
    return undefined;
  }
}

/** The usual script of a locale (`th` → `Thai`), from CLDR's likely subtags; undefined when unknown. */
function likelyScript(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return new Intl.Locale(locale).maximize().script;
  } catch {
    return undefined;
  }
}

const profiles = new Map<string, LanguageProfile>();

/**
 * The profile of `language`. When the language is `und` (or unknown to ICU),
 * the script is taken from `sample`, the text itself, so an undetected Thai
 * document is still read as Thai.
 */
export function languageProfile(language: string, sample = ''): LanguageProfile {
  const locale = localeOf(language);
  const known = likelyScript(locale);
  const cacheKey = known ? language : undefined;
  if (cacheKey) {
    const cached = profiles.get(cacheKey);
    if (cached) return cached;
  }
  const detected = known ?? dominantScript(sample.slice(0, 2000));
  const script = detected === 'Zyyy' ? 'Latn' : detected;
  const profile: LanguageProfile = {
    language,
    locale,
    script,
    unspaced: unspacedScripts.has(script),
    latinIsForeign: script !== 'Latn',
  };
  if (cacheKey) profiles.set(cacheKey, profile);
  return profile;
}
