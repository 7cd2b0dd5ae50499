import { Alert, Anchor, Button, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldMessage, problemMessage } from '@web/api/problem';

interface ProblemProps {
  error: unknown;
  /** Areas whose catalogues word this page's problem codes, e.g. ['auth']. */
  areas?: readonly string[];
  /** Field labels by field name: field errors are listed with them and link to the field. */
  labels?: Record<string, string>;
  /** Offered when someone else changed the data meanwhile (412). */
  onReload?: () => void;
  /** The form's name, where a page has several forms with the same field names (see fieldId). */
  form?: string;
}

/**
 * An API problem in words, announced to screen readers, above the form it concerns; each field's
 * own message is shown beside the field too (see fieldErrors).
 */
export function Problem({ error, areas = [], labels = {}, onReload, form }: ProblemProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const stale = error instanceof ApiError && error.status === 412;
  const title = stale ? t('errors.staleTitle') : problem?.errors?.length ? t('errors.validationTitle') : t('errors.title');
  return (
    <Alert color="red" variant="light" role="alert" title={title} mb="lg">
      <Text>{problemMessage(error, t, areas)}</Text>
      {problem?.errors?.length ? (
        <List mt="xs" size="sm">
          {problem.errors.map((fieldError) => (
            <List.Item key={fieldError.field}>
              {labels[fieldError.field] ? <Anchor href={`#${fieldId(fieldError.field, form)}`}>{labels[fieldError.field]}</Anchor> : fieldError.field}: {fieldMessage(fieldError)}
            </List.Item>
          ))}
        </List>
      ) : null}
      {/* For a failure of the server's, the id to quote when asking for help. */}
      {problem?.requestId && error instanceof ApiError && error.status >= 500 && (
        <Text size="sm" mt="xs">
          {t('errors.requestId', { id: problem.requestId })}
        </Text>
      )}
      {stale && onReload && (
        <Button mt="sm" variant="white" color="red" onClick={onReload}>
          {t('errors.reload')}
        </Button>
      )}
    </Alert>
  );
}

/** The id of the input for an API field name (in the named form, if several on the page share field names), so problems can link to it. */
export const fieldId = (field: string, form?: string): string => `field-${form ? `${form}-` : ''}${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
