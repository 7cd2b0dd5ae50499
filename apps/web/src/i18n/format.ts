import { useTranslation } from 'react-i18next';

/** Swedish conventions for dates and numbers in both languages (English as written in Sweden). */
const LOCALES = { sv: 'sv-SE', en: 'en-SE' } as const;

/** Names from the API sort the Swedish way: å, ä, ö after z. */
export const swedishCollator = new Intl.Collator('sv-SE');

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALES[i18n.language as keyof typeof LOCALES] ?? LOCALES.sv;
  return {
    locale,
    date: (value: string | Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(value)),
    dateTime: (value: string | Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(value)),
    /** A `YYYY-MM` month as the API gives it, e.g. "okt. 2026". */
    month: (value: string) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${value}-01T00:00:00Z`)),
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
    language: (code: string) => new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code,
  };
}
