// A crisis line's phone field may hold several numbers ("110 / 120", "400-161-9995、12356"): each
// must be its own link, or a tap on "120" would dial 110.

export interface DialNumber {
  /** The number as the settings wrote it. */
  label: string;
  /** What a tel: link dials: digits, and a leading +. */
  dial: string;
}

const SEPARATORS = /\s*(?:\/|,|，|、|;|；|\bor\b|或)\s*/u;

export function dialNumbers(phone: string): DialNumber[] {
  return phone
    .split(SEPARATORS)
    .map((part) => part.trim())
    .map((label) => ({ label, dial: label.replace(/(?!^\+)[^0-9]/g, '') }))
    .filter((number) => /\d{3,}/.test(number.dial));
}
