import { readdirSync } from 'node:fs';

type Tree = { [key: string]: string | Tree };
const LANGUAGES = ['sv', 'en'];
const catalogueDir = (language: string) => new URL(`../src/i18n/${language}/`, import.meta.url);
const areas = [...new Set(LANGUAGES.flatMap((language) => readdirSync(catalogueDir(language)).map((file) => file.replace(/\.ts$/, ''))))].sort();

/** Every message of a catalogue by its dotted key. */
function messages(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(`${prefix}${key}`, value);
    else for (const [nested, message] of messages(value, `${prefix}${key}.`)) found.set(nested, message);
  }
  return found;
}
const placeholders = (message: string) => [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('the message catalogues', () => {
  it('has one file per area in every language', () => {
    for (const language of LANGUAGES) expect(readdirSync(catalogueDir(language)).map((file) => file.replace(/\.ts$/, '')).sort()).toEqual(areas);
  });

  it.each(areas)('%s: every key in both Swedish and English, with the same placeholders and no empty message', async (area) => {
    const [sv, en] = await Promise.all(LANGUAGES.map(async (language) => messages(((await import(new URL(`${area}.ts`, catalogueDir(language)).pathname)) as { default: Tree }).default)));
    expect([...en.keys()].filter((key) => !sv.has(key))).toEqual([]);
    expect([...sv.keys()].filter((key) => !en.has(key))).toEqual([]);
    for (const [key, message] of sv) {
      expect({ key, sv: message.trim().length > 0, en: (en.get(key) ?? '').trim().length > 0 }).toEqual({ key, sv: true, en: true });
      expect({ key, placeholders: placeholders(en.get(key) ?? '') }).toEqual({ key, placeholders: placeholders(message) });
    }
  });
});
