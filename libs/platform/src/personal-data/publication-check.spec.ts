import { assertPublishable, findPersonalData, luhnValid, PersonalDataInPublicationError } from './publication-check.js';

const kinds = (text: string, names: string[] = []) => findPersonalData({ text }, names).map((f) => [f.kind, text.slice(f.index, f.index + f.length)]);

describe('the personal-data check of text to be published', () => {
  it('finds e-mail addresses, also with Swedish letters', () => {
    expect(kinds('Skriv till anna.ek@helsingborg.se eller åsa@kommun.nu.')).toEqual([
      ['email', 'anna.ek@helsingborg.se'],
      ['email', 'åsa@kommun.nu'],
    ]);
  });

  it('finds Swedish phone numbers in national and international form', () => {
    for (const phone of ['070-123 45 67', '0701234567', '08-123 456 78', '042-10 50 00', '+46 70 123 45 67', '+46701234567', '+46 (0)70-123 45 67', '0046 42 10 50 00']) {
      expect(kinds(`Ring ${phone} i dag.`)).toEqual([['phone', phone]]);
    }
  });

  it('does not take dates, years, counts or decimals for phone numbers', () => {
    expect(kinds('Under 2024-05-01 till 2024-06-30 bokade 1 250 unga, 0,5 per kväll, och 12-15 åringar kom 3 gånger.')).toEqual([]);
  });

  it('finds personnummer and samordningsnummer with a valid check digit, 10 or 12 digits, with or without separator', () => {
    // Skatteverket's test numbers.
    for (const number of ['811218-9876', '8112189876', '19811218-9876', '198112189876', '811218+9876', '701063-2391']) {
      expect(kinds(`Deltagare ${number} var med.`)).toEqual([['personal_identity_number', number]]);
    }
  });

  it('lets a number of the same shape pass when its check digit or date does not hold', () => {
    expect(kinds('Ärende 811218-9875 och 811318-9876.')).toEqual([]);
  });

  it('checks the Luhn digit as Skatteverket does', () => {
    expect(luhnValid('8112189876')).toBe(true);
    expect(luhnValid('8112189877')).toBe(false);
  });

  it('finds the installation’s people by full name in any case, and by a part of the name as written', () => {
    const names = ['Amira Haddad', 'Bo Ek'];
    expect(kinds('Vi pratade med amira haddad.', names)).toEqual([['name', 'amira haddad']]);
    expect(kinds('Amiras idé bar hela testet.', names)).toEqual([['name', 'Amiras']]);
    expect(kinds('Haddad ringde varje vecka.', names)).toEqual([['name', 'Haddad']]);
    // Short or lower-case parts are ordinary words: "bo" (live), "ek" (oak).
    expect(kinds('Unga som bor nära en ek vill bo kvar; Bo Ek höll med.', names)).toEqual([['name', 'Bo Ek']]);
    expect(kinds('En samira-modell och haddadiska ord', names)).toEqual([]);
  });

  it('names each field, lists item by item, and reports a stretch of text once', () => {
    const findings = findPersonalData({ title: 'Unga bokar själva', steps: ['Fråga fritidsledarna', 'Ring 0101011237'], evidence: null }, []);
    expect(findings).toEqual([{ field: 'steps[1]', kind: 'personal_identity_number', index: 5, length: 10 }]);
  });

  it('refuses with a 409 problem naming the fields but not repeating the text', () => {
    let error: unknown;
    try {
      assertPublishable({ title: 'Bra', whenToUse: 'Kontakta ola@example.se', evidence: 'Se 19811218-9876' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PersonalDataInPublicationError);
    const problem = error as PersonalDataInPublicationError;
    expect(problem.code).toBe('personal_data_in_publication');
    expect(problem.extensions.fields).toEqual(['whenToUse', 'evidence']);
    expect(JSON.stringify(problem.extensions)).not.toContain('ola@example.se');
    expect(() => assertPublishable({ title: 'Unga bokar själva' }, ['Amira Haddad'])).not.toThrow();
  });
});
