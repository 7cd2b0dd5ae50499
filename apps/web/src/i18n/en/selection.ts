import type { Catalogue } from '../catalogue';
import type sv from '../sv/selection';

export default {
  selection: { title: 'Selection' },
  applicationReviews: { title: 'Application' },
} satisfies Catalogue<typeof sv>;
