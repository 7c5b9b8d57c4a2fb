/**
 * Java regular expressions (the dialect of SRX files: Okapi, OmegaT and
 * LanguageTool run them through `java.util.regex`) translated to JavaScript
 * regular expressions with the `u` flag.
 *
 * Translated: `\Q…\E` quoting; possessive quantifiers (`a*+`, `\s++`), which
 * become greedy ones — the same matches wherever the pattern cannot backtrack
 * into them, as in segmentation rules; `\p{Lu}`, `\pL`, `\p{IsLatin}`,
 * `\p{javaLowerCase}`, POSIX classes (`\p{Alpha}`, `\p{Punct}`) and a few
 * Unicode blocks (`\p{InHiragana}`); `\x{…}`, `\h`, `\A`, `\z`, `\Z`; inline
 * flags `(?i)`, `(?u)`, `(?s)`, applied to the whole pattern since JavaScript
 * has no scoped flags before ES2025; unions of classes (`[a-z[A-Z]]`);
 * identity escapes JavaScript's `u` mode refuses (`\'`, `\-`, `\<`).
 * Refused with an error: class intersection (`&&`), `\G` and unknown properties.
 */

/** A translated pattern: the source for `new RegExp(source, flags)`. */
export interface JsRegex {
  readonly source: string;
  /** Always `u`, plus `i` and `s` when the Java pattern set them inline. */
  readonly flags: string;
}

/** A pattern JavaScript cannot express: why, and where in the Java pattern. */
export class UnsupportedJavaRegex extends Error {
  override readonly name = 'UnsupportedJavaRegex';
  constructor(message: string, readonly pattern: string, readonly offset: number) {
    super(`${message} at offset ${offset} of ${JSON.stringify(pattern)}`);
  }
}

/** Characters JavaScript's `u` mode accepts escaped outside a class. */
const syntaxCharacters = new Set('^$\\.*+?()[]{}|/');

/** Java property names (after `Is`/`In` prefixes are considered) as class bodies. */
const namedProperties: Readonly<Record<string, string>> = {
  Lower: '\\p{Lowercase}',
  Upper: '\\p{Uppercase}',
  Alpha: '\\p{Alphabetic}',
  Digit: '\\p{Nd}',
  Alnum: '\\p{Alphabetic}\\p{Nd}',
  Punct: '\\p{P}',
  Space: '\\s',
  Blank: ' \\t',
  Cntrl: '\\p{Cc}',
  XDigit: '0-9A-Fa-f',
  ASCII: '\\u0000-\\u007F',
  javaLowerCase: '\\p{Ll}',
  javaUpperCase: '\\p{Lu}',
  javaWhitespace: '\\s',
  javaLetter: '\\p{L}',
  javaDigit: '\\p{Nd}',
  javaLetterOrDigit: '\\p{L}\\p{Nd}',
  Alphabetic: '\\p{Alphabetic}',
  Letter: '\\p{L}',
  Uppercase: '\\p{Uppercase}',
  Lowercase: '\\p{Lowercase}',
  WhiteSpace: '\\s',
  White_Space: '\\s',
  BasicLatin: '\\u0000-\\u007F',
  Latin1Supplement: '\\u0080-\\u00FF',
  Hiragana: '\\u3040-\\u309F',
  Katakana: '\\u30A0-\\u30FF',
  CJKUnifiedIdeographs: '\\u4E00-\\u9FFF',
  CJKSymbolsandPunctuation: '\\u3000-\\u303F',
  HalfwidthandFullwidthForms: '\\uFF00-\\uFFEF',
  Thai: '\\u0E00-\\u0E7F',
  Arabic: '\\u0600-\\u06FF',
  Hebrew: '\\u0590-\\u05FF',
  Cyrillic: '\\u0400-\\u04FF',
  Greek: '\\u0370-\\u03FF',
  Devanagari: '\\u0900-\\u097F',
};

/** Unicode general categories JavaScript knows by their short names. */
const generalCategory = /^(?:L[ultmo]?|M[nce]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Z[slp]?|C[cfson]?|LC|L&)$/u;

/**
 * The class body (no brackets) for `\p{name}`, or undefined when JavaScript has
 * no equivalent.
 */
function propertyBody(name: string): string | undefined {
  if (generalCategory.test(name)) return `\\p{${name === 'L&' ? 'LC' : name}}`;
  const bare = name.replace(/^(?:Is|In)/u, '');
  if (generalCategory.test(bare)) return `\\p{${bare === 'L&' ? 'LC' : bare}}`;
  const named = namedProperties[bare] ?? namedProperties[name];
  if (named) return named;
  if (/^(?:general_category|gc)=/iu.test(name)) return `\\p{${name}}`;
  const script = /^(?:script|sc)=(\w+)$/iu.exec(name)?.[1] ?? (name.startsWith('Is') ? bare : undefined);
  if (script && isScript(script)) return `\\p{Script=${script}}`;
  return undefined;
}

function isScript(name: string): boolean {
  try {
    new RegExp(`\\p{Script=${name}}`, 'u');
    return true;
  } catch {
    return false;
  }
}

function escapeLiteral(character: string, inClass: boolean): string {
  if (syntaxCharacters.has(character) || (inClass && character === '-')) return `\\${character}`;
  return character;
}

/** Index of the `]` that closes the class open at `from` (depth 1), skipping escapes and nested classes; -1 if none. */
function classEnd(pattern: string, from: number): number {
  let depth = 1;
  for (let i = from; i < pattern.length; i++) {
    const character = pattern[i];
    if (character === '\\') i++;
    else if (character === '[') depth++;
    else if (character === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Whether `text` is one class, `[` to its own closing `]`. */
function isWholeClass(text: string): boolean {
  return text.startsWith('[') && classEnd(text, 1) === text.length - 1;
}

/** Translates a Java regular expression to a JavaScript one with the `u` flag. */
export function javaRegexToJs(pattern: string): JsRegex {
  const flags = new Set(['u']);
  let out = '';
  let classDepth = 0;
  /** Where in `out` the outermost open class starts (its `[`). */
  let classStart = 0;
  /** Whether the last thing written was a quantifier, so a following `+` makes it possessive. */
  let afterQuantifier = false;
  let i = 0;
  const fail = (message: string): never => {
    throw new UnsupportedJavaRegex(message, pattern, i);
  };

  while (i < pattern.length) {
    const character = pattern[i] as string;
    const quantified = afterQuantifier;
    afterQuantifier = false;

    if (character === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) fail('a trailing backslash');
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const literal = pattern.slice(i + 2, end === -1 ? pattern.length : end);
        out += [...literal].map((c) => escapeLiteral(c, classDepth > 0)).join('');
        i = end === -1 ? pattern.length : end + 2;
        continue;
      }
      if (next === 'E') {
        i += 2;
        continue;
      }
      if (next === 'p' || next === 'P') {
        const braced = pattern[i + 2] === '{';
        const close = braced ? pattern.indexOf('}', i + 3) : i + 3;
        if (braced && close === -1) fail('an unclosed \\p{');
        const name = braced ? pattern.slice(i + 3, close) : pattern.slice(i + 2, i + 3);
        const body = propertyBody(name) ?? fail(`the property \\p{${name}}, unknown to JavaScript,`);
        const single = /^\\p\{[^}]+\}$/u.test(body);
        if (next === 'P') {
          if (single) out += body.replace('\\p', '\\P');
          else if (classDepth === 0) out += `[^${body}]`;
          else fail(`a negated multi-range property \\P{${name}} inside a class`);
        } else out += single || classDepth > 0 ? body : `[${body}]`;
        i = braced ? close + 1 : i + 3;
        continue;
      }
      if (next === 'x' && pattern[i + 2] === '{') {
        const close = pattern.indexOf('}', i + 3);
        if (close === -1) fail('an unclosed \\x{');
        out += `\\u{${pattern.slice(i + 3, close)}}`;
        i = close + 1;
        continue;
      }
      if (next === 'h' || next === 'H') {
        const body = ' \\t\\u00A0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
        if (classDepth > 0 && next === 'H') fail('\\H inside a class');
        out += classDepth > 0 ? body : next === 'h' ? `[${body}]` : `[^${body}]`;
        i += 2;
        continue;
      }
      if (next === 'A') {
        out += '^';
        i += 2;
        continue;
      }
      if (next === 'z' || next === 'Z') {
        out += '$';
        i += 2;
        continue;
      }
      if (next === 'G') fail('\\G (end of the previous match)');
      if (next === 'e') {
        out += '\\x1B';
        i += 2;
        continue;
      }
      if (next === 'a') {
        out += '\\x07';
        i += 2;
        continue;
      }
      if (/[A-Za-z0-9]/u.test(next as string)) {
        // \d \w \s \b \n \t \uFFFF \xFF \1 and friends mean the same in both dialects.
        out += `\\${next}`;
        i += 2;
        continue;
      }
      out += escapeLiteral(next as string, classDepth > 0);
      i += 2;
      continue;
    }

    if (classDepth > 0) {
      if (character === '[') {
        // A union `[a-z[A-Z]]`: the inner class's members join the outer one.
        if (pattern[i + 1] === '^') fail('a negated class inside a class');
        classDepth++;
        i++;
        continue;
      }
      if (character === ']') {
        classDepth--;
        if (classDepth === 0) out += ']';
        i++;
        continue;
      }
      if (character === '&' && pattern[i + 1] === '&') {
        // `[A&&B]` is a character in A that is also in B: `(?=[B])[A]`.
        if (classDepth > 1 || out[classStart + 1] === '^') fail('class intersection (&&) inside a nested or negated class');
        const end = classEnd(pattern, i + 2);
        if (end < 0) fail('an unclosed class');
        const right = pattern.slice(i + 2, end);
        const operand = javaRegexToJs(isWholeClass(right) ? right : `[${right}]`);
        for (const flag of operand.flags) flags.add(flag);
        out = `${out.slice(0, classStart)}(?:(?=${operand.source})[${out.slice(classStart + 1)}])`;
        classDepth = 0;
        i = end + 1;
        continue;
      }
      out += character;
      i++;
      continue;
    }

    if (character === '[') {
      classDepth = 1;
      classStart = out.length;
      out += '[';
      i++;
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      // Java takes a `]` first in a class as a literal; JavaScript would close the class.
      if (pattern[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (character === '(' && pattern[i + 1] === '?') {
      const inline = /^\(\?([idmsuxU]*)(?:-([idmsuxU]*))?([:)])/u.exec(pattern.slice(i));
      if (inline && (inline[1] || inline[2])) {
        for (const flag of inline[1] ?? '') if (flag === 'i' || flag === 's') flags.add(flag);
        out += inline[3] === ':' ? '(?:' : '';
        i += inline[0].length;
        continue;
      }
      if (pattern[i + 2] === '>') {
        // An atomic group: like possessive quantifiers, read as an ordinary group.
        out += '(?:';
        i += 3;
        continue;
      }
    }
    if (character === '+' && quantified) {
      i++;
      continue;
    }
    if (character === '*' || character === '+' || character === '?') {
      out += character;
      i++;
      // `*?` is lazy in both dialects; `*+` is possessive in Java only.
      if (pattern[i] === '?') {
        out += '?';
        i++;
      } else afterQuantifier = true;
      continue;
    }
    if (character === '{' && /^\{\d+(?:,\d*)?\}/u.test(pattern.slice(i))) {
      const end = pattern.indexOf('}', i);
      out += pattern.slice(i, end + 1);
      i = end + 1;
      if (pattern[i] === '?') {
        out += '?';
        i++;
      } else afterQuantifier = true;
      continue;
    }
    if (character === '{' || character === '}') {
      // Java reads a brace that starts no quantifier as itself; JavaScript's `u` mode wants it escaped.
      out += `\\${character}`;
      i++;
      continue;
    }
    if (character === '/') {
      out += '\\/';
      i++;
      continue;
    }
    out += character;
    i++;
  }
  if (classDepth > 0) fail('an unclosed class');
  return { source: out, flags: [...flags].sort().join('') };
}
