import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@web/i18n/format';

/** Scores with two decimals the Swedish way; a missing score as a dash; a difference with its sign. */
export function useScoreFormat() {
  const { t } = useTranslation('selection');
  const { locale } = useFormat();
  return useMemo(() => {
    const plain = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const signed = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
    return {
      score: (value: number | null | undefined) => (value === null || value === undefined ? t('table.noScore') : plain.format(value)),
      signed: (value: number) => signed.format(value),
    };
  }, [locale, t]);
}
