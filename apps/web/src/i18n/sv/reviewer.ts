export default {
  reviews: { title: 'Mina granskningar' },
  review: { title: 'Granska ansökan' },
} as const;
