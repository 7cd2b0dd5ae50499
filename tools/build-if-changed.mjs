// `npm start` and the benches build only when the sources changed since the last build: a hash
// of every file the build reads is kept in dist/, and a build runs (writing it anew) only when
// the hash differs. A plain `npm run build` replaces dist/ and so drops the stamp.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOTS = ['apps', 'libs', 'bench', 'types'];
const FILES = ['package.json', 'package-lock.json', 'tsconfig.json', '.swcrc'];
const STAMP = 'dist/.source-hash';

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

const hash = createHash('sha256');
const paths = [...ROOTS.filter((root) => existsSync(root)).flatMap((root) => [...filesUnder(root)]), ...FILES.filter((file) => existsSync(file))].sort();
for (const path of paths) hash.update(path).update('\0').update(readFileSync(path)).update('\0');
const sources = hash.digest('hex');

if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sources) process.exit(0);
const build = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
writeFileSync(STAMP, sources);
