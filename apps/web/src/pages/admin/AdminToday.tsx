import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@web/i18n/format';
import { fetchUsers, keys } from './queries';

/** The admin's part of the home page: deactivated accounts to keep an eye on, and the usual ways in. */
export function AdminToday() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const deactivated = useQuery({ queryKey: [...keys.users, 'deactivated-count'], queryFn: async () => (await fetchUsers({ status: 'deactivated', limit: 100 })).items.length });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="admin-today">
      <Title order={2} size="h3" id="admin-today" mb="xs">
        {t('today.title')}
      </Title>
      {deactivated.data !== undefined && (
        <Text mb="md">{deactivated.data ? t('today.deactivated', { count: deactivated.data, formatted: format.number(deactivated.data) }) : t('today.noneDeactivated')}</Text>
      )}
      <Group gap="sm">
        <Button renderRoot={(props) => <Link {...props} to="/admin/users" search={{ invite: true }} />}>
          {t('today.invite')}
        </Button>
        {Boolean(deactivated.data) && (
          <Button renderRoot={(props) => <Link {...props} to="/admin/users" search={{ status: 'deactivated' }} />} variant="default">
            {t('today.showDeactivated')}
          </Button>
        )}
        <Button component={Link} to="/admin/audit" variant="default">
          {t('today.audit')}
        </Button>
      </Group>
    </Paper>
  );
}
