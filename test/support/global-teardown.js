import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.samverkaTestBrowser?.close();
  await globalThis.samverkaTestDatabase?.stop();
  if (process.env.SAMVERKA_TEST_DATA_DIR) rmSync(process.env.SAMVERKA_TEST_DATA_DIR, { recursive: true, force: true });
}
