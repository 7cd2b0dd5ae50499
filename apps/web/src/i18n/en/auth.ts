import type { Catalogue } from '../catalogue';
import type sv from '../sv/auth';

export default {
  email: 'Email address',
  password: 'Password',
  passwordHint: 'At least 10 characters. Avoid common passwords.',
  displayName: 'Your name',
  displayNameHint: 'As others in the programme see you.',
  login: {
    title: 'Log in',
    intro: 'Log in to see what is waiting for you.',
    submit: 'Log in',
    noAccount: 'New as an innovator?',
    register: 'Create an account',
    loggedOut: 'You are logged out.',
  },
  register: {
    title: 'Create account',
    intro: 'As a social entrepreneur, researcher or student you can apply to the city’s accelerator programmes. Other roles receive an invitation.',
    submit: 'Create account',
    haveAccount: 'Already have an account?',
    sentTitle: 'Check your email',
    sent: 'We have sent an email to {{email}}. Open the link in it to confirm the address, then log in.',
  },
  confirm: {
    title: 'Confirm email address',
    working: 'Confirming your email address …',
    done: 'Thank you! Your email address is confirmed and you can log in.',
    failed: 'The link no longer works. It may have been used already or be too old. Sign up again to get a new link.',
    missing: 'The link lacks its code. Open the link in the email again.',
    toLogin: 'To the login',
  },
  invitation: {
    title: 'Accept the invitation',
    intro: 'You have been invited to Samverka. Choose your name and a password. If you already have an account with this address, give your current password.',
    submit: 'Accept and log in',
    missing: 'The link lacks its code. Open the link in the invitation again.',
  },
  problems: {
    invalid_credentials: 'The email address or password is wrong.',
    email_taken: 'There already is an account with that email address. Log in instead.',
    email_not_confirmed: 'First confirm your email address with the link we emailed you.',
    invalid_invitation: 'The invitation is unknown, already used, revoked or too old. Ask for a new one.',
    invalid_confirmation_token: 'The link is unknown, already used or too old.',
  },
} satisfies Catalogue<typeof sv>;
