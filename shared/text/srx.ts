/**
 * SRX 2.0 (Segmentation Rules eXchange, LISA OSCAR / ETSI GS LIS 004): the rule
 * files Trados, memoQ, OmegaT, Okapi and LanguageTool use to cut text into
 * sentence units, read so the workbench's units match a team's translation memory.
 *
 * A file holds named language rules, each a list of `<rule break="yes|no">`
 * with a `<beforebreak>` and an `<afterbreak>` regular expression (Java
 * dialect, translated by `java-regex.ts`), and map rules that pick language
 * rules by a pattern over the language code. At every position between two
 * characters the first rule whose before-pattern ends there and whose
 * after-pattern starts there decides: break or not; where no rule matches,
 * there is no break. A rule's positions are found as the Java implementations
 * (Okapi, LanguageTool's segment library) find them, so units match the
 * translation memories those tools made: `before(?=after)` searched from left
 * to right, matches not overlapping, each match's end a position. (Read
 * literally, the specification would also let a before-pattern match a
 * suffix of a longer match: `[。]+」*` would break inside `？」`.) With `cascade="yes"` the rules of every matching map
 * apply, in map order; otherwise only the first matching map's.
 *
 * Not applied: `segmentsubflows` and `formathandle`, which concern inline
 * markup; the workbench segments plain text.
 */
import { DOMParser } from '@xmldom/xmldom';
import { BitextError } from '../errors.ts';
import { javaRegexToJs, UnsupportedJavaRegex } from './java-regex.ts';

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

/** Minimal view of the xmldom nodes read here (shared/ is type-checked without the DOM library). */
interface XmlElement {
  readonly localName: string | null;
  readonly textContent: string | null;
  readonly childNodes: { readonly length: number; item(index: number): XmlElement | null };
  readonly nodeType: number;
  readonly lineNumber?: number;
  getAttribute(name: string): string | null;
}

/**
 * Parses an SRX 2.0 file. Throws a BitextError naming `file` (and the line) for
 * malformed XML, a file that is not SRX, or a map naming a missing language
 * rule or with a language pattern that cannot be translated. A rule whose
 * regular expression cannot be translated is left out with a warning (as
 * wooorm's parsers report problems in the data and go on): one exotic rule
 * among LanguageTool's thousands should not make the whole file unusable.
 */
export function parseSrx(xml: string, file = 'SRX file'): SrxRules {
  const problems: string[] = [];
  let root: XmlElement | null = null;
  try {
    const parser = new DOMParser({
      locator: {},
      errorHandler: (level, message) => {
        if (level !== 'warning') problems.push(message);
      },
    });
    root = (parser.parseFromString(xml, 'text/xml') as unknown as { documentElement: XmlElement | null }).documentElement;
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0 || !root) {
    throw new BitextError('invalid-argument', `not well-formed XML: ${problems[0] ?? 'no root element'}`, { file });
  }
  if (root.localName !== 'srx') throw new BitextError('invalid-argument', `not an SRX file (root <${root.localName}>)`, { file });
  const version = root.getAttribute('version');
  if (version !== null && !version.startsWith('2')) {
    throw new BitextError('invalid-argument', `SRX version ${version}; only SRX 2.0 is read`, { file });
  }
  const header = children(root, 'header')[0];
  const body = children(root, 'body')[0];
  if (!body) throw new BitextError('invalid-argument', 'no <body>', { file });

  const languageRules = new Map<string, SrxRule[]>();
  const warnings: SrxWarning[] = [];
  for (const languageRule of children(body, 'languagerules').flatMap((element) => children(element, 'languagerule'))) {
    const name = languageRule.getAttribute('languagerulename') ?? '';
    const rules: SrxRule[] = [];
    for (const rule of children(languageRule, 'rule')) {
      try {
        rules.push(parseRule(rule, file));
      } catch (error) {
        if (!(error instanceof BitextError)) throw error;
        warnings.push({ ...(rule.lineNumber ? { line: rule.lineNumber } : {}), message: `language rule "${name}": ${error.message}` });
      }
    }
    languageRules.set(name, [...(languageRules.get(name) ?? []), ...rules]);
  }
  const mapRules = children(body, 'maprules')
    .flatMap((element) => children(element, 'languagemap'))
    .map((map): SrxLanguageMap => {
      const languageRuleName = map.getAttribute('languagerulename') ?? '';
      if (!languageRules.has(languageRuleName)) {
        throw new BitextError('invalid-argument', `<languagemap> names the missing language rule "${languageRuleName}"`, lineOf(map, file));
      }
      const pattern = compile(map.getAttribute('languagepattern') ?? '.*', map, file);
      return { languagePattern: new RegExp(`^(?:${pattern.source})$`, `${pattern.flags}i`.replace(/(.)(?=.*\1)/gu, '')), languageRuleName };
    });
  return { cascade: header?.getAttribute('cascade') === 'yes', languageRules, mapRules, warnings };
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

function parseRule(rule: XmlElement, file: string): SrxRule {
  const beforeBreak = children(rule, 'beforebreak')[0]?.textContent ?? '';
  const afterBreak = children(rule, 'afterbreak')[0]?.textContent ?? '';
  const before = compile(beforeBreak, rule, file);
  const after = compile(afterBreak, rule, file);
  const flags = new Set(['g', ...before.flags, ...after.flags]);
  const source = `(?:${before.source})(?=${after.source})`;
  try {
    return { break: rule.getAttribute('break') !== 'no', beforeBreak, afterBreak, positions: new RegExp(source, [...flags].join('')) };
  } catch (error) {
    throw new BitextError('invalid-argument', `rule ${JSON.stringify(beforeBreak)} / ${JSON.stringify(afterBreak)}: ${(error as Error).message}`, lineOf(rule, file));
  }
}

function compile(pattern: string, element: XmlElement, file: string): { source: string; flags: string } {
  try {
    const translated = javaRegexToJs(pattern);
    new RegExp(translated.source, translated.flags);
    return translated;
  } catch (error) {
    const message = error instanceof UnsupportedJavaRegex ? `unsupported regular expression: ${error.message}` : `invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`;
    throw new BitextError('invalid-argument', message, lineOf(element, file));
  }
}

function children(element: XmlElement, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let i = 0; i < element.childNodes.length; i++) {
    const child = element.childNodes.item(i);
    // By local name only: files in the SRX 2.0 namespace, in none, or in SRX 1.0's are read alike.
    if (child?.nodeType === 1 && child.localName === localName) out.push(child);
  }
  return out;
}

function lineOf(element: XmlElement, file: string): { file: string; line?: number } {
  return element.lineNumber ? { file, line: element.lineNumber } : { file };
}
