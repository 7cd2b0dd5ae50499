import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN, type TestServer } from './test-server.js';

/** Chromium on this machine (`/usr/bin/chromium`, or CHROMIUM_PATH), for the scripts outside the test run. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });

/** Logs in through the Swedish login page and waits for the home page. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^E-postadress/).fill(email);
  await page.getByLabel(/^Lösenord/).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
}

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

/**
 * The logins a server that seeded the demo printed, by role, as `npm start` shows them:
 * `demo login — role: email / password (name)`. The admin's password is the one the server was given.
 */
export async function demoLogins(server: TestServer): Promise<Map<string, DemoLogin>> {
  await server.waitForLog('demo login — entrepreneur', 150_000);
  return new Map(
    [...server.logs.matchAll(/demo login — (\w+): (\S+) \/ (\(your ADMIN_PASSWORD\)|\S+) \(/g)].map(([, role, email, password]) => [role, { role, email, password: role === 'admin' ? ADMIN.password : password }]),
  );
}
