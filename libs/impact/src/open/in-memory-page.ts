import { decodeCursor, encodeCursor, type Page, type PageQueryDto } from '@samverka/platform';

/**
 * A page of a list computed whole (thresholded groups cannot be paged in SQL: whether a group is
 * published depends on the others). The cursor names the last item's key, so a page resumes
 * after it even when earlier groups appeared or vanished meanwhile.
 */
export function pageOf<T>(items: readonly T[], page: PageQueryDto, keyOf: (item: T) => string): Page<T> {
  let start = 0;
  if (page.cursor) {
    const [position, key] = decodeCursor(page.cursor);
    const found = items.findIndex((item) => keyOf(item) === key);
    start = found >= 0 ? found + 1 : Number(position) + 1;
  }
  const slice = items.slice(start, start + page.limit);
  const hasMore = start + page.limit < items.length;
  return { items: slice, nextCursor: hasMore && slice.length ? encodeCursor([start + slice.length - 1, keyOf(slice[slice.length - 1])]) : null };
}
