import { describe, expect, it } from 'vitest';
import { renderTable, type Column } from '../../../electron/host/cli/table';

interface Row {
  name: string;
  size: string;
}

const columns: Column<Row>[] = [
  { header: 'Name', value: (r) => r.name },
  { header: 'Size', align: 'right', value: (r) => r.size },
  { header: 'Flags', value: () => '' },
];

describe('renderTable', () => {
  it('aligns every column: left text, right numbers and their headers, a rule as wide as the column', () => {
    const lines = renderTable(columns, [
      { name: 'Bay 00', size: '1.75 TiB' },
      { name: 'A much longer drive name', size: '512 GiB' },
    ]);
    expect(lines).toEqual([
      '  Name                          Size  Flags',
      '  ------------------------  --------  -----',
      '  Bay 00                    1.75 TiB',
      '  A much longer drive name   512 GiB',
    ]);
  });

  it('measures width in code points, not UTF-16 units', () => {
    const lines = renderTable(columns, [
      { name: 'x', size: '1 B' },
      { name: 'Ünïcödé 名前', size: '10 GiB' },
    ]);
    expect(lines[2]).toBe(`  x${' '.repeat(14)}1 B`);
    expect(lines[3]).toBe('  Ünïcödé 名前  10 GiB');
  });

  it('says (none) under the header when there are no rows', () => {
    expect(renderTable(columns, [])).toEqual(['  Name  Size  Flags', '  ----  ----  -----', '  (none)']);
  });

  it('keeps a row on one line when a value holds a newline or tab', () => {
    const lines = renderTable(columns, [{ name: 'two\nlines\there', size: '1 B' }]);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('  two lines here   1 B');
  });
});
