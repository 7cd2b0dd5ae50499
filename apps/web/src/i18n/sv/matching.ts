export default {
  challengeQueue: { title: 'Utmaningar att granska' },
  challengeReview: { title: 'Granska utmaning' },
  matching: { title: 'Matchning' },
} as const;
