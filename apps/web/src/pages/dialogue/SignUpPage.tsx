import { Alert, Anchor, Button, Checkbox, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { PageTitle } from '@web/components/PageTitle';
import { Problem, fieldId } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { MeetingFacts } from './MeetingFacts';
import { useInvitation, type Sector } from './queries';

/** The public sign-up form of a dialogue meeting: no account, consent to the stated purpose. */
export function SignUpPage() {
  const { meetingId } = useParams({ from: '/dialogue/sign-up/$meetingId' });
  const { t } = useTranslation('dialogue');
  const invitation = useInvitation(meetingId);
  const format = useFormat();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={640} mx="auto">
      <PageTitle>{t('signup.title')}</PageTitle>
      <QueryState query={invitation}>
        {(meeting) => (
          <>
            <Title order={2} size="h3" mb="xs">
              {meeting.theme}
            </Title>
            <MeetingFacts meeting={meeting} />
            {meeting.hasBegun ? (
              <Alert mt="lg" color="gray" role="status" title={t('signup.pastTitle')}>
                <Text>{t('signup.past', { date: format.dateTime(meeting.startsAt) })}</Text>
              </Alert>
            ) : (
              <SignUpForm meetingId={meetingId} sectors={meeting.sectors} full={meeting.seatCounts.free === 0} consent={meeting.consent} />
            )}
          </>
        )}
      </QueryState>
    </Paper>
  );
}

interface Consent {
  textVersion: number;
  titleSv: string;
  titleEn: string;
  textSv: string;
  textEn: string;
}

function SignUpForm({ meetingId, sectors, full, consent }: { meetingId: string; sectors: Sector[]; full: boolean; consent: Consent }) {
  const { t, i18n } = useTranslation('dialogue');
  const [form, setForm] = useState({ name: '', email: '', organisation: '', sector: sectors.length === 1 ? sectors[0] : (null as Sector | null), given: false });
  const signUp = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/dialogue-meetings/{id}/signups', {
          params: { path: { id: meetingId } },
          body: { name: form.name, email: form.email, organisation: form.organisation || undefined, sector: form.sector as Sector, consent: { given: form.given, textVersion: consent.textVersion } },
        })
      ),
  });
  const errors = fieldErrors(signUp.error);
  const english = i18n.language === 'en';
  const labels = { name: t('signup.name'), email: t('signup.email'), organisation: t('signup.organisation'), sector: t('signup.sector'), 'consent.given': t('signup.consentHeading') };
  const text = (name: 'name' | 'email' | 'organisation') => ({
    id: fieldId(name),
    value: form[name],
    error: errors[name],
    onChange: (event: { currentTarget: HTMLInputElement }) => setForm({ ...form, [name]: event.currentTarget.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate();
  };

  if (signUp.data) {
    const waitlisted = signUp.data.status === 'waitlisted';
    return (
      <Alert mt="lg" color={waitlisted ? 'yellow' : 'green'} role="status" title={waitlisted ? t('signup.waitlistedTitle') : t('signup.confirmedTitle')}>
        <Text>{waitlisted ? t('signup.waitlisted', { position: signUp.data.waitlistPosition, email: form.email }) : t('signup.confirmed', { email: form.email })}</Text>
        <Anchor mt="xs" display="inline-block" renderRoot={(props) => <Link {...props} to="/dialogue/participation/$token" params={{ token: signUp.data.token }} />}>
          {t('signup.toMeeting')}
        </Anchor>
      </Alert>
    );
  }
  return (
    <Stack mt="lg" gap="md">
      {full && (
        <Alert color="yellow" role="status">
          {t('signup.full')}
        </Alert>
      )}
      <Problem error={signUp.error} areas={['dialogue']} labels={labels} />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={labels.name} autoComplete="name" required maxLength={200} {...text('name')} />
          <TextInput label={labels.email} type="email" autoComplete="email" required {...text('email')} />
          <TextInput label={labels.organisation} autoComplete="organization" maxLength={200} {...text('organisation')} />
          <Select
            id={fieldId('sector')}
            label={labels.sector}
            required
            data={sectors.map((sector) => ({ value: sector, label: t(`sectors.${sector}`) }))}
            value={form.sector}
            onChange={(value) => setForm({ ...form, sector: value as Sector | null })}
            error={errors.sector}
            allowDeselect={false}
          />
          <Paper withBorder p="sm" bg="gray.0" component="section" aria-labelledby="consent-heading">
            <Title order={2} size="h5" id="consent-heading">
              {t('signup.consentHeading')}
            </Title>
            <Text size="sm" mt={4}>
              {english ? consent.textEn : consent.textSv}
            </Text>
            <Checkbox
              id={fieldId('consent.given')}
              mt="sm"
              label={t('signup.consent', { title: english ? consent.titleEn : consent.titleSv })}
              checked={form.given}
              onChange={(event) => setForm({ ...form, given: event.currentTarget.checked })}
              error={errors['consent.given']}
              required
            />
          </Paper>
          <Button type="submit" size="md" loading={signUp.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('signup.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
