// CSV (RFC 4180) for downloads that open in spreadsheet programs: quoted where needed, CRLF line
// ends, a UTF-8 byte-order mark so Excel reads Chinese correctly, and no cell that a spreadsheet
// would run as a formula (OWASP "CSV injection").

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // A text cell that starts like a formula is kept as text by a leading apostrophe.
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
