// Characters that typed text and XML may carry, decided by code point (a regular expression with
// control characters in it would say the same less plainly).

/** Tab, line feed and carriage return are text; the other C0 controls and DEL are not. */
export function isControlCharacter(codePoint: number): boolean {
  return (codePoint < 0x20 && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d) || codePoint === 0x7f;
}

/** XML 1.0's Char production: what a feed or a document may contain at all. */
export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x09 ||
    codePoint === 0x0a ||
    codePoint === 0x0d ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

function keep(text: string, allowed: (codePoint: number) => boolean): string {
  let out = '';
  for (const char of text) if (allowed(char.codePointAt(0) ?? 0)) out += char;
  return out;
}

/** Typed text without control characters (PostgreSQL refuses NUL; none belongs in a letter). */
export function withoutControlCharacters(text: string): string {
  // Most text has none: answer without copying it.
  for (const char of text) if (isControlCharacter(char.codePointAt(0) ?? 0)) return keep(text, (c) => !isControlCharacter(c));
  return text;
}

/** Text with only the characters XML can carry (lone surrogates and controls dropped). */
export function xmlSafe(text: string): string {
  return keep(text, isXmlChar);
}

/**
 * Typed text as its paragraphs, which blank lines separate. Line breaks may be CRLF: a form posted
 * without JavaScript sends a textarea's lines so (HTML's form encoding), and text stored before the
 * form pipeline made them LF keeps them (case events cannot be rewritten).
 */
export function paragraphsOf(text: string | null | undefined): string[] {
  return (text ?? '').split(/(?:\r?\n){2,}/).filter((paragraph) => paragraph.trim().length > 0);
}
