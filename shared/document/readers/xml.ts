/**
 * A small, strict XML reader for the parts of DOCX, ODT, EPUB, XLIFF and TMX
 * files. It checks well-formedness (tags nest and match, attributes are
 * quoted, entities are known) and resolves namespaces, and builds a light
 * element tree. It does not read DTDs (entities declared in one are refused:
 * that is also the defence against "billion laughs").
 *
 * Why not a DOM library: the candidate, @xmldom/xmldom 0.8, accepts `<a><b></a>`
 * unless asked to throw on warnings, and its type declarations pull the DOM
 * library into `shared/`, whose type check must not know the DOM.
 */
import { BitextError } from '../../errors.ts';

/** An element: its namespace and local name, attributes, and children in order (text as strings). */
export interface XmlElement {
  /** Namespace URI, or '' when none. */
  readonly namespace: string;
  readonly localName: string;
  /** Attributes by `{namespace}localName`, or `localName` when not namespaced. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly (XmlElement | string)[];
}

/** Deeper nesting is refused: no real document needs it, and the tree walks recurse. */
const maxDepth = 1000;
const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';
const predefined: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

interface OpenElement {
  readonly name: string;
  readonly namespaces: ReadonlyMap<string, string>;
  readonly children: (XmlElement | string)[];
  readonly element: { namespace: string; localName: string; attributes: Map<string, string>; children: (XmlElement | string)[] };
}

/**
 * Parses `text` into its root element.
 *
 * @throws BitextError `undecodable` naming `where` (the file and its part) and the line of the first problem.
 */
export function parseXml(text: string, where: string): XmlElement {
  const fail = (message: string, offset: number): never => {
    const line = text.slice(0, offset).split('\n').length;
    throw new BitextError('undecodable', `malformed XML: ${message}`, { file: where, line });
  };
  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  while (position < text.length) {
    const open = text.indexOf('<', position);
    const textEnd = open === -1 ? text.length : open;
    if (textEnd > position) {
      const chunk = text.slice(position, textEnd);
      const top = stack.at(-1);
      if (top) top.children.push(decodeEntities(chunk, position, fail));
      else if (chunk.trim() !== '') fail('text outside the root element', position);
    }
    if (open === -1) break;
    if (text.startsWith('<?', open)) {
      position = skipPast(text, '?>', open, fail);
    } else if (text.startsWith('<!--', open)) {
      position = skipPast(text, '-->', open, fail);
    } else if (text.startsWith('<![CDATA[', open)) {
      const end = text.indexOf(']]>', open);
      if (end === -1) fail('unclosed CDATA section', open);
      const top = stack.at(-1);
      if (!top) fail('CDATA outside the root element', open);
      top!.children.push(text.slice(open + 9, end));
      position = end + 3;
    } else if (text.startsWith('<!DOCTYPE', open)) {
      if (root || stack.length > 0) fail('DOCTYPE after the root element', open);
      const bracket = text.indexOf('[', open);
      const close = text.indexOf('>', open);
      if (close === -1) fail('unclosed DOCTYPE', open);
      // An internal subset can declare entities; the formats read here never need one.
      if (bracket !== -1 && bracket < close) fail('a DTD internal subset (entity declarations are not read)', open);
      position = close + 1;
    } else if (text.startsWith('</', open)) {
      const close = text.indexOf('>', open);
      if (close === -1) fail('unclosed end tag', open);
      const name = text.slice(open + 2, close).trim();
      const top = stack.pop();
      if (!top) fail(`end tag </${name}> with no open element`, open);
      if (top!.name !== name) fail(`end tag </${name}> does not match <${top!.name}>`, open);
      const element = top!.element;
      if (stack.length > 0) stack.at(-1)!.children.push(element);
      else root = element;
      position = close + 1;
    } else {
      if (root) fail('a second root element', open);
      const { name, attributes, selfClosing, end } = readStartTag(text, open, fail);
      const parentNamespaces = stack.at(-1)?.namespaces ?? new Map([['xml', xmlNamespace]]);
      const namespaces = new Map(parentNamespaces);
      for (const [attribute, value] of attributes) {
        if (attribute === 'xmlns') namespaces.set('', value);
        else if (attribute.startsWith('xmlns:')) namespaces.set(attribute.slice(6), value);
      }
      const resolve = (qualified: string, isAttribute: boolean): { namespace: string; localName: string } => {
        const colon = qualified.indexOf(':');
        if (colon === -1) return { namespace: isAttribute ? '' : (namespaces.get('') ?? ''), localName: qualified };
        const prefix = qualified.slice(0, colon);
        const namespace = namespaces.get(prefix);
        if (namespace === undefined) fail(`undeclared namespace prefix "${prefix}"`, open);
        return { namespace: namespace!, localName: qualified.slice(colon + 1) };
      };
      const resolvedAttributes = new Map<string, string>();
      for (const [attribute, value] of attributes) {
        if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue;
        const { namespace, localName } = resolve(attribute, true);
        resolvedAttributes.set(namespace ? `{${namespace}}${localName}` : localName, decodeEntities(value, open, fail));
      }
      const children: (XmlElement | string)[] = [];
      const element = { ...resolve(name, false), attributes: resolvedAttributes, children };
      if (selfClosing) {
        if (stack.length > 0) stack.at(-1)!.children.push(element);
        else root = element;
      } else {
        if (stack.length >= maxDepth) fail(`elements nested deeper than ${maxDepth}`, open);
        stack.push({ name, namespaces, children, element });
      }
      position = end;
    }
  }
  if (stack.length > 0) fail(`<${stack.at(-1)!.name}> is never closed`, text.length);
  if (!root) fail('no root element', 0);
  return root!;
}

function skipPast(text: string, terminator: string, from: number, fail: (message: string, offset: number) => never): number {
  const end = text.indexOf(terminator, from);
  if (end === -1) fail(`unclosed ${terminator === '-->' ? 'comment' : 'processing instruction'}`, from);
  return end + terminator.length;
}

const nameCharacter = /[^\s/>=<"']/u;

function readStartTag(
  text: string,
  open: number,
  fail: (message: string, offset: number) => never,
): { name: string; attributes: [string, string][]; selfClosing: boolean; end: number } {
  let position = open + 1;
  const readName = (): string => {
    const start = position;
    while (position < text.length && nameCharacter.test(text[position]!)) position++;
    if (position === start) fail('a tag or attribute without a name', start);
    return text.slice(start, position);
  };
  const skipSpace = () => {
    while (position < text.length && /\s/u.test(text[position]!)) position++;
  };
  const name = readName();
  const attributes: [string, string][] = [];
  const seen = new Set<string>();
  for (;;) {
    const before = position;
    skipSpace();
    if (position >= text.length) fail(`unclosed start tag <${name}`, open);
    if (text.startsWith('/>', position)) return { name, attributes, selfClosing: true, end: position + 2 };
    if (text[position] === '>') return { name, attributes, selfClosing: false, end: position + 1 };
    if (position === before) fail(`attributes of <${name}> must be separated by white space`, position);
    const attribute = readName();
    skipSpace();
    if (text[position] !== '=') fail(`attribute ${attribute} of <${name}> has no value`, position);
    position++;
    skipSpace();
    const quote = text[position];
    if (quote !== '"' && quote !== "'") fail(`attribute ${attribute} of <${name}> is not quoted`, position);
    const end = text.indexOf(quote!, position + 1);
    if (end === -1) fail(`unclosed attribute value of ${attribute}`, position);
    const value = text.slice(position + 1, end);
    if (value.includes('<')) fail(`"<" in the value of attribute ${attribute}`, position);
    if (seen.has(attribute)) fail(`attribute ${attribute} repeated on <${name}>`, position);
    seen.add(attribute);
    attributes.push([attribute, value]);
    position = end + 1;
  }
}

function decodeEntities(text: string, offset: number, fail: (message: string, offset: number) => never): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]*);?/gu, (match, name: string) => {
    if (!match.endsWith(';')) fail('an "&" that starts no entity', offset);
    if (name.startsWith('#x') || name.startsWith('#X')) return codePoint(Number.parseInt(name.slice(2), 16), match, offset, fail);
    if (name.startsWith('#')) return codePoint(Number.parseInt(name.slice(1), 10), match, offset, fail);
    const value = predefined[name];
    if (value === undefined) fail(`unknown entity ${match}`, offset);
    return value!;
  });
}

function codePoint(value: number, match: string, offset: number, fail: (message: string, offset: number) => never): string {
  if (!Number.isInteger(value) || value < 1 || value > 0x10ffff) fail(`invalid character reference ${match}`, offset);
  return String.fromCodePoint(value);
}

/** Whether `node` is the element `localName` in `namespace`. */
export function isElement(node: XmlElement | string, namespace: string, localName: string): node is XmlElement {
  return typeof node !== 'string' && node.localName === localName && node.namespace === namespace;
}

/** The attribute `localName` in `namespace` ('' for an attribute without a prefix). */
export function attribute(element: XmlElement, namespace: string, localName: string): string | undefined {
  return element.attributes.get(namespace ? `{${namespace}}${localName}` : localName);
}

/** Child elements of `element`, optionally only those named `localName` in `namespace`. */
export function childElements(element: XmlElement, namespace?: string, localName?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement => typeof child !== 'string' && (namespace === undefined || (child.namespace === namespace && child.localName === localName)),
  );
}

/** Every descendant element named `localName` in `namespace`, in document order. */
export function descendants(element: XmlElement, namespace: string, localName: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (child.namespace === namespace && child.localName === localName) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}

/** The element's text, every descendant's included. */
export function textContent(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textContent(child))).join('');
}
