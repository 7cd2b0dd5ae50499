export default {
  users: { title: 'Personer' },
  consentPurposes: { title: 'Samtyckesändamål' },
  audit: { title: 'Händelselogg' },
} as const;
