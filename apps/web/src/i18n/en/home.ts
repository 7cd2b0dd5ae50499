import type { Catalogue } from '../catalogue';
import type sv from '../sv/home';

export default {
  title: 'Hello {{name}}!',
  intro: 'Here is what is waiting for you today.',
  notifications: 'Latest events',
  noNotifications: 'You have no notifications.',
  unread: 'Unread',
  profileMissing: { title: 'Tell us about yourself', body: 'Fill in your profile so that programme managers and departments see what you can contribute.', action: 'Fill in the profile' },
  drafts: { title: 'Applications to submit', action: 'Continue your application to {{cohort}}' },
  open: { title: 'Open calls', body_one: 'There is one open call you can apply to.', body_other: 'There are {{formatted}} open calls you can apply to.', action: 'See the open calls' },
} satisfies Catalogue<typeof sv>;
