import { ConflictError } from '../errors/domain-error.js';

/**
 * What is refused in text about to be published as open data. Trusting authors is not
 * enough: whatever leaves the installation is checked, and a finding stops the publication.
 */
export type PersonalDataKind = 'email' | 'phone' | 'personal_identity_number' | 'name';

export interface PersonalDataFinding {
  /** The field as the request names it, e.g. `title` or `steps[2]`. */
  field: string;
  kind: PersonalDataKind;
  /** Where in the field's text it starts, and how long it is: enough to point at it without repeating it. */
  index: number;
  length: number;
}

/** The texts to publish by field name; a list is checked item by item (`steps[0]`, `steps[1]` …). */
export type PublicationFields = Record<string, string | readonly string[] | null | undefined>;

// Letters and digits of any script: a name or number must not run on into a neighbouring word.
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}])';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/**
 * Swedish numbers: national (an area code 0X…, e.g. 070-123 45 67, 042-10 50 00) or
 * international (+46 or 0046, with or without "(0)"), grouped by single spaces or hyphens.
 * Not after a digit, sign, dot or hyphen, so dates, decimals and ranges are not numbers.
 */
const PHONE = /(?<![\p{L}\p{N}+.\-/])(?:(?:\+|00)46[ -]?(?:\(0\)[ -]?)?[1-9]|0[1-9])(?:[ -]?\d){5,9}(?!\d)/gu;

/** YYMMDD or YYYYMMDD, then - or + (over a hundred years old) or nothing, then four digits. */
const IDENTITY_NUMBER = /(?<![\p{N}])(?:(18|19|20)?(\d{2}))(\d{2})(\d{2})[-+]?(\d{4})(?![\p{N}])/gu;

/** The Luhn check Skatteverket uses over the ten digits YYMMDDNNNN. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (product > 9) product -= 9;
    sum += product;
  }
  return sum % 10 === 0;
}

/** A personnummer, or a samordningsnummer (the day plus 60), whose date and check digit hold. */
function isIdentityNumber(match: RegExpExecArray): boolean {
  const [, , year, month, day, rest] = match;
  const m = Number(month);
  const d = Number(day) > 60 ? Number(day) - 60 : Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  return luhnValid(`${year}${month}${day}${rest}`);
}

function phoneDigitsPlausible(text: string): boolean {
  const digits = text.replace('(0)', '').replace(/\D/g, '');
  if (text.startsWith('+') || text.startsWith('00')) {
    const national = digits.replace(/^(00)?46/, '');
    return national.length >= 7 && national.length <= 9;
  }
  return digits.length >= 8 && digits.length <= 10;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Patterns for the installation's people. A full name is found in any case; a single part
 * of it (≥ 3 letters) only as written with its capital, so that "Ek" or "Bo" are not read
 * into "ek" or "bo" — and a trailing genitive s counts ("Amiras").
 */
function namePatterns(names: readonly string[]): RegExp[] {
  const full = new Set<string>();
  const parts = new Set<string>();
  for (const name of names) {
    const words = name.trim().split(/\s+/).filter(Boolean);
    if (!words.length) continue;
    full.add(words.map(escape).join('\\s+'));
    for (const word of words) if ([...word].length >= 3 && /^\p{Lu}/u.test(word)) parts.add(escape(word));
  }
  const patterns: RegExp[] = [];
  if (full.size) patterns.push(new RegExp(`${NOT_AFTER_WORD}(?:${[...full].join('|')})s?${NOT_BEFORE_WORD}`, 'giu'));
  if (parts.size) patterns.push(new RegExp(`${NOT_AFTER_WORD}(?:${[...parts].join('|')})s?${NOT_BEFORE_WORD}`, 'gu'));
  return patterns;
}

function findIn(field: string, text: string, names: RegExp[]): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  const add = (kind: PersonalDataKind, match: RegExpExecArray) => {
    const index = match.index;
    const end = index + match[0].length;
    // One finding per stretch of text: a number that is both a phone number and a personnummer is reported once.
    if (found.some((f) => index < f.index + f.length && f.index < end)) return;
    found.push({ field, kind, index, length: match[0].length });
  };
  for (const match of text.matchAll(EMAIL)) add('email', match);
  for (const match of text.matchAll(IDENTITY_NUMBER)) if (isIdentityNumber(match)) add('personal_identity_number', match);
  for (const match of text.matchAll(PHONE)) if (phoneDigitsPlausible(match[0])) add('phone', match);
  for (const pattern of names) for (const match of text.matchAll(pattern)) add('name', match);
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Every e-mail address, Swedish phone number, personnummer or samordningsnummer and name of
 * one of `knownNames` (the installation's people) in the fields, field by field, in order.
 */
export function findPersonalData(fields: PublicationFields, knownNames: readonly string[] = []): PersonalDataFinding[] {
  const names = namePatterns(knownNames);
  return Object.entries(fields).flatMap(([field, value]) => {
    if (value === null || value === undefined) return [];
    if (typeof value === 'string') return findIn(field, value, names);
    return value.flatMap((item, i) => findIn(`${field}[${i}]`, item, names));
  });
}

/** 409 `personal_data_in_publication`: names each field and what was found there, never the text itself. */
export class PersonalDataInPublicationError extends ConflictError {
  constructor(readonly findings: PersonalDataFinding[]) {
    const fields = [...new Set(findings.map((f) => f.field))];
    super('personal_data_in_publication', `Personal data cannot be published; remove it from: ${fields.join(', ')}.`, {
      fields,
      findings: findings.map(({ field, kind, index, length }) => ({ field, kind, index, length })),
    });
  }
}

/** Throws PersonalDataInPublicationError when any field holds personal data; publish only after this passes. */
export function assertPublishable(fields: PublicationFields, knownNames: readonly string[] = []): void {
  const findings = findPersonalData(fields, knownNames);
  if (findings.length) throw new PersonalDataInPublicationError(findings);
}
