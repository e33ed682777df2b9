import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetName, toXlsx } from './xlsx.server.ts';

describe('xlsx workbooks', () => {
  it('writes one sheet per table, numbers as numbers, formulas kept as text', async () => {
    const bytes = await toXlsx([
      {
        name: '按渠道',
        rows: [
          ['渠道', '件数'],
          ['网上', 12],
          ['=HYPERLINK("x")', null],
        ],
      },
      { name: 'By: unit/area?', rows: [['Unit', 'Cases']] },
    ]);
    // A zip file (every .xlsx is one).
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['按渠道', 'By  unit area']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '渠道', '件数']);
    expect(sheet.getRow(2).getCell(2).value).toBe(12);
    expect(sheet.getRow(3).getCell(1).value).toBe('\'=HYPERLINK("x")');
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('names sheets as Excel allows: 31 characters, no special characters, no repeats', () => {
    const taken = new Set<string>();
    const first = sheetName('A very long table name that goes on and on', taken);
    expect(first).toHaveLength(31);
    taken.add(first.toLowerCase());
    const second = sheetName('A very long table name that goes on and on', taken);
    expect(second).toHaveLength(31);
    expect(second.endsWith(' 2')).toBe(true);
    expect(sheetName('[]', new Set())).toBe('Sheet');
  });
});
