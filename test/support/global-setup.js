// Runs once per `npm test`: builds Samverka (API and web app), starts one embedded PostgreSQL and
// migrates a template database that every test file clones (CREATE DATABASE … TEMPLATE is fast),
// and starts the one Chromium that every browser test connects to.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export default async function globalSetup() {
  const build = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');

  const { launchEmbeddedDatabase } = await import('../../dist/libs/database/src/index.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'samverka-test-'));
  // As root PostgreSQL runs as the postgres user, which must reach this directory.
  chmodSync(dataDir, 0o755);
  const database = await launchEmbeddedDatabase({ dataDir, databaseName: 'samverka_template' });
  const migrate = spawnSync(process.execPath, ['dist/apps/api/src/cli/migration.js', 'run'], {
    env: { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  if (migrate.status !== 0) throw new Error('migrating the template database failed');

  const browser = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });

  process.env.SAMVERKA_TEST_BROWSER = browser.wsEndpoint();
  globalThis.samverkaTestBrowser = browser;
  process.env.SAMVERKA_TEST_DATABASE_URL = database.url;
  process.env.SAMVERKA_TEST_DATA_DIR = dataDir;
  globalThis.samverkaTestDatabase = database;
}
