// Aligned text tables in the style of DiskRAID's `list` output: a header, a dashed rule, one row per item.

export interface Column<Row> {
  header: string;
  /** Numbers and sizes read best right-aligned. */
  align?: 'left' | 'right';
  value: (row: Row) => string;
}

const GAP = '  ';
const INDENT = '  ';

/** Display width of a string: code points, not UTF-16 units. */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** The table as lines (no trailing spaces), or a single "(none)" line under the header when there are no rows. */
export function renderTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string[] {
  const cells = rows.map((row) => columns.map((column) => column.value(row).replace(/[\r\n\t]/g, ' ')));
  const widths = columns.map((column, index) =>
    Math.max(width(column.header), ...cells.map((rowCells) => width(rowCells[index] ?? ''))),
  );
  const line = (values: readonly string[]): string =>
    (
      INDENT +
      values.map((value, index) => pad(value, widths[index] ?? 0, columns[index]?.align ?? 'left')).join(GAP)
    ).trimEnd();

  const lines = [line(columns.map((column) => column.header)), line(widths.map((size) => '-'.repeat(size)))];
  if (cells.length === 0) lines.push(`${INDENT}(none)`);
  for (const rowCells of cells) lines.push(line(rowCells));
  return lines;
}
