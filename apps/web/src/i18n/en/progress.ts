import type { Catalogue } from '../catalogue';
import type sv from '../sv/progress';

export default {
  tracksBoard: { title: 'Tracks' },
  impact: { title: 'Impact and learning' },
  methodCards: { title: 'Method cards' },
} satisfies Catalogue<typeof sv>;
