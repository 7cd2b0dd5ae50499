const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** An ISO 639-1 code: two letters that name a language (e.g. `sv`, `ar`, `so`). */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && languageNames.of(code) !== undefined;
}

/** Lower-cased, deduplicated language codes; the unknown ones are returned apart, for the error. */
export function normaliseLanguages(codes: readonly string[]): { languages: string[]; unknown: string[] } {
  const languages = [...new Set(codes.map((code) => code.trim().toLowerCase()))];
  return { languages, unknown: languages.filter((code) => !isLanguageCode(code)) };
}
