const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

// Asking ICU costs far more than a lookup, and there are only 676 pairs of letters to remember.
const namesALanguage = new Map<string, boolean>();

/** An ISO 639-1 code: two letters that name a language (e.g. `sv`, `ar`, `so`). */
export function isLanguageCode(code: string): boolean {
  if (!/^[a-z]{2}$/.test(code)) return false;
  let known = namesALanguage.get(code);
  if (known === undefined) namesALanguage.set(code, (known = languageNames.of(code) !== undefined));
  return known;
}

/** Trimmed, lower-case, each once. */
export const normaliseLanguages = (codes: readonly string[]): string[] => [...new Set(codes.map((code) => code.trim().toLowerCase()))];
