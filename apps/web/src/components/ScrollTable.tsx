import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a phone instead of overflowing the page. The scroll region
 * is named (by `label`, or by the element `labelledBy` names) and takes focus, so it can be
 * scrolled with the keyboard too.
 */
export function ScrollTable({ minWidth, label, labelledBy, children }: { minWidth: number; children: ReactNode } & ({ label: string; labelledBy?: never } | { labelledBy: string; label?: never })) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </Table.ScrollContainer>
  );
}
