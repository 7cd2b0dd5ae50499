import type { Catalogue } from '../catalogue';
import type sv from '../sv/admin';

export default {
  users: { title: 'People' },
  consentPurposes: { title: 'Consent purposes' },
  audit: { title: 'Audit trail' },
} satisfies Catalogue<typeof sv>;
