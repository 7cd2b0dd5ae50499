import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAccount from './en/account';
import enAdmin from './en/admin';
import enAuth from './en/auth';
import enCommon from './en/common';
import enDepartment from './en/department';
import enDialogue from './en/dialogue';
import enEntrepreneur from './en/entrepreneur';
import enHome from './en/home';
import enInvitations from './en/invitations';
import enManager from './en/manager';
import enMatching from './en/matching';
import enOpen from './en/open';
import enPartners from './en/partners';
import enProgress from './en/progress';
import enReviewer from './en/reviewer';
import enSelection from './en/selection';
import enTracks from './en/tracks';
import svAccount from './sv/account';
import svAdmin from './sv/admin';
import svAuth from './sv/auth';
import svCommon from './sv/common';
import svDepartment from './sv/department';
import svDialogue from './sv/dialogue';
import svEntrepreneur from './sv/entrepreneur';
import svHome from './sv/home';
import svInvitations from './sv/invitations';
import svManager from './sv/manager';
import svMatching from './sv/matching';
import svOpen from './sv/open';
import svPartners from './sv/partners';
import svProgress from './sv/progress';
import svReviewer from './sv/reviewer';
import svSelection from './sv/selection';
import svTracks from './sv/tracks';

/** One catalogue per area, so pages of different areas never edit the same file. */
export const resources = {
  sv: { common: svCommon, auth: svAuth, home: svHome, entrepreneur: svEntrepreneur, account: svAccount, department: svDepartment, dialogue: svDialogue, manager: svManager, selection: svSelection, matching: svMatching, progress: svProgress, open: svOpen, partners: svPartners, reviewer: svReviewer, admin: svAdmin, invitations: svInvitations, tracks: svTracks },
  en: { common: enCommon, auth: enAuth, home: enHome, entrepreneur: enEntrepreneur, account: enAccount, department: enDepartment, dialogue: enDialogue, manager: enManager, selection: enSelection, matching: enMatching, progress: enProgress, open: enOpen, partners: enPartners, reviewer: enReviewer, admin: enAdmin, invitations: enInvitations, tracks: enTracks },
} as const;

export type Language = keyof typeof resources;
export const LANGUAGES = Object.keys(resources) as Language[];
const STORAGE_KEY = 'samverka.language';

function rememberedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.find((language) => language === stored) ?? 'sv';
}

export function setupI18n(): typeof i18next {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    localStorage.setItem(STORAGE_KEY, language);
  });
  void i18next.use(initReactI18next).init({
    resources,
    lng: rememberedLanguage(),
    fallbackLng: 'sv',
    defaultNS: 'common',
    ns: Object.keys(resources.sv),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['sv'];
  }
}
