// Excel workbooks (.xlsx) for downloads, through exceljs: one sheet per table, a bold first row
// that stays in view, numbers as numbers. Text that a spreadsheet would run as a formula is kept
// as text, as in the CSV codec (OWASP "CSV injection").
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CsvCell } from './csv.ts';

export interface Sheet {
  name: string;
  /** The first row is the header. */
  rows: readonly (readonly CsvCell[])[];
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The style of every cell but the header's. */
const PLAIN: Partial<ExcelJS.Style> = {};

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string | number | null {
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], not blank, and unique
 * in the workbook (a suffix is added to repeats).
 */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  const base = (name.replace(/[:\\/?*[\]]/g, ' ').trim() || 'Sheet').slice(0, 31);
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  return candidate;
}

/**
 * Writes the workbook as it is built (exceljs' streaming writer), so a long ledger does not hold
 * every row's objects in memory at once.
 */
export async function toXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const name = sheetName(sheet.name, taken);
    taken.add(name.toLowerCase());
    const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.rows.forEach((row, index) => {
      const added = worksheet.addRow(row.map(cell));
      if (index === 0) added.font = { bold: true };
      // exceljs gives every cell a style object of its own and works each one out again; cells
      // sharing one object are worked out once (it remembers them by identity), which halves the
      // time a ledger of tens of thousands of rows takes.
      else added.eachCell((c) => (c.style = PLAIN));
      added.commit();
    });
    worksheet.commit();
  }
  await workbook.commit();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
