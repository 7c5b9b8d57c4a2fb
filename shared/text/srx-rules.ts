/**
 * SRX 2.0 rules once parsed (see srx.ts), and how they cut a text. Apart from
 * the parser so that applying rules needs no XML parser (the renderer, which
 * segments for the Export… dialog's count and the sentence panel, bundles
 * this and not xmldom).
 *
 * At every position between two characters the first rule whose
 * before-pattern ends there and whose after-pattern starts there decides:
 * break or not; where no rule matches, there is no break. A rule's positions
 * are found as the Java implementations (Okapi, LanguageTool's segment
 * library) find them, so units match the translation memories those tools
 * made: `before(?=after)` searched from left to right, matches not
 * overlapping, each match's end a position. (Read literally, the
 * specification would also let a before-pattern match a suffix of a longer
 * match: `[。]+」*` would break inside `？」`.) With `cascade="yes"` the rules of
 * every matching map apply, in map order; otherwise only the first matching
 * map's.
 */

/** One `<rule>`: the Java patterns as written, and the JavaScript one that finds its positions. */
export interface SrxRule {
  readonly break: boolean;
  readonly beforeBreak: string;
  readonly afterBreak: string;
  /** `(?:before)(?=after)`, global: the end of each match is a position the rule matches. */
  readonly positions: RegExp;
}

/** One `<languagemap>`. */
export interface SrxLanguageMap {
  /** The `languagepattern`, matched against the whole language code, ignoring case. */
  readonly languagePattern: RegExp;
  readonly languageRuleName: string;
}

/** A rule left out of a parsed file, and why: a regular expression JavaScript cannot run. */
export interface SrxWarning {
  /** 1-based line of the `<rule>` in the file, when the parser knows it. */
  readonly line?: number;
  readonly message: string;
}

/** A parsed SRX file. */
export interface SrxRules {
  readonly cascade: boolean;
  readonly languageRules: ReadonlyMap<string, readonly SrxRule[]>;
  readonly mapRules: readonly SrxLanguageMap[];
  /** Rules left out, in file order; every other rule of the file is in `languageRules`. */
  readonly warnings: readonly SrxWarning[];
}

/** The rules that apply to `language`, in the order they are tried. */
export function rulesForLanguage(rules: SrxRules, language: string): SrxRule[] {
  const out: SrxRule[] = [];
  for (const map of rules.mapRules) {
    if (!map.languagePattern.test(language)) continue;
    out.push(...(rules.languageRules.get(map.languageRuleName) ?? []));
    if (!rules.cascade) break;
  }
  return out;
}

/** Offsets in `text` where `rules` break for `language`, ascending, each inside `(0, text.length)`. */
export function srxBreaks(text: string, language: string, rules: SrxRules): number[] {
  const decided = new Map<number, boolean>();
  for (const rule of rulesForLanguage(rules, language)) {
    const positions = rule.positions;
    positions.lastIndex = 0;
    for (let match = positions.exec(text); match; match = positions.exec(text)) {
      const offset = match.index + match[0].length;
      if (!decided.has(offset)) decided.set(offset, rule.break);
      if (match[0].length === 0) positions.lastIndex = match.index + 1;
      if (positions.lastIndex > text.length) break;
    }
  }
  return [...decided]
    .filter(([offset, isBreak]) => isBreak && offset > 0 && offset < text.length)
    .map(([offset]) => offset)
    .sort((a, b) => a - b);
}
