import { hashPassword, passwordProblems, verifyPassword } from './password.js';

describe('password policy', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('Fika-på-torget-42', 'anna@example.se')).toEqual([]);
  });

  it.each([
    ['shorter than 10 characters', 'Kort-42!'],
    ['one of the most common passwords', 'password123'],
    ['a common password in other case', 'QWERTYUIOP'],
    ['longer than 200 characters', 'x'.repeat(201) + 'Yz9'],
  ])('refuses a password %s, on the password field', (_why, password) => {
    const problems = passwordProblems(password);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.field === 'password')).toBe(true);
  });

  it('refuses a password containing the name part of the email address', () => {
    expect(passwordProblems('Sven.Ek-is-here-2026', 'sven.ek@example.se')).toEqual([{ field: 'password', message: 'password must not contain your email address', code: 'passwordContainsEmail' }]);
    // A very short name part would refuse too much.
    expect(passwordProblems('ab-is-a-fine-passphrase', 'ab@example.se')).toEqual([]);
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('Fika-på-torget-42');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Fika-på-torget-42')).toBe(true);
    expect(await verifyPassword(hash, 'Fika-på-torget-43')).toBe(false);
  });
});
