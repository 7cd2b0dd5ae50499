export default {
  selection: { title: 'Urval' },
  applicationReviews: { title: 'Ansökan' },
} as const;
