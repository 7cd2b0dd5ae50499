import { useTranslation } from 'react-i18next';
import type { Schemas } from '@web/api/client';

export type Match = Schemas['MatchView'];

export const journeyKeys = {
  matches: (language: string) => ['entrepreneur', 'matches', language] as const,
  allMatches: ['entrepreneur', 'matches'] as const,
};

/** The reasons come in the language asked for, so the list follows the page's language. */
export const useLanguageHeader = () => {
  const { i18n } = useTranslation();
  return { language: i18n.language, headers: { 'Accept-Language': i18n.language } };
};
