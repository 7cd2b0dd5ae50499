import type { Catalogue } from '../catalogue';
import type sv from '../sv/manager';

export default {
  programmes: { title: 'Programmes' },
  programme: { title: 'Programme' },
  cohortTabs: { label: "The cohort's pages", overview: 'Overview', applications: 'Applications and selection', matching: 'Matching', tracks: 'Tracks', impact: 'Impact and learning' },
  cohort: { title: 'Cohort' },
} satisfies Catalogue<typeof sv>;
