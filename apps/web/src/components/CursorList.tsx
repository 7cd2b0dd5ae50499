import { Button, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from './QueryState';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type CursorListProps<T> = {
  queryKey: QueryKey;
  /** One page of the API's list, from `cursor` (undefined for the first). */
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>;
  empty: string;
} & (
  | { renderItem: (item: T) => ReactNode; itemKey: (item: T) => string; renderItems?: never }
  /** Lays out all items read so far at once (e.g. as table rows), instead of one `renderItem` after another. */
  | { renderItems: (items: T[]) => ReactNode; renderItem?: never; itemKey?: never }
);

/** A list read page by page with the API's cursors, with loading and empty states in words. */
export function CursorList<T>({ queryKey, fetchPage, renderItem, itemKey, empty, renderItems }: CursorListProps<T>) {
  const { t } = useTranslation();
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  return (
    <QueryState query={query}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (!items.length) return <Text>{empty}</Text>;
        return (
          <Stack gap="md">
            {renderItems ? renderItems(items) : items.map((item) => <div key={itemKey(item)}>{renderItem(item)}</div>)}
            {query.hasNextPage && (
              <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
                {t('showMore')}
              </Button>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
