// What leaves the system is redacted by default (arts. 30, 46(5) and PIPL): a case forwarded to
// another agency (转送), printed for a transfer, or a reply copied to a merged case carries no name,
// phone number, ID card number, email or street address of the citizen. Found from the contact
// details the case holds and by patterns; staff see each masked span and may unmask one, with a
// reason that is audited. Pure: offsets are into the text as given.

export const SPAN_KINDS = ['name', 'idNumber', 'email', 'phone', 'address'] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];

export interface MaskedSpan {
  start: number;
  end: number;
  kind: SpanKind;
}

/** The contact details the case holds, found wherever they appear in the text. */
export interface KnownDetails {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  postalAddress?: string | null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** A resident identity card number (GB 11643-1999): 17 digits and a check character that matches them. */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === value[17]!.toUpperCase();
}

const HAN = '\\u4e00-\\u9fff';
const CN_NUMBER = `\\d一二三四五六七八九十百零〇`;

/** Words that lead into an address but are not part of it ("我住在建设路12号"). */
const ADDRESS_LEAD = /^(?:我们|我家|我|家|他|她|现|目前|住在|住址|住|在|位于|地址|是|为|于|到|去|的|：|:)+/;

/** Patterns in the order they win over each other where they overlap. */
const PATTERNS: { kind: SpanKind; pattern: RegExp; check?: (match: string) => boolean; lead?: RegExp }[] = [
  // 18 characters not inside a longer run of digits or letters; the check digit must match.
  { kind: 'idNumber', pattern: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, check: isValidIdNumber },
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  // Mainland mobiles (with or without +86 and separators) and landlines with an area code.
  { kind: 'phone', pattern: /(?<![\d])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![\d])/g },
  { kind: 'phone', pattern: /(?<![\d])\(?0\d{2,3}\)?[\s-]?\d{7,8}(?![\d])/g },
  // Street addresses: …路/街/巷… 12号 (3栋401室), a housing estate's building and flat, or "12 Main Street".
  {
    kind: 'address',
    pattern: new RegExp(
      `[${HAN}]{1,8}(?:大街|大道|路|街|巷|胡同|弄|里)[${CN_NUMBER}]+号(?:院)?(?:[${CN_NUMBER}\\-]+(?:号楼|栋|幢|座|单元|层|楼|室|号))*`,
      'g',
    ),
    lead: ADDRESS_LEAD,
  },
  {
    kind: 'address',
    pattern: new RegExp(
      `[${HAN}]{1,8}(?:小区|花园|公寓|新村|家园|苑)[${CN_NUMBER}]+(?:号楼|栋|幢|座)(?:[${CN_NUMBER}\\-]+(?:单元|层|室|号))*`,
      'g',
    ),
    lead: ADDRESS_LEAD,
  },
  { kind: 'address', pattern: /\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr)\b\.?/g },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a known detail occurs. A phone number is found whatever separators the text puts in it. */
function knownSpans(text: string, known: KnownDetails): MaskedSpan[] {
  const out: MaskedSpan[] = [];
  const find = (kind: SpanKind, pattern: RegExp) => {
    for (const match of text.matchAll(pattern)) out.push({ start: match.index, end: match.index + match[0].length, kind });
  };
  const name = known.name?.trim();
  // A one-character "name" would mask every use of that character.
  if (name && name.length >= 2) find('name', new RegExp(escapeRegExp(name), 'g'));
  const email = known.email?.trim();
  if (email) find('email', new RegExp(escapeRegExp(email), 'gi'));
  const address = known.postalAddress?.trim();
  if (address && address.length >= 4) find('address', new RegExp(escapeRegExp(address), 'g'));
  const digits = known.phone?.replace(/\D/g, '') ?? '';
  if (digits.length >= 5) find('phone', new RegExp(`(?<!\\d)${digits.split('').join('[\\s-]?')}(?!\\d)`, 'g'));
  return out;
}

/**
 * The spans of personal data in `text`, in order and never overlapping: the case's own contact
 * details first, then ID numbers, emails, phone numbers and addresses by pattern (only the kinds
 * in `patterns`: an answer staff wrote may hold the office's own phone number, never an ID number).
 */
export function findPersonalData(text: string, known: KnownDetails = {}, patterns: readonly SpanKind[] = SPAN_KINDS): MaskedSpan[] {
  const candidates: MaskedSpan[] = [...knownSpans(text, known)];
  for (const { kind, pattern, check, lead } of PATTERNS) {
    if (!patterns.includes(kind)) continue;
    for (const match of text.matchAll(pattern)) {
      if (check && !check(match[0])) continue;
      const skip = lead ? (lead.exec(match[0])?.[0].length ?? 0) : 0;
      candidates.push({ start: match.index + skip, end: match.index + match[0].length, kind });
    }
  }
  // Earlier candidates win an overlap (known details, then the patterns' order), then the longer.
  const taken: MaskedSpan[] = [];
  for (const span of candidates) {
    if (span.end <= span.start) continue;
    if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
    taken.push(span);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** A span's stable key, as the transfer page posts it to unmask the span. */
export function spanKey(span: Pick<MaskedSpan, 'start' | 'end'>): string {
  return `${span.start}-${span.end}`;
}

/**
 * The text with each span replaced by its label, except the spans staff unmasked (by key).
 */
export function redact(
  text: string,
  spans: readonly MaskedSpan[],
  label: (kind: SpanKind) => string,
  unmasked: ReadonlySet<string> = new Set(),
): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (unmasked.has(spanKey(span))) continue;
    out += text.slice(at, span.start) + label(span.kind);
    at = span.end;
  }
  return out + text.slice(at);
}

/** The text as pieces, plain or masked, for a page that shows which spans were masked. */
export function redactionPieces(
  text: string,
  spans: readonly MaskedSpan[],
): ({ kind: 'text'; text: string } | { kind: 'masked'; span: MaskedSpan; text: string })[] {
  const out: ({ kind: 'text'; text: string } | { kind: 'masked'; span: MaskedSpan; text: string })[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) out.push({ kind: 'text', text: text.slice(at, span.start) });
    out.push({ kind: 'masked', span, text: text.slice(span.start, span.end) });
    at = span.end;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}
