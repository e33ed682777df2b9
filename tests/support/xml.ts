// A small, strict XML 1.0 reader for tests: it refuses what a conforming parser refuses in the
// documents we write (bad nesting, stray < or &, unknown entities, unquoted or repeated
// attributes, characters XML cannot carry, content outside the root) and returns the element
// tree, so tests can check a feed's structure without a dependency. No DTDs, no CDATA.

import { isXmlChar } from '#app/platform/codecs/text.ts';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded (children's text not included). */
  text: string;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

class XmlError extends Error {}

function decode(raw: string, at: number): string {
  return raw.replace(/&([^;]*);|&/g, (_whole, body: string | undefined) => {
    if (body === undefined) throw new XmlError(`bare & near offset ${at}`);
    if (body in ENTITIES) return ENTITIES[body]!;
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (!numeric) throw new XmlError(`unknown entity &${body}; near offset ${at}`);
    const code = numeric[1] ? parseInt(numeric[1], 16) : Number(numeric[2]);
    const char = String.fromCodePoint(code);
    if (!isXmlChar(code)) throw new XmlError(`character reference to a non-XML character near offset ${at}`);
    return char;
  });
}

export function parseXml(source: string): XmlElement {
  if ([...source].some((char) => !isXmlChar(char.codePointAt(0) ?? 0))) throw new XmlError('contains a character XML 1.0 does not allow');
  let pos = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;

  const readName = (): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (!match) throw new XmlError(`expected a name at offset ${pos}`);
    pos += match[0].length;
    return match[0];
  };
  const skipSpace = () => {
    while (pos < source.length && /[ \t\r\n]/.test(source[pos]!)) pos++;
  };

  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) throw new XmlError('unterminated XML declaration');
    if (
      !/^<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z][-A-Za-z0-9._]*")?(\s+standalone="(yes|no)")?\s*\?>$/.test(
        source.slice(0, end + 2),
      )
    ) {
      throw new XmlError('malformed XML declaration');
    }
    pos = end + 2;
  }

  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const text = source.slice(pos, lt < 0 ? source.length : lt);
    if (text.includes(']]>')) throw new XmlError(`]]> in text at offset ${pos}`);
    const current = stack.at(-1);
    if (current) current.text += decode(text, pos);
    else if (text.trim() !== '') throw new XmlError(`text outside the root element at offset ${pos}`);
    if (lt < 0) break;
    pos = lt;

    if (source.startsWith('<!--', pos)) {
      const end = source.indexOf('-->', pos + 4);
      if (end < 0 || source.slice(pos + 4, end).includes('--')) throw new XmlError(`bad comment at offset ${pos}`);
      pos = end + 3;
    } else if (source.startsWith('<?', pos)) {
      const end = source.indexOf('?>', pos);
      if (end < 0) throw new XmlError(`unterminated processing instruction at offset ${pos}`);
      pos = end + 2;
    } else if (source.startsWith('<!', pos)) {
      throw new XmlError(`DOCTYPE or CDATA not expected at offset ${pos}`);
    } else if (source.startsWith('</', pos)) {
      pos += 2;
      const name = readName();
      skipSpace();
      if (source[pos] !== '>') throw new XmlError(`expected > at offset ${pos}`);
      pos++;
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlError(`</${name}> does not close <${open?.name ?? '(nothing)'}>`);
    } else {
      pos++;
      const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
      for (;;) {
        const before = pos;
        skipSpace();
        if (source.startsWith('/>', pos) || source[pos] === '>') break;
        if (pos === before) throw new XmlError(`expected space before an attribute at offset ${pos}`);
        const attribute = readName();
        skipSpace();
        if (source[pos] !== '=') throw new XmlError(`expected = after ${attribute} at offset ${pos}`);
        pos++;
        skipSpace();
        const quote = source[pos];
        if (quote !== '"' && quote !== "'") throw new XmlError(`unquoted value of ${attribute} at offset ${pos}`);
        const end = source.indexOf(quote, pos + 1);
        if (end < 0) throw new XmlError(`unterminated value of ${attribute}`);
        const raw = source.slice(pos + 1, end);
        if (raw.includes('<')) throw new XmlError(`< in the value of ${attribute} at offset ${pos}`);
        if (attribute in element.attributes) throw new XmlError(`repeated attribute ${attribute} at offset ${pos}`);
        element.attributes[attribute] = decode(raw, pos);
        pos = end + 1;
      }
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) throw new XmlError(`a second root element <${element.name}> at offset ${pos}`);
      else root = element;
      if (source.startsWith('/>', pos)) pos += 2;
      else {
        pos++;
        stack.push(element);
      }
    }
  }
  if (stack.length > 0) throw new XmlError(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new XmlError('no root element');
  return root;
}

export function checkWellFormedXml(source: string): { ok: true; root: string } | { ok: false; error: string } {
  try {
    return { ok: true, root: parseXml(source).name };
  } catch (error) {
    if (error instanceof XmlError) return { ok: false, error: error.message };
    throw error;
  }
}

/** The child elements of `element` named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function childText(element: XmlElement, name: string): string | undefined {
  return childrenNamed(element, name)[0]?.text;
}
