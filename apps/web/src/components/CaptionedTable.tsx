import { Table, Text, type TableProps } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { ScrollTable } from './ScrollTable';

/**
 * A table that scrolls sideways inside its own focusable region on a narrow screen, captioned
 * above the region: a <caption> would be as wide as the table and cut off on a phone.
 */
export function CaptionedTable({ caption, minWidth, children, ...tableProps }: { caption: string; minWidth: number; children: ReactNode } & TableProps) {
  const id = useId();
  // One element, so that a Stack spaces the captioned table as a whole.
  return (
    <div>
      <Text id={id} size="sm" c="gray.8" mb={4}>
        {caption}
      </Text>
      <ScrollTable minWidth={minWidth} labelledBy={id}>
        <Table aria-labelledby={id} verticalSpacing="xs" horizontalSpacing="xs" {...tableProps}>
          {children}
        </Table>
      </ScrollTable>
    </div>
  );
}

export interface Column<R> {
  header: string;
  cell: (row: R) => ReactNode;
  numeric?: boolean;
}

/** Rows of figures as a captioned table: one column header each, the first cell of a row heads the row, numbers to the right. */
export function ColumnTable<R>({ caption, rows, columns, rowKey, minWidth = 120 * columns.length }: { caption: string; rows: R[]; columns: Column<R>[]; rowKey: (row: R) => string; minWidth?: number }) {
  return (
    <CaptionedTable caption={caption} minWidth={minWidth} striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column.header} scope="col" ta={column.numeric ? 'right' : undefined}>
              {column.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={rowKey(row)}>
            {columns.map((column, index) =>
              index === 0 ? (
                <Table.Th key={column.header} scope="row" fw={500}>
                  {column.cell(row)}
                </Table.Th>
              ) : (
                <Table.Td key={column.header} ta={column.numeric ? 'right' : undefined}>
                  {column.cell(row)}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </CaptionedTable>
  );
}
