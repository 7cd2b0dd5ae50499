export default {
  programmes: { title: 'Program' },
  programme: { title: 'Program' },
  cohortTabs: { label: "Omgångens sidor", overview: 'Översikt', applications: 'Ansökningar och urval', matching: 'Matchning', tracks: 'Spår', impact: 'Effekter och lärande' },
  cohort: { title: 'Omgång' },
} as const;
