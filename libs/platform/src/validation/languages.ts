const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** An ISO 639-1 code: two letters that name a language (e.g. `sv`, `ar`, `so`). */
export const isLanguageCode = (code: string): boolean => /^[a-z]{2}$/.test(code) && languageNames.of(code) !== undefined;

/** Trimmed, lower-case, each once. */
export const normaliseLanguages = (codes: readonly string[]): string[] => [...new Set(codes.map((code) => code.trim().toLowerCase()))];
