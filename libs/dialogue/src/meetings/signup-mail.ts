import type { OutboxPayload } from '@samverka/platform';
import type { DialogueMeeting, SignupStatus } from '../dialogue.entities.js';

const when = (meeting: DialogueMeeting, locale: string): string =>
  meeting.startsAt.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

const where = (meeting: DialogueMeeting): string => [meeting.place, meeting.link].filter(Boolean).join(' · ');

/** What a person who signed up, moved up from the waiting list or is due to come is told, with their personal link. */
export function signupMail(kind: Exclude<SignupStatus, 'cancelled'> | 'promoted' | 'reminder', meeting: DialogueMeeting, link: string | null): Pick<OutboxPayload, 'title' | 'body'> {
  const sv = { when: when(meeting, 'sv-SE'), where: where(meeting) };
  const en = { when: when(meeting, 'en-GB'), where: where(meeting) };
  const texts = {
    confirmed: {
      sv: [`Du är anmäld: ${meeting.theme}`, `Välkommen till dialogmötet ${sv.when}, ${sv.where}. Här lägger du till behov, röstar eller avbokar:`],
      en: [`You are signed up: ${meeting.theme}`, `Welcome to the dialogue meeting on ${en.when}, ${en.where}. Add needs, vote or cancel here:`],
    },
    waitlisted: {
      sv: [`Du står på väntelistan: ${meeting.theme}`, `Mötet ${sv.when} är fullt. Du får besked om en plats blir ledig. Avboka här:`],
      en: [`You are on the waiting list: ${meeting.theme}`, `The meeting on ${en.when} is full. You will hear if a seat comes free. Cancel here:`],
    },
    promoted: {
      sv: [`Du har fått en plats: ${meeting.theme}`, `En plats blev ledig på dialogmötet ${sv.when}, ${sv.where}, och den är din. Länken i ditt anmälningsmejl gäller.`],
      en: [`You have a seat: ${meeting.theme}`, `A seat came free at the dialogue meeting on ${en.when}, ${en.where}, and it is yours. The link in your sign-up e-mail works.`],
    },
    reminder: {
      sv: [`Påminnelse: ${meeting.theme}`, `Dialogmötet är ${sv.when}, ${sv.where}. Kan du inte komma, avboka med länken i ditt anmälningsmejl så att någon på väntelistan får platsen.`],
      en: [`Reminder: ${meeting.theme}`, `The dialogue meeting is on ${en.when}, ${en.where}. If you cannot come, cancel with the link in your sign-up e-mail so someone on the waiting list gets the seat.`],
    },
  }[kind];
  return {
    title: { sv: texts.sv[0], en: texts.en[0] },
    body: link ? { sv: `${texts.sv[1]}\n${link}`, en: `${texts.en[1]}\n${link}` } : { sv: texts.sv[1], en: texts.en[1] },
  };
}
