import { Alert, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One part of the track page: a framed section named by its h2. */
export function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {intro && (
        <Text mb="md" c="gray.8">
          {intro}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/** A saved-form notice, announced politely. */
export function Saved({ shown, children }: { shown: boolean; children: ReactNode }) {
  return (
    <div aria-live="polite">
      {shown && (
        <Alert color="green" role="status" mb="md">
          {children}
        </Alert>
      )}
    </div>
  );
}
