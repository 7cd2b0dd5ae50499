export default {
  tracksBoard: { title: 'Spår' },
  impact: { title: 'Effekter och lärande' },
  methodCards: { title: 'Metodkort' },
} as const;
