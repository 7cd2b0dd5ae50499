import type { Bilingual } from '@samverka/platform';
import type { ReviewDecision } from './challenge-lifecycle.js';

/** What the department is told about a review of its challenge; the reviewer's comment is passed on as written. */
export function reviewNotice(decision: ReviewDecision, challengeTitle: string, comment: string | null): { title: Bilingual; body: Bilingual } {
  const quoted = { sv: `”${challengeTitle}”`, en: `"${challengeTitle}"` };
  const { title, body } = {
    approve: {
      title: { sv: 'Er utmaning har godkänts', en: 'Your challenge was approved' },
      body: { sv: `${quoted.sv} är godkänd och kan nu matchas med innovatörer.`, en: `${quoted.en} is approved and can now be matched with innovators.` },
    },
    request_changes: {
      title: { sv: 'Er utmaning behöver ändras', en: 'Changes requested to your challenge' },
      body: { sv: `Granskaren ber er justera ${quoted.sv} och skicka in den igen.`, en: `The reviewer asks you to revise ${quoted.en} and submit it again.` },
    },
    reject: {
      title: { sv: 'Er utmaning har inte godkänts', en: 'Your challenge was not approved' },
      body: { sv: `${quoted.sv} har inte godkänts.`, en: `${quoted.en} was not approved.` },
    },
  }[decision];
  if (!comment) return { title, body };
  return { title, body: { sv: `${body.sv}\n\nKommentar: ${comment}`, en: `${body.en}\n\nComment: ${comment}` } };
}
