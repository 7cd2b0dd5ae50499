import { Table, Text, type TableProps } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { ScrollTable } from '@web/components/ScrollTable';

/**
 * A table that scrolls sideways inside its own focusable region on a narrow screen, captioned
 * above the region: a <caption> would be as wide as the table and cut off on a phone.
 */
export function CaptionedTable({ caption, minWidth, children, ...tableProps }: { caption: string; minWidth: number; children: ReactNode } & TableProps) {
  const id = useId();
  return (
    <>
      <Text id={id} size="sm" c="gray.8" mb={4}>
        {caption}
      </Text>
      <ScrollTable minWidth={minWidth} labelledBy={id}>
        <Table aria-labelledby={id} verticalSpacing="xs" horizontalSpacing="xs" {...tableProps}>
          {children}
        </Table>
      </ScrollTable>
    </>
  );
}
