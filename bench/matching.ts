import { SCORE_SCALE, solveMatching, type MatchingOptions, type MatchingProblem } from '@samverka/matching';
import { benchmarkCohort, benchmarkProblem, type InstanceKind } from './matching-instances.js';
import { hungarianSeatExpandedTotal } from './matching-hungarian.js';

const SEED = 20_260_101;
const KINDS: InstanceKind[] = ['uniform', 'structured'];
const SIZES: [number, number, number][] = [
  [100, 20, 3],
  [1_000, 100, 10],
  [5_000, 500, 10],
];
// More or fewer seats than people: challenges end with free seats, which the optimal solver must price at 0.
const NON_TIGHT_SEATS = [8, 12];
// n² · (seats + n) operations; above this the Hungarian comparison would not finish within a minute here.
const HUNGARIAN_BUDGET = 3e10;

declare const gc: (() => void) | undefined;

function measure<T>(run: () => T): { result: T; seconds: number; megabytes: number } {
  if (typeof gc === 'function') gc();
  const before = process.memoryUsage();
  const start = process.hrtime.bigint();
  const result = run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const after = process.memoryUsage();
  const megabytes = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20;
  return { result, seconds, megabytes };
}

function line(label: string, seconds: number, megabytes: number, detail: string): void {
  process.stdout.write(`${label.padEnd(46)} ${seconds.toFixed(3).padStart(8)} s ${megabytes.toFixed(1).padStart(7)} MB  ${detail}\n`);
}

function solve(label: string, problem: MatchingProblem, options: MatchingOptions): number {
  const { result, seconds, megabytes } = measure(() => solveMatching(problem, options));
  line(label, seconds, megabytes, `total ${result.total.toFixed(6)}, matched ${result.matched}, blocking pairs ${result.blockingPairs}`);
  return result.total;
}

process.stdout.write(`matching benchmark, seed ${SEED}, node ${process.version}; memory = retained heap + array buffers\n`);
for (const kind of KINDS) {
  for (const [n, m, seats] of SIZES) {
    const problem = benchmarkProblem(kind, n, m, seats, SEED);
    const size = `${n}×${m}×${seats}`;
    const optimalTotal = solve(`${kind} ${size} optimal`, problem, { algorithm: 'optimal' });
    solve(`${kind} ${size} stable`, problem, { algorithm: 'stable' });
    if (n * n * (n + m * seats) > HUNGARIAN_BUDGET) {
      line(`${kind} ${size} hungarian (seat-expanded)`, NaN, NaN, 'skipped: would not finish within a minute');
      continue;
    }
    const { result, seconds, megabytes } = measure(() => hungarianSeatExpandedTotal(problem));
    const total = result / SCORE_SCALE;
    line(`${kind} ${size} hungarian (seat-expanded)`, seconds, megabytes, `total ${total.toFixed(6)}, ${total === optimalTotal ? 'same optimum' : 'DIFFERENT OPTIMUM'}`);
  }
  for (const seats of NON_TIGHT_SEATS) {
    solve(`${kind} 5000×500×${seats} optimal`, benchmarkProblem(kind, 5_000, 500, seats, SEED), { algorithm: 'optimal' });
  }
  const full = benchmarkProblem(kind, 10_000, 1_000, 10, SEED);
  for (const proposing of ['participants', 'challenges'] as const) {
    solve(`${kind} 10000×1000×10 stable (${proposing} propose)`, full, { algorithm: 'stable', proposing });
  }
}
const cohort = benchmarkCohort(10_000, 1_000, SEED);
const { result, seconds, megabytes } = measure(() => cohort.problem());
line('scoring 10000×1000 profiles', seconds, megabytes, `${result.scores.length} pairs`);
