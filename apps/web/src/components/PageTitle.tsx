import { Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1 (focused after navigation by the layout) and the document title. */
export function PageTitle({ children, intro }: { children: string; intro?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${children} – ${t('appName')}`;
  }, [children, t]);
  return (
    <>
      <Title order={1} tabIndex={-1} mb={intro ? 'xs' : 'lg'} fz={{ base: 28, sm: 34 }} lh={1.2}>
        {children}
      </Title>
      {intro && (
        <Text mb="lg" maw="65ch" c="gray.8">
          {intro}
        </Text>
      )}
    </>
  );
}
