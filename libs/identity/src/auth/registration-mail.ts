import type { MailMessage } from '../mail/mailer.js';

/** Where the web app confirms an address: PUBLIC_URL/confirm-email?token=…, posted on to /api/auth/confirm-email. */
export const confirmationLink = (publicUrl: string, token: string): string => `${publicUrl.replace(/\/$/, '')}/confirm-email?token=${token}`;

export function confirmationMail(to: string, publicUrl: string, token: string, validUntil: Date): MailMessage {
  const link = confirmationLink(publicUrl, token);
  return {
    to,
    subject: 'Bekräfta din e-postadress / Confirm your email address',
    text: [
      `Bekräfta din e-postadress för att börja använda ditt Samverka-konto: ${link}`,
      '',
      `Confirm your email address to start using your Samverka account: ${link}`,
      '',
      'Bekräftelsekod / confirmation code:',
      token,
      `Giltig till / valid until: ${validUntil.toISOString()}`,
      '',
      'Har du inte registrerat dig? Då kan du bortse från det här meddelandet. / Did not sign up? Then ignore this message.',
    ].join('\n'),
  };
}

/** Sent instead of a confirmation when the address already has an account: only its owner learns that. */
export function accountExistsMail(to: string, publicUrl: string): MailMessage {
  return {
    to,
    subject: 'Du har redan ett Samverka-konto / You already have a Samverka account',
    text: [
      `Någon, kanske du, försökte registrera ett nytt konto med den här adressen. Du har redan ett konto: logga in på ${publicUrl}`,
      '',
      `Someone, perhaps you, tried to sign up with this address. You already have an account: log in at ${publicUrl}`,
      '',
      'Var det inte du? Då behöver du inte göra något. / Was it not you? Then there is nothing to do.',
    ].join('\n'),
  };
}
