/**
 * SRX 2.0 (Segmentation Rules eXchange, LISA OSCAR / ETSI GS LIS 004): the rule
 * files Trados, memoQ, OmegaT, Okapi and LanguageTool use to cut text into
 * sentence units, read so the workbench's units match a team's translation memory.
 *
 * A file holds named language rules, each a list of `<rule break="yes|no">`
 * with a `<beforebreak>` and an `<afterbreak>` regular expression (Java
 * dialect, translated by `java-regex.ts`), and map rules that pick language
 * rules by a pattern over the language code. How parsed rules cut a text is
 * in srx-rules.ts.
 *
 * Not applied: `segmentsubflows` and `formathandle`, which concern inline
 * markup; the workbench segments plain text.
 */
import { DOMParser } from '@xmldom/xmldom';
import { BitextError } from '../errors.ts';
import { javaRegexToJs, UnsupportedJavaRegex } from './java-regex.ts';
import type { SrxLanguageMap, SrxRule, SrxRules, SrxWarning } from './srx-rules.ts';

export { rulesForLanguage, srxBreaks } from './srx-rules.ts';
export type { SrxLanguageMap, SrxRule, SrxRules, SrxWarning } from './srx-rules.ts';

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
    // xmldom's messages read `[xmldom error]\tentity not found:&foo;\n@#[line:3,col:1]`: the line goes into the location.
    const problem = problems[0] ?? 'no root element';
    const line = /@#\[line:(\d+),col:\d+\]/.exec(problem)?.[1];
    const reason = problem.replace(/^\[xmldom \w+\]\s*/, '').replace(/\s*@#\[line:\d+,col:\d+\]\s*$/, '');
    throw new BitextError('invalid-argument', `not well-formed XML: ${reason}`, line ? { file, line: Number(line) } : { file });
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
