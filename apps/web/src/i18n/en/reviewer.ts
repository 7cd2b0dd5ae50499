import type { Catalogue } from '../catalogue';
import type sv from '../sv/reviewer';

export default {
  reviews: { title: 'My reviews' },
  review: { title: 'Review an application' },
} satisfies Catalogue<typeof sv>;
