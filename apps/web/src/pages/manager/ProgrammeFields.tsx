import { TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldId } from '@web/components/Problem';

interface Props {
  name: string;
  description: string;
  onName: (name: string) => void;
  onDescription: (description: string) => void;
  errors: Record<string, string>;
  /** The form's name, so a page with another programme form keeps its field ids apart (see fieldId). */
  form?: string;
}

/** A programme's name and description: the same fields when starting and editing one. */
export function ProgrammeFields({ name, description, onName, onDescription, errors, form }: Props) {
  const { t } = useTranslation('manager');
  return (
    <>
      <TextInput id={fieldId('name', form)} label={t('programme.name')} required maxLength={200} value={name} onChange={(event) => onName(event.currentTarget.value)} error={errors.name} />
      <Textarea
        id={fieldId('description', form)}
        label={t('programme.description')}
        autosize
        minRows={3}
        maxLength={5000}
        value={description}
        onChange={(event) => onDescription(event.currentTarget.value)}
        error={errors.description}
      />
    </>
  );
}
