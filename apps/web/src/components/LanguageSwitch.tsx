import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@web/i18n';

/** Offers the other language, named in that language (and marked so screen readers say it right). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = LANGUAGES.find((language) => language !== i18n.language) ?? 'sv';
  return (
    <Button variant="subtle" lang={other} onClick={() => void i18n.changeLanguage(other)}>
      {t(`languages.${other}`, { lng: other })}
    </Button>
  );
}
