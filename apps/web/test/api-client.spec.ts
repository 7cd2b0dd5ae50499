import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

describe('the web app’s API types', () => {
  it('are generated from the committed OpenAPI document (run npm run client after npm run openapi)', () => {
    // The CLI `npm run client` runs, printing instead of writing.
    const generated = spawnSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', 'apps/api/openapi.json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(generated.status).toBe(0);
    const committed = readFileSync('apps/web/src/api/schema.d.ts', 'utf8');
    // Comparing lengths first keeps a failure readable; the text must then be the same.
    expect(generated.stdout.length).toBe(committed.length);
    expect(generated.stdout === committed).toBe(true);
  });
});
