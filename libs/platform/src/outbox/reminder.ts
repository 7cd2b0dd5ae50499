import type { Notice } from './outbox.js';

/**
 * A notice sent on a schedule rather than by a change. The worker sends it to each recipient
 * at most once a day per `type` and `subjectId`, however often the job runs.
 */
export interface Reminder extends Notice {
  /** What the reminder is about: a match, a cohort, a milestone. */
  subjectId: string;
}
