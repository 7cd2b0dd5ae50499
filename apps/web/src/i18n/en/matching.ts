import type { Catalogue } from '../catalogue';
import type sv from '../sv/matching';

export default {
  challengeQueue: { title: 'Challenges to review' },
  challengeReview: { title: 'Review a challenge' },
  matching: { title: 'Matching' },
} satisfies Catalogue<typeof sv>;
