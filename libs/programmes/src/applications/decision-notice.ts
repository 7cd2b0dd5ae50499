import type { Bilingual } from '@samverka/platform';
import type { Decision } from './application-lifecycle.js';

/** What the applicant is told about the manager's decision, with the note they can read on their application anyway. */
export function decisionNotice(decision: Decision, cohortName: string, note: string | undefined): { title: Bilingual; body: Bilingual } {
  const { title, body } = {
    accept: {
      title: { sv: 'Du har blivit antagen!', en: 'You have been accepted!' },
      body: { sv: `Välkommen till ${cohortName}. Nästa steg är matchningen med en utmaning.`, en: `Welcome to ${cohortName}. Next comes matching with a challenge.` },
    },
    waitlist: {
      title: { sv: 'Du står på reservlistan', en: 'You are on the waiting list' },
      body: {
        sv: `Din ansökan till ${cohortName} står på reservlistan. Vi hör av oss om en plats blir ledig.`,
        en: `Your application to ${cohortName} is on the waiting list. We will let you know if a seat opens up.`,
      },
    },
    reject: {
      title: { sv: 'Besked om din ansökan', en: 'News about your application' },
      body: {
        sv: `Din ansökan till ${cohortName} blev tyvärr inte antagen den här gången. Tack för ditt intresse!`,
        en: `Your application to ${cohortName} was not accepted this time. Thank you for your interest!`,
      },
    },
  }[decision];
  if (!note?.trim()) return { title, body };
  return { title, body: { sv: `${body.sv}\n\n${note}`, en: `${body.en}\n\n${note}` } };
}
