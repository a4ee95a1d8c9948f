import ExcelJS from 'exceljs';
import { berlinWallClock } from './berlin-time';
import type { Cell, Table } from './table';

// XML 1.0 can't hold these; one in a card would make Excel refuse the whole file.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** The tables as one Excel workbook, a sheet each: header row bold and frozen, filters on. */
export async function tablesXlsx(tables: Table[], created = new Date()): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'dialograum';
	workbook.created = created;
	for (const table of tables) {
		const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.columns = table.columns.map((c) => ({
			header: c.header,
			width: c.width,
			style: c.format === 'share' ? { numFmt: '0.0%' } : {}
		}));
		sheet.getRow(1).font = { bold: true };
		for (const row of table.rows) {
			const added = sheet.addRow(row.map(xlsxCell));
			row.forEach((cell, i) => {
				if (cell instanceof Date) added.getCell(i + 1).numFmt = 'dd.mm.yyyy hh:mm:ss';
				else if (typeof cell === 'string') added.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
			});
		}
		sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Strings are written as strings: exceljs makes a formula only from a `{ formula }` object, never from "=…".
function xlsxCell(cell: Cell): ExcelJS.CellValue {
	if (cell instanceof Date) return berlinWallClock(cell);
	if (typeof cell === 'string') return cell.replace(XML_INVALID, '');
	return cell;
}
