/**
 * Finds where a JSON text goes wrong, for error messages that name a line and
 * a column. `JSON.parse` says only "Unexpected token 'x'" for some mistakes and
 * gives no position at all for others, so when it fails we scan the text again.
 */

/** A syntax error in a JSON text. */
export interface JsonSyntaxError {
  /** Offset of the offending character, in UTF-16 code units (the text's length when it ends early). */
  readonly offset: number;
  /** 1-based line and column of `offset`. */
  readonly line: number;
  readonly column: number;
  /** What is wrong there, in words. */
  readonly reason: string;
}

type Expect = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'comma-or-end' | 'done';

const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Scans `text` as JSON (RFC 8259) and returns its first syntax error, or
 * `undefined` when it is well formed.
 *
 * Iterative, with an explicit stack, so that hostile nesting cannot overflow
 * the call stack; linear in the length of the text.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: ('object' | 'array')[] = [];
  let expect: Expect = 'value';
  let position = 0;
  const fail = (offset: number, reason: string): JsonSyntaxError => {
    // A file cut short mid-token (`"confidence": 0.` then nothing) fails on that token, not on the end of
    // the text; when the error is that close to an end that leaves containers open, say what is likely.
    const rest = text.slice(offset).trim();
    const nearEnd = stack.length > 0 && offset < text.length && rest.length <= 16 && !/[{}[\],:"]/.test(rest);
    return { ...lineAndColumn(text, offset), offset, reason: nearEnd ? `${reason}, and the text ends there (is the file truncated?)` : reason };
  };
  // After a complete value: the end of the text, or more of the enclosing container.
  const afterValue = (): Expect => (stack.length === 0 ? 'done' : 'comma-or-end');

  for (;;) {
    position = skipWhitespace(text, position);
    if (position >= text.length) {
      if (expect === 'done') return undefined;
      return fail(text.length, text.trim() === '' ? 'the file is empty' : 'the text ends early (is the file truncated?)');
    }
    const character = text[position]!;
    switch (expect) {
      case 'value':
      case 'value-or-end': {
        if (expect === 'value-or-end' && character === ']') {
          stack.pop();
          position++;
          expect = afterValue();
        } else if (character === '{') {
          stack.push('object');
          expect = 'key-or-end';
          position++;
        } else if (character === '[') {
          stack.push('array');
          expect = 'value-or-end';
          position++;
        } else if (character === '"') {
          const end = scanString(text, position);
          if (typeof end !== 'number') return fail(end.offset, end.reason);
          position = end;
          expect = afterValue();
        } else if (character === '-' || (character >= '0' && character <= '9')) {
          numberPattern.lastIndex = position;
          const match = numberPattern.exec(text);
          if (!match) return fail(position, 'invalid number');
          position += match[0].length;
          expect = afterValue();
        } else {
          const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, position));
          if (!literal) return fail(position, `unexpected ${describe(text, position)} where a value should be`);
          position += literal.length;
          expect = afterValue();
        }
        break;
      }
      case 'key':
      case 'key-or-end': {
        if (expect === 'key-or-end' && character === '}') {
          stack.pop();
          position++;
          expect = afterValue();
        } else if (character === '"') {
          const end = scanString(text, position);
          if (typeof end !== 'number') return fail(end.offset, end.reason);
          position = end;
          expect = 'colon';
        } else {
          return fail(position, `expected a field name in double quotes, found ${describe(text, position)}`);
        }
        break;
      }
      case 'colon': {
        if (character !== ':') return fail(position, `expected ':' after the field name, found ${describe(text, position)}`);
        position++;
        expect = 'value';
        break;
      }
      case 'comma-or-end': {
        const container = stack.at(-1);
        const closer = container === 'object' ? '}' : ']';
        if (character === ',') {
          expect = container === 'object' ? 'key' : 'value';
          position++;
        } else if (character === closer) {
          stack.pop();
          position++;
          expect = afterValue();
        } else {
          return fail(position, `expected ',' or '${closer}', found ${describe(text, position)}`);
        }
        break;
      }
      case 'done':
        return fail(position, `unexpected ${describe(text, position)} after the end of the JSON value`);
    }
  }
}

/** 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function skipWhitespace(text: string, position: number): number {
  while (position < text.length) {
    const code = text.charCodeAt(position);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) break;
    position++;
  }
  return position;
}

/** Returns the offset just past the closing quote, or the error. */
function scanString(text: string, start: number): number | { offset: number; reason: string } {
  for (let position = start + 1; position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (code === 0x22) return position + 1;
    if (code < 0x20) return { offset: position, reason: 'control character (such as a line break) inside a string' };
    if (code === 0x5c) {
      const escaped = text[position + 1];
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6))) {
          return { offset: position, reason: 'invalid \\u escape in a string' };
        }
        position += 5;
      } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) {
        position++;
      } else {
        return { offset: position, reason: 'invalid escape in a string' };
      }
    }
  }
  return { offset: text.length, reason: 'a string is not closed (is the file truncated?)' };
}

function describe(text: string, position: number): string {
  const character = String.fromCodePoint(text.codePointAt(position)!);
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character) ? `'${character}'` : `character U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
