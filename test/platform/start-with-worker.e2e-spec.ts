import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort, TestServer } from '@samverka/testing';

/** `npm start` runs the API and then the worker, whatever LOG_LEVEL says, and stops both together. */
describe('npm start: the API and the worker together', () => {
  let launcher: ChildProcess | undefined;
  let server: TestServer;

  afterAll(async () => {
    if (launcher && launcher.exitCode === null) {
      const exited = new Promise((resolve) => launcher!.once('exit', resolve));
      launcher.kill('SIGTERM');
      await exited;
    }
  });

  const childrenOf = (pid: number): number[] =>
    spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .stdout.split('\n')
      .map((line) => Number(line.trim()))
      .filter((n) => n > 0);

  it('with LOG_LEVEL=warn the API and the worker both run', async () => {
    // A migrated database of its own: start a test server once, keep its database, stop it.
    server = await TestServer.start();
    await server.stop();
    const port = await freePort();
    const url = new URL(process.env.SAMVERKA_TEST_DATABASE_URL as string);
    url.pathname = `/${server.databaseName}`;
    launcher = spawn(process.execPath, ['dist/apps/api/src/cli/start-with-worker.js'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: url.toString(),
        DATA_DIR: server.dataDir,
        JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher.stdout?.resume();
    launcher.stderr?.resume();
    const until = Date.now() + 20_000;
    let ready = false;
    while (Date.now() < until && !ready) {
      ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready).toBe(true);
    const started = Date.now() + 20_000;
    while (childrenOf(launcher.pid as number).length < 2 && Date.now() < started) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(childrenOf(launcher.pid as number)).toHaveLength(2);

    const exited = new Promise<number | null>((resolve) => launcher?.once('exit', resolve));
    launcher.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 45_000);
});
