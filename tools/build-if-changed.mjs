// `npm start` and the benches build only when the sources changed since the last build: a hash
// of every file the build reads is kept in dist/, and a build runs (writing it anew) only when
// the hash differs. A plain `npm run build` replaces dist/ and so drops the stamp.
//
// Reading every file is most of the check: a second stamp keeps each file's size, times and
// inode, as git's index does, and while those are all the same the contents are not read.
//
// `node tools/build-if-changed.mjs dist/x.js` then runs dist/x.js in this same process, which
// spares a start of Node.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOTS = ['apps', 'libs', 'bench', 'types'];
const FILES = ['package.json', 'package-lock.json', 'tsconfig.json', '.swcrc'];
const STAMP = 'dist/.source-hash';
const STAT_STAMP = 'dist/.source-stat';

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

const readStamp = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

const paths = [...ROOTS.filter((root) => existsSync(root)).flatMap((root) => [...filesUnder(root)]), ...FILES.filter((file) => existsSync(file))].sort();
const stats = createHash('sha256');
for (const path of paths) {
  const { size, mtimeMs, ctimeMs, ino } = statSync(path);
  stats.update(`${path}\0${size}\0${mtimeMs}\0${ctimeMs}\0${ino}\0`);
}
const statDigest = stats.digest('hex');

const sourcesStamp = readStamp(STAMP);
if (sourcesStamp === undefined || readStamp(STAT_STAMP) !== statDigest) {
  const hash = createHash('sha256');
  for (const path of paths) hash.update(path).update('\0').update(readFileSync(path)).update('\0');
  const sources = hash.digest('hex');
  if (sources !== sourcesStamp) {
    const build = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
    writeFileSync(STAMP, sources);
  }
  // Touched but unchanged (a checkout, a save without edits): the contents are not read again next time.
  writeFileSync(STAT_STAMP, statDigest);
}

const entry = process.argv[2];
if (entry) await import(pathToFileURL(resolve(entry)).href);
