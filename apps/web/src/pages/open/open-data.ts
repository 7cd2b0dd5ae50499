import { useTranslation } from 'react-i18next';
import { useSdgs } from '@web/api/reference';

/** The query string of an open-data address, for the JSON and CSV links (the same filters as the page). */
export const queryString = (query: Record<string, string | number | undefined>): string =>
  new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (value === undefined || value === '' ? [] : [[key, String(value)]]))).toString();

/** The open routes answer JSON or CSV; the pages ask for JSON (the default), so a text answer is a fault. */
export function json<T>(body: T | string): T {
  if (typeof body === 'string') throw new Error('The open data answered with text where JSON was asked for.');
  return body;
}

/** A Global Goal's name in the page's language. */
export function useGoalName() {
  const { i18n } = useTranslation();
  const sdgs = useSdgs();
  return (number: number, fallback = ''): string => {
    const goal = sdgs.data?.find((g) => g.number === number);
    return `${number}. ${goal ? (i18n.language === 'en' ? goal.nameEn : goal.nameSv) : fallback}`;
  };
}
