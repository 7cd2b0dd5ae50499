export default {
  title: 'Hej {{name}}!',
  intro: 'Här ser du det som väntar på dig i dag.',
  notifications: 'Senaste händelserna',
  noNotifications: 'Du har inga aviseringar.',
  unread: 'Oläst',
  profileMissing: { title: 'Berätta om dig själv', body: 'Fyll i din profil så att programledarna och förvaltningarna ser vad du kan bidra med.', action: 'Fyll i profilen' },
  drafts: { title: 'Ansökningar att skicka in', action: 'Fortsätt med ansökan till {{cohort}}' },
  open: { title: 'Öppna utlysningar', body_one: 'Det finns en utlysning du kan söka till.', body_other: 'Det finns {{formatted}} utlysningar du kan söka till.', action: 'Se utlysningarna' },
} as const;
