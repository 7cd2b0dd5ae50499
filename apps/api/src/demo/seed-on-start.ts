import type { INestApplication } from '@nestjs/common';
import { FirstAdmin, UsersService } from '@samverka/identity';
import type { AppConfig } from '@samverka/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { DemoClient } from './demo-client.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { DemoSeed } from './demo-seed.js';

/**
 * On an empty database (no programme yet) in development, seeds the demo through the API and
 * prints a login for each role. Without ADMIN_EMAIL the demo brings its own admin.
 */
export async function seedDemoIfEmpty(app: INestApplication, config: AppConfig, baseUrl: string, logger: Logger): Promise<void> {
  if (!config.seedsDemo) return;
  const email = config.ADMIN_EMAIL ?? 'admin@example.org';
  const password = config.ADMIN_PASSWORD ?? DEMO_PASSWORD;
  await app.get(FirstAdmin).ensure(email, password);
  const api = new DemoClient(baseUrl);
  const token = await api.login(email, password);
  const programmes = await api.call<{ items: unknown[] }>('GET', '/api/programmes?limit=1', token);
  if (programmes.items.length > 0) return;
  logger.info('seeding the demo (SEED_DEMO) …');
  const users = app.get(UsersService);
  const confirmEmail = async (address: string): Promise<void> => {
    const user = await users.findByEmailWithPassword(address);
    if (user) await users.confirmEmail(user);
  };
  const backdateStage = async (trackId: string, days: number): Promise<void> => {
    await app.get(DataSource).query('UPDATE tracks SET stage_entered_at = now() - make_interval(days => $2) WHERE id = $1', [trackId, days]);
  };
  const logins = await new DemoSeed(api, confirmEmail, backdateStage).run(email, password);
  for (const login of logins) {
    // A password the operator chose is theirs to know; only the demo's own is printed.
    const shown = login.password === config.ADMIN_PASSWORD ? '(your ADMIN_PASSWORD)' : login.password;
    logger.info({ role: login.role, email: login.email }, `demo login — ${login.role}: ${login.email} / ${shown} (${login.name})`);
  }
}
