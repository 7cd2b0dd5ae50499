import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestServer } from '@samverka/testing';

describe('starting Samverka', () => {
  it('refuses to start on bad settings, naming each bad variable without a stack trace', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverka-config-'));
    try {
      const result = spawnSync(process.execPath, ['dist/apps/api/src/main.js'], {
        env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: 'abc', DATA_DIR: dataDir, BODY_LIMIT: 'lots' },
        encoding: 'utf8',
        timeout: 15_000,
      });
      expect(result.status).not.toBe(0);
      expect(result.status).not.toBeNull();
      expect(result.stderr).toMatch(/^\s+- PORT: /m);
      expect(result.stderr).toMatch(/^\s+- JWT_SECRET: JWT_SECRET is required when NODE_ENV=production/m);
      expect(result.stderr).toMatch(/^\s+- BODY_LIMIT: /m);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('runs with synchronize off: a column the entities do not know survives a restart', async () => {
    const first = await TestServer.start();
    await first.db.query(`ALTER TABLE users ADD COLUMN kept_by_operator text`);
    await first.stop();
    const second = await TestServer.start({ databaseName: first.databaseName });
    try {
      const { rows } = await second.db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'kept_by_operator'`);
      expect(rows).toHaveLength(1);
      const applied = await second.db.query(`SELECT name FROM schema_migrations`);
      expect(applied.rows.map((row: { name: string }) => row.name)).toContain('Platform1763900000000');
    } finally {
      await second.stop();
    }
  });

  it('boots the worker on the database and stops it on SIGTERM', async () => {
    const server = await TestServer.start();
    try {
      const worker = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
        env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: server.databaseUrl, DATA_DIR: server.dataDir, LOG_LEVEL: 'info', JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | string | null>((resolve) => worker.once('exit', (code, signal) => resolve(code ?? signal)));
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the worker did not get ready:\n${output}`)), 20_000);
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Samverka worker ready')) {
            clearTimeout(timer);
            resolve();
          }
        };
        worker.stdout.on('data', read);
        worker.stderr.on('data', read);
        void exited.then((code) => reject(new Error(`the worker exited with ${code}:\n${output}`)));
      });
      worker.kill('SIGTERM');
      // The output explains a failure.
      expect({ exit: await exited, output }).toEqual({ exit: 0, output: expect.any(String) });
    } finally {
      await server.stop();
    }
  });
});
