import { readFileSync } from 'node:fs';
import { solveInstanceJson } from '@samverka/matching';

// One instance in (a file, or standard input for "-"), one JSON result out; problems go to stderr with a non-zero exit.
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: matching-cli FILE (or - for standard input)\n');
  process.exit(2);
}
const outcome = solveInstanceJson(readFileSync(file === '-' ? 0 : file, 'utf8'));
if (outcome.ok) process.stdout.write(`${outcome.output}\n`);
else {
  process.stderr.write(`invalid instance: ${outcome.error}\n`);
  process.exit(1);
}
