/**
 * Starts several servers or workers at once. When one fails to start, the others are stopped
 * before the failure is thrown: one left running would keep the test run from ever ending.
 */
export async function startTogether<T extends { stop(): Promise<unknown> }>(starts: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(starts);
  const failure = settled.find((result) => result.status === 'rejected');
  const started = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  if (!failure) return started;
  await Promise.all(started.map((process) => process.stop()));
  throw failure.reason;
}
