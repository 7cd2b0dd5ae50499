import type { Page } from 'playwright-core';

/** A label as Mantine renders it: the text, then an asterisk when required. */
export const startsWith = (label: string) => new RegExp(`^${label.replace(/[?()]/g, '\\$&')}`);

/** A decision from the selection page's dialog, in Swedish. */
export async function decide(page: Page, applicant: string, choice: string, note = ''): Promise<void> {
  await page.getByRole('button', { name: `Besluta om ${applicant}` }).click();
  const dialog = page.getByRole('dialog', { name: `Beslut om ${applicant}` });
  await dialog.getByRole('radio', { name: choice }).check();
  if (note) await dialog.getByLabel('Motivering (valfri)').fill(note);
  await dialog.getByRole('button', { name: 'Spara beslutet' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** The manager's move of a track to the next stage on the track page, in Swedish. */
export async function advanceTrack(page: Page, stage: string, note: string): Promise<void> {
  await page.getByRole('heading', { name: `Nästa steg: ${stage}` }).waitFor();
  await page.getByLabel(startsWith('Motivering')).fill(note);
  await page.getByRole('button', { name: `Flytta till ${stage}` }).click();
  await page.getByText(`Spåret är nu i steget ${stage}.`).waitFor();
}
